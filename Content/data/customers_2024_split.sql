-- CoreWeave's 2024 revenue in three parts that add up to the whole: Microsoft, Nvidia, and
-- everyone else (100% less the two largest customers' combined share).
SELECT customer, share_of_revenue_pct, source_id
FROM (
  SELECT 1 AS part, customer, share_of_revenue_pct, source_id
  FROM customer_concentration
  WHERE period = '2024' AND measure = 'single customer'
  UNION ALL
  SELECT 2 AS part, 'All other customers' AS customer, 100 - share_of_revenue_pct AS share_of_revenue_pct, source_id
  FROM customer_concentration
  WHERE period = '2024' AND customer = 'Top 2 customers'
)
ORDER BY part, share_of_revenue_pct DESC
