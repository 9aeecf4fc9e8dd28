import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { startLocalCloud, type LocalCloud } from '../local-cloud';

/** A local cloud on a free port over a temp data directory, with an S3 client pointed at it. */
export interface TestCloud {
  cloud: LocalCloud;
  dataDir: string;
  config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  s3: S3Client;
  s3With(overrides: Partial<S3ClientConfig>): S3Client;
  /** Stops the server, keeping the data directory (for restart tests). */
  stop(): Promise<void>;
  /** Stops the server and deletes the data directory. */
  dispose(): Promise<void>;
}

export async function startTestCloud(dataDir?: string): Promise<TestCloud> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const cloud = await startLocalCloud({ port: 0, dataDir: dir });
  // Any key pair is accepted; these are deliberately not AWS-shaped.
  const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' } };
  const clients: S3Client[] = [];
  const s3With = (overrides: Partial<S3ClientConfig>) => {
    const client = new S3Client({ ...config, forcePathStyle: true, ...overrides });
    clients.push(client);
    return client;
  };
  const stop = async () => {
    clients.forEach((client) => client.destroy());
    await cloud.close();
  };
  return {
    cloud,
    dataDir: dir,
    config,
    s3: s3With({}),
    s3With,
    stop,
    dispose: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends a raw HTTP request, for what SDK clients never send (missing or malformed auth, other Host headers). */
export async function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const http = await import('http');
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

/** A well-formed SigV4 Authorization header (the local cloud checks its shape, not its signature). */
export function authorizationHeader(service: string, region = 'us-east-1'): Record<string, string> {
  return {
    Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`,
    'X-Amz-Date': '20260101T000000Z',
    // S3 requires it on header-signed requests; the query services ignore it.
    'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
  };
}
