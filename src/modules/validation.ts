import { ValidationError, validate } from 'class-validator';
import { badUserInputs } from '../errors';

function messages(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(new RegExp(`^${error.property}\\b`), field),
    }));
    return [...own, ...messages(error.children ?? [], `${field}.`)];
  });
}

/**
 * type-graphql's validateFn: runs class-validator on argument and input classes and answers
 * BAD_USER_INPUT with a message that names each offending field (and never echoes the input).
 */
export async function validateArgument(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const errors = await validate(value as object, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  if (errors.length === 0) return;
  const problems = messages(errors);
  throw badUserInputs([...new Set(problems.map((problem) => problem.field))], problems.map((problem) => problem.message).join('; '));
}

/** Plain argument values (as a subscribe function gets them) as an instance of their class, validated. */
export async function validated<T extends object>(type: new () => T, values: object): Promise<T> {
  const instance = Object.assign(new type(), values);
  await validateArgument(instance);
  return instance;
}
