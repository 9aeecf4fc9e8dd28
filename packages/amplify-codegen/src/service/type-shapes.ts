import type { FragmentDefinitionNode, GraphQLCompositeType, GraphQLEnumType, GraphQLInputObjectType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, GraphQLType, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql/language/kinds';
import { getNamedType, isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType } from 'graphql/type/definition';
import { typeFromAST } from 'graphql/utilities/typeFromAST';

/**
 * A language-neutral description of the types codegen emits, rendered by the TypeScript and Flow writers. It follows
 * the original's types generator: named declarations for the input, enum and object types the operations reach (in
 * first-use order), and per operation a `Variables` type and a result type with the selection inlined.
 */
export type Shape =
  | { kind: 'scalar'; name: 'string' | 'number' | 'boolean' }
  | { kind: 'ref'; name: string }
  /** A string literal type (`__typename: "Post"`). */
  | { kind: 'literal'; value: string }
  | { kind: 'list'; item: Shape; itemNullable: boolean }
  | { kind: 'object'; typename?: string; fields: ShapeField[] }
  | { kind: 'union'; members: Shape[] };

export interface ShapeField {
  name: string;
  shape: Shape;
  nullable: boolean;
}

export type NamedDeclaration =
  | { kind: 'input'; name: string; fields: ShapeField[] }
  | { kind: 'enum'; name: string; values: string[] }
  | { kind: 'object'; name: string; fields: ShapeField[] }
  | { kind: 'union'; name: string; members: string[] };

export interface OperationShapes {
  operationType: 'query' | 'mutation' | 'subscription';
  operationName: string;
  /** `GetPostQuery`, `CreatePostMutation`, ... */
  typeName: string;
  variables: ShapeField[];
  result: ShapeField[];
  /** The operation, for writers that inline its text (the Angular service). */
  operation: OperationDefinitionNode;
}

export interface TypeShapes {
  declarations: NamedDeclaration[];
  operations: OperationShapes[];
}

const NUMBER_SCALARS = new Set(['Int', 'Float', 'AWSTimestamp', 'BigInt', 'Double', 'Long']);

function scalarShape(name: string): Shape {
  if (NUMBER_SCALARS.has(name)) return { kind: 'scalar', name: 'number' };
  if (name === 'Boolean') return { kind: 'scalar', name: 'boolean' };
  return { kind: 'scalar', name: 'string' };
}

const TYPE_SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

class ShapeCollector {
  readonly declarations: NamedDeclaration[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The shape of a reference to `type` in a declaration, registering the named type it points at. */
  reference(type: GraphQLType): { shape: Shape; nullable: boolean } {
    const nullable = !isNonNullType(type);
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const item = this.reference(inner.ofType);
      return { shape: { kind: 'list', item: item.shape, itemNullable: item.nullable }, nullable };
    }
    const named = inner as GraphQLNamedType;
    if (isScalarType(named)) return { shape: scalarShape(named.name), nullable };
    this.declare(named);
    return { shape: { kind: 'ref', name: named.name }, nullable };
  }

  /** Adds a named type once, before the types its fields reach (so the order is the first use). */
  declare(type: GraphQLNamedType): void {
    if (this.seen.has(type.name) || isScalarType(type)) return;
    this.seen.add(type.name);
    if (isEnumType(type)) {
      this.declarations.push({ kind: 'enum', name: type.name, values: (type as GraphQLEnumType).getValues().map((value) => value.name) });
    } else if (isInputObjectType(type)) {
      const declaration: NamedDeclaration = { kind: 'input', name: type.name, fields: [] };
      this.declarations.push(declaration);
      declaration.fields = Object.values((type as GraphQLInputObjectType).getFields()).map((field) => ({ name: field.name, ...this.reference(field.type) }));
    } else if (isObjectType(type) || isInterfaceType(type)) {
      const declaration: NamedDeclaration = { kind: 'object', name: type.name, fields: [] };
      this.declarations.push(declaration);
      const fields = Object.values(type.getFields()).map((field) => ({ name: field.name, ...this.reference(field.type) }));
      declaration.fields = isObjectType(type) ? [{ name: '__typename', shape: { kind: 'literal', value: type.name }, nullable: false }, ...fields] : fields;
    } else if (isUnionType(type)) {
      const members = type.getTypes();
      this.declarations.push({ kind: 'union', name: type.name, members: members.map((member) => member.name) });
      members.forEach((member) => this.declare(member));
    }
  }

  /** The inline shape of a selection set on `parent` (one member per possible type for interfaces and unions). */
  selection(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
    const possible: readonly GraphQLObjectType[] = isAbstractType(parent) ? this.schema.getPossibleTypes(parent) : [parent as GraphQLObjectType];
    const members = possible.map((objectType) => this.objectSelection(objectType, parent, selectionSet, fragments));
    return members.length === 1 ? members[0] : { kind: 'union', members };
  }

  private objectSelection(objectType: GraphQLObjectType, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
    const fields: ShapeField[] = [];
    let typename = false;
    const visit = (set: SelectionSetNode, on: GraphQLCompositeType): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const responseName = selection.alias?.value ?? selection.name.value;
          if (selection.name.value === '__typename') {
            typename = true;
            continue;
          }
          const definition = isObjectType(on) || isInterfaceType(on) ? on.getFields()[selection.name.value] : undefined;
          if (!definition || fields.some((field) => field.name === responseName)) continue;
          fields.push({ name: responseName, ...this.resultShape(definition.type, selection.selectionSet, fragments) });
        } else {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
          if (!fragment) continue;
          const condition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : on;
          const applies = condition === objectType || condition === parent || (condition !== undefined && condition !== null && isAbstractType(condition) && this.schema.isSubType(condition, objectType));
          if (applies) visit(fragment.selectionSet, objectType);
        }
      }
    };
    visit(selectionSet, parent);
    return { kind: 'object', typename: typename ? objectType.name : undefined, fields };
  }

  private resultShape(type: GraphQLType, selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): { shape: Shape; nullable: boolean } {
    const nullable = !isNonNullType(type);
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const item = this.resultShape(inner.ofType, selectionSet, fragments);
      return { shape: { kind: 'list', item: item.shape, itemNullable: item.nullable }, nullable };
    }
    const named = getNamedType(inner);
    if (isScalarType(named)) return { shape: scalarShape(named.name), nullable };
    if (isEnumType(named)) {
      this.declare(named);
      return { shape: { kind: 'ref', name: named.name }, nullable };
    }
    // Object types reached by a result are declared too, as the original does (`export type Post = {...}`).
    this.declare(named);
    return { shape: selectionSet ? this.selection(named as GraphQLCompositeType, selectionSet, fragments) : { kind: 'ref', name: named.name }, nullable };
  }
}

/** The shapes of `operations` (each with its document's fragments) against `schema`. */
export function collectTypeShapes(
  schema: GraphQLSchema,
  operations: Array<{ operation: OperationDefinitionNode; fragments: Map<string, FragmentDefinitionNode> }>,
): TypeShapes {
  const collector = new ShapeCollector(schema);
  const shapes: OperationShapes[] = [];
  for (const { operation, fragments } of operations) {
    if (!operation.name) continue;
    const root = schema.getRootType(operation.operation);
    if (!root) continue;
    const variables = (operation.variableDefinitions ?? []).map((definition) => {
      const type = typeFromAST(schema, definition.type);
      return { name: definition.variable.name.value, ...(type ? collector.reference(type) : { shape: scalarShape('String'), nullable: true }) };
    });
    const result = collector.selection(root, operation.selectionSet, fragments);
    shapes.push({
      operationType: operation.operation,
      operationName: operation.name.value,
      typeName: `${operation.name.value}${TYPE_SUFFIX[operation.operation]}`,
      variables,
      result: result.kind === 'object' ? result.fields : [],
      operation,
    });
  }
  return { declarations: collector.declarations, operations: shapes };
}
