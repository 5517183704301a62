import { setMaxListeners } from 'node:events';
import { createPubSub, PubSub, PubSubEventTarget } from '@graphql-yoga/subscription';

export type ChangeKind = 'UPSERTED' | 'DELETED' | 'LINKED' | 'UNLINKED' | 'BULK' | 'RESYNC';

/** What one large transaction (an import batch, a seed) changed, counted, instead of one event per node. */
export interface BulkSummary {
  labels: { label: string; count: number }[];
  types: { type: string; count: number }[];
  /** The nodes it touched, when they are few (at most 20). */
  ids: string[] | null;
}

/** One committed change to the graph, as the `graphChanged` subscription sends it. */
export interface GraphChange {
  kind: ChangeKind;
  /** The node upserted or deleted; for a link or unlink, the relationship's start node. */
  id: string;
  /** That node's domain label, upper-cased (a NodeLabel). */
  label: string | null;
  from: string | null;
  to: string | null;
  /** The relationship type of a link or unlink. */
  type: string | null;
  /** ISO-8601 UTC time of the commit. */
  at: string;
  /** The token subject that made the change ("anonymous" never writes); null for writers other than the API. */
  actor: string | null;
  /** BULK: what the transaction changed. */
  bulk?: BulkSummary | null;
  /** Where to resume after this change (`graphChanged(after:)`); null without a change log (CHANGE_FEED=api). */
  cursor?: string | null;
}

/** What a write says it changed; the door to the graph adds the commit time and the actor. */
export type ChangeDraft = Pick<GraphChange, 'kind' | 'id'> & Partial<Pick<GraphChange, 'label' | 'from' | 'to' | 'type'>>;

export const GRAPH_CHANGED = 'GRAPH_CHANGED';

export type ChangeTopics = { [GRAPH_CHANGED]: [GraphChange] };

/**
 * The pub/sub that carries committed changes to subscribers: type-graphql's `pubSub`, and what Db.write
 * publishes to. In-process by default; another event target (one shared by many instances) is the only
 * thing to swap.
 */
export type ChangeBus = PubSub<ChangeTopics>;

export function createChangeBus(eventTarget: PubSubEventTarget<ChangeTopics> = inProcessTarget()): ChangeBus {
  return createPubSub<ChangeTopics>({ eventTarget });
}

/** Node's EventTarget, without its warning past 10 listeners: each running subscription is one. */
export function inProcessTarget(): PubSubEventTarget<ChangeTopics> {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target as PubSubEventTarget<ChangeTopics>;
}
