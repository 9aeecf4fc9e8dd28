/**
 * The SDL the user's schema is validated against: the Transformer v2 directives with their input types and enums,
 * and the AppSync prelude (scalars and `@aws_*` directives) that AppSync itself knows. Transformer directives are
 * stripped from the printed schema; AppSync's are kept.
 */

/** Scalars AppSync defines beyond GraphQL's own. */
export const APPSYNC_SCALARS = [
  'AWSDate',
  'AWSTime',
  'AWSDateTime',
  'AWSTimestamp',
  'AWSEmail',
  'AWSJSON',
  'AWSURL',
  'AWSPhone',
  'AWSIPAddress',
  'BigInt',
  'Double',
] as const;

/** AppSync's own directives: accepted in a user schema and kept in the output. */
export const APPSYNC_DIRECTIVES_SDL = `
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
directive @aws_api_key on FIELD_DEFINITION | OBJECT
directive @aws_iam on FIELD_DEFINITION | OBJECT
directive @aws_oidc on FIELD_DEFINITION | OBJECT
directive @aws_cognito_user_pools(cognito_groups: [String]) on FIELD_DEFINITION | OBJECT
directive @aws_lambda on FIELD_DEFINITION | OBJECT
`;

/** What AppSync loads before a schema: its scalars and directives. A printed schema must build on top of it. */
export const APPSYNC_PRELUDE_SDL = `${APPSYNC_SCALARS.map((name) => `scalar ${name}`).join('\n')}\n${APPSYNC_DIRECTIVES_SDL}`;

/** Transformer v2 directives and the types their arguments use. */
export const TRANSFORMER_DIRECTIVES_SDL = `
directive @model(queries: ModelQueryMap, mutations: ModelMutationMap, subscriptions: ModelSubscriptionMap, timestamps: TimestampConfiguration) on OBJECT
input ModelQueryMap { get: String list: String }
input ModelMutationMap { create: String update: String delete: String }
input ModelSubscriptionMap { onCreate: [String] onUpdate: [String] onDelete: [String] level: ModelSubscriptionLevel }
enum ModelSubscriptionLevel { off public on }
input TimestampConfiguration { createdAt: String updatedAt: String }

directive @auth(rules: [AuthRule!]!) on OBJECT | FIELD_DEFINITION
input AuthRule {
  allow: AuthStrategy!
  provider: AuthProvider
  identityClaim: String
  groupClaim: String
  ownerField: String
  groupsField: String
  groups: [String]
  operations: [ModelOperation]
}
enum AuthStrategy { owner groups private public custom }
enum AuthProvider { apiKey iam identityPool oidc userPools function }
enum ModelOperation { create update delete read list get sync listen search }

directive @primaryKey(sortKeyFields: [String]) on FIELD_DEFINITION
directive @index(name: String, sortKeyFields: [String], queryField: String) repeatable on FIELD_DEFINITION
directive @hasOne(fields: [String!], references: [String!]) on FIELD_DEFINITION
directive @hasMany(indexName: String, fields: [String!], references: [String!], limit: Int = 100) on FIELD_DEFINITION
directive @belongsTo(fields: [String!], references: [String!]) on FIELD_DEFINITION
directive @manyToMany(relationName: String!, limit: Int = 100) on FIELD_DEFINITION
directive @default(value: String!) on FIELD_DEFINITION
directive @function(name: String!, region: String, accountId: String) repeatable on FIELD_DEFINITION
directive @http(method: HttpMethod = GET, url: String!, headers: [HttpHeader] = []) on FIELD_DEFINITION
enum HttpMethod { GET POST PUT DELETE PATCH }
input HttpHeader { key: String value: String }
directive @mapsTo(name: String!) on OBJECT
directive @searchable(queries: SearchableQueryMap) on OBJECT
input SearchableQueryMap { search: String }
directive @predictions(actions: [PredictionsActions!]!) on FIELD_DEFINITION
enum PredictionsActions { identifyText identifyLabels convertTextToSpeech translateText }
`;

/** Directives the transformer consumes; they never reach the AppSync schema. */
export const TRANSFORMER_DIRECTIVE_NAMES: ReadonlySet<string> = new Set([
  'model',
  'auth',
  'primaryKey',
  'index',
  'hasOne',
  'hasMany',
  'belongsTo',
  'manyToMany',
  'default',
  'function',
  'http',
  'mapsTo',
  'searchable',
  'predictions',
]);

/** Transformer v1 directives and what replaces each in v2. */
export const V1_DIRECTIVE_REPLACEMENTS: Readonly<Record<string, string>> = {
  key: '@primaryKey / @index',
  connection: '@hasOne / @hasMany / @belongsTo',
  versioned: 'conflict resolution (DataStore)',
};

export const TRANSFORMER_MIGRATION_URL = 'https://docs.amplify.aws/cli/migration/transformer-migration/';
