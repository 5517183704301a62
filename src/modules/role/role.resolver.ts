import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { NodeIdArgs } from '../node/node.inputs';
import { prefetched, Projected, readConnection, readNode } from '../read';
import { SalaryWhere } from '../salary/salary.inputs';
import { Salary } from '../salary/salary.type';
import { TechnologyKind } from '../technology/technology.enums';
import { Technology } from '../technology/technology.type';
import { roleSelection } from './role.cypher';
import { upsertNode, idFor } from '../write';
import { RoleInput, RoleOrderBy, RolesArgs } from './role.inputs';
import { Role, RoleConnection } from './role.type';

const ROLE_CONNECTION = { connection: 'RoleConnection', edge: 'RoleEdge', node: 'Role' };

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true })
  role(@Args() { id }: NodeIdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return readNode(context, info, 'Role', (params) => `MATCH (n:Role {id: ${params.add(id)}})`);
  }

  @Query(() => RoleConnection)
  roles(@Args() args: RolesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return readConnection(context, info, ROLE_CONNECTION, (params) => ({
      ...roleSelection(args.where, params),
      direction: args.orderBy === RoleOrderBy.NAME_DESC ? 'DESC' : 'ASC',
      first: args.first,
      after: args.after,
    }));
  }

  @Authorized('editor')
  @Mutation(() => Role, { description: 'Create, or update by id (id defaults to the slug of name).' })
  upsertRole(@Arg('input', () => RoleInput) input: RoleInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return upsertNode(context, info, 'Role', idFor(input), { name: input.name.trim(), summary: input.summary });
  }

  @FieldResolver(() => [Technology], {
    description: 'Technologies the role works with, directly or through its responsibilities, without duplicates.',
  })
  technologies(
    @Root() role: Projected,
    @Info() info: GraphQLResolveInfo,
    @Arg('kind', () => TechnologyKind, { nullable: true }) _kind?: TechnologyKind,
  ): unknown {
    return prefetched(role, info);
  }

  @FieldResolver(() => [Salary])
  salaries(
    @Root() role: Projected,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => SalaryWhere, { nullable: true }) _where?: SalaryWhere,
  ): unknown {
    return prefetched(role, info);
  }
}
