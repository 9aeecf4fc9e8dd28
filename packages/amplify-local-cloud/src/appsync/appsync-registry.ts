import type { Database } from 'better-sqlite3';

/** AppSync's authorization modes, by the names CloudFormation and the API use. */
export type AuthMode = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export interface UserPoolConfig {
  userPoolId: string;
  awsRegion?: string;
  /** Only tokens of app clients whose id matches may call (the API's `AppIdClientRegex`). */
  appIdClientRegex?: string;
}

export interface OpenIdConnectConfig {
  issuer: string;
  clientId?: string;
  /** Milliseconds a token stays valid after it was issued (`IatTTL`); 0 or absent means no limit. */
  iatTtl?: number;
  /** Milliseconds a token stays valid after the user authenticated (`AuthTTL`); 0 or absent means no limit. */
  authTtl?: number;
}

export interface LambdaAuthorizerConfig {
  authorizerUri: string;
  authorizerResultTtlInSeconds?: number;
  identityValidationExpression?: string;
}

export interface AuthProvider {
  authenticationType: AuthMode;
  userPoolConfig?: UserPoolConfig;
  openIdConnectConfig?: OpenIdConnectConfig;
  lambdaAuthorizerConfig?: LambdaAuthorizerConfig;
}

export interface GraphQlApiRecord {
  apiId: string;
  name: string;
  region: string;
  accountId: string;
  /** The default mode first, then the additional providers in template order. */
  authProviders: AuthProvider[];
}

export interface ApiKeyRecord {
  id: string;
  key: string;
  /** Epoch seconds after which the key is refused. */
  expires: number;
}

export interface DynamoDbDataSourceConfig {
  tableName: string;
  region?: string;
  /** DataStore's conflict detection: writes keep `_version`, `_lastChangedAt` and a delta table. */
  versioned?: boolean;
  deltaSyncTableName?: string;
  /** Minutes a delta-table record lives. */
  deltaSyncTableTtl?: number;
  /** Minutes a deleted item stays in the base table as a tombstone. */
  baseTableTtl?: number;
}

export interface DataSourceRecord {
  name: string;
  type: 'NONE' | 'AMAZON_DYNAMODB' | 'AWS_LAMBDA' | 'HTTP' | string;
  dynamodb?: DynamoDbDataSourceConfig;
  lambda?: { functionArn: string };
  http?: { endpoint: string };
}

/** DataStore's conflict detection on a versioned data source (`SyncConfig`). */
export interface SyncConfig {
  conflictDetection: 'VERSION' | 'NONE';
  conflictHandler?: 'OPTIMISTIC_CONCURRENCY' | 'AUTOMERGE' | 'LAMBDA';
}

export interface FunctionRecord {
  functionId: string;
  name: string;
  dataSourceName: string;
  requestTemplate?: string;
  responseTemplate?: string;
  /** Set for APPSYNC_JS functions, which the local cloud does not run. */
  runtime?: string;
  syncConfig?: SyncConfig;
  /** How many items a Lambda `BatchInvoke` sends at most (`MaxBatchSize`). */
  maxBatchSize?: number;
}

export interface ResolverRecord {
  typeName: string;
  fieldName: string;
  kind: 'UNIT' | 'PIPELINE';
  dataSourceName?: string;
  functionIds: string[];
  requestTemplate?: string;
  responseTemplate?: string;
  runtime?: string;
  syncConfig?: SyncConfig;
  /** How many items a Lambda `BatchInvoke` sends at most (`MaxBatchSize`). */
  maxBatchSize?: number;
}

/** Everything AppSync knows about one API, as its stacks deployed it. */
export interface AppSyncApiState {
  api: GraphQlApiRecord;
  schema?: string;
  apiKeys: ApiKeyRecord[];
  dataSources: Map<string, DataSourceRecord>;
  functions: Map<string, FunctionRecord>;
  /** By `<TypeName>.<fieldName>`. */
  resolvers: Map<string, ResolverRecord>;
}

type Kind = 'api' | 'schema' | 'apikey' | 'datasource' | 'function' | 'resolver';

interface Row {
  kind: Kind;
  name: string;
  body: string;
}

/**
 * The AppSync control plane's state: the resources CloudFormation created for each API, kept in the local cloud's
 * database so an API answers again after a restart. Templates held in S3 are copied in when the resource is
 * created or updated, as AppSync does. Readers get a snapshot per API; `revision` changes whenever the API does,
 * so a compiled schema can be cached until then.
 */
export class AppSyncRegistry {
  private readonly revisions = new Map<string, number>();

  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS appsync_resources (
      api_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (api_id, kind, name)
    )`);
  }

  putApi(api: GraphQlApiRecord): void {
    this.put(api.apiId, 'api', '', api);
  }

  putSchema(apiId: string, definition: string): void {
    this.put(apiId, 'schema', '', definition);
  }

  putApiKey(apiId: string, key: ApiKeyRecord): void {
    this.put(apiId, 'apikey', key.id, key);
  }

  putDataSource(apiId: string, dataSource: DataSourceRecord): void {
    this.put(apiId, 'datasource', dataSource.name, dataSource);
  }

  putFunction(apiId: string, fn: FunctionRecord): void {
    this.put(apiId, 'function', fn.functionId, fn);
  }

  putResolver(apiId: string, resolver: ResolverRecord): void {
    this.put(apiId, 'resolver', `${resolver.typeName}.${resolver.fieldName}`, resolver);
  }

  remove(apiId: string, kind: Exclude<Kind, 'api'>, name = ''): void {
    this.db.prepare('DELETE FROM appsync_resources WHERE api_id = ? AND kind = ? AND name = ?').run(apiId, kind, name);
    this.bump(apiId);
  }

  /** Deleting the API deletes everything under it, as AppSync does. */
  removeApi(apiId: string): void {
    this.db.prepare('DELETE FROM appsync_resources WHERE api_id = ?').run(apiId);
    this.bump(apiId);
  }

  /** Every API deployed, in the order of their ids. */
  apiIds(): string[] {
    const rows = this.db.prepare("SELECT api_id FROM appsync_resources WHERE kind = 'api' ORDER BY api_id").all() as { api_id: string }[];
    return rows.map((row) => row.api_id);
  }

  revision(apiId: string): number {
    return this.revisions.get(apiId) ?? 0;
  }

  state(apiId: string): AppSyncApiState | undefined {
    const rows = this.db.prepare('SELECT kind, name, body FROM appsync_resources WHERE api_id = ?').all(apiId) as Row[];
    const apiRow = rows.find((row) => row.kind === 'api');
    if (apiRow === undefined) return undefined;
    const state: AppSyncApiState = {
      api: JSON.parse(apiRow.body) as GraphQlApiRecord,
      apiKeys: [],
      dataSources: new Map(),
      functions: new Map(),
      resolvers: new Map(),
    };
    for (const row of rows) {
      const body: unknown = JSON.parse(row.body);
      switch (row.kind) {
        case 'schema':
          state.schema = body as string;
          break;
        case 'apikey':
          state.apiKeys.push(body as ApiKeyRecord);
          break;
        case 'datasource':
          state.dataSources.set(row.name, body as DataSourceRecord);
          break;
        case 'function':
          state.functions.set(row.name, body as FunctionRecord);
          break;
        case 'resolver':
          state.resolvers.set(row.name, body as ResolverRecord);
          break;
        case 'api':
          break;
      }
    }
    return state;
  }

  private put(apiId: string, kind: Kind, name: string, body: unknown): void {
    this.db
      .prepare('INSERT INTO appsync_resources (api_id, kind, name, body) VALUES (?, ?, ?, ?) ON CONFLICT (api_id, kind, name) DO UPDATE SET body = excluded.body')
      .run(apiId, kind, name, JSON.stringify(body));
    this.bump(apiId);
  }

  private bump(apiId: string): void {
    this.revisions.set(apiId, this.revision(apiId) + 1);
  }
}
