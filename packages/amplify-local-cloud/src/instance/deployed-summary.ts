import * as http from 'http';
import * as path from 'path';
import type { DeployedSummary } from '../data-plane';
import { canonicalRequest, credentialScope, hmac, signingKey, stringToSign } from '../server/sigv4-verifier';
import { DEPLOYED_PATH, LOCAL_CLOUD_SERVICE } from '../well-known-paths';
import type { LocalCloudCredentials } from './instance-credentials';

/** What the running server has deployed (pools, tables, functions, APIs, buckets), asked with the instance's own key. */
export function readDeployedSummary(endpoint: string, credentials: LocalCloudCredentials, timeoutMs = 2000): Promise<DeployedSummary | undefined> {
  const url = new URL(DEPLOYED_PATH, endpoint);
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const scope = { accessKeyId: credentials.accessKeyId, date: amzDate.slice(0, 8), region: 'us-east-1', service: LOCAL_CLOUD_SERVICE };
  const headers: Record<string, string> = { host: url.host, 'x-amz-date': amzDate };
  const signed = Object.keys(headers).sort();
  const canonical = canonicalRequest({ method: 'GET', path: url.pathname, query: url.searchParams, headers, body: Buffer.alloc(0) }, { scope, presigned: false, signedHeaders: signed });
  const signature = hmac(signingKey(credentials.secretAccessKey, scope), stringToSign(amzDate, credentialScope(scope), canonical)).toString('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId}/${credentialScope(scope)}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return new Promise((resolve) => {
    const request = http.get(url, { headers, timeout: timeoutMs, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(response.statusCode === 200 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as DeployedSummary) : undefined);
        } catch {
          resolve(undefined);
        }
      });
      response.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** The summary as `status` prints it, one line per kind of resource. */
export function describeDeployed(summary: DeployedSummary): string[] {
  const list = (items: string[]) => (items.length === 0 ? 'none' : items.join(', '));
  return [
    `user pools: ${list(summary.userPools.map((pool) => `${pool.name} (${pool.id})`))}`,
    `identity pools: ${list(summary.identityPools.map((pool) => `${pool.name} (${pool.id})`))}`,
    `tables: ${list(summary.tables)}`,
    `functions: ${list(summary.functions.map((deployed) => `${deployed.name} (${deployed.runtime})`))}`,
    ...(summary.functions.length > 0 ? [`function logs in ${path.dirname(summary.functions[0].logFile)}`] : []),
    `GraphQL APIs: ${list(summary.graphqlApis.map((api) => `${api.name} at ${api.url}`))}`,
    `REST APIs: ${list(summary.restApis.flatMap((api) => api.rootUrls.map((url) => `${api.name} at ${url}`)))}`,
    `buckets: ${list(summary.buckets)}`,
    // A server older than this client may not report Amplify apps.
    `Amplify apps: ${list((summary.amplifyApps ?? []).map((app) => `${app.name} (${app.appId}, envs: ${list(app.environments)})`))}`,
    ...(summary.amplifyApps ?? []).flatMap((app) =>
      app.branches.map((branch) => `  ${app.appId} branch ${branch.name}: ${branch.deployed ? `served at ${branch.url}` : 'not deployed yet'}`),
    ),
  ];
}
