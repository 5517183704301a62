// The default knowledge graph, part 3: what the backend developer is responsible for.

UNWIND [
  {id: 'business-logic', name: 'Business logic', source: 'seed-article',
   description: 'Handles the rules of the application behind its interface.'},
  {id: 'interface-integration', name: 'Interface integration',
   source: 'seed-article',
   description: 'Makes sure the interface is integrated and implemented in line with the goals and vision of the project.'},
  {id: 'requirements-and-code', name: 'Requirements and code', source: 'seed-article',
   description: 'Works out what the web application needs in order to work, then writes the code for it.'},
  {id: 'servers-databases-and-applications', name: 'Servers, databases and applications', source: 'seed-article',
   description: 'Works with servers, databases and custom applications so that web and mobile products launch successfully.'},
  {id: 'database-browser-communication', name: 'Database-browser communication', source: 'seed-article',
   description: 'Owns the back end and everything that passes between the database and the browser.'},
  {id: 'constant-updates', name: 'Constant updates', source: 'seed-article',
   description: 'Keeps the application up to date with constant updates.'},
  {id: 'database-information-management', name: 'Database information management', source: 'seed-article',
   description: 'Monitors and organises the information in the database safely and correctly.'},
  {id: 'website-behaviour', name: 'Website behaviour', source: 'forbes',
   description: 'Decides how the website will function: the backend is the engine of the site.'}
] AS responsibility
MERGE (x:Responsibility {id: responsibility.id})
ON CREATE SET x.createdAt = datetime()
SET x:Node, x.name = responsibility.name, x.description = responsibility.description, x.origin = 'article'
WITH x, responsibility
MATCH (r:Role {id: 'backend-developer'}), (s:Source {id: responsibility.source})
MERGE (r)-[h:HAS_RESPONSIBILITY]->(x)
SET h.origin = 'article', h.source = responsibility.source
MERGE (x)-[:CITES]->(s);
