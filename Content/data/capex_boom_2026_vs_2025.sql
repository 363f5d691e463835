-- The bottom and top of each company's 2026 capex guidance as multiples of its reported 2025 spending,
-- for the companies that gave 2026 guidance.
SELECT company,
       actual_usd_b,
       guide_2026_low_usd_b,
       guide_2026_high_usd_b,
       guide_low_vs_actual,
       guide_high_vs_actual,
       actual_guide_source_ids
FROM capex_boom_by_company
WHERE guide_2026_low_usd_b IS NOT NULL
ORDER BY guide_low_vs_actual DESC
