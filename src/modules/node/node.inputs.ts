import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badUserInput } from '../../errors';
import { slug } from '../slug';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The contract's id rule: 1..100 characters of lower-case kebab-case. */
export function IsNodeId(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Length(1, 100)(target, property as string);
    Matches(ID_PATTERN, { message: `${String(property)} must be lower-case kebab-case (a-z, 0-9 and single hyphens)` })(
      target,
      property as string,
    );
  };
}

@ArgsType()
export class NodeIdArgs {
  @Field(() => ID)
  @IsNodeId()
  id!: string;
}

/** Fields every upsert input shares: an optional id (default: the slug of the name) and a name. */
@InputType()
export abstract class NodeInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the kebab-case slug of name.' })
  @IsOptional()
  @IsNodeId()
  id?: string | null;

  @Field({ description: 'Trimmed; 1..200 characters.' })
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

/** The id an upsert writes: the one given, else the slug of the name. */
export function idFor(input: { id?: string | null; name: string }): string {
  if (input.id) return input.id;
  const id = slug(input.name);
  if (!id) throw badUserInput('name', 'name must contain a letter or digit to make an id from (or give an id)');
  return id;
}

/** A free-text field of at most 2,000 characters (description, summary, reason). */
export function IsText(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsOptional()(target, property as string);
    MaxLength(2000)(target, property as string);
  };
}
