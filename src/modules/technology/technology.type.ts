import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';
import { Responsibility } from '../responsibility/responsibility.type';
import { Role } from '../role/role.type';
import { TechnologyKind } from './technology.enums';
import { Bounded, useConnection } from '../../graph/list-bound';

const USED_BY = 1000;
const RESPONSIBILITIES = 500;

@ObjectType({ implements: Node, simpleResolvers: true })
export class Technology extends Node {
  @Field(() => TechnologyKind)
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Bounded(USED_BY)
  @Field(() => [Role], { description: 'Roles that use it, directly or through a responsibility.', deprecationReason: useConnection('usedByConnection', USED_BY) })
  usedBy!: Role[];

  @Bounded(RESPONSIBILITIES)
  @Field(() => [Responsibility], { deprecationReason: useConnection('responsibilitiesConnection', RESPONSIBILITIES) })
  responsibilities!: Responsibility[];
}

export const TechnologyConnection = Connection(Technology);
