import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Parameters } from '../../graph/projection';
import { badUserInput, notFound } from '../errors';
import { actor } from '../write';
import { linkQuery, RELATION_ENDS, unlinkQuery } from './link.cypher';
import { LinkInput } from './link.inputs';

interface Outcome {
  fromExists: boolean;
  toExists: boolean;
  allowed: boolean;
  changed: number;
}

function check(input: LinkInput, outcome: Outcome): void {
  if (!outcome.fromExists) throw notFound('from', input.from);
  if (!outcome.toExists) throw notFound('to', input.to);
  if (!outcome.allowed) {
    const ends = RELATION_ENDS[input.type];
    const from = ends.from === 'Node' ? 'any node' : `a ${ends.from}`;
    throw badUserInput('type', `type ${input.type} links ${from} to a ${ends.to}, two different nodes`);
  }
}

@Resolver()
export class LinkResolver {
  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Creates the relationship once; linking twice is not an error and makes no second edge.' })
  async link(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() context: Context): Promise<boolean> {
    const params = new Parameters();
    const properties = Object.fromEntries(
      Object.entries({ reason: input.reason, level: input.level }).filter(([, value]) => value !== undefined),
    );
    const cypher = linkQuery({ ...input, properties, actor: actor(context) }, params);
    const [outcome] = await context.graph.write(cypher, params.values, context.roundTrips);
    check(input, outcome as unknown as Outcome);
    return true;
  }

  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Removes the relationship; false when there was none.' })
  async unlink(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() context: Context): Promise<boolean> {
    const params = new Parameters();
    const [outcome] = await context.graph.write(unlinkQuery(input, params), params.values, context.roundTrips);
    check(input, outcome as unknown as Outcome);
    return (outcome.changed as number) > 0;
  }
}
