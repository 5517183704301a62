import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { link, unlink } from './link.cypher';
import { LinkInput } from './link.inputs';

@Resolver()
export class LinkResolver {
  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Creates the relationship once; linking twice is not an error and makes no second edge.' })
  link(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return db.write(info, link(input));
  }

  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Removes the relationship; false when there was none.' })
  unlink(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return db.write(info, unlink(input));
  }
}
