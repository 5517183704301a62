// Generated from src/model/model.ts by `npm run schema`; do not edit by hand.
// Keyset pagination orders by (sortName, name, id) (src/model/sort-name.ts): composite range indexes serve both
// the order and the seek.
CREATE INDEX role_sortName_name_id IF NOT EXISTS FOR (n:Role) ON (n.sortName, n.name, n.id);
CREATE INDEX responsibility_sortName_name_id IF NOT EXISTS FOR (n:Responsibility) ON (n.sortName, n.name, n.id);
CREATE INDEX technology_sortName_name_id IF NOT EXISTS FOR (n:Technology) ON (n.sortName, n.name, n.id);
CREATE INDEX skill_sortName_name_id IF NOT EXISTS FOR (n:Skill) ON (n.sortName, n.name, n.id);
CREATE INDEX salary_sortName_name_id IF NOT EXISTS FOR (n:Salary) ON (n.sortName, n.name, n.id);
CREATE INDEX source_sortName_name_id IF NOT EXISTS FOR (n:Source) ON (n.sortName, n.name, n.id);
CREATE INDEX team_sortName_name_id IF NOT EXISTS FOR (n:Team) ON (n.sortName, n.name, n.id);
// Filters the model declares (a technology's kind, a salary's currency, country and year).
CREATE INDEX technology_kind_sortName_name_id IF NOT EXISTS FOR (n:Technology) ON (n.kind, n.sortName, n.name, n.id);
CREATE INDEX salary_currency_country_year IF NOT EXISTS FOR (n:Salary) ON (n.currency, n.country, n.year);

// Full-text index behind the `search` query: names and descriptive text of every domain label.
// `npm start`, `npm run seed` and `npm run import` drop it first when it indexes other labels, properties
// or analyzer (an older model's). With cypher-shell, run `DROP INDEX node_search IF EXISTS` first after such a change.
CREATE FULLTEXT INDEX node_search IF NOT EXISTS
FOR (n:Role|Responsibility|Technology|Skill|Salary|Source|Team)
ON EACH [n.name, n.description, n.summary, n.alternativeNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// Wait until every index is online, so a seed or query that follows can use them.
CALL db.awaitIndexes(300);
