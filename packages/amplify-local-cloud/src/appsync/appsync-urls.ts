/** Where the local cloud serves each AppSync API: `<endpoint>/appsync/<apiId>/graphql`. */
export const APPSYNC_PATH_PREFIX = '/appsync/';

export interface AppSyncUrls {
  /** `host:port` of the endpoint (the API's GraphQLDns and RealtimeDns). */
  host: string;
  graphql: string;
  /**
   * The client's own rule for a custom endpoint (reference §4): `/realtime` appended, scheme rewritten to `wss://`;
   * the local cloud reports the URL a client that follows the plain-HTTP endpoint can reach.
   */
  realtime: string;
}

export function appSyncUrls(endpoint: string, apiId: string): AppSyncUrls {
  const graphql = `${endpoint}${APPSYNC_PATH_PREFIX}${apiId}/graphql`;
  return { host: new URL(endpoint).host, graphql, realtime: `${graphql.replace(/^http/, 'ws')}/realtime` };
}

/** The API id and the sub-path (`graphql`, `graphql/realtime`, `graphql/connect`) of a request under the prefix. */
export function parseAppSyncPath(path: string): { apiId: string; rest: string } | undefined {
  const match = /^\/appsync\/([a-z0-9]{1,64})\/(graphql(?:\/realtime|\/connect)?)\/?$/.exec(path);
  return match === null ? undefined : { apiId: match[1], rest: match[2] };
}
