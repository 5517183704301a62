// The default knowledge graph, part 1: where facts come from, and the team the roles belong to.
// Every statement is idempotent (MERGE on id, then SET), so running the seed again changes no counts.
// Provenance: `origin` is "article" for facts stated in the seed article and "example" for representative
// illustrations added to make the graph useful; article facts also CITE the source they come from.

UNWIND [
  {id: 'seed-article', name: 'Seed article', publisher: null, url: null, year: null,
   description: 'The article on what a backend developer does that the default dataset is built from.'},
  {id: 'statista', name: 'Statista', publisher: 'Statista', url: 'https://www.statista.com', year: 2019,
   description: 'Statistics portal; quoted by the article for 2019 Australian backend developer salaries.'},
  {id: 'forbes', name: 'Forbes', publisher: 'Forbes', url: 'https://www.forbes.com', year: null,
   description: 'Business magazine; quoted by the article on the backend being the engine of a website.'}
] AS source
MERGE (s:Source {id: source.id})
ON CREATE SET s.createdAt = datetime()
SET s:Node, s.name = source.name, s.publisher = source.publisher, s.url = source.url, s.year = source.year,
    s.description = source.description, s.origin = 'article';

MERGE (t:Team {id: 'web-development-team'})
ON CREATE SET t.createdAt = datetime()
SET t:Node, t.name = 'Web development team', t.origin = 'article',
    t.description = 'Professionals working towards the same goals on a web project, since one person could hardly do it all.';

MATCH (t:Team {id: 'web-development-team'}), (s:Source {id: 'seed-article'})
MERGE (t)-[:CITES]->(s);
