/** Lookups over the user's document: what each type name is, and GraphQL type references as `TypeRef`s. */
import { Kind } from 'graphql';
import type {
  DirectiveNode,
  DocumentNode,
  EnumTypeDefinitionNode,
  ObjectTypeDefinitionNode,
  TypeDefinitionNode,
  TypeNode,
  ValueNode,
} from 'graphql';
import { APPSYNC_SCALARS } from '../directives';
import type { FieldKind, TypeRef } from '../model/api-model';

const BUILT_IN_SCALARS = new Set<string>(['String', 'ID', 'Int', 'Float', 'Boolean', ...APPSYNC_SCALARS]);

export class SchemaIndex {
  readonly types = new Map<string, TypeDefinitionNode>();
  readonly objects: ObjectTypeDefinitionNode[] = [];
  readonly modelNames = new Set<string>();

  constructor(readonly document: DocumentNode) {
    for (const definition of document.definitions) {
      if (
        definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.ENUM_TYPE_DEFINITION ||
        definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
        definition.kind === Kind.UNION_TYPE_DEFINITION ||
        definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.SCALAR_TYPE_DEFINITION
      ) {
        this.types.set(definition.name.value, definition);
      }
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
        this.objects.push(definition);
        if (findDirective(definition, 'model')) this.modelNames.add(definition.name.value);
      }
    }
  }

  isScalar(name: string): boolean {
    return BUILT_IN_SCALARS.has(name) || this.types.get(name)?.kind === Kind.SCALAR_TYPE_DEFINITION;
  }

  enumType(name: string): EnumTypeDefinitionNode | undefined {
    const type = this.types.get(name);
    return type?.kind === Kind.ENUM_TYPE_DEFINITION ? type : undefined;
  }

  kindOf(name: string): FieldKind {
    if (this.isScalar(name)) return 'scalar';
    if (this.enumType(name)) return 'enum';
    if (this.modelNames.has(name)) return 'model';
    return 'object';
  }
}

export const typeRef = (node: TypeNode): TypeRef => {
  let nonNull = false;
  let current = node;
  if (current.kind === Kind.NON_NULL_TYPE) {
    nonNull = true;
    current = current.type;
  }
  if (current.kind === Kind.LIST_TYPE) {
    const item = current.type;
    const itemNonNull = item.kind === Kind.NON_NULL_TYPE;
    return { name: namedTypeOf(item), nonNull, list: true, itemNonNull };
  }
  return { name: current.name.value, nonNull, list: false, itemNonNull: false };
};

export const namedTypeOf = (node: TypeNode): string => (node.kind === Kind.NAMED_TYPE ? node.name.value : namedTypeOf(node.type));

export const scalarType = (name: string, nonNull = false): TypeRef => ({ name, nonNull, list: false, itemNonNull: false });

export const findDirective = (
  node: { directives?: readonly DirectiveNode[] },
  name: string,
): DirectiveNode | undefined => node.directives?.find((directive) => directive.name.value === name);

export const findDirectives = (node: { directives?: readonly DirectiveNode[] }, name: string): DirectiveNode[] =>
  (node.directives ?? []).filter((directive) => directive.name.value === name);

/** A literal as a plain JS value (`null` for GraphQL null; variables do not occur in SDL). */
export const valueOf = (node: ValueNode): unknown => {
  switch (node.kind) {
    case Kind.NULL:
      return null;
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map(valueOf);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, valueOf(field.value)]));
    default:
      return undefined;
  }
};

/** Directive arguments as plain values; an argument written as `null` is present with value `null`. */
export const directiveArgs = (directive: DirectiveNode): Record<string, unknown> =>
  Object.fromEntries((directive.arguments ?? []).map((argument) => [argument.name.value, valueOf(argument.value)]));
