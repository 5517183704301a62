// How many technologies of each kind the graph holds, and how many of them are facts of the
// article versus illustrative examples.
// Returns: kind, total, from the article, examples.
MATCH (t:Technology)
RETURN t.kind AS kind, count(t) AS total,
       count(CASE t.origin WHEN 'article' THEN 1 END) AS fromArticle,
       count(CASE t.origin WHEN 'example' THEN 1 END) AS examples
ORDER BY total DESC, kind;
