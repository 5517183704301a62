import { ModelRules, RelationshipRule } from './model-rules';
import { nodeReference, nodeViolations } from './model-check';
import { slug } from '../modules/slug';
import { Graph } from '../graph/driver';
import { NodeValidity } from '../graph/validity';

/**
 * Every node and relationship in the graph that breaks the model (`npm run graph:check`, and the count in
 * /health/ready): found with the same predicates the reads leave such nodes out with (validity.ts), then
 * explained with the model's rules (model-check.ts), each with the Cypher that would fix or remove it.
 */

export interface Finding {
  /** How an analyst names it: `(:Technology {id: 'x'})`, or a relationship between two of those. */
  subject: string;
  problems: string[];
  /** Cypher that makes it valid, when one edit can (a value to choose is left as a placeholder). */
  fix?: string;
  /** Cypher that removes it. */
  remove: string;
}

export interface Audit {
  /** Findings of every kind, however many were listed. */
  count: number;
  findings: Finding[];
}

interface BrokenNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function nodeFinding(rules: ModelRules, validity: NodeValidity, node: BrokenNode, missingSharedLabel: boolean): Finding {
  const subject = nodeReference(validity.rules, node.labels, node.properties);
  const violations = nodeViolations(validity.rules, node.labels, node.properties);
  const problems = violations.map((violation) => `it ${violation.message}`);
  const match = `MATCH (n) WHERE elementId(n) = ${literal(node.elementId)}`;
  const sets = violations.map(({ property, rule }) => {
    const declared = [...validity.rules.values()].flatMap((nodeRule) => nodeRule.properties).find((candidate) => candidate.name === property);
    if (property === 'id' && typeof node.properties.name === 'string') return `n.id = ${literal(slug(node.properties.name))}`;
    if (rule === 'enum value' || (declared?.values && rule === 'required property')) return `n.${property} = ${literal(declared!.values![0])} /* one of ${declared!.values!.join(', ')} */`;
    return `n.${property} = <${declared?.type ?? 'value'}>`;
  });
  if (missingSharedLabel) {
    problems.push(`it lacks the label ${rules.sharedLabel}, which every node of the model carries`);
    sets.push(`n:${rules.sharedLabel}`);
  }
  return { subject, problems, fix: `${match} SET ${sets.join(', ')}`, remove: `${match} DETACH DELETE n` };
}

/** Cypher: whether node variable `node` carries the label `label` names ('Node': any label of the model). */
function hasEnd(rules: ModelRules, node: string, label: string): string {
  const labels = label === 'Node' ? rules.nodes.map((rule) => rule.label) : [label];
  return `${node}:${labels.join('|')}`;
}

function endsCondition(rules: ModelRules, rule: RelationshipRule): string {
  const forward = `(${hasEnd(rules, 'a', rule.from)} AND ${hasEnd(rules, 'b', rule.to)})`;
  return rule.undirected ? `(${forward} OR (${hasEnd(rules, 'b', rule.from)} AND ${hasEnd(rules, 'a', rule.to)}))` : forward;
}

/** Lists at most `limit` findings of each kind (nodes of a label, relationships of a type), and counts them all. */
export async function auditGraph(graph: Graph, rules: ModelRules, validity: NodeValidity, limit = 100): Promise<Audit> {
  const audit: Audit = { count: 0, findings: [] };
  for (const { label } of rules.nodes) {
    const [row] = await graph.read(
      `MATCH (n:${label}) WHERE NOT (${validity.conforms('n', label)}) OR NOT n:${rules.sharedLabel}
       WITH n ORDER BY elementId(n)
       RETURN count(n) AS count, collect({elementId: elementId(n), labels: labels(n), properties: properties(n), shared: n:${rules.sharedLabel}})[..$limit] AS nodes`,
      { limit },
    );
    audit.count += row.count as number;
    for (const node of row.nodes as (BrokenNode & { shared: boolean })[]) audit.findings.push(nodeFinding(rules, validity, node, !node.shared));
  }
  for (const rule of rules.relationships) {
    const [row] = await graph.read(
      `MATCH (a)-[r:${rule.type}]->(b) WHERE NOT ${endsCondition(rules, rule)}
       WITH a, r, b ORDER BY elementId(r)
       RETURN count(r) AS count, collect({elementId: elementId(r), from: {labels: labels(a), properties: properties(a)}, to: {labels: labels(b), properties: properties(b)}})[..$limit] AS relationships`,
      { limit },
    );
    audit.count += row.count as number;
    for (const found of row.relationships as { elementId: string; from: Omit<BrokenNode, 'elementId'>; to: Omit<BrokenNode, 'elementId'> }[]) {
      const end = (node: Omit<BrokenNode, 'elementId'>) => nodeReference(validity.rules, node.labels, node.properties);
      audit.findings.push({
        subject: `${end(found.from)}-[:${rule.type}]->${end(found.to)}`,
        problems: [`a ${rule.type} relationship joins (:${rule.from}) to (:${rule.to}), not these`],
        remove: `MATCH ()-[r]->() WHERE elementId(r) = ${literal(found.elementId)} DELETE r`,
      });
    }
  }
  return audit;
}

/**
 * The number of findings, as /health/ready and /metrics report it: an audit at most once per `maxAgeMs`
 * (probes and scrapes in between get the last count, and never start a second audit at once), each finding
 * logged the first time it is seen.
 */
export class ModelHealth {
  private last?: { count: number; at: number };
  private running?: Promise<number>;
  private readonly logged = new Set<string>();

  constructor(
    private readonly audit: () => Promise<Audit>,
    private readonly log: (finding: Finding) => void,
    private readonly maxAgeMs = 60_000,
  ) {}

  violations(): Promise<number> {
    if (this.last && Date.now() - this.last.at < this.maxAgeMs) return Promise.resolve(this.last.count);
    this.running ??= this.audit()
      .then(({ count, findings }) => {
        for (const finding of findings) {
          if (this.logged.has(finding.subject) || this.logged.size >= MAX_LOGGED) continue;
          this.logged.add(finding.subject);
          this.log(finding);
        }
        this.last = { count, at: Date.now() };
        return count;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

/** The most distinct findings a server logs (one line each) over its life. */
const MAX_LOGGED = 10_000;
