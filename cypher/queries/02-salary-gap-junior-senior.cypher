// Salary gap from junior to senior, per role, country, currency and period (amounts of different
// currencies or periods are never compared).
// Returns: the average junior and senior amounts, the gap and the senior/junior ratio.
MATCH (r:Role)-[:EARNS]->(s:Salary)
WHERE s.seniority IN ['JUNIOR', 'SENIOR']
WITH r, s.country AS country, s.currency AS currency, s.period AS period,
     avg(CASE s.seniority WHEN 'JUNIOR' THEN s.amount END) AS junior,
     avg(CASE s.seniority WHEN 'SENIOR' THEN s.amount END) AS senior
WHERE junior IS NOT NULL AND senior IS NOT NULL
RETURN r.name AS role, country, currency, period, junior, senior, senior - junior AS gap,
       round(senior / junior, 2) AS ratio
ORDER BY ratio DESC;
