import * as path from 'path';
import type { Database } from 'better-sqlite3';
import type { DeployedResources, ServiceHandler, ServiceRequest, ServiceResponse } from './contracts';
import { RestApiService } from './apigateway';
import { DynamoDbService } from './dynamodb';
import { EventSources, FunctionLogs, LambdaService, NodeRuntime } from './lambda';
import type { RawRequest } from './server/request-router';
import type { LocalCredentialStore } from './server/credential-store';
import type { S3Store } from './s3/s3-store';
import { DEPLOYED_PATH, DYNAMODB_DIR, LAMBDA_LOGS_DIR, LOCAL_CLOUD_SERVICE, REST_API_PATH_PREFIX, restApiRootUrl } from './well-known-paths';

export interface DataPlaneOptions {
  dataDir: string;
  db: Database;
  endpoint: string;
  accountId: string;
  region: string;
  credentials: LocalCredentialStore;
  buckets: S3Store;
  /** The Amplify service's apps, for the summary. */
  amplifyApps?: () => AmplifyAppSummary[];
}

/** An Amplify app as `status` lists it: its backend environments and branches, with where a branch is served. */
export interface AmplifyAppSummary {
  appId: string;
  name: string;
  region: string;
  environments: string[];
  branches: { name: string; stage: string; url: string; deployed: boolean }[];
}

/** What `status` lists: what the stacks deployed that an app can call, per service. */
export interface DeployedSummary {
  userPools: { id: string; name: string }[];
  identityPools: { id: string; name: string }[];
  tables: string[];
  functions: { name: string; runtime: string; handler: string; logFile: string }[];
  restApis: { id: string; name: string; rootUrls: string[] }[];
  graphqlApis: { id: string; name: string; url: string }[];
  buckets: string[];
  amplifyApps: AmplifyAppSummary[];
}

/** Where the CloudFormation engine keeps what functions run from. */
export interface FunctionDirectories {
  /** A function's unpacked code. */
  code(functionName: string): string;
  /** A layer version's unpacked content, or `undefined` for a layer the engine does not hold. */
  layer(layerVersionArn: string): string | undefined;
  /** Where the runner program may be written. */
  runtime: string;
}

/** The services a deployed app calls, as the server routes them. */
export interface DataPlaneRoutes {
  /** By SigV4 credential-scope service. */
  services: [string, ServiceHandler][];
  /** Answered without the router's signature check (the service checks what it must itself). */
  publicPaths: { prefix: string; handle: (request: RawRequest) => Promise<ServiceResponse> }[];
}

/**
 * The data plane of the local cloud: DynamoDB, Lambda (with its event sources) and API Gateway, driven by what the
 * stacks deployed. DynamoDB opens first, because the CloudFormation engine creates tables in it; the rest attaches
 * once the engine can tell what is deployed.
 */
export class DataPlane {
  private lambda: LambdaService | undefined;
  private restApis: RestApiService | undefined;
  private runtime: NodeRuntime | undefined;
  private deployed: DeployedResources | undefined;

  private constructor(
    private readonly options: DataPlaneOptions,
    private readonly dynamodb: DynamoDbService,
  ) {}

  static open(options: DataPlaneOptions): DataPlane {
    const dynamodb = DynamoDbService.open({ directory: path.join(options.dataDir, DYNAMODB_DIR), db: options.db, accountId: options.accountId, region: options.region });
    return new DataPlane(options, dynamodb);
  }

  /** DynamoDB in-process: the tables CloudFormation deploys, and `execute` for the other data-plane services. */
  get dynamoDb(): DynamoDbService {
    return this.dynamodb;
  }

  /** Lambda in-process (`invoke`), once attached; for the other data-plane services. */
  get functions(): LambdaService | undefined {
    return this.lambda;
  }

  /** Connects the services to the deployed resources and to the engine's function code. */
  attach(deployed: DeployedResources, directories: FunctionDirectories): DataPlaneRoutes {
    const { options } = this;
    this.runtime = new NodeRuntime(directories.runtime, options.endpoint);
    this.deployed = deployed;
    const lambda = new LambdaService({
      deployed,
      codeDirectory: directories.code,
      layerDirectory: directories.layer,
      runtime: this.runtime,
      logs: new FunctionLogs(path.join(options.dataDir, LAMBDA_LOGS_DIR)),
      credentials: options.credentials,
      accountId: options.accountId,
      region: options.region,
    });
    this.lambda = lambda;
    const sources = new EventSources(lambda, deployed, options.region);
    this.dynamodb.onStreamRecords((streamArn, records) => sources.deliverStreamRecords(streamArn, records));
    options.buckets.onObjectEvent((event) => sources.deliverObjectEvent(event));
    const restApis = new RestApiService({ deployed, invoke: (name, event) => lambda.invoke(name, event), credentials: options.credentials, accountId: options.accountId });
    this.restApis = restApis;
    return {
      services: [
        ['dynamodb', (request) => this.dynamodb.handle(request)],
        ['lambda', (request) => lambda.handle(request)],
        [LOCAL_CLOUD_SERVICE, (request) => this.answerSummary(request)],
      ],
      publicPaths: [{ prefix: REST_API_PATH_PREFIX, handle: (request) => restApis.handle(request) }],
    };
  }

  async summary(): Promise<DeployedSummary> {
    const lambda = this.lambda;
    const ofType = (type: string) => this.deployed?.ofType(type) ?? [];
    const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
    return {
      userPools: ofType('AWS::Cognito::UserPool').map((pool) => ({ id: pool.physicalId, name: text(pool.properties.UserPoolName, pool.logicalId) })),
      identityPools: ofType('AWS::Cognito::IdentityPool').map((pool) => ({ id: pool.physicalId, name: text(pool.attributes.Name, pool.logicalId) })),
      tables: await this.dynamodb.tableNames(),
      functions: lambda === undefined ? [] : lambda.list().map((deployed) => ({ name: deployed.name, runtime: deployed.runtime, handler: deployed.handler, logFile: lambda.logFile(deployed.name) })),
      restApis: (this.restApis?.list() ?? []).map((api) => ({ id: api.id, name: api.name, rootUrls: api.stages.map((stage) => restApiRootUrl(this.options.endpoint, api.id, stage)) })),
      graphqlApis: ofType('AWS::AppSync::GraphQLApi').map((api) => ({ id: text(api.attributes.ApiId, api.physicalId), name: text(api.properties.Name, api.logicalId), url: text(api.attributes.GraphQLUrl, '') })),
      buckets: ofType('AWS::S3::Bucket').map((bucket) => bucket.physicalId),
      amplifyApps: this.options.amplifyApps?.() ?? [],
    };
  }

  /** `status`'s question, which only the instance's own key may ask. */
  private async answerSummary(request: ServiceRequest): Promise<ServiceResponse> {
    const json = { 'Content-Type': 'application/json' };
    if (this.options.credentials.principalOf(request.accessKeyId).type !== 'instance') {
      return { status: 403, headers: json, body: JSON.stringify({ message: 'Only the local cloud instance key may ask what is deployed.' }) };
    }
    if (request.method !== 'GET' || request.path !== DEPLOYED_PATH) {
      return { status: 404, headers: json, body: JSON.stringify({ message: `The local cloud's own API answers GET ${DEPLOYED_PATH}.` }) };
    }
    return { status: 200, headers: json, body: JSON.stringify(await this.summary()) };
  }

  /** Ends running functions, waits for background deliveries, then closes the tables. */
  async close(): Promise<void> {
    this.runtime?.close();
    await this.lambda?.close();
    await this.dynamodb.close();
  }
}
