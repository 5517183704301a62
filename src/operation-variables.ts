import { ArgumentNode, DirectiveNode, DocumentNode, FieldNode, Kind, visit } from 'graphql';

/**
 * Names of the variables a document gives directly to the arguments `accept` picks (of fields and of
 * directives), sorted: what a cache keyed by those variables' values must read.
 */
export function argumentVariables(document: DocumentNode, accept: (owner: FieldNode | DirectiveNode, argument: ArgumentNode) => boolean): string[] {
  const names = new Set<string>();
  const collect = (owner: FieldNode | DirectiveNode) => {
    for (const argument of owner.arguments ?? []) {
      if (argument.value.kind === Kind.VARIABLE && accept(owner, argument)) names.add(argument.value.name.value);
    }
  };
  visit(document, { Field: collect, Directive: collect });
  return [...names].sort();
}
