/**
 * `@hasOne`, `@hasMany`, `@belongsTo` and `@manyToMany`, in the original's transformer order (every hasMany, then
 * hasOne, manyToMany, belongsTo): validation, foreign-key fields (§8.3), `gsi-<Parent>.<field>` indexes and the join
 * models of many-to-many relations.
 */
import type { DirectiveNode, FieldDefinitionNode, ObjectTypeDefinitionNode } from 'graphql';
import type { ModelDefinition, ModelField, RelationField, RelationKind } from '../model/api-model';
import type { TransformerFeatureFlags } from '../transform-types';
import { TransformError } from '../transform-types';
import { autoIndexQueryName, camelJoin, lowerFirst, upperFirst } from './names';
import { nodeLocation } from './parse-schema';
import { directiveArgs, findDirective, scalarType } from './schema-index';
import type { SchemaIndex } from './schema-index';

const RELATION_DIRECTIVES: RelationKind[] = ['hasMany', 'hasOne', 'manyToMany', 'belongsTo'];
const DEFAULT_LIMIT = 100;

export interface RelationContext {
  schema: SchemaIndex;
  flags: TransformerFeatureFlags;
  dataStore: boolean;
  /** Builds the `@model` defaults (id, timestamps, operations) for a generated join model. */
  makeJoinModel: (name: string, fields: ModelField[]) => ModelDefinition;
}

interface RelationUse {
  kind: RelationKind;
  parent: ModelDefinition;
  field: FieldDefinitionNode;
  directive: DirectiveNode;
  args: Record<string, unknown>;
}

const fail = (message: string, directive: DirectiveNode): never => {
  throw new TransformError(message, nodeLocation(directive));
};

const keyFieldsOf = (model: ModelDefinition): string[] => [model.primaryKey.partitionKey, ...model.primaryKey.sortKeyFields];
const fieldOf = (model: ModelDefinition, name: string): ModelField | undefined => model.fields.find((field) => field.name === name);

/** Relation directives on types that are not models are refused before anything else. */
export function rejectRelationsOutsideModels(schema: SchemaIndex): void {
  for (const type of schema.objects) {
    if (schema.modelNames.has(type.name.value)) continue;
    for (const field of type.fields ?? []) {
      for (const kind of RELATION_DIRECTIVES) {
        const directive = findDirective(field, kind);
        if (directive) fail(`Object type ${type.name.value} must be annotated with @model.`, directive);
      }
    }
  }
}

/** Adds relations, foreign keys and join models to `models` (join models are appended). */
export function resolveRelations(models: ModelDefinition[], nodes: Map<string, ObjectTypeDefinitionNode>, context: RelationContext): void {
  const byName = new Map(models.map((model) => [model.name, model]));
  const uses: RelationUse[] = [];
  for (const kind of RELATION_DIRECTIVES) {
    for (const model of models) {
      for (const field of nodes.get(model.name)?.fields ?? []) {
        const directive = findDirective(field, kind);
        if (!directive) continue;
        const args = directiveArgs(directive);
        if (typeof args.fields === 'string') args.fields = [args.fields];
        uses.push({ kind, parent: model, field, directive, args });
      }
    }
  }
  for (const use of uses) validateUse(use, uses, byName);
  if (context.dataStore) rejectMutualOwnership(uses);

  const addedForeignKeys = new Map<string, string[]>();
  for (const use of uses.filter((candidate) => candidate.kind === 'hasMany')) addHasMany(use, byName, context, addedForeignKeys);
  for (const use of uses.filter((candidate) => candidate.kind === 'hasOne')) addHasOne(use, byName, context);
  addManyToMany(
    uses.filter((candidate) => candidate.kind === 'manyToMany'),
    models,
    byName,
    context,
  );
  for (const use of uses.filter((candidate) => candidate.kind === 'belongsTo')) addBelongsTo(use, uses, byName, context, addedForeignKeys);
}

function validateUse(use: RelationUse, uses: RelationUse[], byName: Map<string, ModelDefinition>): void {
  const field = fieldOf(use.parent, use.field.name.value)!;
  const { kind, directive } = use;
  if (kind === 'hasMany' && !field.type.list) fail('@hasMany must be used with a list. Use @hasOne for non-list types.', directive);
  if (kind === 'manyToMany' && !field.type.list) fail('@manyToMany must be used with a list.', directive);
  if (kind === 'hasOne' && field.type.list) fail('@hasOne cannot be used with lists. Use @hasMany instead.', directive);
  if (kind === 'belongsTo' && field.type.list) fail('@belongsTo cannot be used with lists.', directive);
  if (use.args.references !== undefined) {
    fail(`'references' defined on ${use.parent.name}.${field.name} @${kind}. Expecting 'fields' only.`, directive);
  }
  if (kind === 'manyToMany') return;
  const related = byName.get(field.type.name);
  if (!related) fail(`Object type ${field.type.name} must be annotated with @model.`, directive);
  const written = use.args.fields as string[] | undefined;
  if (written?.length === 0) fail(`No fields passed to @${kind} directive.`, directive);
  for (const name of written ?? []) {
    if (!fieldOf(use.parent, name)) fail(`${name} is not a field in ${use.parent.name}`, directive);
    if (name === field.name) fail(`@${kind} field '${name}' cannot reference itself.`, directive);
  }
  const indexName = use.args.indexName as string | undefined;
  const index = indexName === undefined ? related!.primaryKey : related!.indexes.find((candidate) => candidate.name === indexName);
  if (kind === 'hasMany' && !index) fail(`Index ${indexName} does not exist for model ${related!.name}`, directive);
  if (written) checkKeyFields(use, written, related!, index!);
  if (kind === 'belongsTo' && use.args.fields === undefined && !reciprocalOf(use, uses)) {
    fail(`${related!.name} must have a relationship with ${use.parent.name} in order to use @belongsTo.`, directive);
  }
}

/** `fields:` must match the key it queries: same types, in order, and all sort-key fields when more than one is given. */
function checkKeyFields(use: RelationUse, written: string[], related: ModelDefinition, key: { partitionKey: string; sortKeyFields: string[] }): void {
  const keyFields = [key.partitionKey, ...key.sortKeyFields];
  const typeOf = (model: ModelDefinition, name: string): string => fieldOf(model, name)!.type.name;
  if (typeOf(use.parent, written[0]) !== typeOf(related, keyFields[0])) {
    fail(`${written[0]} field is not of type ${typeOf(related, keyFields[0])}`, use.directive);
  }
  if (written.length > 1 && key.sortKeyFields.length !== written.length - 1) {
    fail(`Invalid @${use.kind} directive on ${use.field.name.value}. Partial sort keys are not accepted.`, use.directive);
  }
  written.slice(1).forEach((name, position) => {
    const expected = typeOf(related, key.sortKeyFields[position]);
    if (typeOf(use.parent, name) !== expected) fail(`${name} field is not of type ${expected}`, use.directive);
  });
}

/** The `@hasOne`/`@hasMany` on the related model that points back at a `@belongsTo`'s type. */
function reciprocalOf(use: RelationUse, uses: RelationUse[]): RelationUse | undefined {
  const relatedName = fieldOf(use.parent, use.field.name.value)!.type.name;
  return uses.find(
    (candidate) =>
      (candidate.kind === 'hasOne' || candidate.kind === 'hasMany') &&
      candidate.parent.name === relatedName &&
      fieldOf(candidate.parent, candidate.field.name.value)!.type.name === use.parent.name,
  );
}

function rejectMutualOwnership(uses: RelationUse[]): void {
  const owning = uses.filter((use) => use.kind === 'hasOne' || use.kind === 'hasMany');
  for (const use of owning) {
    const target = fieldOf(use.parent, use.field.name.value)!.type.name;
    const back = owning.find((other) => other.parent.name === target && fieldOf(other.parent, other.field.name.value)!.type.name === use.parent.name);
    if (back && target !== use.parent.name) {
      fail(
        `${use.parent.name} and ${target} cannot refer to each other via @hasOne or @hasMany when DataStore is in use. Use @belongsTo instead. See https://docs.amplify.aws/cli/graphql/data-modeling/#belongs-to-relationship`,
        use.directive,
      );
    }
  }
}

/**
 * Foreign-key fields for a relation on `holderType.field` that stores `referenced`'s primary key; they are required
 * exactly when the relational field is.
 */
function foreignKeyFields(
  holderType: string,
  relationField: ModelField,
  referenced: ModelDefinition,
  flags: TransformerFeatureFlags,
): ModelField[] {
  const nonNull = relationField.type.nonNull;
  if (!flags.respectprimarykeyattributesonconnectionfield) {
    return [{ name: camelJoin([holderType, relationField.name, 'id']), type: scalarType('ID', nonNull), kind: 'scalar', added: 'foreignKey' }];
  }
  return keyFieldsOf(referenced).map((keyField) => {
    const source = fieldOf(referenced, keyField)!;
    return {
      name: camelJoin([holderType, relationField.name, keyField]),
      type: scalarType(source.type.name, nonNull),
      kind: source.kind,
      added: 'foreignKey',
    };
  });
}

function appendFields(model: ModelDefinition, fields: ModelField[]): string[] {
  const added: string[] = [];
  for (const field of fields) {
    if (fieldOf(model, field.name)) continue;
    model.fields.push(field);
    added.push(field.name);
  }
  return added;
}

function limitOf(use: RelationUse): number {
  return typeof use.args.limit === 'number' ? use.args.limit : DEFAULT_LIMIT;
}

function addHasMany(
  use: RelationUse,
  byName: Map<string, ModelDefinition>,
  context: RelationContext,
  addedForeignKeys: Map<string, string[]>,
): void {
  const fieldName = use.field.name.value;
  const child = byName.get(fieldOf(use.parent, fieldName)!.type.name)!;
  const fields = use.args.fields as string[] | undefined;
  const indexName = use.args.indexName as string | undefined;
  const relation: RelationField = { field: fieldName, kind: 'hasMany', relatedModel: child.name, lookup: { keyFields: [], sourceFields: [] }, limit: limitOf(use) };
  if (fields) {
    const index = indexName ? child.indexes.find((candidate) => candidate.name === indexName)! : undefined;
    const keyFields = index ? [index.partitionKey, ...index.sortKeyFields] : keyFieldsOf(child);
    relation.lookup = { ...(indexName ? { indexName } : {}), keyFields: keyFields.slice(0, fields.length), sourceFields: fields };
  } else {
    const foreignKeys = foreignKeyFields(use.parent.name, fieldOf(use.parent, fieldName)!, use.parent, context.flags);
    relation.foreignKeyFields = appendFields(child, foreignKeys);
    addedForeignKeys.set(`${child.name}:${use.parent.name}`, foreignKeys.map((key) => key.name));
    const gsi = `gsi-${use.parent.name}.${fieldName}`;
    child.indexes.push({ name: gsi, partitionKey: foreignKeys[0].name, sortKeyFields: foreignKeys.slice(1).map((key) => key.name), origin: 'hasMany' });
    const sourceFields = context.flags.respectprimarykeyattributesonconnectionfield ? keyFieldsOf(use.parent) : [use.parent.primaryKey.partitionKey];
    relation.lookup = { indexName: gsi, keyFields: foreignKeys.map((key) => key.name), sourceFields };
  }
  use.parent.relations.push(relation);
}

function addHasOne(use: RelationUse, byName: Map<string, ModelDefinition>, context: RelationContext): void {
  const fieldName = use.field.name.value;
  const related = byName.get(fieldOf(use.parent, fieldName)!.type.name)!;
  const fields = use.args.fields as string[] | undefined;
  const relation: RelationField = { field: fieldName, kind: 'hasOne', relatedModel: related.name, lookup: { keyFields: [], sourceFields: [] } };
  if (fields) {
    relation.lookup = { keyFields: keyFieldsOf(related).slice(0, fields.length), sourceFields: fields };
  } else {
    const foreignKeys = foreignKeyFields(use.parent.name, fieldOf(use.parent, fieldName)!, related, context.flags);
    relation.foreignKeyFields = appendFields(use.parent, foreignKeys);
    relation.lookup = { keyFields: keyFieldsOf(related).slice(0, foreignKeys.length), sourceFields: foreignKeys.map((key) => key.name) };
  }
  use.parent.relations.push(relation);
}

function addBelongsTo(
  use: RelationUse,
  uses: RelationUse[],
  byName: Map<string, ModelDefinition>,
  context: RelationContext,
  addedForeignKeys: Map<string, string[]>,
): void {
  const fieldName = use.field.name.value;
  const related = byName.get(fieldOf(use.parent, fieldName)!.type.name)!;
  const fields = use.args.fields as string[] | undefined;
  const relation: RelationField = { field: fieldName, kind: 'belongsTo', relatedModel: related.name, lookup: { keyFields: [], sourceFields: [] } };
  if (fields) {
    relation.lookup = { keyFields: keyFieldsOf(related).slice(0, fields.length), sourceFields: fields };
  } else {
    const reciprocal = reciprocalOf(use, uses)!;
    if (reciprocal.kind === 'hasMany') {
      const parentRelation = related.relations.find((candidate) => candidate.field === reciprocal.field.name.value)!;
      const sourceFields = addedForeignKeys.get(`${use.parent.name}:${related.name}`) ?? parentRelation.lookup.keyFields;
      relation.lookup = { keyFields: parentRelation.lookup.sourceFields, sourceFields };
    } else {
      const foreignKeys = foreignKeyFields(use.parent.name, fieldOf(use.parent, fieldName)!, related, context.flags);
      relation.foreignKeyFields = appendFields(use.parent, foreignKeys);
      relation.lookup = { keyFields: keyFieldsOf(related).slice(0, foreignKeys.length), sourceFields: foreignKeys.map((key) => key.name) };
    }
  }
  use.parent.relations.push(relation);
}

function addManyToMany(
  uses: RelationUse[],
  models: ModelDefinition[],
  byName: Map<string, ModelDefinition>,
  context: RelationContext,
): void {
  const byRelation = new Map<string, RelationUse[]>();
  for (const use of uses) {
    const relationName = use.args.relationName as string;
    byRelation.set(relationName, [...(byRelation.get(relationName) ?? []), use]);
  }
  for (const [relationName, pair] of byRelation) {
    if (pair.length !== 2) fail(`@manyToMany relation '${relationName}' must be used in exactly two locations.`, pair[0].directive);
    const joinName = upperFirst(relationName);
    if (context.schema.types.has(joinName)) {
      fail(`@manyToMany relation name '${joinName}' (derived from '${relationName}') already exists as a type in the schema.`, pair[0].directive);
    }
    const [first, second] = pair;
    if (first.parent.name === second.parent.name) {
      fail(
        `@manyToMany relation '${relationName}' joins ${first.parent.name} to itself, which GraphQL Transformer v2 cannot name; model the join as a @model with two @belongsTo fields and @hasMany on ${first.parent.name} instead.`,
        second.directive,
      );
    }
    for (const [use, other] of [
      [first, second],
      [second, first],
    ]) {
      const expected = fieldOf(use.parent, use.field.name.value)!.type.name;
      if (expected !== other.parent.name) {
        fail(`@manyToMany relation '${joinName}' expects '${expected}' but got '${other.parent.name}'.`, other.directive);
      }
    }
    // Join keys: `<model>` + the capitalised partition key (`postId`), then `<model>` + each sort key as written (`posttitle`).
    const sides = [first.parent, second.parent].map((model) => ({
      model,
      keys: keyFieldsOf(model).map((keyField, position) => {
        const source = fieldOf(model, keyField)!;
        const name = position === 0 ? camelJoin([lowerFirst(model.name), keyField]) : `${lowerFirst(model.name)}${keyField}`;
        return { name, type: scalarType(source.type.name, true), kind: source.kind } as ModelField;
      }),
    }));
    const joinFields: ModelField[] = [
      { name: 'id', type: scalarType('ID', true), kind: 'scalar' },
      ...sides.flatMap((side) => side.keys.map((key) => ({ ...key, added: 'joinKey' as const }))),
      ...sides.map((side) => ({ name: lowerFirst(side.model.name), type: scalarType(side.model.name, true), kind: 'model' as const })),
    ];
    const join = context.makeJoinModel(joinName, joinFields);
    for (const side of sides) {
      const keyNames = side.keys.map((key) => key.name);
      const queryField = context.flags.enableautoindexquerynames ? autoIndexQueryName(joinName, keyNames[0], keyNames.slice(1)) : undefined;
      join.indexes.push({
        name: `by${side.model.name}`,
        partitionKey: keyNames[0],
        sortKeyFields: keyNames.slice(1),
        ...(queryField ? { queryField } : {}),
        origin: 'manyToMany',
      });
    }
    models.push(join);
    byName.set(join.name, join);
    for (const [index, use] of [first, second].entries()) {
      const side = sides[index];
      const other = sides[1 - index];
      use.parent.relations.push({
        field: use.field.name.value,
        kind: 'manyToMany',
        relatedModel: other.model.name,
        joinModel: join.name,
        lookup: { indexName: `by${side.model.name}`, keyFields: side.keys.map((key) => key.name), sourceFields: keyFieldsOf(side.model) },
        limit: limitOf(use),
      });
    }
    for (const side of sides) {
      join.relations.push({
        field: lowerFirst(side.model.name),
        kind: 'hasOne',
        relatedModel: side.model.name,
        lookup: { keyFields: keyFieldsOf(side.model), sourceFields: side.keys.map((key) => key.name) },
      });
    }
  }
}
