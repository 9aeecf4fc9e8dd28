/**
 * What the analysis of an annotated schema knows, in one typed value: the seam between the two halves of the
 * transformer. Analysis (`analysis/`) validates the directives and fills this; the schema printer (`schema/`) and
 * the resource synthesizer (`resources/`) only read it. Field and operation names here are final (pluralised,
 * renamed by `@model` maps, FK and owner fields added), so neither half re-derives them.
 */
import type { ConflictResolverConfig } from '../transform-types';

/** The `provider` of an `@auth` rule after defaults are applied (`identityPool` is read as `iam`). */
export type AuthProvider = 'apiKey' | 'iam' | 'userPools' | 'oidc' | 'function';

export type AuthStrategy = 'owner' | 'groups' | 'private' | 'public' | 'custom';

/** Fine-grained operations; a rule's `read` is expanded to the five read operations. */
export type ModelOperation = 'create' | 'update' | 'delete' | 'get' | 'list' | 'sync' | 'listen' | 'search';

export interface AuthRule {
  allow: AuthStrategy;
  provider: AuthProvider;
  operations: ModelOperation[];
  /** owner: the field holding the owner(s) (default `owner`) and whether it is a list. */
  ownerField?: string;
  ownerFieldIsList?: boolean;
  /** owner: the token claim; `sub::username` when the default composite claim applies. */
  identityClaim?: string;
  /** groups: static group names, or the field that holds them (dynamic). */
  groups?: string[];
  groupsField?: string;
  groupsFieldIsList?: boolean;
  groupClaim?: string;
}

/** A GraphQL type reference, unwrapped: `[Post!]!` is `{ name: 'Post', list: true, nonNull: true, itemNonNull: true }`. */
export interface TypeRef {
  name: string;
  nonNull: boolean;
  list: boolean;
  itemNonNull: boolean;
}

/** How a field's type resolves in the schema. */
export type FieldKind = 'scalar' | 'enum' | 'object' | 'model';

export interface ModelField {
  name: string;
  type: TypeRef;
  kind: FieldKind;
  /** Why the transformer added the field; absent for fields the user wrote. */
  added?: 'timestamp' | 'foreignKey' | 'owner' | 'version' | 'joinKey';
  /** Field-level `@auth` rules, when the field has its own. */
  auth?: AuthRule[];
}

/** A table key: the partition attribute and the sort-key fields (several are stored as one `a#b` attribute). */
export interface KeySchema {
  partitionKey: string;
  sortKeyFields: string[];
}

export interface ModelIndex extends KeySchema {
  /** The GSI name: the `@index` name, `gsi-<Parent>.<field>` for a `@hasMany` without index, `by<Model>` for join models. */
  name: string;
  /** The Query field that reads it (`queryField`, or the auto name), when one is generated. */
  queryField?: string;
  origin: 'index' | 'hasMany' | 'manyToMany';
}

export type RelationKind = 'hasOne' | 'hasMany' | 'belongsTo' | 'manyToMany';

/**
 * A relational field and how its resolver looks the related items up: it queries the related model's table (or
 * the index named) where the related `keyFields` equal this item's `sourceFields`, in order.
 */
export interface RelationField {
  field: string;
  kind: RelationKind;
  relatedModel: string;
  /** For `@manyToMany`: the generated join model the field actually returns connections of. */
  joinModel?: string;
  lookup: {
    indexName?: string;
    keyFields: string[];
    sourceFields: string[];
  };
  /** `@hasMany`/`@manyToMany` page size default (`limit`, 100). */
  limit?: number;
  /**
   * Foreign-key fields this relation added (analysis): to the related model for `@hasMany`, to this model for
   * `@hasOne`/`@belongsTo`. Absent when the relation reuses existing fields (`fields:`, reciprocal `@hasMany`).
   */
  foreignKeyFields?: string[];
}

/** Operation field names after `@model` maps; an absent name means the operation is not generated. */
export interface ModelOperations {
  get?: string;
  list?: string;
  /** Only with conflict resolution (DataStore). */
  sync?: string;
  create?: string;
  update?: string;
  delete?: string;
  subscriptions: {
    /** `off`: none; `public`: no auth slot; `on`: default. */
    level: 'off' | 'public' | 'on';
    onCreate: string[];
    onUpdate: string[];
    onDelete: string[];
  };
}

export interface ModelDefinition {
  name: string;
  /** `pluralize(name)` as the original names list/sync fields with it. */
  pluralName: string;
  /** `@mapsTo(name)`: the earlier type name whose table is kept. */
  originalName?: string;
  /** All fields in output order: the user's, then timestamps, FK fields and owner fields the transformer adds. */
  fields: ModelField[];
  primaryKey: KeySchema;
  indexes: ModelIndex[];
  relations: RelationField[];
  operations: ModelOperations;
  timestamps: { createdAt?: string; updatedAt?: string };
  /** `@default` values, typed as the field is (`3`, `true`, `"A"`). */
  defaults: Array<{ field: string; value: string | number | boolean }>;
  /** Model-level `@auth` rules; empty when the type has none (sandbox or deny-all applies). */
  auth: AuthRule[];
  /** Conflict resolution for this model when DataStore is on (per-model entry, else the project's). */
  conflictResolution?: ConflictResolverConfig;
  /** True for the join model a `@manyToMany` generates. */
  generated?: boolean;
}

export interface FunctionDirective {
  /** As written, `${env}` included (`echofn-${env}`). */
  name: string;
  region?: string;
  accountId?: string;
}

export interface HttpDirective {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** With `${env}` and `${aws_region}` still in it; the synthesizer substitutes them. */
  url: string;
  headers: Array<{ key: string; value: string }>;
  /** `:name` segments of the URL path, which become `params: <Type><Field>ParamsInput!`. */
  pathParams: string[];
  /** Whether the field got `query:` / `body:` arguments, and which arguments were non-null. */
  hasQuery: boolean;
  hasBody: boolean;
  requiredArgs: string[];
}

/** A field outside `@model` CRUD that needs a resolver or auth: `@function`, `@http`, or `@auth` on a root field. */
export interface CustomField {
  typeName: string;
  fieldName: string;
  functions: FunctionDirective[];
  http?: HttpDirective;
  auth?: AuthRule[];
}

export interface ApiModel {
  /** Auth providers the API is configured with, default first. */
  authProviders: AuthProvider[];
  /** `input AMPLIFY { globalAuthRule: AuthRule = { allow: public } }` was present. */
  sandbox: boolean;
  /** `@model` types in source order, then generated join models. */
  models: ModelDefinition[];
  customFields: CustomField[];
  /** DataStore is on for the project (`ResolverConfig` present). */
  conflictResolution?: ConflictResolverConfig;
}
