// The default knowledge graph, part 5: skills, and which roles require them at what level.

UNWIND [
  {id: 'programming-language-fluency', name: 'Programming language fluency', category: 'Programming',
   description: 'Fluent in at least one programming language.'},
  {id: 'database-knowledge', name: 'Database knowledge', category: 'Data',
   description: 'Knows databases well: how to store, query and protect information.'},
  {id: 'web-architecture', name: 'Web architecture', category: 'Architecture',
   description: 'Understands how web applications are built and fit together.'},
  {id: 'frontend-development', name: 'Frontend development', category: 'Development',
   description: 'Building what users see and use in the browser.'},
  {id: 'backend-development', name: 'Backend development', category: 'Development',
   description: 'Building the server side: logic, data and integration.'}
] AS skill
MERGE (k:Skill {id: skill.id})
ON CREATE SET k.createdAt = datetime()
SET k:Node, k.name = skill.name, k.category = skill.category, k.description = skill.description,
    k.origin = 'article'
WITH k
MATCH (s:Source {id: 'seed-article'})
MERGE (k)-[:CITES]->(s);

UNWIND [
  {role: 'backend-developer', skill: 'programming-language-fluency', level: 'fluent'},
  {role: 'backend-developer', skill: 'database-knowledge', level: 'excellent'},
  {role: 'backend-developer', skill: 'web-architecture', level: 'good'},
  {role: 'backend-developer', skill: 'backend-development', level: 'master'},
  {role: 'full-stack-developer', skill: 'frontend-development', level: null},
  {role: 'full-stack-developer', skill: 'backend-development', level: null},
  {role: 'frontend-developer', skill: 'frontend-development', level: null}
] AS requirement
MATCH (r:Role {id: requirement.role}), (k:Skill {id: requirement.skill})
MERGE (r)-[q:REQUIRES]->(k)
SET q.level = requirement.level, q.origin = 'article', q.source = 'seed-article';
