import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { SalaryPeriod, Seniority } from './salary.enums';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Salary extends Node {
  @Field(() => Float)
  amount!: number;

  @Field({ description: 'ISO 4217 code, e.g. AUD.' })
  currency!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. AU.' })
  country!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Seniority)
  seniority!: Seniority;

  @Field(() => SalaryPeriod)
  period!: SalaryPeriod;

  @Field(() => String, { nullable: true, description: 'Survey: remote, hybrid or in person, as that year\'s survey words it.' })
  remoteWork?: string | null;

  @Field(() => String, { nullable: true, description: 'Survey: the size of the organisation, as that year\'s survey words it (e.g. "20 to 99 employees").' })
  orgSize?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class SalaryStat {
  @Field({ description: "The group's value: a Seniority name, a country code, a year, or a role id." })
  key!: string;

  @Field()
  currency!: string;

  @Field(() => SalaryPeriod, { description: 'Amounts of different periods are never mixed either.' })
  period!: SalaryPeriod;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Float)
  avg!: number;

  @Field(() => Float, { description: 'First quartile (linear interpolation, as Cypher\'s percentileCont).' })
  p25!: number;

  @Field(() => Float)
  median!: number;

  @Field(() => Float, { description: 'Third quartile.' })
  p75!: number;
}
