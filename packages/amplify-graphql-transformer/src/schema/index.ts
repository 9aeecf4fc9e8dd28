/**
 * `build/schema.graphql`: the user's definitions with the transformer's directives stripped, then everything the
 * transformer adds, in the original's definition order (reference §8): shared filter inputs, each model's block
 * (connection, filter, Query, condition, mutation inputs, Mutation, subscription filter, Subscription), `@http`
 * inputs, then key-condition inputs and index queries.
 */
import { Kind, print } from 'graphql';
import type {
  ConstDirectiveNode,
  DefinitionNode,
  FieldDefinitionNode,
  InputObjectTypeDefinitionNode,
  InputValueDefinitionNode,
  ObjectTypeDefinitionNode,
  TypeNode,
} from 'graphql';
import type { Analysis } from '../analysis';
import { httpInputNames } from '../analysis';
import { upperFirst, sortKeyArgumentName } from '../analysis/names';
import { findDirective, namedTypeOf, typeRef } from '../analysis/schema-index';
import { TRANSFORMER_DIRECTIVE_NAMES } from '../directives';
import type { AuthRule, CustomField, ModelDefinition, ModelField, ModelOperation, RelationField } from '../model/api-model';
import { directive, field, inputValue, listOf, name, named, nonNull, stringListArgument, typeNode } from './ast';
import { AuthDirectives } from './auth-directives';
import {
  compositeKeyInputs,
  enumFilterInput,
  filterInputName,
  keyConditionInput,
  sharedModelInputs,
  subscriptionFilterInputName,
} from './filter-inputs';

interface ObjectDraft {
  kind: 'object';
  base?: ObjectTypeDefinitionNode;
  name: string;
  fields: FieldDefinitionNode[];
  directives: ConstDirectiveNode[];
}

type Entry = ObjectDraft | { kind: 'node'; node: DefinitionNode };

const ROOT_TYPE_NAMES = new Set(['Query', 'Mutation', 'Subscription']);

const BASE_FIELD = (field: ModelField): boolean => field.added === undefined || field.added === 'timestamp' || field.added === 'joinKey';
const LATE_FIELD = (field: ModelField): boolean => field.added === 'foreignKey' || field.added === 'owner';

export function printTransformedSchema(analysis: Analysis): string {
  return `${new SchemaPrinter(analysis).print()}\n`;
}

class SchemaPrinter {
  private readonly entries: Entry[] = [];
  private readonly byName = new Map<string, Entry>();
  private readonly models: ModelDefinition[];
  private readonly modelByName: Map<string, ModelDefinition>;
  private readonly nodes = new Map<string, ObjectTypeDefinitionNode>();
  private readonly auth: AuthDirectives;
  /** Key-condition inputs wanted by list queries and connection fields, emitted after every model block. */
  private readonly primaryKeyInputs: InputObjectTypeDefinitionNode[] = [];
  private readonly relationInputs: InputObjectTypeDefinitionNode[] = [];

  constructor(private readonly analysis: Analysis) {
    this.models = analysis.model.models;
    this.modelByName = new Map(this.models.map((model) => [model.name, model]));
    this.auth = new AuthDirectives(analysis.model, analysis.adminRoles);
    for (const definition of analysis.document.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) this.nodes.set(definition.name.value, definition);
    }
  }

  print(): string {
    this.addUserDefinitions();
    for (const model of this.models.filter((candidate) => candidate.generated)) this.addObject(model.name, this.modelFields(model));
    if (this.models.length > 0) for (const shared of sharedModelInputs()) this.add(shared);
    for (const model of this.models) this.addModelBlock(model);
    for (const custom of this.analysis.model.customFields) this.addHttpInputs(custom);
    for (const input of this.primaryKeyInputs) this.add(input);
    for (const model of this.models) this.addIndexQueries(model);
    for (const input of this.relationInputs) this.add(input);
    this.addAuthDirectives();
    const definitions = this.entries.map((entry) => (entry.kind === 'node' ? entry.node : this.objectNode(entry)));
    return print({ kind: Kind.DOCUMENT, definitions });
  }

  // ---- definitions bookkeeping

  private add(node: DefinitionNode): void {
    const key = 'name' in node && node.name ? node.name.value : `#${this.entries.length}`;
    if (this.byName.has(key)) return;
    const entry: Entry = { kind: 'node', node };
    this.entries.push(entry);
    this.byName.set(key, entry);
  }

  private addObject(typeName: string, fields: FieldDefinitionNode[], base?: ObjectTypeDefinitionNode): ObjectDraft {
    const existing = this.byName.get(typeName);
    if (existing?.kind === 'object') return existing;
    const draft: ObjectDraft = { kind: 'object', name: typeName, fields, directives: keptDirectives(base), base };
    this.entries.push(draft);
    this.byName.set(typeName, draft);
    return draft;
  }

  private rootType(typeName: 'Query' | 'Mutation' | 'Subscription'): ObjectDraft {
    return this.addObject(typeName, []);
  }

  private objectNode(draft: ObjectDraft): ObjectTypeDefinitionNode {
    return {
      ...(draft.base ?? { kind: Kind.OBJECT_TYPE_DEFINITION, name: name(draft.name), interfaces: [] }),
      loc: undefined,
      fields: draft.fields,
      directives: draft.directives,
    };
  }

  private addDirectives(typeName: string, directives: ConstDirectiveNode[], fieldName?: string): void {
    const draft = this.byName.get(typeName);
    if (draft?.kind !== 'object' || directives.length === 0) return;
    if (fieldName === undefined) {
      draft.directives = mergeDirectives(draft.directives, directives);
      return;
    }
    const target = draft.fields.find((candidate) => candidate.name.value === fieldName);
    if (!target) return;
    const updated = { ...target, directives: mergeDirectives(target.directives ?? [], directives) };
    // The original re-appends a root-type field whenever it adds directives to it, which reorders Query/Mutation/Subscription.
    draft.fields = ROOT_TYPE_NAMES.has(typeName)
      ? [...draft.fields.filter((candidate) => candidate !== target), updated]
      : draft.fields.map((candidate) => (candidate === target ? updated : candidate));
  }

  // ---- the user's definitions

  private addUserDefinitions(): void {
    for (const definition of this.analysis.document.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
        const model = this.modelByName.get(definition.name.value);
        const fields = model ? this.modelFields(model) : (definition.fields ?? []).map((userField) => this.customField(definition.name.value, userField));
        this.addObject(definition.name.value, fields, definition);
      } else if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
        this.add({ ...definition, fields: definition.fields?.map(stripFieldDirectives) });
      } else {
        this.add(definition);
      }
    }
  }

  private customField(typeName: string, userField: FieldDefinitionNode): FieldDefinitionNode {
    const stripped = stripFieldDirectives(userField);
    const custom = this.analysis.model.customFields.find(
      (candidate) => candidate.typeName === typeName && candidate.fieldName === userField.name.value,
    );
    if (!custom) return stripped;
    return { ...stripped, arguments: custom.http ? this.httpArguments(custom) : stripped.arguments };
  }

  private modelFields(model: ModelDefinition): FieldDefinitionNode[] {
    const node = this.nodes.get(model.name);
    return model.fields.map((modelField) => {
      const userField = node?.fields?.find((candidate) => candidate.name.value === modelField.name);
      const relation = model.relations.find((candidate) => candidate.field === modelField.name);
      const directives = keptDirectives(userField);
      if (relation && (relation.kind === 'hasMany' || relation.kind === 'manyToMany')) {
        const target = relation.joinModel ?? relation.relatedModel;
        return field(modelField.name, named(`Model${target}Connection`), this.connectionArguments(relation), directives);
      }
      if (userField) return { ...userField, loc: undefined, directives };
      return field(modelField.name, typeNode(modelField.type));
    });
  }

  private connectionArguments(relation: RelationField): InputValueDefinitionNode[] {
    const target = this.modelByName.get(relation.joinModel ?? relation.relatedModel)!;
    const args: InputValueDefinitionNode[] = [];
    // Only a hasMany naming its key fields (an index, or the related primary key) queries with a sort-key condition.
    const key = relation.lookup.indexName ? target.indexes.find((candidate) => candidate.name === relation.lookup.indexName) : target.primaryKey;
    const usesNamedKey = relation.kind === 'hasMany' && !relation.foreignKeyFields && key !== undefined;
    if (usesNamedKey && relation.lookup.sourceFields.length < 2 && key.sortKeyFields.length > 0) {
      const keyName = relation.lookup.indexName ?? 'Primary';
      args.push(this.sortKeyArgument(target, key.sortKeyFields, `Model${target.name}${upperFirst(keyName)}`, this.relationInputs));
    }
    args.push(
      inputValue('filter', named(`Model${target.name}FilterInput`)),
      inputValue('sortDirection', named('ModelSortDirection')),
      inputValue('limit', named('Int')),
      inputValue('nextToken', named('String')),
    );
    return args;
  }

  /** The sort-key condition argument, registering the key-condition input(s) it needs in `into`. */
  private sortKeyArgument(
    model: ModelDefinition,
    sortKeyFields: string[],
    compositePrefix: string,
    into: InputObjectTypeDefinitionNode[],
  ): InputValueDefinitionNode {
    const typeOf = (fieldName: string): string => model.fields.find((candidate) => candidate.name === fieldName)!.type.name;
    if (sortKeyFields.length === 1) {
      const condition = keyConditionInput(typeOf(sortKeyFields[0]));
      into.push(condition.definition);
      return inputValue(sortKeyFields[0], named(condition.name));
    }
    const composite = compositeKeyInputs(
      compositePrefix,
      sortKeyFields.map((sortKeyField) => ({ name: sortKeyField, typeName: keyTypeName(model, sortKeyField) })),
    );
    into.push(...composite.definitions);
    return inputValue(sortKeyArgumentName(sortKeyFields), named(composite.name));
  }

  // ---- one model's block

  private addModelBlock(model: ModelDefinition): void {
    const { operations } = model;
    this.addNonModelInputs(this.userFieldNodes(model));
    if (operations.list || operations.sync) {
      this.addObject(`Model${model.name}Connection`, this.connectionFields(model));
      this.addEnumFilters(model);
      this.add(this.filterInput(model));
    }
    const queries: FieldDefinitionNode[] = [];
    if (operations.get) queries.push(field(operations.get, named(model.name), this.keyArguments(model)));
    if (operations.list) queries.push(field(operations.list, named(`Model${model.name}Connection`), this.listArguments(model)));
    if (operations.sync) queries.push(field(operations.sync, named(`Model${model.name}Connection`), this.syncArguments(model)));
    if (queries.length > 0) this.rootType('Query').fields.push(...queries);

    const mutations: FieldDefinitionNode[] = [];
    const mutationField = (fieldName: string, inputName: string): FieldDefinitionNode =>
      field(fieldName, named(model.name), [
        inputValue('input', nonNull(named(inputName))),
        inputValue('condition', named(`Model${model.name}ConditionInput`)),
      ]);
    if (operations.create || operations.update || operations.delete) {
      this.addEnumFilters(model);
      this.add(this.conditionInput(model));
    }
    if (operations.create) {
      this.add(this.createInput(model));
      mutations.push(mutationField(operations.create, `Create${model.name}Input`));
    }
    if (operations.update) {
      this.add(this.updateInput(model));
      mutations.push(mutationField(operations.update, `Update${model.name}Input`));
    }
    if (operations.delete) {
      this.add(this.deleteInput(model));
      mutations.push(mutationField(operations.delete, `Delete${model.name}Input`));
    }
    if (mutations.length > 0) this.rootType('Mutation').fields.push(...mutations);

    const subscriptions = this.subscriptionFields(model);
    if (subscriptions.length > 0) {
      this.addEnumFilters(model);
      this.add(this.subscriptionFilterInput(model));
      this.rootType('Subscription').fields.push(...subscriptions);
    }
  }

  /** The fields as the user wrote them (for a join model: the fields the transformer generated for it). */
  private userFieldNodes(model: ModelDefinition): FieldDefinitionNode[] {
    const node = this.nodes.get(model.name);
    if (node) return [...(node.fields ?? [])];
    return model.fields.filter((candidate) => !candidate.added || candidate.added === 'joinKey').map((candidate) => field(candidate.name, typeNode(candidate.type)));
  }

  private userFields(model: ModelDefinition): ModelField[] {
    const names = new Set(this.userFieldNodes(model).map((candidate) => candidate.name.value));
    return model.fields.filter((candidate) => names.has(candidate.name));
  }

  private addNonModelInputs(fields: readonly FieldDefinitionNode[]): void {
    for (const userField of fields) {
      const typeName = namedTypeOf(userField.type);
      const definition = this.analysis.document.definitions.find(
        (candidate): candidate is ObjectTypeDefinitionNode => candidate.kind === Kind.OBJECT_TYPE_DEFINITION && candidate.name.value === typeName,
      );
      if (!definition || this.modelByName.has(typeName) || this.byName.has(`${typeName}Input`)) continue;
      this.add({
        kind: Kind.INPUT_OBJECT_TYPE_DEFINITION,
        name: name(`${typeName}Input`),
        fields: (definition.fields ?? []).flatMap((objectField) => {
          const type = this.inputType(objectField.name.value, objectField.type);
          return type ? [inputValue(objectField.name.value, type)] : [];
        }),
      });
      this.addNonModelInputs(definition.fields ?? []);
    }
  }

  /**
   * An object field's type as an input type: non-model objects become `<Type>Input`; models and abstract types have
   * none. `id: ID` and `createdAt`/`updatedAt` (AWSDateTime or String) are optional in every generated input, as
   * the transformer fills them.
   */
  private inputType(fieldName: string, type: TypeNode): TypeNode | undefined {
    const typeName = namedTypeOf(type);
    const definition = this.analysis.document.definitions.find((candidate) => 'name' in candidate && candidate.name?.value === typeName);
    if (this.modelByName.has(typeName)) return undefined;
    if (definition?.kind === Kind.INTERFACE_TYPE_DEFINITION || definition?.kind === Kind.UNION_TYPE_DEFINITION) return undefined;
    const ref = typeRef(type);
    const generated =
      (fieldName === 'id' && ref.name === 'ID') || ((fieldName === 'createdAt' || fieldName === 'updatedAt') && (ref.name === 'AWSDateTime' || ref.name === 'String'));
    const input = typeNode(ref, definition?.kind === Kind.OBJECT_TYPE_DEFINITION ? `${typeName}Input` : typeName);
    return generated && !ref.list ? stripNonNull(input) : input;
  }

  private connectionFields(model: ModelDefinition): FieldDefinitionNode[] {
    const fields = [field('items', nonNull(listOf(named(model.name)))), field('nextToken', named('String'))];
    if (this.usesDataStore()) fields.push(field('startedAt', named('AWSTimestamp')));
    return fields;
  }

  private usesDataStore(): boolean {
    return this.models.some((model) => model.operations.sync !== undefined);
  }

  private addEnumFilters(model: ModelDefinition): void {
    for (const enumField of model.fields.filter((candidate) => candidate.kind === 'enum')) this.add(enumFilterInput(enumField));
  }

  private filterInput(model: ModelDefinition): InputObjectTypeDefinitionNode {
    const inputName = `Model${model.name}FilterInput`;
    return objectInput(inputName, [
      ...filterFields(model.fields.filter(BASE_FIELD), filterInputName),
      ...logicalFields(inputName, true),
      ...this.dataStoreFilterFields(),
      ...filterFields(model.fields.filter(LATE_FIELD), filterInputName),
    ]);
  }

  private conditionInput(model: ModelDefinition): InputObjectTypeDefinitionNode {
    const inputName = `Model${model.name}ConditionInput`;
    const keyFields = new Set(keyFieldsOf(model));
    // Key fields are not conditions; neither is an `id: ID` field, even when it is not the key (the original drops it).
    const userFields = this.userFields(model).filter(
      (candidate) => !keyFields.has(candidate.name) && !(candidate.name === 'id' && candidate.type.name === 'ID'),
    );
    const timestamps = model.fields.filter((candidate) => candidate.added === 'timestamp');
    return objectInput(inputName, [
      ...filterFields(userFields, filterInputName),
      ...logicalFields(inputName, true),
      ...this.dataStoreFilterFields(),
      ...filterFields(timestamps, filterInputName),
      ...filterFields(model.fields.filter(LATE_FIELD), filterInputName),
    ]);
  }

  private dataStoreFilterFields(): InputValueDefinitionNode[] {
    return this.usesDataStore() ? [inputValue('_deleted', named('ModelBooleanInput'))] : [];
  }

  private mutationInputFields(model: ModelDefinition, isUpdate: boolean): InputValueDefinitionNode[] {
    const keyFields = new Set(keyFieldsOf(model));
    const fields: InputValueDefinitionNode[] = [];
    for (const userField of this.userFieldNodes(model)) {
      const modelField = model.fields.find((candidate) => candidate.name === userField.name.value)!;
      const fieldName = userField.name.value;
      const type = this.inputType(fieldName, userField.type);
      if (!type || modelField.kind === 'model') continue;
      const ref = typeRef(type);
      const isTimestamp =
        (fieldName === model.timestamps.createdAt || fieldName === model.timestamps.updatedAt) && (ref.name === 'AWSDateTime' || ref.name === 'String');
      const autoId = fieldName === 'id' && (ref.name === 'ID' || ref.name === 'String');
      // Update: everything optional but the key fields and `id`; create: optional where the transformer fills in.
      const required = isUpdate ? keyFields.has(fieldName) || fieldName === 'id' : !autoId && !isTimestamp && ref.nonNull;
      fields.push(inputValue(fieldName, required ? nonNull(type) : stripNonNull(type)));
    }
    if (!fields.some((candidate) => candidate.name.value === 'id') && keyFields.has('id')) {
      fields.push(inputValue('id', isUpdate ? nonNull(named('ID')) : named('ID')));
    }
    return fields;
  }

  private createInput(model: ModelDefinition): InputObjectTypeDefinitionNode {
    return objectInput(`Create${model.name}Input`, [...this.mutationInputFields(model, false), ...this.versionInput(), ...this.foreignKeyInputs(model, true)]);
  }

  private updateInput(model: ModelDefinition): InputObjectTypeDefinitionNode {
    return objectInput(`Update${model.name}Input`, [...this.mutationInputFields(model, true), ...this.versionInput(), ...this.foreignKeyInputs(model, false)]);
  }

  private deleteInput(model: ModelDefinition): InputObjectTypeDefinitionNode {
    const keys = keyFieldsOf(model).map((keyField) => inputValue(keyField, nonNull(named(keyTypeName(model, keyField)))));
    return objectInput(`Delete${model.name}Input`, [...keys, ...this.versionInput()]);
  }

  private versionInput(): InputValueDefinitionNode[] {
    return this.usesDataStore() ? [inputValue('_version', named('Int'))] : [];
  }

  /** Foreign keys are required in the create input when their relational field is required, never in the update input. */
  private foreignKeyInputs(model: ModelDefinition, keepNonNull: boolean): InputValueDefinitionNode[] {
    return model.fields
      .filter((candidate) => candidate.added === 'foreignKey')
      .map((candidate) => inputValue(candidate.name, typeNode(candidate.type, candidate.type.name, keepNonNull)));
  }

  private subscriptionFilterInput(model: ModelDefinition): InputObjectTypeDefinitionNode {
    const inputName = `ModelSubscription${model.name}FilterInput`;
    // Every dynamic rule (model- or field-level) takes its field out of the client's subscription filter.
    const rules = allRules(model);
    const ownerFields = [...new Set(rules.filter((rule) => rule.allow === 'owner').map((rule) => rule.ownerField!))];
    const authFields = new Set([...ownerFields, ...rules.flatMap((rule) => (rule.groupsField ? [rule.groupsField] : []))]);
    const quirkForeignKeys = (['hasMany', 'hasOne', 'belongsTo'] as const).flatMap((kind) =>
      model.relations
        .filter((relation) => relation.kind === kind && relation.foreignKeyFields)
        .flatMap((relation) => {
          const holder = kind === 'hasMany' ? this.modelByName.get(relation.relatedModel)! : model;
          return relation.foreignKeyFields!.map((fieldName) => holder.fields.find((candidate) => candidate.name === fieldName)!);
        }),
    );
    return objectInput(inputName, [
      ...filterFields(
        model.fields.filter((candidate) => BASE_FIELD(candidate) && !authFields.has(candidate.name)),
        subscriptionFilterInputName,
      ),
      ...logicalFields(inputName, false),
      ...this.dataStoreFilterFields(),
      ...filterFields(quirkForeignKeys, subscriptionFilterInputName),
      ...ownerFields.map((ownerField) => inputValue(ownerField, named('ModelStringInput'))),
    ]);
  }

  private subscriptionFields(model: ModelDefinition): FieldDefinitionNode[] {
    const { operations } = model;
    const mutationsBySubscription = new Map<string, string[]>();
    const pairs: Array<[string[], string | undefined]> = [
      [operations.subscriptions.onCreate, operations.create],
      [operations.subscriptions.onUpdate, operations.update],
      [operations.subscriptions.onDelete, operations.delete],
    ];
    for (const [subscriptionNames, mutation] of pairs) {
      if (!mutation) continue;
      for (const subscriptionName of subscriptionNames) {
        mutationsBySubscription.set(subscriptionName, [...(mutationsBySubscription.get(subscriptionName) ?? []), mutation]);
      }
    }
    // Only `level: on` subscriptions are protected, so only they take owner arguments.
    const ownerRules =
      operations.subscriptions.level === 'on'
        ? allRules(model).filter((rule) => rule.allow === 'owner' && rule.operations.includes('listen') && !rule.ownerFieldIsList)
        : [];
    const ownerArguments = [...new Set(ownerRules.map((rule) => rule.ownerField!))].map((ownerField) => inputValue(ownerField, named('String')));
    return [...mutationsBySubscription].map(([subscriptionName, mutations]) =>
      field(
        subscriptionName,
        named(model.name),
        [inputValue('filter', named(`ModelSubscription${model.name}FilterInput`)), ...ownerArguments],
        [directive('aws_subscribe', [stringListArgument('mutations', mutations)])],
      ),
    );
  }

  private keyArguments(model: ModelDefinition): InputValueDefinitionNode[] {
    return keyFieldsOf(model).map((keyField) => inputValue(keyField, nonNull(named(keyTypeName(model, keyField)))));
  }

  private listArguments(model: ModelDefinition): InputValueDefinitionNode[] {
    const common = [
      inputValue('filter', named(`Model${model.name}FilterInput`)),
      inputValue('limit', named('Int')),
      inputValue('nextToken', named('String')),
    ];
    if (!hasCustomPrimaryKey(this.nodes.get(model.name))) return common;
    const { partitionKey, sortKeyFields } = model.primaryKey;
    const keyArgs = [inputValue(partitionKey, named(keyTypeName(model, partitionKey)))];
    if (sortKeyFields.length > 0) keyArgs.push(this.sortKeyArgument(model, sortKeyFields, `Model${model.name}Primary`, this.primaryKeyInputs));
    return [...keyArgs, ...common, inputValue('sortDirection', named('ModelSortDirection'))];
  }

  private syncArguments(model: ModelDefinition): InputValueDefinitionNode[] {
    return [
      inputValue('filter', named(`Model${model.name}FilterInput`)),
      inputValue('limit', named('Int')),
      inputValue('nextToken', named('String')),
      inputValue('lastSync', named('AWSTimestamp')),
    ];
  }

  // ---- @http, index queries

  private httpArguments(custom: CustomField): InputValueDefinitionNode[] {
    const http = custom.http!;
    const names = httpInputNames(custom.typeName, custom.fieldName);
    const args: InputValueDefinitionNode[] = [];
    if (http.pathParams.length > 0) args.push(inputValue('params', nonNull(named(names.params))));
    if (http.hasQuery) {
      const required = !http.hasBody && http.requiredArgs.length > 0;
      args.push(inputValue('query', required ? nonNull(named(names.query)) : named(names.query)));
    }
    if (http.hasBody) args.push(inputValue('body', named(names.body)));
    return args;
  }

  private addHttpInputs(custom: CustomField): void {
    if (!custom.http) return;
    const userField = this.nodes.get(custom.typeName)?.fields?.find((candidate) => candidate.name.value === custom.fieldName);
    const args = userField?.arguments ?? [];
    const names = httpInputNames(custom.typeName, custom.fieldName);
    const { pathParams, hasQuery, hasBody } = custom.http;
    if (pathParams.length > 0) {
      this.add(
        objectInput(
          names.params,
          pathParams.map((param) => {
            const arg = args.find((candidate) => candidate.name.value === param);
            return inputValue(param, nonNull(arg ? stripNonNull(arg.type) : named('String')));
          }),
        ),
      );
    }
    const remaining = args.filter((arg) => !pathParams.includes(arg.name.value));
    if (hasQuery) {
      this.add(objectInput(names.query, remaining.map((arg) => inputValue(arg.name.value, hasBody ? stripNonNull(arg.type) : arg.type))));
    }
    if (hasBody) this.add(objectInput(names.body, remaining.map((arg) => inputValue(arg.name.value, stripNonNull(arg.type)))));
  }

  private addIndexQueries(model: ModelDefinition): void {
    for (const index of model.indexes) {
      if (!index.queryField || index.origin === 'hasMany') continue;
      const inputs: InputObjectTypeDefinitionNode[] = [];
      const args = [inputValue(index.partitionKey, nonNull(named(keyTypeName(model, index.partitionKey))))];
      if (index.sortKeyFields.length > 0) args.push(this.sortKeyArgument(model, index.sortKeyFields, `Model${model.name}${upperFirst(index.name)}`, inputs));
      for (const input of inputs) this.add(input);
      args.push(
        inputValue('sortDirection', named('ModelSortDirection')),
        inputValue('filter', named(`Model${model.name}FilterInput`)),
        inputValue('limit', named('Int')),
        inputValue('nextToken', named('String')),
      );
      if (!this.byName.has(`Model${model.name}Connection`)) {
        this.addObject(`Model${model.name}Connection`, this.connectionFields(model));
        this.add(this.filterInput(model));
      }
      this.rootType('Query').fields.push(field(index.queryField, named(`Model${model.name}Connection`), args));
    }
  }

  // ---- @aws_* auth directives (§11.4)

  /**
   * The order the original adds them: sandbox directives while models are built, then per model with rules its
   * type, each operation field (and the type it returns), the non-model types its fields reach (connections of
   * relations included), and finally fields of other types with their own rules.
   */
  private addAuthDirectives(): void {
    const seenNestedTypes = new Map<string, Set<string>>();
    for (const model of this.models) {
      const sandbox = this.auth.sandboxDirectives(model);
      if (sandbox.length === 0) continue;
      this.addDirectives(model.name, sandbox);
      this.propagateToNestedTypes(model.fields.filter((field) => field.kind === 'object').map((field) => field.type.name), () => sandbox, new Set());
      for (const [rootName, fieldName, returnType] of this.operationFields(model, true)) this.addToOperation(rootName, fieldName, returnType, sandbox);
    }
    for (const model of this.models.filter((candidate) => this.auth.hasRoles(candidate))) {
      this.addDirectives(model.name, this.auth.typeDirectives(model));
      for (const [rootName, fieldName, returnType, operation] of this.operationFields(model, false)) {
        this.addToOperation(rootName, fieldName, returnType, this.auth.operationDirectives(model, operation));
      }
      const providers = this.auth.modelProviders(model);
      const nested = model.fields
        .map((field) => {
          const relation = model.relations.find((candidate) => candidate.field === field.name);
          if (relation && (relation.kind === 'hasMany' || relation.kind === 'manyToMany')) return `Model${relation.joinModel ?? relation.relatedModel}Connection`;
          return field.kind === 'object' ? field.type.name : undefined;
        })
        .filter((typeName): typeName is string => typeName !== undefined);
      this.propagateToNestedTypes(
        nested,
        (typeName) => {
          const seen = seenNestedTypes.get(typeName);
          const directives = this.auth.directives(providers, seen !== undefined).filter((candidate) => !seen?.has(candidate.name.value));
          seenNestedTypes.set(typeName, new Set([...(seen ?? []), ...directives.map((candidate) => candidate.name.value)]));
          return directives;
        },
        new Set(),
      );
    }
    for (const custom of this.analysis.model.customFields) {
      this.addDirectives(custom.typeName, this.auth.customFieldDirectives(custom.auth), custom.fieldName);
    }
  }

  /** [root type, field, returned type, operation] for every operation field of a model, in the order the original protects them. */
  private operationFields(model: ModelDefinition, sandbox: boolean): Array<[string, string, string, ModelOperation]> {
    const { operations } = model;
    const connection = `Model${model.name}Connection`;
    const fields: Array<[string, string | undefined, string, ModelOperation]> = [
      ['Query', operations.get, model.name, 'get'],
      ['Query', operations.list, connection, 'list'],
      ['Query', operations.sync, connection, 'sync'],
      ['Mutation', operations.create, model.name, 'create'],
      ['Mutation', operations.update, model.name, 'update'],
      ['Mutation', operations.delete, model.name, 'delete'],
    ];
    if (!sandbox) {
      for (const index of model.indexes.filter((candidate) => candidate.queryField && candidate.origin !== 'hasMany')) {
        fields.push(['Query', index.queryField, connection, 'list'], ['Query', index.queryField, connection, 'get']);
      }
    }
    const { level, onCreate, onUpdate, onDelete } = operations.subscriptions;
    if (sandbox || level === 'on') {
      const subscriptions = [...(operations.create ? onCreate : []), ...(operations.update ? onUpdate : []), ...(operations.delete ? onDelete : [])];
      for (const subscriptionName of subscriptions) fields.push(['Subscription', subscriptionName, model.name, 'listen']);
    }
    return fields.filter((entry): entry is [string, string, string, ModelOperation] => entry[1] !== undefined);
  }

  private addToOperation(rootName: string, fieldName: string, returnType: string, directives: ConstDirectiveNode[]): void {
    if (directives.length === 0) return;
    this.addDirectives(rootName, directives, fieldName);
    this.addDirectives(returnType, directives);
  }

  /** Non-model object types reachable from `typeNames` (not through models) get the directives `directivesFor` hands out. */
  private propagateToNestedTypes(typeNames: string[], directivesFor: (typeName: string) => ConstDirectiveNode[], visited: Set<string>): void {
    for (const typeName of typeNames) {
      const entry = this.byName.get(typeName);
      if (visited.has(typeName) || this.modelByName.has(typeName) || entry?.kind !== 'object' || ROOT_TYPE_NAMES.has(typeName)) continue;
      visited.add(typeName);
      this.addDirectives(typeName, directivesFor(typeName));
      this.propagateToNestedTypes(
        entry.fields.map((nestedField) => namedTypeOf(nestedField.type)),
        directivesFor,
        visited,
      );
    }
  }
}

// ---- helpers

const allRules = (model: ModelDefinition): AuthRule[] => [...model.auth, ...model.fields.flatMap((field) => field.auth ?? [])];

const keyFieldsOf = (model: ModelDefinition): string[] => [model.primaryKey.partitionKey, ...model.primaryKey.sortKeyFields];

const keyTypeName = (model: ModelDefinition, fieldName: string): string => model.fields.find((candidate) => candidate.name === fieldName)!.type.name;

const hasCustomPrimaryKey = (node: ObjectTypeDefinitionNode | undefined): boolean =>
  (node?.fields ?? []).some((candidate) => findDirective(candidate, 'primaryKey') !== undefined);

const stripNonNull = (type: TypeNode): TypeNode => (type.kind === Kind.NON_NULL_TYPE ? type.type : type);

const objectInput = (inputName: string, fields: InputValueDefinitionNode[]): InputObjectTypeDefinitionNode => ({
  kind: Kind.INPUT_OBJECT_TYPE_DEFINITION,
  name: name(inputName),
  fields,
});

const filterFields = (fields: ModelField[], inputNameOf: (field: ModelField) => string | undefined): InputValueDefinitionNode[] =>
  fields.flatMap((candidate) => {
    const inputName = inputNameOf(candidate);
    return inputName ? [inputValue(candidate.name, named(inputName))] : [];
  });

const logicalFields = (inputName: string, withNot: boolean): InputValueDefinitionNode[] => [
  inputValue('and', listOf(named(inputName))),
  inputValue('or', listOf(named(inputName))),
  ...(withNot ? [inputValue('not', named(inputName))] : []),
];

const keptDirectives = (node: { directives?: readonly ConstDirectiveNode[] } | undefined): ConstDirectiveNode[] =>
  (node?.directives ?? []).filter((candidate) => !TRANSFORMER_DIRECTIVE_NAMES.has(candidate.name.value));

const stripFieldDirectives = (node: FieldDefinitionNode): FieldDefinitionNode => ({ ...node, loc: undefined, directives: keptDirectives(node) });

const mergeDirectives = (existing: readonly ConstDirectiveNode[], added: ConstDirectiveNode[]): ConstDirectiveNode[] => [
  ...existing,
  ...added.filter((candidate) => !existing.some((present) => present.name.value === candidate.name.value)),
];

