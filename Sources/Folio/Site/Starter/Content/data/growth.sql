-- A derived dataset: growth on the year before, computed from sales.csv on every build.
SELECT b.year AS year, b.revenue_usd_m / a.revenue_usd_m - 1 AS growth
FROM sales AS a
JOIN sales AS b ON b.year = a.year + 1
ORDER BY b.year
