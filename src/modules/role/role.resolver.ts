import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { PREFETCHED_FIELD, prefetched } from '../../graph/projection';
import { upsertNode } from '../../graph/upsert';
import { nodeById } from '../node/node.cypher';
import { idFor, NodeIdArgs } from '../node/node.inputs';
import { SalaryWhere } from '../salary/salary.inputs';
import { Salary } from '../salary/salary.type';
import { TechnologyKind } from '../technology/technology.enums';
import { Technology } from '../technology/technology.type';
import { rolesPage } from './role.cypher';
import { RoleInput, RolesArgs } from './role.inputs';
import { Role, RoleConnection } from './role.type';
import { Bounded, useConnection } from '../../graph/list-bound';

/** O*NET's Software Developers use 425. */
const ROLE_TECHNOLOGIES = 500;

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true })
  role(@Args() { id }: NodeIdArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return db.node(info, nodeById('Role', id));
  }

  @Query(() => RoleConnection)
  roles(@Args() args: RolesArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.page(info, rolesPage(args));
  }

  @Authorized('editor')
  @Mutation(() => Role, { description: 'Create, or update by id (id defaults to the slug of name).' })
  upsertRole(@Arg('input', () => RoleInput) input: RoleInput, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.write(info, upsertNode('Role', idFor(input), { name: input.name.trim(), summary: input.summary }));
  }

  @Extensions(PREFETCHED_FIELD)
  @Bounded(ROLE_TECHNOLOGIES)
  @FieldResolver(() => [Technology], {
    description: 'Technologies the role works with, directly or through its responsibilities, without duplicates.',
    deprecationReason: useConnection('technologiesConnection', ROLE_TECHNOLOGIES),
  })
  technologies(
    @Root() role: Projected,
    @Info() info: GraphQLResolveInfo,
    @Arg('kind', () => TechnologyKind, { nullable: true }) _kind?: TechnologyKind,
  ): unknown {
    return prefetched(role, info);
  }

  @Extensions(PREFETCHED_FIELD)
  @Bounded(500)
  @FieldResolver(() => [Salary])
  salaries(
    @Root() role: Projected,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => SalaryWhere, { nullable: true }) _where?: SalaryWhere,
  ): unknown {
    return prefetched(role, info);
  }
}
