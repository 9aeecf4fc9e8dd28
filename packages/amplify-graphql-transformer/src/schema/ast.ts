/** Small builders for the graphql-js AST nodes the printer assembles. */
import { Kind } from 'graphql';
import type {
  ArgumentNode,
  ConstDirectiveNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  TypeNode,
} from 'graphql';
import type { TypeRef } from '../model/api-model';

export const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

export const named = (typeName: string): TypeNode => ({ kind: Kind.NAMED_TYPE, name: name(typeName) });
export const nonNull = (type: TypeNode): TypeNode =>
  type.kind === Kind.NON_NULL_TYPE ? type : { kind: Kind.NON_NULL_TYPE, type: type as Exclude<TypeNode, { kind: Kind.NON_NULL_TYPE }> };
export const listOf = (type: TypeNode): TypeNode => ({ kind: Kind.LIST_TYPE, type });

/** A `TypeRef` back to a type node, with its name replaced when given (`Address` → `AddressInput`). */
export const typeNode = (ref: TypeRef, typeName = ref.name, keepNonNull = true): TypeNode => {
  let item = named(typeName);
  if (ref.list) {
    item = listOf(ref.itemNonNull ? nonNull(item) : item);
  }
  return keepNonNull && ref.nonNull ? nonNull(item) : item;
};

export const inputValue = (fieldName: string, type: TypeNode): InputValueDefinitionNode => ({
  kind: Kind.INPUT_VALUE_DEFINITION,
  name: name(fieldName),
  type,
});

export const directive = (directiveName: string, args: ArgumentNode[] = []): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: name(directiveName),
  arguments: args as ConstDirectiveNode['arguments'],
});

export const stringListArgument = (argumentName: string, values: string[]): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: name(argumentName),
  value: { kind: Kind.LIST, values: values.map((value) => ({ kind: Kind.STRING, value })) },
});

export const field = (
  fieldName: string,
  type: TypeNode,
  args: InputValueDefinitionNode[] = [],
  directives: ConstDirectiveNode[] = [],
): FieldDefinitionNode => ({
  kind: Kind.FIELD_DEFINITION,
  name: name(fieldName),
  arguments: args,
  type,
  directives,
});
