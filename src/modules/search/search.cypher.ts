import { CypherText } from '../../graph/db';
import { searchIndex } from '../../model/schema-cypher';
import { foldName } from '../../model/sort-name';
import { NEO4J_LABEL, nodeLabelOf } from '../node/node.type';
import { SearchArgs } from './search.inputs';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * User text -> a Lucene query that cannot be a syntax error or an operator: every special character is
 * escaped and terms are folded as names are (lower-cased, without accents; so AND/OR/NOT are plain words).
 * Each term counts as itself (boosted) or as a prefix, so "back" finds "backend". The index's analyzer
 * (standard-folding) folds what it indexes and the whole terms; prefix terms reach Lucene unanalysed, hence
 * the fold here too.
 */
export function luceneQuery(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .map((term) => foldName(term).replace(LUCENE_SPECIAL, '\\$&'))
    .map((term) => `${term}^2 ${term}*`)
    .join(' ');
}

/** Full-text hits over the `search` index (cypher/schema), best first; each hit's node projected as the selection asks. */
export function search({ text, labels, first }: SearchArgs): CypherText {
  return ({ params, projectField, valid }) => {
    const conditions = [valid('n', 'Node')];
    if (labels?.length) conditions.push(`any(label IN labels(n) WHERE label IN ${params.add(labels.map((label) => NEO4J_LABEL[label]))})`);
    const labelFilter = `WHERE ${conditions.join(' AND ')}`;
    return `CALL db.index.fulltext.queryNodes('${searchIndex().name}', ${params.add(luceneQuery(text))}) YIELD node AS n, score
${labelFilter}
WITH n, score ORDER BY score DESC, n.id LIMIT ${params.addInt(first)}
RETURN ${projectField('node', 'n')} AS node, ${nodeLabelOf('n')} AS label, score`;
  };
}
