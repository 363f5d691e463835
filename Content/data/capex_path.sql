-- Each company's capex in three steps on one scale: the top of its early-2025 plan, what it
-- reported spending in 2025, and the low end of its 2026 guidance (none for Microsoft).
SELECT company, step, usd_b, source_id
FROM (
  SELECT 1 AS part, company, '2025 plan' AS step, plan_high_usd_b AS usd_b, plan_source_id AS source_id
  FROM capex_plan_vs_actual
  UNION ALL
  SELECT 2 AS part, company, '2025 spent' AS step, actual_usd_b AS usd_b, actual_source_id AS source_id
  FROM capex_plan_vs_actual
  UNION ALL
  SELECT 3 AS part, p.company, '2026 guide' AS step, g.low_usd_b AS usd_b, g.source_id AS source_id
  FROM capex_plan_vs_actual AS p
  LEFT JOIN capex_2026_guidance AS g ON g.company = p.company
)
ORDER BY part
