-- Each claim of seed_claims_check with the subject it is about, so the claims check can tally
-- the labels by subject. A claim missing from this list gets no topic, and the claims check's
-- first claim block stops the build until it is given one.
WITH topics(fact_id, topic) AS (
  VALUES
    ('fin-revenue-2024', 'Finances'),
    ('fin-netloss-2024', 'Finances'),
    ('seed-interest-2b', 'Finances'),
    ('seed-repay-oct-2025', 'Finances'),
    ('seed-4b-one-year', 'Finances'),
    ('co-founded', 'Company'),
    ('co-gpus', 'Company'),
    ('co-datacenters-2024', 'Company'),
    ('co-datacenters-growth', 'Company'),
    ('co-employees', 'Company'),
    ('co-ai-pivot-2020', 'Company'),
    ('mk-35x-80pct', 'Company'),
    ('cust-msft-2024', 'Customers'),
    ('cust-msft-competitor', 'Customers'),
    ('nv-stake-preipo', 'Nvidia'),
    ('nv-invest-2023', 'Nvidia'),
    ('seed-nv-lease-direction', 'Nvidia'),
    ('seed-b200-commitment', 'Nvidia'),
    ('seed-nv-partner-tiers', 'Nvidia'),
    ('seed-h100-first', 'Nvidia'),
    ('seed-h100-30x', 'Nvidia'),
    ('seed-gpu-utilisation', 'Nvidia'),
    ('seed-nv-engineers', 'Nvidia'),
    ('ml-gpt3-3584', 'Nvidia'),
    ('ml-vs-tpu', 'Nvidia'),
    ('ipo-s1-filed', 'IPO'),
    ('ipo-initial-target', 'IPO'),
    ('ipo-range', 'IPO'),
    ('ipo-priced', 'IPO'),
    ('ipo-bellwether', 'IPO'),
    ('ipo-time-bomb', 'IPO'),
    ('gov-class-b', 'Founders'),
    ('gov-voting-control', 'Founders'),
    ('gov-founder-sales', 'Founders'),
    ('seed-founders-fidelity', 'Founders'),
    ('gov-material-weakness', 'Founders'),
    ('cap-msft-fy25', 'AI spending'),
    ('cap-meta-2025', 'AI spending'),
    ('cap-stargate', 'AI spending'),
    ('tsai-bubble', 'AI spending'),
    ('seed-double-counting', 'AI spending'),
    ('seed-meta-retrofit', 'AI spending')
)
SELECT c.fact_id AS fact_id, c.claim AS claim, c.status AS status, t.topic AS topic,
       c.evidence_source_ids AS evidence_source_ids
FROM seed_claims_check AS c LEFT JOIN topics AS t ON t.fact_id = c.fact_id
ORDER BY c.rowid
