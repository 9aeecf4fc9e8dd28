import type { GraphQLField, GraphQLInterfaceType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { getNamedType, isInterfaceType, isLeafType, isObjectType, isUnionType } from 'graphql/type/definition';

export type OperationType = 'query' | 'mutation' | 'subscription';

/** One generated operation: a root field's query, mutation or subscription document. */
export interface GeneratedOperation {
  type: OperationType;
  /** The root field, which is also the name of the export in JS/TS statement files. */
  fieldName: string;
  /** `getPost` -> `GetPost`; also the stem of the operation's type names in API.ts. */
  operationName: string;
  /** The document as the original formats it (prettier's GraphQL style, 80 columns), without a final newline. */
  document: string;
}

export interface StatementOptions {
  /** How deep selection sets go (the original's default is 2). */
  maxDepth: number;
  /** Whether every selection set ends with `__typename` (the default). */
  typenameIntrospection: boolean;
}

/** The operations of each root type, in the order of the schema's fields; a missing root type has none. */
export interface GeneratedOperations {
  queries: GeneratedOperation[];
  mutations: GeneratedOperation[];
  subscriptions: GeneratedOperation[];
}

const PRINT_WIDTH = 80;
const INDENT = '  ';

interface Selection {
  name: string;
  /** Arguments as written in the document (`id: $id`); only root fields have them. */
  args?: string[];
  /** Undefined for a leaf; otherwise the selection set's fields. */
  fields?: Selection[];
  /** Inline fragments (`... on Type { }`) for interfaces and unions. */
  fragments?: Array<{ typeName: string; fields: Selection[] }>;
}

export function operationNameOf(fieldName: string): string {
  return fieldName.charAt(0).toUpperCase() + fieldName.slice(1);
}

/** The selection set of `type` with `depth` levels of object fields left (leaves are always selected). */
function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, options: StatementOptions): Pick<Selection, 'fields' | 'fragments'> | undefined {
  const fieldsOf = (objectType: GraphQLObjectType | GraphQLInterfaceType): Selection[] =>
    Object.values(objectType.getFields()).flatMap((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [{ name: field.name }];
      if (depth - 1 < 1) return [];
      const nested = selectionOf(schema, named, depth - 1, options);
      return nested ? [{ name: field.name, ...nested }] : [];
    });
  const withTypename = (fields: Selection[]): Selection[] => (options.typenameIntrospection ? [...fields, { name: '__typename' }] : fields);

  if (isObjectType(type)) {
    const fields = fieldsOf(type);
    return fields.length > 0 ? { fields: withTypename(fields) } : undefined;
  }
  if (isInterfaceType(type) || isUnionType(type)) {
    const fields = isInterfaceType(type) ? fieldsOf(type) : [];
    const fragments = schema
      .getPossibleTypes(type)
      .map((possible) => ({ typeName: possible.name, fields: fieldsOf(possible) }))
      .filter((fragment) => fragment.fields.length > 0)
      .map((fragment) => ({ ...fragment, fields: withTypename(fragment.fields) }));
    if (fields.length === 0 && fragments.length === 0) return undefined;
    return { fields: withTypename(fields), fragments };
  }
  return undefined;
}

/** `(a, b)` when the line fits in the print width, else one item a line, as prettier breaks a group. */
function bracketed(prefix: string, items: string[], suffix: string, indent: string): string[] {
  const flat = `${indent}${prefix}(${items.join(', ')})${suffix}`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  return [`${indent}${prefix}(`, ...items.map((item) => `${indent}${INDENT}${item}`), `${indent})${suffix}`];
}

function renderSelection(selection: Selection, indent: string): string[] {
  const opens = selection.fields !== undefined;
  const head = selection.args && selection.args.length > 0 ? bracketed(selection.name, selection.args, opens ? ' {' : '', indent) : [`${indent}${selection.name}${opens ? ' {' : ''}`];
  if (!opens) return head;
  return [...head, ...renderSelectionSet(selection, indent + INDENT), `${indent}}`];
}

function renderSelectionSet(selection: Pick<Selection, 'fields' | 'fragments'>, indent: string): string[] {
  const fields = selection.fields ?? [];
  // Inline fragments go before the closing __typename so each set still ends with it.
  const typename = fields.length > 0 && fields[fields.length - 1].name === '__typename' ? fields.slice(-1) : [];
  const own = typename.length > 0 ? fields.slice(0, -1) : fields;
  const fragments = (selection.fragments ?? []).flatMap((fragment) => [
    `${indent}... on ${fragment.typeName} {`,
    ...fragment.fields.flatMap((field) => renderSelection(field, indent + INDENT)),
    `${indent}}`,
  ]);
  return [...own.flatMap((field) => renderSelection(field, indent)), ...fragments, ...typename.flatMap((field) => renderSelection(field, indent))];
}

function generateOperation(schema: GraphQLSchema, type: OperationType, field: GraphQLField<unknown, unknown>, options: StatementOptions): GeneratedOperation {
  const operationName = operationNameOf(field.name);
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const header = variables.length > 0 ? bracketed(`${type} ${operationName}`, variables, ' {', '') : [`${type} ${operationName} {`];
  const root: Selection = {
    name: field.name,
    args: field.args.map((arg) => `${arg.name}: $${arg.name}`),
    ...selectionOf(schema, getNamedType(field.type), options.maxDepth, options),
  };
  const lines = [...header, ...renderSelection(root, INDENT), '}'];
  return { type, fieldName: field.name, operationName, document: lines.join('\n') };
}

/** Every query, mutation and subscription of the schema as a document, in the order of the root types' fields. */
export function generateOperations(schema: GraphQLSchema, options: StatementOptions): GeneratedOperations {
  const of = (type: OperationType, root: GraphQLObjectType | null | undefined): GeneratedOperation[] =>
    root ? Object.values(root.getFields()).map((field) => generateOperation(schema, type, field, options)) : [];
  return {
    queries: of('query', schema.getQueryType()),
    mutations: of('mutation', schema.getMutationType()),
    subscriptions: of('subscription', schema.getSubscriptionType()),
  };
}
