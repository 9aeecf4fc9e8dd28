/**
 * The transformer's public contract: what a caller (the api category) hands in, read from the API resource
 * folder and the project, and what comes back to be written under `build/`. The transformer itself reads and writes
 * no files and knows nothing of the CLI.
 */

/** AppSync authentication types, as `authConfig` and the CloudFormation templates spell them. */
export type AuthenticationType = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

/** One entry of `authConfig` (meta `output.authConfig`), as the original stores it. */
export interface AuthProviderConfig {
  authenticationType: AuthenticationType;
  apiKeyConfig?: { apiKeyExpirationDays?: number; apiKeyExpirationDate?: string; description?: string };
  userPoolConfig?: { userPoolId?: string };
  openIDConnectConfig?: { name?: string; issuerUrl: string; clientId?: string; authTTL?: string | number; iatTTL?: string | number };
  lambdaAuthorizerConfig?: { lambdaFunction: string; ttlSeconds?: string | number };
}

export interface ApiAuthConfig {
  defaultAuthentication: AuthProviderConfig;
  additionalAuthenticationProviders: AuthProviderConfig[];
}

/** `transform.conf.json`, the keys the v2 transformer reads. */
export interface TransformConfig {
  Version?: number;
  ElasticsearchWarning?: boolean;
  ResolverConfig?: {
    project?: ConflictResolverConfig;
    models?: Record<string, ConflictResolverConfig>;
  };
  DisableResolverDeduping?: boolean;
  /** Resource logical id -> name of the nested stack it (and its pipeline functions) moves to. */
  StackMapping?: Record<string, string>;
  /** v1 projects: `TransformerVersion` absent or 1. */
  TransformerVersion?: number;
}

export interface ConflictResolverConfig {
  ConflictHandler: 'AUTOMERGE' | 'OPTIMISTIC_CONCURRENCY' | 'LAMBDA' | 'NONE';
  ConflictDetection: 'VERSION' | 'NONE';
  LambdaConflictHandler?: { name: string; region?: string; lambdaArn?: string };
}

/**
 * `amplify/cli.json` `features.graphqltransformer.*` with the new-project defaults filled in (keys lower-cased).
 * See reference §12.2.
 */
export interface TransformerFeatureFlags {
  addmissingownerfields: boolean;
  improvepluralization: boolean;
  validatetypenamereservedwords: boolean;
  enableiterativegsiupdates: boolean;
  secondarykeyasgsi: boolean;
  skipoverridemutationinputtypes: boolean;
  usesubusernamefordefaultidentityclaim: boolean;
  usefieldnameforprimarykeyconnectionfield: boolean;
  enableautoindexquerynames: boolean;
  respectprimarykeyattributesonconnectionfield: boolean;
  shoulddeepmergedirectiveconfigdefaults: boolean;
  populateownerfieldforstaticgroupauth: boolean;
  subscriptionsinheritprimaryauth: boolean;
}

export const DEFAULT_FEATURE_FLAGS: TransformerFeatureFlags = {
  addmissingownerfields: true,
  improvepluralization: false,
  validatetypenamereservedwords: true,
  enableiterativegsiupdates: true,
  secondarykeyasgsi: true,
  skipoverridemutationinputtypes: true,
  usesubusernamefordefaultidentityclaim: true,
  usefieldnameforprimarykeyconnectionfield: false,
  enableautoindexquerynames: true,
  respectprimarykeyattributesonconnectionfield: true,
  shoulddeepmergedirectiveconfigdefaults: false,
  populateownerfieldforstaticgroupauth: true,
  subscriptionsinheritprimaryauth: false,
};

/** A schema source file, kept apart so errors can name the file and line. */
export interface SchemaSource {
  /** Path relative to the API resource folder (`schema.graphql`, `schema/blog.graphql`). */
  path: string;
  text: string;
}

export interface TransformInput {
  /** The annotated schema: `schema.graphql`, or every `*.graphql` under `schema/`, in that order. */
  sources: SchemaSource[];
  authConfig: ApiAuthConfig;
  featureFlags?: Partial<TransformerFeatureFlags>;
  transformConfig?: TransformConfig;
  /** The resource's `parameters.json` (`CreateAPIKey`, `DynamoDBBillingMode`, ...). */
  parameters?: Record<string, unknown>;
  /** Files of the resource's `resolvers/` folder by file name (README.md and dot-files left out by the caller). */
  userResolvers?: Record<string, string>;
  /** Files of the resource's `stacks/` folder by file name, as text (the transformer validates them). */
  userStacks?: Record<string, string>;
  /** Values baked into resolvers: the auth resource's identity pool id, admin role names. */
  identityPoolId?: string;
  adminRoles?: string[];
  /** Compile time; the API key's `Expires` is counted from it. */
  now?: Date;
}

/** A CloudFormation template as JSON. */
export type CfnTemplate = Record<string, unknown>;

export interface TransformOutput {
  /** `build/schema.graphql`: the transformed schema uploaded to AppSync (graphql-js `print` layout). */
  schema: string;
  /** `build/cloudformation-template.json`: the API's root stack. */
  rootStack: CfnTemplate;
  /** `build/stacks/<Name>.json` by name without extension: one per @model, ConnectionStack, FunctionDirectiveStack, HttpStack, user stacks, StackMapping stacks. */
  stacks: Record<string, CfnTemplate>;
  /** `build/resolvers/<file>` by file name: generated templates with user overrides applied, plus user-only files. */
  resolvers: Record<string, string>;
  /** Messages the CLI prints before its success line (missing @auth, sandbox, owner reassignment...). */
  warnings: string[];
}

/**
 * A schema or configuration the transformer refuses. `message` is one line in the original's words
 * (reference §14); `location` names the source file and line when known.
 */
export class TransformError extends Error {
  readonly location?: { path: string; line: number; column: number };

  constructor(message: string, location?: { path: string; line: number; column: number }) {
    super(message);
    this.name = 'TransformError';
    this.location = location;
  }
}
