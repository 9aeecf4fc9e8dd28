/**
 * Analysis: the annotated schema validated and read into the `ApiModel` both output halves share. Every name the
 * outputs use is decided here; every refusal is a one-line `TransformError` in the original's words.
 */
import { Kind } from 'graphql';
import type { DocumentNode, ObjectTypeDefinitionNode } from 'graphql';
import type { ApiModel, AuthProvider, AuthRule, ModelDefinition, ModelField } from '../model/api-model';
import { DEFAULT_FEATURE_FLAGS, TransformError } from '../transform-types';
import type { TransformerFeatureFlags, TransformInput } from '../transform-types';
import { providerForAuthType, readAuthRules, requiredFieldsWithoutReadRules } from './auth-rules';
import { readCustomFields, ROOT_FIELD_AUTH_WARNING } from './custom-fields';
import { readModel } from './models';
import type { ModelContext } from './models';
import { nodeLocation, parseSchema } from './parse-schema';
import { rejectRelationsOutsideModels, resolveRelations } from './relations';
import { directiveArgs, findDirective, scalarType, SchemaIndex } from './schema-index';

export { httpInputNames } from './custom-fields';

export interface Analysis {
  model: ApiModel;
  /** The user's schema (sources joined, `input AMPLIFY` removed), parsed and validated. */
  document: DocumentNode;
  warnings: string[];
  /** The feature flags with defaults applied (the printer's output depends on some). */
  flags: TransformerFeatureFlags;
  /** Admin role names (Studio, functions with API access): with IAM configured they get IAM access to every protected model. */
  adminRoles: string[];
}

const AUTH_RULES_URL = 'https://docs.amplify.aws/cli/graphql/authorization-rules';
const RESERVED_TYPE_NAMES = new Set(['Query', 'Mutation', 'Subscription']);

export function analyzeSchema(input: TransformInput): Analysis {
  const flags = featureFlags(input.featureFlags);
  const { document, sandbox } = parseSchema(input.sources);
  const schema = new SchemaIndex(document);
  rejectMisplacedDirectives(schema);
  rejectRelationsOutsideModels(schema);

  const authProviders = [
    ...new Set(
      [input.authConfig.defaultAuthentication, ...(input.authConfig.additionalAuthenticationProviders ?? [])].map((provider) =>
        providerForAuthType(provider.authenticationType),
      ),
    ),
  ];
  const resolverConfig = input.transformConfig?.ResolverConfig;
  const dataStore = Boolean(resolverConfig?.project || resolverConfig?.models);
  const context: ModelContext = { schema, flags, dataStore };

  const nodes = new Map<string, ObjectTypeDefinitionNode>();
  const models: ModelDefinition[] = [];
  for (const node of schema.objects.filter((object) => schema.modelNames.has(object.name.value))) {
    nodes.set(node.name.value, node);
    models.push(readModel(node, context));
  }
  const userModelCount = models.length;
  resolveRelations(models, nodes, {
    schema,
    flags,
    dataStore,
    makeJoinModel: (name, fields) =>
      readModel(
        {
          kind: Kind.OBJECT_TYPE_DEFINITION,
          name: { kind: Kind.NAME, value: name },
          directives: [{ kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'model' } }],
          fields: [],
        },
        context,
        fields,
      ),
  });
  for (const model of models.slice(0, userModelCount)) applyAuth(model, nodes.get(model.name)!, authProviders, flags);
  for (const join of models.slice(userModelCount)) applyJoinAuth(join, models, flags);
  for (const [position, model] of models.entries()) {
    if (position >= userModelCount) model.generated = true;
    const conflict = resolverConfig?.models?.[model.name] ?? resolverConfig?.project;
    if (conflict) model.conflictResolution = conflict;
  }

  const custom = readCustomFields({ schema, configuredProviders: authProviders, flags });
  const model: ApiModel = {
    authProviders,
    sandbox,
    models,
    customFields: custom.fields,
    ...(resolverConfig?.project ? { conflictResolution: resolverConfig.project } : {}),
  };
  const searchable = schema.objects.filter((object) => schema.modelNames.has(object.name.value) && findDirective(object, 'searchable'));
  const warnings = warningsFor(model, custom.rootFieldAuth);
  const predictions = schema.objects.flatMap((object) =>
    (object.fields ?? []).filter((field) => findDirective(field, 'predictions')).map((field) => `${object.name.value}.${field.name.value}`),
  );
  if (predictions.length > 0) {
    warnings.push(`⚠️ @predictions is not supported by this CLI yet: ${predictions.join(', ')} get no resolver.`);
  }
  if (!flags.usesubusernamefordefaultidentityclaim && usesDefaultIdentityClaim(schema)) warnings.push(DEFAULT_IDENTITY_CLAIM_WARNING);
  if (searchable.length > 0) {
    warnings.push(
      `⚠️ @searchable is not supported by this CLI yet: ${searchable.map((object) => object.name.value).join(', ')} get no search query and no OpenSearch domain.`,
    );
  }
  return { model, document, flags, warnings, adminRoles: input.adminRoles ?? [] };
}

const DEFAULT_IDENTITY_CLAIM_WARNING =
  " WARNING: Amplify CLI will change the default identity claim from 'username' to use 'sub::username'. To continue using only usernames, set 'identityClaim: \"username\"' on your 'owner' rules on your schema. The default will be officially switched with v9.0.0. To read more: https://docs.amplify.aws/cli/migration/identity-claim-changes/";

/** Some owner rule relies on the default identity claim. */
function usesDefaultIdentityClaim(schema: SchemaIndex): boolean {
  const directives = schema.objects.flatMap((type) => [findDirective(type, 'auth'), ...(type.fields ?? []).map((field) => findDirective(field, 'auth'))]);
  return directives.some((directive) =>
    ((directive ? directiveArgs(directive).rules : []) as Array<{ allow?: string; identityClaim?: string }>).some(
      (rule) => rule.allow === 'owner' && rule.identityClaim === undefined,
    ),
  );
}

function featureFlags(written: TransformInput['featureFlags']): TransformerFeatureFlags {
  const flags = { ...DEFAULT_FEATURE_FLAGS };
  for (const [key, value] of Object.entries(written ?? {})) {
    const name = key.toLowerCase() as keyof TransformerFeatureFlags;
    if (name in flags && typeof value === 'boolean') flags[name] = value;
  }
  return flags;
}

/** Directives that may only sit on `@model` types, and type-level misuse, refused in the original's words. */
function rejectMisplacedDirectives(schema: SchemaIndex): void {
  for (const definition of schema.document.definitions) {
    if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) {
        const auth = findDirective(field, 'auth');
        if (auth) throw new TransformError("The @auth directive cannot be placed on an interface's field.", nodeLocation(auth));
      }
    }
  }
  for (const type of schema.objects) {
    const name = type.name.value;
    const isModel = schema.modelNames.has(name);
    const model = findDirective(type, 'model');
    if (model && RESERVED_TYPE_NAMES.has(name)) {
      throw new TransformError(`'${name}' is a reserved type name and currently in use within the default schema element.`, nodeLocation(model));
    }
    if (isModel) continue;
    const auth = findDirective(type, 'auth');
    if (auth) throw new TransformError('Types annotated with @auth must also be annotated with @model.', nodeLocation(auth));
    const searchable = findDirective(type, 'searchable');
    if (searchable) throw new TransformError('Types annotated with @searchable must also be annotated with @model.', nodeLocation(searchable));
    for (const field of type.fields ?? []) {
      const primaryKey = findDirective(field, 'primaryKey');
      if (primaryKey) {
        throw new TransformError('The @primaryKey directive may only be added to object definitions annotated with @model.', nodeLocation(primaryKey));
      }
      const index = findDirective(field, 'index');
      if (index) {
        const indexName = directiveArgs(index).name;
        if (typeof indexName === 'string' && !/^[A-Za-z0-9_.-]{3,255}$/.test(indexName)) {
          throw new TransformError(
            'The indexName is invalid. It should be between 3 and 255 characters. Only A–Z, a–z, 0–9, underscore characters, hyphens, and periods allowed.',
            nodeLocation(index),
          );
        }
        throw new TransformError('The @index directive may only be added to object definitions annotated with @model.', nodeLocation(index));
      }
      const defaultValue = findDirective(field, 'default');
      if (defaultValue) {
        throw new TransformError('The @default directive may only be added to object definitions annotated with @model.', nodeLocation(defaultValue));
      }
    }
  }
}

function applyAuth(model: ModelDefinition, node: ObjectTypeDefinitionNode, providers: AuthProvider[], flags: TransformerFeatureFlags): void {
  const fieldType = (name: string) => model.fields.find((field) => field.name === name)?.type;
  const modelAuth = findDirective(node, 'auth');
  if (modelAuth) model.auth = readAuthRules(modelAuth, { configuredProviders: providers, flags, isField: false, fieldType });
  for (const fieldNode of node.fields ?? []) {
    const fieldAuth = findDirective(fieldNode, 'auth');
    if (!fieldAuth) continue;
    const field = model.fields.find((candidate) => candidate.name === fieldNode.name.value)!;
    field.auth = readAuthRules(fieldAuth, { configuredProviders: providers, flags, isField: true, fieldType });
  }
  const userFields = (node.fields ?? []).map((fieldNode) => model.fields.find((field) => field.name === fieldNode.name.value)!);
  const unreadable = requiredFieldsWithoutReadRules(
    model.auth,
    userFields.map((field) => ({ name: field.name, nonNull: field.type.nonNull, auth: field.auth })),
  );
  if (unreadable.length > 0 && model.operations.subscriptions.level === 'on') {
    throw new TransformError(
      `When using field-level authorization rules you need to add rules to all of the model's required fields with at least read permissions. Found model "${model.name}" with required fields ${JSON.stringify(unreadable)} missing field-level authorization rules. For more information visit https://docs.amplify.aws/cli/graphql/authorization-rules/#field-level-authorization-rules`,
      nodeLocation(node),
    );
  }
  const ownerRules = [...model.auth, ...model.fields.flatMap((field) => field.auth ?? [])].filter((rule) => rule.allow === 'owner');
  for (const rule of ownerRules) {
    if (model.primaryKey.sortKeyFields.includes(rule.ownerField!)) {
      throw new TransformError(
        `The primary key's sort key type '${rule.ownerField}' cannot be used as an owner @auth field too. Please use another field for the sort key.`,
        nodeLocation(modelAuth),
      );
    }
  }
  addOwnerFields(model, ownerRules, flags);
}

function addOwnerFields(model: ModelDefinition, ownerRules: AuthRule[], flags: TransformerFeatureFlags): void {
  if (!flags.addmissingownerfields) return;
  for (const rule of ownerRules) {
    if (model.fields.some((field) => field.name === rule.ownerField)) continue;
    const owner: ModelField = { name: rule.ownerField!, type: scalarType('String'), kind: 'scalar', added: 'owner' };
    model.fields.push(owner);
  }
}

/** A join model carries the rules of both sides of its `@manyToMany`. */
function applyJoinAuth(join: ModelDefinition, models: ModelDefinition[], flags: TransformerFeatureFlags): void {
  const sides = models.filter((model) => model.relations.some((relation) => relation.joinModel === join.name));
  const seen = new Set<string>();
  for (const rule of sides.flatMap((side) => side.auth)) {
    const key = JSON.stringify(rule);
    if (seen.has(key)) continue;
    seen.add(key);
    join.auth.push({ ...rule, ...(rule.allow === 'owner' ? { ownerFieldIsList: false } : {}) });
  }
  addOwnerFields(
    join,
    join.auth.filter((rule) => rule.allow === 'owner'),
    flags,
  );
}

function warningsFor(model: ApiModel, rootFieldAuth: boolean): string[] {
  const warnings: string[] = [];
  // The original lists the user's @model types without a type-level @auth, sandbox or not.
  const unprotected = model.models.filter((candidate) => candidate.auth.length === 0 && !candidate.generated);
  if (unprotected.length > 0) {
    warnings.push(
      [
        '⚠️  WARNING: Some types do not have authorization rules configured. That means all create, read, update, and delete operations are denied on these types:',
        ...unprotected.map((candidate) => `\t - ${candidate.name}`),
        `Learn more about "@auth" authorization rules here: ${AUTH_RULES_URL}`,
      ].join('\n'),
    );
  }
  // An owner may rewrite the owner field unless field-level rules on it withhold `update` from that owner role.
  const reassignable = model.models
    .filter((candidate) => !candidate.generated)
    .map((candidate) => {
      const owners = candidate.auth
        .filter((rule) => rule.allow === 'owner' && rule.operations.includes('update'))
        .filter((rule) => {
          const fieldRules = candidate.fields.find((field) => field.name === rule.ownerField)?.auth;
          return (
            !fieldRules ||
            fieldRules.some(
              (fieldRule) =>
                fieldRule.allow === 'owner' && fieldRule.ownerField === rule.ownerField && fieldRule.provider === rule.provider && fieldRule.operations.includes('update'),
            )
          );
        })
        .map((rule) => rule.ownerField!);
      return { name: candidate.name, owners: [...new Set(owners)] };
    })
    .filter((entry) => entry.owners.length > 0);
  if (reassignable.length > 0) {
    warnings.push(
      `⚠️ WARNING: owners may reassign ownership for the following model(s) and role(s): ${reassignable
        .map((entry) => `${entry.name}: [${entry.owners.join(', ')}]`)
        .join(
          ', ',
        )}. If this is not intentional, you may want to apply field-level authorization rules to these fields. To read more: ${AUTH_RULES_URL}/#per-user--owner-based-data-access.`,
    );
  }
  if (rootFieldAuth) warnings.push(ROOT_FIELD_AUTH_WARNING);
  if (model.sandbox && model.authProviders.includes('apiKey')) {
    warnings.push(
      `⚠️  WARNING: your GraphQL API currently allows public create, read, update, and delete access to all models via an API Key. To configure PRODUCTION-READY authorization rules, review: ${AUTH_RULES_URL}`,
    );
  }
  return warnings;
}

