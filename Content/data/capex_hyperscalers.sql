-- The four hyperscalers of the capex datasets, one row each: the 2025 plan, the 2025 spending and the
-- 2026 guidance (CoreWeave, a neocloud with guidance cut during the year, is left out).
SELECT company, period, plan_low_usd_b, plan_high_usd_b, actual_usd_b, change_vs_plan_high, over_plan,
       guide_2026_low_usd_b, guide_2026_high_usd_b, guide_low_vs_actual, guide_high_vs_actual,
       plan_source_id, actual_source_id, guide_source_id, plan_actual_source_ids, actual_guide_source_ids
FROM capex_boom_by_company
WHERE company != 'CoreWeave'
ORDER BY actual_usd_b DESC
