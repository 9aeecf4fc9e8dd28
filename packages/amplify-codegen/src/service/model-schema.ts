import { createHash } from 'crypto';
import { AmplifyError } from 'amplify-cli-core';
import type { ConstDirectiveNode, DocumentNode, FieldDefinitionNode, ObjectTypeDefinitionNode, TypeNode } from 'graphql';
import { Kind } from 'graphql/language/kinds';
import { parse } from 'graphql/language/parser';
import { valueFromASTUntyped } from 'graphql/utilities/valueFromASTUntyped';

/**
 * The DataStore model introspection (`schema.js`) built from the annotated API schema, as the original's modelgen
 * describes models: fields with their types and associations, key/auth attributes, enums and non-model types.
 */
export type ModelFieldType = string | { model: string } | { enum: string } | { nonModel: string };

export interface ModelAssociation {
  connectionType: 'HAS_MANY' | 'HAS_ONE' | 'BELONGS_TO';
  associatedWith?: string[];
  targetNames?: string[];
}

export interface ModelField {
  name: string;
  isArray: boolean;
  type: ModelFieldType;
  isRequired: boolean;
  attributes: unknown[];
  isArrayNullable?: boolean;
  isReadOnly?: boolean;
  association?: ModelAssociation;
}

export interface ModelAttribute {
  type: 'model' | 'key' | 'auth';
  properties: Record<string, unknown>;
}

export interface ModelDefinition {
  name: string;
  fields: Record<string, ModelField>;
  syncable: true;
  pluralName: string;
  attributes: ModelAttribute[];
  primaryKeyInfo: { isCustomPrimaryKey: boolean; primaryKeyFieldName: string; sortKeyFieldNames: string[] };
}

export interface NonModelDefinition {
  name: string;
  fields: Record<string, ModelField>;
}

export interface ModelIntrospection {
  models: Record<string, ModelDefinition>;
  enums: Record<string, { name: string; values: string[] }>;
  nonModels: Record<string, NonModelDefinition>;
  codegenVersion: string;
  version: string;
}

export const CODEGEN_VERSION = '3.4.4';

/**
 * The field of the related model a hasMany field is associated with, as the native model classes name it: the
 * child's belongsTo field when it has one over the same foreign key, else the foreign key field, else `id`.
 */
export function hasManyBackReference(field: ModelField, models: Record<string, ModelDefinition>): string {
  const related = typeof field.type === 'object' && 'model' in field.type ? Object.values(models[field.type.model]?.fields ?? {}) : [];
  const foreignKeys = field.association?.associatedWith ?? [];
  const back =
    related.find((f) => f.association?.connectionType === 'BELONGS_TO' && JSON.stringify(f.association.targetNames) === JSON.stringify(foreignKeys)) ??
    related.find((f) => f.name === foreignKeys[0]);
  return back?.name ?? 'id';
}

const DEFAULT_OPERATIONS = ['create', 'update', 'delete', 'read'];
const DEFAULT_PROVIDER: Record<string, string> = { owner: 'userPools', groups: 'userPools', private: 'userPools', public: 'apiKey', custom: 'function' };

function directive(node: { directives?: readonly ConstDirectiveNode[] }, name: string): ConstDirectiveNode | undefined {
  return node.directives?.find((d) => d.name.value === name);
}

function argument(node: ConstDirectiveNode | undefined, name: string): unknown {
  const arg = node?.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value) : undefined;
}

function unwrap(type: TypeNode): { name: string; isRequired: boolean; isArray: boolean; isArrayNullable: boolean } {
  let node = type;
  let outerRequired = false;
  if (node.kind === Kind.NON_NULL_TYPE) {
    outerRequired = true;
    node = node.type;
  }
  if (node.kind === Kind.LIST_TYPE) {
    const item = node.type.kind === Kind.NON_NULL_TYPE ? node.type.type : node.type;
    const name = item.kind === Kind.NAMED_TYPE ? item.name.value : 'String';
    return { name, isRequired: node.type.kind === Kind.NON_NULL_TYPE, isArray: true, isArrayNullable: !outerRequired };
  }
  return { name: node.kind === Kind.NAMED_TYPE ? node.name.value : 'String', isRequired: outerRequired, isArray: false, isArrayNullable: false };
}

const lowerFirst = (value: string): string => value.charAt(0).toLowerCase() + value.slice(1);
const upperFirst = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

function authRules(rules: unknown): unknown[] {
  if (!Array.isArray(rules)) return [];
  return rules.map((raw) => {
    const rule = raw as Record<string, unknown>;
    const allow = String(rule.allow);
    const out: Record<string, unknown> = { allow, provider: rule.provider ?? DEFAULT_PROVIDER[allow] ?? 'userPools' };
    if (allow === 'owner') {
      out.ownerField = rule.ownerField ?? 'owner';
      out.identityClaim = rule.identityClaim ?? 'cognito:username';
    }
    if (allow === 'groups') {
      if (rule.groups !== undefined) out.groups = rule.groups;
      if (rule.groupsField !== undefined) out.groupsField = rule.groupsField;
      out.groupClaim = rule.groupClaim ?? 'cognito:groups';
    }
    out.operations = Array.isArray(rule.operations) ? rule.operations : DEFAULT_OPERATIONS;
    return out;
  });
}

function parseSourceSchema(sdl: string): DocumentNode {
  try {
    return parse(sdl);
  } catch (cause) {
    throw new AmplifyError('InvalidGraphQLSchema', `The API schema is not valid GraphQL: ${(cause as Error).message}`, {
      resolution: 'Fix amplify/backend/api/<api>/schema.graphql, then run "amplify codegen models" again',
      cause,
    });
  }
}

/** The model introspection of an annotated schema (`@model`, `@primaryKey`, `@index`, relations, `@auth`). */
export function buildModelIntrospection(sdl: string, pluralize: (word: string) => string): ModelIntrospection {
  const document = parseSourceSchema(sdl);
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const modelNodes = objects.filter((o) => directive(o, 'model'));
  const modelNames = new Set(modelNodes.map((o) => o.name.value));
  const enumNames = new Set(document.definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION ? [d.name.value] : [])));
  const reserved = new Set(['Query', 'Mutation', 'Subscription']);
  const nonModelNodes = objects.filter((o) => !modelNames.has(o.name.value) && !reserved.has(o.name.value));

  const amplifyInput = document.definitions.find((d) => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && d.name.value === 'AMPLIFY');
  const globalRuleField = amplifyInput?.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ? amplifyInput.fields?.find((f) => f.name.value === 'globalAuthRule') : undefined;
  const globalRule = globalRuleField?.defaultValue ? valueFromASTUntyped(globalRuleField.defaultValue) : undefined;

  const fieldType = (name: string): ModelFieldType =>
    modelNames.has(name) ? { model: name } : enumNames.has(name) ? { enum: name } : objects.some((o) => o.name.value === name) ? { nonModel: name } : name;

  const plainField = (field: FieldDefinitionNode): ModelField => {
    const { name, isRequired, isArray, isArrayNullable } = unwrap(field.type);
    return { name: field.name.value, isArray, type: fieldType(name), isRequired, attributes: [], ...(isArray ? { isArrayNullable } : {}) };
  };

  const primaryKeyOf = (node: ObjectTypeDefinitionNode): string[] => {
    const field = node.fields?.find((f) => directive(f, 'primaryKey'));
    if (!field) return ['id'];
    const sortKeys = argument(directive(field, 'primaryKey'), 'sortKeyFields');
    return [field.name.value, ...(Array.isArray(sortKeys) ? sortKeys.map(String) : [])];
  };
  const primaryKeys = new Map(modelNodes.map((node) => [node.name.value, primaryKeyOf(node)]));
  const foreignKeyNames = (parent: string, field: string, related: string): string[] =>
    (primaryKeys.get(related) ?? ['id']).map((key) => `${lowerFirst(parent)}${upperFirst(field)}${upperFirst(key)}`);

  const models: Record<string, ModelDefinition> = {};
  const addedFields = new Map<string, ModelField[]>();
  const addField = (model: string, field: ModelField): void => {
    const list = addedFields.get(model) ?? [];
    if (!list.some((existing) => existing.name === field.name)) list.push(field);
    addedFields.set(model, list);
  };
  const joinModels: Array<{ relationName: string; sides: Array<{ model: string }> }> = [];

  for (const node of modelNodes) {
    const modelName = node.name.value;
    const fields: Record<string, ModelField> = {};
    const keyAttributes: ModelAttribute[] = [];
    const pk = primaryKeys.get(modelName) ?? ['id'];
    if (!node.fields?.some((f) => f.name.value === 'id') && pk[0] === 'id') {
      fields.id = { name: 'id', isArray: false, type: 'ID', isRequired: true, attributes: [] };
    }
    for (const field of node.fields ?? []) {
      const model = plainField(field);
      const related = typeof model.type === 'object' && 'model' in model.type ? model.type.model : undefined;
      const hasMany = directive(field, 'hasMany');
      const hasOne = directive(field, 'hasOne');
      const belongsTo = directive(field, 'belongsTo');
      const manyToMany = directive(field, 'manyToMany');
      if (related && hasMany) {
        const explicit = argument(hasMany, 'fields');
        const references = argument(hasMany, 'references');
        const fks = Array.isArray(references) ? references.map(String) : foreignKeyNames(modelName, field.name.value, modelName);
        if (!Array.isArray(references) && !Array.isArray(explicit)) {
          fks.forEach((fk) => addField(related, { name: fk, isArray: false, type: 'ID', isRequired: false, attributes: [] }));
        }
        model.association = { connectionType: 'HAS_MANY', associatedWith: fks };
      } else if (related && hasOne) {
        const explicit = argument(hasOne, 'fields');
        const targets = Array.isArray(explicit) ? explicit.map(String) : foreignKeyNames(modelName, field.name.value, related);
        model.association = { connectionType: 'HAS_ONE', associatedWith: primaryKeys.get(related) ?? ['id'], targetNames: targets };
        if (!Array.isArray(explicit)) targets.forEach((fk) => addField(modelName, { name: fk, isArray: false, type: 'ID', isRequired: false, attributes: [] }));
      } else if (related && belongsTo) {
        const explicit = argument(belongsTo, 'fields');
        const parent = modelNodes.find((n) => n.name.value === related);
        const reciprocal = parent?.fields?.find((f) => unwrap(f.type).name === modelName && (directive(f, 'hasMany') || directive(f, 'hasOne')));
        const targets = Array.isArray(explicit)
          ? explicit.map(String)
          : reciprocal && directive(reciprocal, 'hasMany')
            ? foreignKeyNames(related, reciprocal.name.value, related)
            : foreignKeyNames(modelName, field.name.value, related);
        model.association = { connectionType: 'BELONGS_TO', targetNames: targets };
        if (!Array.isArray(explicit)) targets.forEach((fk) => addField(modelName, { name: fk, isArray: false, type: 'ID', isRequired: false, attributes: [] }));
      } else if (related && manyToMany) {
        const relationName = String(argument(manyToMany, 'relationName'));
        model.type = { model: relationName };
        model.association = { connectionType: 'HAS_MANY', associatedWith: [lowerFirst(modelName)] };
        const join = joinModels.find((j) => j.relationName === relationName);
        if (join) join.sides.push({ model: modelName });
        else joinModels.push({ relationName, sides: [{ model: modelName }] });
      }
      for (const index of field.directives?.filter((d) => d.name.value === 'index') ?? []) {
        const sortKeys = argument(index, 'sortKeyFields');
        const queryField = argument(index, 'queryField');
        keyAttributes.push({
          type: 'key',
          properties: { name: argument(index, 'name'), ...(typeof queryField === 'string' ? { queryField } : {}), fields: [field.name.value, ...(Array.isArray(sortKeys) ? sortKeys.map(String) : [])] },
        });
      }
      fields[field.name.value] = model;
    }
    const modelDirective = directive(node, 'model');
    const timestamps = argument(modelDirective, 'timestamps');
    const timestampFields =
      timestamps === null ? [] : typeof timestamps === 'object' && timestamps !== null ? Object.entries({ createdAt: 'createdAt', updatedAt: 'updatedAt', ...timestamps }).flatMap(([, v]) => (typeof v === 'string' ? [v] : [])) : ['createdAt', 'updatedAt'];
    for (const name of timestampFields) {
      if (!fields[name]) fields[name] = { name, isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true };
    }
    const rules = directive(node, 'auth') ? authRules(argument(directive(node, 'auth'), 'rules')) : globalRule ? authRules([globalRule]) : [];
    models[modelName] = {
      name: modelName,
      fields,
      syncable: true,
      pluralName: pluralize(modelName),
      attributes: [
        { type: 'model', properties: {} },
        ...(pk[0] !== 'id' || pk.length > 1 ? [{ type: 'key' as const, properties: { fields: pk } }] : []),
        ...keyAttributes,
        ...(rules.length > 0 ? [{ type: 'auth' as const, properties: { rules } }] : []),
      ],
      primaryKeyInfo: { isCustomPrimaryKey: pk[0] !== 'id' || pk.length > 1, primaryKeyFieldName: pk[0], sortKeyFieldNames: pk.slice(1) },
    };
  }

  for (const { relationName, sides } of joinModels) {
    if (sides.length !== 2) {
      throw new AmplifyError('InvalidGraphQLSchema', `@manyToMany relation '${relationName}' must be used in exactly two locations.`, { resolution: 'Fix the API schema' });
    }
    const fields: Record<string, ModelField> = { id: { name: 'id', isArray: false, type: 'ID', isRequired: true, attributes: [] } };
    for (const { model } of sides) fields[`${lowerFirst(model)}Id`] = { name: `${lowerFirst(model)}Id`, isArray: false, type: 'ID', isRequired: false, attributes: [] };
    for (const { model } of sides) {
      fields[lowerFirst(model)] = { name: lowerFirst(model), isArray: false, type: { model }, isRequired: true, attributes: [], association: { connectionType: 'BELONGS_TO', targetNames: [`${lowerFirst(model)}Id`] } };
    }
    for (const name of ['createdAt', 'updatedAt']) fields[name] = { name, isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true };
    const sideRules = sides.flatMap(({ model }) => (models[model].attributes.find((a) => a.type === 'auth')?.properties.rules as unknown[] | undefined) ?? []);
    const uniqueRules = sideRules.filter((rule, i) => sideRules.findIndex((other) => JSON.stringify(other) === JSON.stringify(rule)) === i);
    models[relationName] = {
      name: relationName,
      fields,
      syncable: true,
      pluralName: pluralize(relationName),
      attributes: [
        { type: 'model', properties: {} },
        ...sides.map(({ model }) => ({ type: 'key' as const, properties: { name: `by${model}`, fields: [`${lowerFirst(model)}Id`] } })),
        ...(uniqueRules.length > 0 ? [{ type: 'auth' as const, properties: { rules: uniqueRules } }] : []),
      ],
      primaryKeyInfo: { isCustomPrimaryKey: false, primaryKeyFieldName: 'id', sortKeyFieldNames: [] },
    };
  }

  for (const [model, extra] of addedFields) {
    const target = models[model];
    if (!target) continue;
    for (const field of extra) target.fields[field.name] ??= field;
  }

  const enums = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION ? [[d.name.value, { name: d.name.value, values: (d.values ?? []).map((v) => v.name.value) }]] : [])),
  );
  const nonModels = Object.fromEntries(
    nonModelNodes.map((node) => [node.name.value, { name: node.name.value, fields: Object.fromEntries((node.fields ?? []).map((f) => [f.name.value, plainField(f)])) }]),
  );
  const body = { models, enums, nonModels, codegenVersion: CODEGEN_VERSION };
  return { ...body, version: createHash('md5').update(JSON.stringify(body)).digest('hex') };
}
