-- Each single-year 2025 plan as a multiple of CoreWeave's: the low end against CoreWeave's high end,
-- the high end against its low end, so the range covers every reading of both ranges.
SELECT c.company,
       c.low_usd_b,
       c.high_usd_b,
       c.low_usd_b * 1.0 / w.high_usd_b AS low_multiple,
       c.high_usd_b * 1.0 / w.low_usd_b AS high_multiple,
       c.source_id || ';' || w.source_id AS source_ids
FROM capex_2025 AS c
JOIN capex_2025 AS w ON w.company = 'CoreWeave'
WHERE c.horizon_years = 1 AND c.company != 'CoreWeave'
ORDER BY c.low_usd_b
