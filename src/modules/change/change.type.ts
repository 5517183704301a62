import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RelationType } from '../link/link.inputs';
import { NodeLabel } from '../node/node.type';
import { LabelCount } from '../stats/stats.type';
import { Bounded } from '../../graph/list-bound';
import { MODEL } from '../../model/model';

/** The most ids a BULK change lists (the change capture's MAX_BULK_IDS, scripts/neo4j kg/changes). */
const BULK_IDS_LISTED = 20;

export enum ChangeKind {
  UPSERTED = 'UPSERTED',
  DELETED = 'DELETED',
  LINKED = 'LINKED',
  UNLINKED = 'UNLINKED',
  /** One large transaction (an import batch, a seed): `bulk` counts what it changed; `id` is "*". */
  BULK = 'BULK',
  /** Changes were missed that cannot be replayed (a cursor from before the log's retention): refetch; `id` is "*". */
  RESYNC = 'RESYNC',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  valuesConfig: {
    BULK: { description: 'One large transaction (an import batch, a seed): `bulk` counts what it changed; `id` is "*".' },
    RESYNC: { description: 'Changes were missed that cannot be replayed (a cursor from before the log\'s retention, a wiped database): refetch what you show; `id` is "*".' },
  },
});

@ObjectType({ simpleResolvers: true })
export class RelationshipCount {
  @Field(() => RelationType)
  type!: RelationType;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'What one large transaction changed.', simpleResolvers: true })
export class BulkChange {
  @Bounded(MODEL.nodeTypes.length)
  @Field(() => [LabelCount], { description: 'Nodes created, changed or deleted, per label.' })
  labels!: LabelCount[];

  @Bounded(MODEL.relationships.length)
  @Field(() => [RelationshipCount], { description: 'Relationships created or deleted, per type.' })
  types!: RelationshipCount[];

  @Bounded(BULK_IDS_LISTED)
  @Field(() => [ID], { nullable: true, description: `The nodes it touched, when at most ${BULK_IDS_LISTED}; null when more.` })
  ids?: string[] | null;
}

@ObjectType({ description: 'One committed change to the graph.', simpleResolvers: true })
export class GraphChange {
  @Field(() => ChangeKind)
  kind!: ChangeKind;

  @Field(() => ID, { description: 'The node upserted or deleted; for LINKED/UNLINKED, the relationship\'s start node.' })
  id!: string;

  @Field(() => NodeLabel, { nullable: true, description: 'The label of the node `id` names.' })
  label?: NodeLabel | null;

  @Field(() => ID, { nullable: true })
  from?: string | null;

  @Field(() => ID, { nullable: true })
  to?: string | null;

  @Field(() => RelationType, { nullable: true })
  type?: RelationType | null;

  @Field({ description: 'ISO-8601 UTC time of the commit.' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'The token subject that made the change; null for writers other than the API (Cypher scripts, seeds, imports).' })
  actor?: string | null;

  @Field(() => BulkChange, { nullable: true, description: 'BULK: what the transaction changed.' })
  bulk?: BulkChange | null;

  @Field(() => String, { nullable: true, description: 'Pass as `graphChanged(after:)` to resume after this change; null when the database keeps no change log (CHANGE_FEED=api).' })
  cursor?: string | null;
}
