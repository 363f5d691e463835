-- Each company's 2025 plan against what it spent, and its 2026 guidance against that spending.
SELECT p.company,
       p.period,
       p.plan_low_usd_b,
       p.plan_high_usd_b,
       p.actual_usd_b,
       p.actual_usd_b / p.plan_high_usd_b AS actual_vs_plan_high,
       p.actual_usd_b / p.plan_low_usd_b AS actual_vs_plan_low,
       p.actual_usd_b / p.plan_high_usd_b - 1 AS change_vs_plan_high,
       CASE WHEN p.actual_usd_b > p.plan_high_usd_b THEN 1 ELSE 0 END AS over_plan,
       g.low_usd_b AS guide_2026_low_usd_b,
       g.high_usd_b AS guide_2026_high_usd_b,
       g.low_usd_b / p.actual_usd_b AS guide_low_vs_actual,
       g.high_usd_b / p.actual_usd_b AS guide_high_vs_actual,
       p.plan_source_id,
       p.actual_source_id,
       g.source_id AS guide_source_id,
       p.plan_source_id || ';' || p.actual_source_id AS plan_actual_source_ids,
       p.actual_source_id || ifnull(';' || g.source_id, '') AS actual_guide_source_ids
FROM capex_plan_vs_actual AS p
LEFT JOIN capex_2026_guidance AS g ON g.company = p.company
ORDER BY change_vs_plan_high DESC
