import { GraphQLError } from 'graphql';

export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields: [field] } });
}

export function notFound(field: string, id: string): GraphQLError {
  return new GraphQLError(`${field}: no node has the id "${id}"`, { extensions: { code: 'NOT_FOUND', field } });
}
