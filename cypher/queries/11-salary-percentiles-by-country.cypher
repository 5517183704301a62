// A role's salaries per country: how many data points, and their quartiles (percentileCont, as the API's
// salaryStats), never mixing currencies or pay periods. Change the role id to look at another role.
// Returns: one row per country, currency and period, the most data points first.
MATCH (:Role {id: 'backend-developer'})-[:EARNS]->(s:Salary)
RETURN s.country AS country, s.currency AS currency, s.period AS period, count(s) AS dataPoints,
       min(s.amount) AS min, percentileCont(s.amount, 0.25) AS p25, percentileCont(s.amount, 0.5) AS median,
       percentileCont(s.amount, 0.75) AS p75, max(s.amount) AS max
ORDER BY dataPoints DESC, country, currency;
