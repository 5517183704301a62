import { ArgsType, Field, ID } from 'type-graphql';
import { Length, Matches } from 'class-validator';

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
