-- CoreWeave's adjusted EBITDA and net interest by year, summed from the quarterly releases.
-- A year with a missing quarter gets no sum (NULL), never a partial one.
SELECT CAST(substr(quarter, 1, 4) AS INTEGER) AS year,
       count(*) AS quarters,
       CASE WHEN count(adjusted_ebitda_usd_m) = 4 THEN sum(adjusted_ebitda_usd_m) END AS adjusted_ebitda_usd_m,
       CASE WHEN count(interest_expense_usd_m) = 4 THEN sum(interest_expense_usd_m) END AS interest_expense_usd_m,
       CASE WHEN count(interest_expense_usd_m) = 4 AND count(adjusted_ebitda_usd_m) = 4
            THEN sum(interest_expense_usd_m) / sum(adjusted_ebitda_usd_m) END AS interest_share_of_ebitda,
       group_concat(source_ids, ';') AS source_ids
FROM coreweave_quarterly
GROUP BY 1
ORDER BY 1
