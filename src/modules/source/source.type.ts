import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../connection/connection.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Source extends Node {
  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The dataset's version, for an imported dataset (e.g. ESCO v1.2.0)." })
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'Terms under which the facts may be reused, and the attribution they ask for.' })
  licence?: string | null;

  @Field(() => String, { nullable: true, description: 'When the imported files were downloaded (YYYY-MM-DD).' })
  retrievedAt?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'For an imported dataset: false while an import is running or after one stopped half-way (its facts are partly there).',
  })
  complete?: boolean | null;
}

export const SourceConnection = Connection(Source);
