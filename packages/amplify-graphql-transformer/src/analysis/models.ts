/**
 * One `@model` type read into a `ModelDefinition`: fields (with the `id` and timestamp fields the original adds),
 * primary key, indexes, `@default`s, `@model` maps and operation names. Relations and owner fields are added later
 * (relations.ts, index.ts) because they depend on every model.
 */
import type { FieldDefinitionNode, ObjectTypeDefinitionNode } from 'graphql';
import type {
  KeySchema,
  ModelDefinition,
  ModelField,
  ModelIndex,
  ModelOperations,
} from '../model/api-model';
import type { TransformerFeatureFlags } from '../transform-types';
import { TransformError } from '../transform-types';
import { parseDefaultValue } from './default-values';
import { autoIndexQueryName, camelJoin, pluralTypeName, subscriptionFieldName } from './names';
import { nodeLocation } from './parse-schema';
import { directiveArgs, findDirective, findDirectives, scalarType, typeRef } from './schema-index';
import type { SchemaIndex } from './schema-index';

const INDEX_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const INVALID_INDEX_NAME =
  'The indexName is invalid. It should be between 3 and 255 characters. Only A–Z, a–z, 0–9, underscore characters, hyphens, and periods allowed.';

export interface ModelContext {
  schema: SchemaIndex;
  flags: TransformerFeatureFlags;
  dataStore: boolean;
}

const fail = (message: string, node?: { loc?: FieldDefinitionNode['loc'] }): never => {
  throw new TransformError(message, nodeLocation(node));
};

/** `generatedFields` stands in for the node's fields when the model is a join model the transformer creates. */
export function readModel(node: ObjectTypeDefinitionNode, context: ModelContext, generatedFields?: ModelField[]): ModelDefinition {
  const name = node.name.value;
  const fields: ModelField[] =
    generatedFields ??
    (node.fields ?? []).map((field) => {
      const type = typeRef(field.type);
      return { name: field.name.value, type, kind: context.schema.kindOf(type.name) };
    });
  const primaryKey = readPrimaryKey(node, fields);
  if (!fields.some((field) => field.name === 'id') && primaryKey.partitionKey === 'id') {
    fields.push({ name: 'id', type: scalarType('ID', true), kind: 'scalar' });
  }
  const modelArgs = directiveArgs(findDirective(node, 'model')!);
  const timestamps = readTimestamps(modelArgs.timestamps);
  for (const timestamp of [timestamps.createdAt, timestamps.updatedAt]) {
    if (timestamp && !fields.some((field) => field.name === timestamp)) {
      fields.push({ name: timestamp, type: scalarType('AWSDateTime', true), kind: 'scalar', added: 'timestamp' });
    }
  }
  if (context.dataStore) {
    fields.push(
      { name: '_version', type: scalarType('Int', true), kind: 'scalar', added: 'version' },
      { name: '_deleted', type: scalarType('Boolean'), kind: 'scalar', added: 'version' },
      { name: '_lastChangedAt', type: scalarType('AWSTimestamp', true), kind: 'scalar', added: 'version' },
    );
  }
  const mapsTo = findDirective(node, 'mapsTo');
  return {
    name,
    pluralName: pluralTypeName(name),
    ...(mapsTo ? { originalName: directiveArgs(mapsTo).name as string } : {}),
    fields,
    primaryKey,
    indexes: readIndexes(node, fields, context),
    relations: [],
    operations: readOperations(name, modelArgs, context),
    timestamps,
    defaults: readDefaults(node, fields, context),
    auth: [],
  };
}

function readPrimaryKey(node: ObjectTypeDefinitionNode, fields: ModelField[]): KeySchema {
  const typeName = node.name.value;
  const keyed = (node.fields ?? []).flatMap((field) => findDirectives(field, 'primaryKey').map((directive) => ({ field, directive })));
  if (keyed.length === 0) return { partitionKey: 'id', sortKeyFields: [] };
  if (keyed.length > 1) fail(`You may only supply one primary key on type '${typeName}'.`, keyed[1].directive);
  const { field, directive } = keyed[0];
  const partition = fields.find((candidate) => candidate.name === field.name.value)!;
  if (!isKeyable(partition)) fail(`The primary key on type '${typeName}.${partition.name}' cannot be a non-scalar.`, directive);
  if (!partition.type.nonNull) fail(`The primary key on type '${typeName}' must reference non-null fields.`, directive);
  const sortKeyFields = ((directiveArgs(directive).sortKeyFields as string[] | null | undefined) ?? []).filter(Boolean);
  for (const sortKeyField of sortKeyFields) {
    const sortField = fields.find((candidate) => candidate.name === sortKeyField);
    if (!sortField) fail(`Can't find field '${sortKeyField}' in ${typeName}, but it was specified in the primary key.`, directive);
    if (!isKeyable(sortField!)) fail(`The primary key's sort key on type '${typeName}.${sortKeyField}' cannot be a non-scalar.`, directive);
    if (!sortField!.type.nonNull) fail(`The primary key on type '${typeName}' must reference non-null fields.`, directive);
  }
  return { partitionKey: partition.name, sortKeyFields };
}

const isKeyable = (field: ModelField): boolean => !field.type.list && (field.kind === 'scalar' || field.kind === 'enum');

function readIndexes(node: ObjectTypeDefinitionNode, fields: ModelField[], context: ModelContext): ModelIndex[] {
  const typeName = node.name.value;
  const indexes: ModelIndex[] = [];
  for (const fieldNode of node.fields ?? []) {
    for (const directive of findDirectives(fieldNode, 'index')) {
      const args = directiveArgs(directive);
      const field = fields.find((candidate) => candidate.name === fieldNode.name.value)!;
      const sortKeyFields = ((args.sortKeyFields as string[] | null | undefined) ?? []).filter(Boolean);
      const autoName = autoIndexQueryName(typeName, field.name, sortKeyFields);
      const name = (args.name as string | undefined) ?? autoName;
      if (!INDEX_NAME.test(name)) fail(INVALID_INDEX_NAME, directive);
      if (!isKeyable(field)) fail(`Index '${name}' on type '${typeName}.${field.name}' cannot be a non-scalar.`, directive);
      for (const sortKeyField of sortKeyFields) {
        const sortField = fields.find((candidate) => candidate.name === sortKeyField);
        if (!sortField) fail(`Can't find field '${sortKeyField}' in ${typeName}, but it was specified in index '${name}'.`, directive);
        if (!isKeyable(sortField!)) {
          fail(`The sort key of index '${name}' on type '${typeName}.${sortKeyField}' cannot be a non-scalar.`, directive);
        }
      }
      if (indexes.some((index) => index.name === name)) {
        fail(`You may only supply one @index with the name '${name}' on type '${typeName}'.`, directive);
      }
      const queryField =
        (args.queryField as string | undefined) ?? (context.flags.enableautoindexquerynames ? autoName : undefined);
      indexes.push({ name, partitionKey: field.name, sortKeyFields, ...(queryField ? { queryField } : {}), origin: 'index' });
    }
  }
  return indexes;
}

function readTimestamps(config: unknown): ModelDefinition['timestamps'] {
  if (config === null) return {};
  const written = (config ?? {}) as { createdAt?: string | null; updatedAt?: string | null };
  const timestamps: ModelDefinition['timestamps'] = {};
  if (written.createdAt !== null) timestamps.createdAt = written.createdAt ?? 'createdAt';
  if (written.updatedAt !== null) timestamps.updatedAt = written.updatedAt ?? 'updatedAt';
  return timestamps;
}

type OperationMap = Record<string, unknown> | null | undefined;

/**
 * A map written on `@model` replaces the defaults entirely (a key left out is not generated) unless
 * `shoulddeepmergedirectiveconfigdefaults` is on; `null` drops them all.
 */
function mergeMap(written: OperationMap, defaults: Record<string, unknown>, deepMerge: boolean): Record<string, unknown> {
  if (written === null) return {};
  if (written === undefined) return defaults;
  return deepMerge ? { ...defaults, ...written } : written;
}

function readOperations(name: string, args: Record<string, unknown>, context: ModelContext): ModelOperations {
  const deepMerge = context.flags.shoulddeepmergedirectiveconfigdefaults;
  const plural = pluralTypeName(name);
  const queries = mergeMap(args.queries as OperationMap, { get: camelJoin(['get', name]), list: camelJoin(['list', plural]) }, deepMerge);
  const mutations = mergeMap(
    args.mutations as OperationMap,
    { create: camelJoin(['create', name]), update: camelJoin(['update', name]), delete: camelJoin(['delete', name]) },
    deepMerge,
  );
  const subscriptionDefaults = {
    onCreate: [subscriptionFieldName(camelJoin(['onCreate', name]))],
    onUpdate: [subscriptionFieldName(camelJoin(['onUpdate', name]))],
    onDelete: [subscriptionFieldName(camelJoin(['onDelete', name]))],
    level: 'on',
  };
  const subscriptions = mergeMap(args.subscriptions as OperationMap, subscriptionDefaults, deepMerge);
  const level = (subscriptions.level as ModelOperations['subscriptions']['level'] | undefined) ?? 'on';
  // `{ level: public }` alone keeps the default names (the original special-cases it).
  const namesWritten = ['onCreate', 'onUpdate', 'onDelete'].some((key) => subscriptions[key] !== undefined);
  const names = (key: 'onCreate' | 'onUpdate' | 'onDelete', mutation: unknown): string[] => {
    if (level === 'off' || typeof mutation !== 'string') return [];
    const written = level === 'public' && !namesWritten ? subscriptionDefaults[key] : subscriptions[key];
    if (written === null || written === undefined) return [];
    return (Array.isArray(written) ? written : [written]).filter((value): value is string => typeof value === 'string');
  };
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    get: text(queries.get),
    list: text(queries.list),
    ...(context.dataStore ? { sync: camelJoin(['sync', plural]) } : {}),
    create: text(mutations.create),
    update: text(mutations.update),
    delete: text(mutations.delete),
    subscriptions: {
      level,
      onCreate: names('onCreate', mutations.create),
      onUpdate: names('onUpdate', mutations.update),
      onDelete: names('onDelete', mutations.delete),
    },
  };
}

function readDefaults(node: ObjectTypeDefinitionNode, fields: ModelField[], context: ModelContext): ModelDefinition['defaults'] {
  const defaults: ModelDefinition['defaults'] = [];
  for (const fieldNode of node.fields ?? []) {
    const directive = findDirective(fieldNode, 'default');
    if (!directive) continue;
    const field = fields.find((candidate) => candidate.name === fieldNode.name.value)!;
    if (field.type.list || (field.kind !== 'scalar' && field.kind !== 'enum')) {
      fail('The @default directive may only be added to scalar or enum field types.', directive);
    }
    const written = directiveArgs(directive).value;
    if (written === null || written === undefined) fail('The @default directive does not support null values.', directive);
    const parsed = parseDefaultValue(String(written), field.type.name, context.schema.enumType(field.type.name));
    if ('error' in parsed) fail(parsed.error, directive);
    else defaults.push({ field: field.name, value: parsed.value });
  }
  return defaults;
}
