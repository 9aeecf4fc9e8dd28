import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateBucketCommand, S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { startLocalCloud, type LocalCloudOptions, type StartedLocalCloud } from '../local-cloud';
import { canonicalRequest, credentialScope, signingKey, stringToSign, hmac } from '../server/sigv4-verifier';

/** A local cloud on a free port over a temp data directory, with an S3 client pointed at it and signing with its keys. */
export interface TestCloud {
  cloud: StartedLocalCloud;
  dataDir: string;
  config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  s3: S3Client;
  s3With(overrides: Partial<S3ClientConfig>): S3Client;
  /** Stops the server, keeping the data directory (for restart tests). */
  stop(): Promise<void>;
  /** Stops the server and deletes the data directory. */
  dispose(): Promise<void>;
}

/**
 * `options.http`: shorter body and header timeouts, for the tests of those timeouts; `dataPlane` and
 * `realtimeKeepAliveMs`: the services and keep-alive the AppSync tests give the local AppSync.
 */
export async function startTestCloud(dataDir?: string, options: Pick<LocalCloudOptions, 'http' | 'dataPlane' | 'realtimeKeepAliveMs'> = {}): Promise<TestCloud> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const cloud = await startLocalCloud({ port: 0, dataDir: dir, ...options });
  const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials };
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

/**
 * A fixture shared by the tests of one file: started before them, disposed of after them. The returned object reads
 * through to the started fixture, so tests use it as they would use the fixture itself; a file's own `beforeAll`
 * declared afterwards runs once it is up.
 */
function perFileFixture<T extends object>(start: () => Promise<T>, dispose: (fixture: T) => Promise<void>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started !== undefined) await dispose(started);
  });
  // The empty target is never read: every property comes from the started fixture.
  return new Proxy({} as T, {
    get(_target, key) {
      if (started === undefined) throw new Error('The fixture starts in beforeAll: use it inside hooks and tests');
      return Reflect.get(started, key);
    },
  });
}

export interface UseTestCloudOptions {
  /** Buckets created once the cloud is up. */
  buckets?: string[];
}

/** Creates `buckets` through `s3`. */
async function createBuckets(s3: S3Client, buckets: readonly string[] = []): Promise<void> {
  for (const Bucket of buckets) {
    await s3.send(new CreateBucketCommand({ Bucket }));
  }
}

/** One cloud made by `start` for the tests of a file, with `options.buckets` created (see `perFileFixture`). */
export function usePerFileCloud<T extends { s3: S3Client; dispose(): Promise<void> }>(start: () => Promise<T>, options: UseTestCloudOptions = {}): T {
  return perFileFixture(
    async () => {
      const cloud = await start();
      await createBuckets(cloud.s3, options.buckets);
      return cloud;
    },
    (cloud) => cloud.dispose(),
  );
}

/** One test cloud for the tests of a file. */
export function useTestCloud(options: UseTestCloudOptions = {}): TestCloud {
  return usePerFileCloud(() => startTestCloud(), options);
}

/** The service error of `type` a call fails with; fails the test when the call succeeds or fails otherwise. */
export async function serviceErrorOf<T extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The S3 error a call fails with; fails the test when the call succeeds or fails otherwise. */
export function s3ErrorOf(promise: Promise<unknown>): Promise<S3ServiceException> {
  return serviceErrorOf(promise, S3ServiceException);
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

export interface SignOptions {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The credential-scope service. */
  service: string;
  region?: string;
  /** Signing time; default now. */
  date?: Date;
  /** S3's `X-Amz-Content-Sha256` header; default UNSIGNED-PAYLOAD, `false` leaves it out. */
  contentSha256?: string | false;
}

/**
 * Signs a raw request with SigV4 in the Authorization header, for requests SDK clients never send (unknown services,
 * other Host headers, a tampered payload hash). Headers given are signed as given; `Host` defaults to the URL's.
 */
export function signedHeaders(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer }, options: SignOptions): Record<string, string> {
  const target = new URL(url);
  const amzDate = (options.date ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const headers: Record<string, string> = { host: target.host, 'x-amz-date': amzDate };
  const contentSha256 = options.contentSha256 ?? (options.service === 's3' ? 'UNSIGNED-PAYLOAD' : false);
  if (contentSha256 !== false) headers['x-amz-content-sha256'] = contentSha256;
  if (options.credentials.sessionToken !== undefined) headers['x-amz-security-token'] = options.credentials.sessionToken;
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  const scope = { accessKeyId: options.credentials.accessKeyId, date: amzDate.slice(0, 8), region: options.region ?? 'us-east-1', service: options.service };
  const names = Object.keys(headers).sort();
  const canonical = canonicalRequest(
    { method: init.method ?? 'GET', path: target.pathname, query: target.searchParams, headers, body: Buffer.from(init.body ?? '') },
    { scope, presigned: false, signedHeaders: names },
  );
  const signature = hmac(signingKey(options.credentials.secretAccessKey, scope), stringToSign(amzDate, credentialScope(scope), canonical)).toString('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId}/${credentialScope(scope)}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/** `rawRequest` signed with `signedHeaders`. */
export function signedRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
  options: SignOptions,
): ReturnType<typeof rawRequest> {
  return rawRequest(url, { ...init, headers: signedHeaders(url, init, options) });
}
