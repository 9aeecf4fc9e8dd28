import type { ApiAuthConfig, AuthProviderConfig } from 'amplify-graphql-transformer';

/** The services of the api category, as meta `service` spells them. */
export type ApiService = 'AppSync' | 'API Gateway';

/** One authorization mode in the headless (and `cli-inputs.json`) form of the original. */
export type AuthType =
  | { mode: 'API_KEY'; expirationTime?: number; apiKeyExpirationDate?: string; keyDescription?: string }
  | { mode: 'AWS_IAM' }
  | { mode: 'AMAZON_COGNITO_USER_POOLS'; cognitoUserPoolId?: string }
  | { mode: 'OPENID_CONNECT'; openIDProviderName: string; openIDIssuerURL: string; openIDClientID?: string; openIDAuthTTL?: string; openIDIatTTL?: string }
  | { mode: 'AWS_LAMBDA'; lambdaFunction: string; ttlSeconds?: string | number };

export type AuthMode = AuthType['mode'];

export type ResolutionStrategy =
  | { type: 'AUTOMERGE' | 'OPTIMISTIC_CONCURRENCY' | 'NONE' }
  | { type: 'LAMBDA'; resolver: { type: 'NEW' } | { type: 'EXISTING'; name: string; region?: string; arn?: string } };

export interface ConflictResolution {
  defaultResolutionStrategy?: ResolutionStrategy;
  perModelResolutionStrategy?: Array<{ entityName: string; resolutionStrategy: ResolutionStrategy }>;
}

/** What a GraphQL API is made of: `cli-inputs.json`'s `serviceConfiguration` (the schema text is kept apart). */
export interface AppSyncServiceConfiguration {
  apiName: string;
  serviceName: 'AppSync';
  defaultAuthType: AuthType;
  additionalAuthTypes?: AuthType[];
  conflictResolution?: ConflictResolution;
}

export interface AppSyncCliInputs {
  version: 1;
  serviceConfiguration: AppSyncServiceConfiguration;
}

/** AddApiRequest (AppSync), version 1. */
export interface AddAppSyncRequest {
  version: 1;
  serviceConfiguration: AppSyncServiceConfiguration & { transformSchema: string };
}

export type CrudOperation = 'create' | 'read' | 'update' | 'delete';

export interface RestPathPermissions {
  setting: 'open' | 'private' | 'protected';
  auth?: CrudOperation[];
  guest?: CrudOperation[];
  groups?: Record<string, CrudOperation[]>;
}

export interface RestPath {
  /** Kept as the original writes it (the path again). */
  name?: string;
  lambdaFunction: string;
  permissions: RestPathPermissions;
}

/** A REST API's `cli-inputs.json`. */
export interface RestCliInputs {
  version: 1;
  paths: Record<string, RestPath>;
}

/** This CLI's REST headless request (the original has none): the REST cli-inputs inside `serviceConfiguration`. */
export interface AddRestRequest {
  version: 1;
  serviceConfiguration: { serviceName: 'API Gateway'; apiName: string; paths: Record<string, Omit<RestPath, 'name'>> };
}

export type AddApiRequest = AddAppSyncRequest | AddRestRequest;

export interface UpdateApiRequest {
  version: 1;
  serviceModification:
    | { serviceName: 'AppSync'; transformSchema?: string; defaultAuthType?: AuthType; additionalAuthTypes?: AuthType[]; conflictResolution?: ConflictResolution }
    | { serviceName: 'API Gateway'; apiName: string; paths: Record<string, Omit<RestPath, 'name'>> };
}

export type { ApiAuthConfig, AuthProviderConfig };
