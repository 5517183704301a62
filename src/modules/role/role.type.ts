import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Role extends Node {
  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The ESCO occupation URI, for occupations imported from ESCO.' })
  escoUri?: string | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 unit group (four digits) of an ESCO occupation.' })
  iscoGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET-SOC code, for occupations imported from O*NET (e.g. 15-1252.00).' })
  socCode?: string | null;
}

export const RoleConnection = Connection(Role);
