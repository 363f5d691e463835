-- The claims check's labels counted by subject, the subject with the smallest confirmed share first.
SELECT topic,
       count(*) AS claims,
       sum(status = 'confirmed') AS confirmed,
       sum(status = 'unsupported') AS unsupported,
       sum(status = 'contradicted') AS contradicted,
       round(1.0 * sum(status = 'confirmed') / count(*), 4) AS confirmed_share
FROM claims_topics
GROUP BY topic
ORDER BY confirmed_share, claims DESC, topic
