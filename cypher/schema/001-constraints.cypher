// Generated from src/model/model.ts by `npm run schema`; do not edit by hand.
// Identity: every node carries its domain label plus the shared label Node, and its `id` (the kebab-case
// slug of its name) is unique per label and across the whole graph, so `node(id:)`, `path` and
// `neighborhood` can find any node through one index.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT responsibility_id IF NOT EXISTS FOR (n:Responsibility) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT salary_id IF NOT EXISTS FOR (n:Salary) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;

// The change log (scripts/neo4j, kg/changes: one entry per transaction that changes the model, whoever sent it),
// which `graphChanged` reads in seq order. The sequence node exists before any writer, so that concurrent
// first writes do not each create one.
CREATE CONSTRAINT change_log_seq IF NOT EXISTS FOR (c:ChangeLog) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_log_sequence_name IF NOT EXISTS FOR (s:ChangeLogSequence) REQUIRE s.name IS UNIQUE;
MERGE (:ChangeLogSequence {name: 'changes'});
