import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Bounded } from '../../graph/list-bound';
import { Node } from '../node/node.type';

/**
 * The most alternative names a node answers: O*NET 29.2 gives "Production Workers, All Other" 2,750 alternate
 * titles. A list of strings costs 1 whatever its length; the bound only caps the answer's size.
 */
export const ALTERNATIVE_NAMES_BOUND = 5000;

@ObjectType({ implements: Node, simpleResolvers: true })
export class Role extends Node {
  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The ESCO occupation URI, for occupations imported from ESCO.' })
  escoUri?: string | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 unit group (four digits) of an ESCO occupation.' })
  iscoGroup?: string | null;

  @Field(() => String, { nullable: true, description: "Name of the ISCO-08 unit group (from ESCO's ISCOGroups_en.csv)." })
  iscoGroupName?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names the occupation goes by (ESCO alternative labels, O*NET alternate titles); `search` finds them.',
  })
  @Bounded(ALTERNATIVE_NAMES_BOUND)
  alternativeNames?: string[] | null;

  @Field(() => String, { nullable: true, description: 'O*NET-SOC code, for occupations imported from O*NET (e.g. 15-1252.00).' })
  socCode?: string | null;
}

export const RoleConnection = Connection(Role);
