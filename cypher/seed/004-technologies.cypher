// The default knowledge graph, part 4: technologies by kind.
// The article names kinds of technology (servers, databases, custom applications, programming languages,
// the browser); the concrete products below them are examples (origin "example") and cite nothing.

UNWIND [
  {id: 'web-server', name: 'Web server', kind: 'SERVER', origin: 'article',
   description: 'A server a backend developer works with to run web applications.'},
  {id: 'database', name: 'Database', kind: 'DATABASE', origin: 'article',
   description: 'Where the application keeps its information.'},
  {id: 'custom-application', name: 'Custom application', kind: 'APPLICATION', origin: 'article',
   description: 'Software built for the project that the backend works with.'},
  {id: 'web-browser', name: 'Web browser', kind: 'APPLICATION', origin: 'article',
   description: 'Where users meet the application; the backend serves what it shows.'},
  {id: 'programming-language', name: 'Programming language', kind: 'LANGUAGE', origin: 'article',
   description: 'The language the application code is written in.'},
  {id: 'postgresql', name: 'PostgreSQL', kind: 'DATABASE', origin: 'example',
   description: 'Relational database.'},
  {id: 'mongodb', name: 'MongoDB', kind: 'DATABASE', origin: 'example', description: 'Document database.'},
  {id: 'nginx', name: 'Nginx', kind: 'SERVER', origin: 'example', description: 'Web server and reverse proxy.'},
  {id: 'node-js', name: 'Node.js', kind: 'SERVER', origin: 'example',
   description: 'JavaScript runtime for server applications.'},
  {id: 'python', name: 'Python', kind: 'LANGUAGE', origin: 'example', description: 'General-purpose language.'},
  {id: 'java', name: 'Java', kind: 'LANGUAGE', origin: 'example', description: 'Language of the JVM.'},
  {id: 'javascript', name: 'JavaScript', kind: 'LANGUAGE', origin: 'example',
   description: 'Language of the browser, also used on servers.'},
  {id: 'typescript', name: 'TypeScript', kind: 'LANGUAGE', origin: 'example',
   description: 'JavaScript with static types.'},
  {id: 'html-and-css', name: 'HTML and CSS', kind: 'LANGUAGE', origin: 'example',
   description: 'Structure and style of web pages.'},
  {id: 'react', name: 'React', kind: 'FRAMEWORK', origin: 'example', description: 'User interface library.'},
  {id: 'express', name: 'Express', kind: 'FRAMEWORK', origin: 'example', description: 'Node.js web framework.'},
  {id: 'git', name: 'Git', kind: 'TOOL', origin: 'example', description: 'Version control.'},
  {id: 'docker', name: 'Docker', kind: 'TOOL', origin: 'example', description: 'Containers for shipping services.'}
] AS technology
MERGE (t:Technology {id: technology.id})
ON CREATE SET t.createdAt = datetime()
SET t:Node, t.name = technology.name, t.kind = technology.kind, t.description = technology.description,
    t.origin = technology.origin;

MATCH (t:Technology {origin: 'article'}), (s:Source {id: 'seed-article'})
MERGE (t)-[:CITES]->(s);

// Which technologies each responsibility involves.
UNWIND [
  {from: 'servers-databases-and-applications', to: 'web-server', origin: 'article'},
  {from: 'servers-databases-and-applications', to: 'database', origin: 'article'},
  {from: 'servers-databases-and-applications', to: 'custom-application', origin: 'article'},
  {from: 'database-browser-communication', to: 'database', origin: 'article'},
  {from: 'database-browser-communication', to: 'web-browser', origin: 'article'},
  {from: 'database-information-management', to: 'database', origin: 'article'},
  {from: 'requirements-and-code', to: 'programming-language', origin: 'article'},
  {from: 'database-information-management', to: 'postgresql', origin: 'example'},
  {from: 'servers-databases-and-applications', to: 'nginx', origin: 'example'},
  {from: 'business-logic', to: 'node-js', origin: 'example'},
  {from: 'business-logic', to: 'python', origin: 'example'},
  {from: 'constant-updates', to: 'git', origin: 'example'},
  {from: 'constant-updates', to: 'docker', origin: 'example'}
] AS involvement
MATCH (x:Responsibility {id: involvement.from}), (t:Technology {id: involvement.to})
MERGE (x)-[i:INVOLVES]->(t)
SET i.origin = involvement.origin, i.source = CASE involvement.origin WHEN 'article' THEN 'seed-article' END;

// Technologies each role uses directly.
UNWIND [
  {from: 'backend-developer', to: 'web-server', origin: 'article'},
  {from: 'backend-developer', to: 'database', origin: 'article'},
  {from: 'backend-developer', to: 'custom-application', origin: 'article'},
  {from: 'backend-developer', to: 'postgresql', origin: 'example'},
  {from: 'backend-developer', to: 'mongodb', origin: 'example'},
  {from: 'backend-developer', to: 'java', origin: 'example'},
  {from: 'backend-developer', to: 'express', origin: 'example'},
  {from: 'frontend-developer', to: 'web-browser', origin: 'example'},
  {from: 'frontend-developer', to: 'javascript', origin: 'example'},
  {from: 'frontend-developer', to: 'typescript', origin: 'example'},
  {from: 'frontend-developer', to: 'html-and-css', origin: 'example'},
  {from: 'frontend-developer', to: 'react', origin: 'example'},
  {from: 'frontend-developer', to: 'git', origin: 'example'},
  {from: 'full-stack-developer', to: 'javascript', origin: 'example'},
  {from: 'full-stack-developer', to: 'typescript', origin: 'example'},
  {from: 'full-stack-developer', to: 'react', origin: 'example'},
  {from: 'full-stack-developer', to: 'node-js', origin: 'example'},
  {from: 'full-stack-developer', to: 'express', origin: 'example'},
  {from: 'full-stack-developer', to: 'postgresql', origin: 'example'},
  {from: 'full-stack-developer', to: 'git', origin: 'example'}
] AS use
MATCH (r:Role {id: use.from}), (t:Technology {id: use.to})
MERGE (r)-[u:USES]->(t)
SET u.origin = use.origin, u.source = CASE use.origin WHEN 'article' THEN 'seed-article' END;
