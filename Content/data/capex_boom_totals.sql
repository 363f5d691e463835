-- Microsoft, Meta, Alphabet and Amazon together: 2025 plans and 2025 spending.
SELECT 'hyperscalers' AS set_name,
       count(*) AS companies,
       sum(plan_low_usd_b) AS plan_low_usd_b,
       sum(plan_high_usd_b) AS plan_high_usd_b,
       sum(actual_usd_b) AS actual_usd_b,
       sum(actual_usd_b) / sum(plan_high_usd_b) AS actual_vs_plan_high,
       group_concat(plan_source_id, ';') AS plan_source_ids,
       group_concat(actual_source_id, ';') AS actual_source_ids,
       group_concat(plan_source_id || ';' || actual_source_id, ';') AS source_ids
FROM capex_plan_vs_actual
WHERE company IN ('Microsoft', 'Meta', 'Alphabet', 'Amazon')
