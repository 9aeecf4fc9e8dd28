import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateBucketCommand, S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../local-cloud';

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

/** `options.http`: shorter body and header timeouts, for the tests of those timeouts. */
export async function startTestCloud(dataDir?: string, options: Pick<LocalCloudOptions, 'http'> = {}): Promise<TestCloud> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const cloud = await startLocalCloud({ port: 0, dataDir: dir, ...options });
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

/** The S3 error a call fails with; fails the test when the call succeeds or fails otherwise. */
export async function s3ErrorOf(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
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
