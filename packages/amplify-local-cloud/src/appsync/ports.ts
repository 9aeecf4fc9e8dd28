/**
 * What the local AppSync needs from the other data-plane services of the local cloud. Each is optional: a data
 * source or auth mode whose service is not given answers with an error saying so.
 */
import type { CredentialStore } from '../server/credential-store';

/**
 * DynamoDB's JSON API (`GetItem`, `Query`, ... with `DynamoDB_20120810` input and output shapes). A refusal throws an
 * error whose `name` (or `code`) is DynamoDB's error code, e.g. `ConditionalCheckFailedException`.
 */
export interface DynamoDbExecutor {
  execute(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * Lambda `Invoke` (RequestResponse) of a deployed function by ARN: answers the function's result. A function
 * error throws an error whose `message` is its `errorMessage`; a failure of the service itself throws an error named
 * after Lambda's exception (`ResourceNotFoundException`).
 */
export interface LambdaInvoker {
  invoke(functionArn: string, payload: unknown): Promise<unknown>;
}

export type TokenVerification = { type: 'valid'; claims: Record<string, unknown> } | { type: 'expired' } | { type: 'invalid'; reason: string };

/** Checks a Cognito user pool token (RS256 signature against the pool's keys, `iss`, `exp`, `token_use`). */
export interface UserPoolTokenVerifier {
  verify(userPoolId: string, token: string): Promise<TokenVerification>;
}

/** Who holds temporary credentials the local cloud issued (identity pools, STS AssumeRole). */
export interface CallerIdentity {
  /** The role the session assumed: `arn:aws:iam::<account>:role/<name>`. */
  roleArn: string;
  /** The session name (`CognitoIdentityCredentials` for identity pools). */
  sessionName?: string;
  identityId?: string;
  identityPoolId?: string;
  authType?: 'authenticated' | 'unauthenticated';
  /** Cognito's `cognitoIdentityAuthProvider` text for authenticated identities. */
  authProvider?: string;
}

export interface CallerCredentials {
  lookup(accessKeyId: string): CallerIdentity | undefined;
}

export interface AppSyncPorts {
  dynamodb?: DynamoDbExecutor;
  lambda?: LambdaInvoker;
  userPools?: UserPoolTokenVerifier;
  callers?: CallerCredentials;
  /** The secrets of access keys, to verify SigV4 signatures of IAM-authorized calls. */
  signingKeys: CredentialStore;
  accountId: string;
}
