/**
 * The seams inside the local cloud. The HTTP server (src/server) verifies SigV4, reads the request and routes it
 * by the credential scope's service to a `ServiceHandler`. The S3 store (src/s3) is also what the CloudFormation
 * engine (src/cloudformation) uses for nested-stack templates, Lambda code and `AWS::S3::Bucket` side effects.
 */
import type { IncomingHttpHeaders } from 'http';
import type { Readable } from 'stream';

/** The account every resource of the local cloud belongs to: stable, so ARNs do not change across restarts. */
export const LOCAL_ACCOUNT_ID = '123456789012';

/** The port the local cloud listens on when none is given; documented in the README. */
export const DEFAULT_PORT = 4581;

export const DEFAULT_REGION = 'us-east-1';

/** A request whose SigV4 Authorization has been checked and whose body has been read (and aws-chunked decoded). */
export interface ServiceRequest {
  /** The service of the SigV4 credential scope: `cloudformation`, `s3`, `sts`, ... */
  service: string;
  region: string;
  /** Empty for an unsigned call (public operations of services apps call unsigned, such as Cognito's sign-in). */
  accessKeyId: string;
  method: string;
  /** The raw request path, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ServiceResponse {
  status: number;
  headers?: Record<string, string>;
  /** A stream (an object read from its file) needs a `Content-Length` header; the server pipes it out. */
  body?: string | Buffer | Readable;
}

export type ServiceHandler = (request: ServiceRequest) => Promise<ServiceResponse>;

/**
 * A request body not read yet, for services that take bodies larger than memory should hold (S3 objects). Read it
 * once, whole or as a stream, saying how many bytes the operation accepts: a declared size above that is refused
 * before a byte is read. aws-chunked framing is removed; failures are `BodyError`s of `src/server/body-error.ts`.
 */
export interface RequestBody {
  /** The size the client announced (`x-amz-decoded-content-length` for aws-chunked bodies, else `Content-Length`). */
  readonly declaredLength: number | undefined;
  /** Trailing headers of an aws-chunked body (lower-case names): complete once the body has been read to its end. */
  readonly trailers: ReadonlyMap<string, string>;
  /** The body as it arrives; once only, and not after `read`. */
  stream(maxBytes: number): Readable;
  /** The whole body; a second call answers the same bytes. */
  read(maxBytes: number): Promise<Buffer>;
}

/** A request whose signature the router verified, without its body. */
export type SignedRequest = Omit<ServiceRequest, 'body'>;

/** A request handed over with its body unread (S3). */
export interface StreamingServiceRequest extends SignedRequest {
  body: RequestBody;
}

export type StreamingServiceHandler = (request: StreamingServiceRequest) => Promise<ServiceResponse>;


/** A CORS preflight as browsers send it: `OPTIONS`, unsigned, with `Origin` and `Access-Control-Request-Method`. */
export type PreflightRequest = Pick<ServiceRequest, 'method' | 'path' | 'query' | 'headers'>;

export type CorsDecision = { type: 'allow'; headers: Record<string, string> } | { type: 'refuse'; response: ServiceResponse };

/**
 * What makes a service callable from web pages: the data plane a deployed app calls (S3 objects; later Cognito,
 * AppSync, API Gateway). A service without one is control plane, and the router refuses every browser-originated
 * request to it before the service sees it.
 */
export interface BrowserAccess {
  /** The answer to a preflight addressed to this service, or `undefined` when it is not for this service. */
  preflight(request: PreflightRequest): ServiceResponse | undefined;
  /**
   * Decides a signed request a page sent; `origin` is absent for no-CORS requests (an `<img src>` of a presigned
   * URL). Allowed requests get the returned headers added to the service's answer.
   */
  cors(request: SignedRequest, origin: string | undefined): CorsDecision;
}

/** An S3 failure in S3's own terms; the S3 API renders it as its XML error, the CloudFormation engine as a reason. */
export class S3StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'S3StoreError';
  }
}

export interface BucketWebsite {
  indexDocument: string;
  errorDocument?: string;
}

/**
 * The S3 store as the CloudFormation engine sees it (implemented in src/s3). Synchronous on purpose: objects are
 * small local files and metadata lives in SQLite, so the engine's handlers stay simple. Failures throw `S3StoreError`.
 */
export interface BucketStore {
  /** Throws `BucketAlreadyExists`/`BucketAlreadyOwnedByYou` or `InvalidBucketName` as S3 does. */
  createBucket(name: string, region: string): void;
  /** Throws `NoSuchBucket`, or `BucketNotEmpty` while objects remain (as S3 does). */
  deleteBucket(name: string): void;
  bucketExists(name: string): boolean;
  bucketRegion(name: string): string | undefined;
  getObject(bucket: string, key: string): Buffer | undefined;
  putObject(bucket: string, key: string, body: Buffer, contentType?: string): void;
  /** Serves the bucket's objects over plain HTTP at `websiteUrl(bucket)`; `undefined` turns website hosting off. */
  setWebsite(bucket: string, website: BucketWebsite | undefined): void;
  /** The URL under this endpoint where the bucket's website is served. */
  websiteUrl(bucket: string): string;
  /** A bucket policy document (JSON text); `undefined` deletes it. */
  setPolicy(bucket: string, policy: string | undefined): void;
}

/** Where `AWS::CloudFront::Distribution` resources are kept, and the endpoint their URLs lead to. */
export interface CloudFrontDeployment {
  distributions: import('./cloudfront/distribution-store').DistributionStore;
  /** The listener distributions are reached on (the HTTPS one where the local cloud has it). */
  endpoint: string;
}

/** A resource a stack deployed, as the data plane reads it: the deployed stacks are what the data plane serves. */
export interface DeployedResource {
  stackId: string;
  logicalId: string;
  physicalId: string;
  type: string;
  /** From the stack's ARN: arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>. */
  region: string;
  properties: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

export interface DeployedResources {
  /** Every resource of the type that exists now, across stacks. */
  ofType(type: string): DeployedResource[];
}

/** The real DynamoDB tables behind `AWS::DynamoDB::Table` resources (implemented in src/dynamodb). */
export interface TableAdministration {
  /**
   * Creates the table the resource's properties describe, or brings an existing one to them (indexes, stream, time
   * to live); answers its ARNs. Failures throw with DynamoDB's message.
   */
  deployTable(name: string, properties: Record<string, unknown>, region: string): Promise<{ tableArn: string; streamArn?: string }>;
  /** Deletes the table and its items; a table already gone is not an error. */
  deleteTable(name: string): Promise<void>;
}

/**
 * Cognito's side of the resources stacks declare (implemented in src/cognito and src/cognito-identity): the user
 * pools, clients, groups, identity pools and role attachments the data plane serves. `properties` are resolved.
 */
export interface CognitoResources {
  /** Creates the pool, with its token signing key, or updates its settings. */
  putUserPool(poolId: string, region: string, properties: Record<string, unknown>): Promise<void>;
  deleteUserPool(poolId: string): void;
  putUserPoolClient(poolId: string, clientId: string, properties: Record<string, unknown>, secret: string | undefined): void;
  deleteUserPoolClient(clientId: string): void;
  putUserPoolGroup(poolId: string, groupName: string, properties: Record<string, unknown>): void;
  deleteUserPoolGroup(poolId: string, groupName: string): void;
  putIdentityPool(poolId: string, region: string, properties: Record<string, unknown>): void;
  deleteIdentityPool(poolId: string): void;
  putIdentityPoolRoles(attachmentId: string, poolId: string, properties: Record<string, unknown>): void;
  deleteIdentityPoolRoles(attachmentId: string): void;
}

/** What the CloudFormation engine gets from the server that hosts it. */
export interface CloudFormationServiceDeps {
  /** The local cloud's SQLite database (better-sqlite3); the engine creates its own tables in it. */
  db: import('better-sqlite3').Database;
  buckets: BucketStore;
  /** This endpoint, e.g. `http://127.0.0.1:4581`: `TemplateURL`s pointing here are read from `buckets`. */
  endpoint: string;
  accountId: string;
  /** Where the engine may keep files of its own (Lambda code, custom-resource work dirs). */
  dataDir: string;
  /**
   * Issues the temporary keys custom-resource functions run with (on AWS: their execution role's session), so
   * their SDK calls are accepted here; revoked once the function has answered.
   */
  tables: TableAdministration;
  /** Without it, distributions get the generic handler (ids, no serving). */
  cloudFront?: CloudFrontDeployment;
  credentials: {
    issueTemporary(lifetimeSeconds: number): { accessKeyId: string; secretAccessKey: string; sessionToken: string };
    revoke(accessKeyId: string): void;
  };
  /** Where the AppSync resource handlers register the APIs they deploy, for the local AppSync to serve. */
  appsync: import('./appsync/appsync-registry').AppSyncRegistry;
  /** Where Cognito resources take effect; without it they exist in name only (engine tests). */
  cognito?: CognitoResources;
  /** The Amplify service's branches, which `AWS::Amplify::Branch` resources create; without it they are generic. */
  amplify?: AmplifyBranchResources;
}

/**
 * The Amplify service's branches as `AWS::Amplify::Branch` resources drive them (implemented in src/amplify): input
 * members and answers as the Amplify API names them; refusals throw the service's error.
 */
export interface AmplifyBranchResources {
  createBranch(region: string, appId: string, input: Record<string, unknown>, now: Date): Record<string, unknown>;
  changeBranch(region: string, appId: string, branchName: string, input: Record<string, unknown>, now: Date): Record<string, unknown>;
  deleteBranch(region: string, appId: string, branchName: string): Record<string, unknown>;
}

export interface CloudFormationService {
  handle: ServiceHandler;
  /**
   * IAM's GetRole and UpdateAssumeRolePolicy on the roles CloudFormation made (custom resources of Amplify's root
   * stack call them); to be routed for the `iam` credential-scope service.
   */
  iam?: ServiceHandler;
  /** The resources of live stacks, for the data-plane services. */
  deployed: DeployedResources;
  /** Called once at start-up: stacks left IN_PROGRESS by a crash are rolled back or failed, with a reason. */
  recover(): Promise<void>;
  /** Waits for operations in flight (used by `stop` and tests). */
  close(): Promise<void>;
}
