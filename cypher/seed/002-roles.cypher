// The default knowledge graph, part 2: roles, their team, how they collaborate, and their salaries.

UNWIND [
  {id: 'backend-developer', name: 'Backend Developer',
   summary: 'Builds the behind-the-scenes part of web and mobile applications: business logic, servers, databases and everything between the database and the browser.'},
  {id: 'frontend-developer', name: 'Frontend Developer',
   summary: 'Builds the part of an application that users see and interact with in the browser.'},
  {id: 'full-stack-developer', name: 'Full-Stack Developer',
   summary: 'Works on both the front end and the back end; may know each side less deeply than a specialist.'}
] AS role
MERGE (r:Role {id: role.id})
ON CREATE SET r.createdAt = datetime()
SET r:Node, r.name = role.name, r.summary = role.summary, r.origin = 'article'
WITH r
MATCH (t:Team {id: 'web-development-team'}), (s:Source {id: 'seed-article'})
MERGE (r)-[m:MEMBER_OF]->(t)
SET m.origin = 'article', m.source = 'seed-article'
MERGE (r)-[:CITES]->(s);

// Forbes is quoted on the backend's place in a website, so the backend role cites it too.
MATCH (r:Role {id: 'backend-developer'}), (s:Source {id: 'forbes'})
MERGE (r)-[:CITES]->(s);

UNWIND [
  {from: 'backend-developer', to: 'frontend-developer',
   reason: 'Works closely with the front end so that the functionality matches the user experience.'},
  {from: 'backend-developer', to: 'full-stack-developer',
   reason: 'Keeps good connections with every team member to deliver a functional, logical product.'}
] AS collaboration
MATCH (a:Role {id: collaboration.from}), (b:Role {id: collaboration.to})
MERGE (a)-[c:COLLABORATES_WITH]->(b)
SET c.reason = collaboration.reason, c.origin = 'article', c.source = 'seed-article';

// Statista figures quoted by the article: average yearly salaries in Australia, 2019.
UNWIND [
  {id: 'senior-backend-developer-australia-2019', name: 'Senior Backend Developer, Australia 2019',
   amount: 95000.0, seniority: 'SENIOR'},
  {id: 'junior-backend-developer-australia-2019', name: 'Junior Backend Developer, Australia 2019',
   amount: 55000.0, seniority: 'JUNIOR'}
] AS salary
MERGE (p:Salary {id: salary.id})
ON CREATE SET p.createdAt = datetime()
SET p:Node, p.name = salary.name, p.amount = salary.amount, p.currency = 'AUD', p.country = 'AU',
    p.year = 2019, p.seniority = salary.seniority, p.period = 'YEAR', p.origin = 'article'
WITH p
MATCH (r:Role {id: 'backend-developer'}), (s:Source {id: 'statista'})
MERGE (r)-[e:EARNS]->(p)
SET e.origin = 'article', e.source = 'statista'
MERGE (p)-[:CITES]->(s);
