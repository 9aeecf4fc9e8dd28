import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, isAmplifyError } from 'amplify-cli-core';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { AmplifyClient } from '@aws-sdk/client-amplify';
import type { AwsEnv } from './aws-env';
import type { AwsTarget } from './aws-target';
import { loadAmplifySdk, loadCloudFormationSdk, loadIamSdk, loadS3Sdk, loadStsSdk } from './sdk-modules';
import { CloudFormationApi, SdkCloudFormationApi } from './cloudformation-api';
import { S3Api, SdkS3Api } from './s3-api';

let cachedVersion: string | undefined;

/** The version in the user agent: this package's, read once (package.json sits two levels above src/ and lib/). */
export function providerVersion(): string {
  if (cachedVersion === undefined) {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    cachedVersion = manifest.version;
  }
  return cachedVersion;
}

/** The suffix of the SDK's per-service endpoint variable, `AWS_ENDPOINT_URL_<SERVICE>`. */
export type ServiceEndpointKey = 'CLOUDFORMATION' | 'S3' | 'STS' | 'IAM' | 'AMPLIFY';

function isLoopback(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** `HTTPS_PROXY` (or `HTTP_PROXY`, either case), read when a client is made. */
export function proxyUrl(env: AwsEnv): string | undefined {
  return env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || undefined;
}

/**
 * The one place AWS clients are made: credentials, region, user agent and endpoint come from the
 * target, so pointing the whole provider at the local cloud (or a test fake) is one switch. Clients are
 * created on first use and reused for the life of the factory. `env` holds the proxy and endpoint variables it
 * reads.
 */
export class AwsClientFactory {
  private readonly clients: { cfn?: CloudFormationClient; s3?: S3Client; sts?: STSClient; iam?: IAMClient; amplify?: AmplifyClient } = {};

  constructor(
    readonly target: AwsTarget,
    private readonly env: AwsEnv,
    private readonly userAgentSuffix?: string,
  ) {
    // The SDK prints a notice about the Node version from each client on Node 20; it is noise for CLI users. The SDK
    // reads it from the process, so this one is set there.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  }

  get region(): string {
    return this.target.region;
  }

  /**
   * The endpoint a client of `service` talks to: the target's (the local cloud), else the SDK's endpoint variables as
   * this factory's env holds them, so the same env decides the endpoint, the S3 addressing style and the proxy.
   */
  endpointFor(service: ServiceEndpointKey): string | undefined {
    if (this.target.endpoint) return this.target.endpoint;
    if (this.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
    return this.env[`AWS_ENDPOINT_URL_${service}`] || this.env.AWS_ENDPOINT_URL || undefined;
  }

  private common(service: ServiceEndpointKey): {
    region: string;
    credentials?: AwsTarget['credentials'];
    endpoint?: string;
    customUserAgent: string;
    maxAttempts: number;
    requestHandler?: { httpsAgent: import('https').Agent };
  } {
    const userAgent = `aws-amplify-cli/${providerVersion()}${this.userAgentSuffix ? ` ${this.userAgentSuffix}` : ''}`;
    return {
      region: this.target.region,
      ...(this.target.credentials ? { credentials: this.target.credentials } : {}),
      ...(this.endpointFor(service) ? { endpoint: this.endpointFor(service) } : {}),
      customUserAgent: userAgent,
      maxAttempts: 5,
      ...this.proxyHandler(service),
    };
  }

  /** Corporate networks reach AWS through a proxy; the local cloud on loopback never goes through one. */
  private proxyHandler(service: ServiceEndpointKey): { requestHandler?: { httpsAgent: import('https').Agent } } {
    const proxy = proxyUrl(this.env);
    if (!proxy || isLoopback(this.endpointFor(service))) return {};
    const { HttpsProxyAgent } = require('https-proxy-agent') as typeof import('https-proxy-agent');
    return { requestHandler: { httpsAgent: new HttpsProxyAgent(proxy) } };
  }

  cloudFormationClient(): CloudFormationClient {
    return (this.clients.cfn ??= new (loadCloudFormationSdk().CloudFormationClient)(this.common('CLOUDFORMATION')));
  }

  s3Client(): S3Client {
    if (!this.clients.s3) {
      const { S3Client: Client } = loadS3Sdk();
      // Virtual-hosted bucket names do not resolve on loopback hosts.
      const loopback = isLoopback(this.endpointFor('S3'));
      this.clients.s3 = new Client({
        ...this.common('S3'),
        ...(loopback
          ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
          : {}),
      });
    }
    return this.clients.s3;
  }

  stsClient(): STSClient {
    return (this.clients.sts ??= new (loadStsSdk().STSClient)(this.common('STS')));
  }

  iamClient(): IAMClient {
    return (this.clients.iam ??= new (loadIamSdk().IAMClient)(this.common('IAM')));
  }

  amplifyClient(): AmplifyClient {
    return (this.clients.amplify ??= new (loadAmplifySdk().AmplifyClient)(this.common('AMPLIFY')));
  }

  cloudFormation(): CloudFormationApi {
    return new SdkCloudFormationApi(this.cloudFormationClient());
  }

  s3(): S3Api {
    return new SdkS3Api(this.s3Client());
  }

  /** Ends keep-alive sockets so a finished command (or test) does not hold the event loop open. */
  destroy(): void {
    this.clients.cfn?.destroy();
    this.clients.s3?.destroy();
    this.clients.sts?.destroy();
    this.clients.iam?.destroy();
    this.clients.amplify?.destroy();
  }
}

/**
 * Runs `use` with `factory`, then destroys the clients it made, whether `use` succeeded or not. Every AWS call of
 * the plugin passes here, so this is where the cloud saying an env's root stack or deployment bucket is gone (the
 * env was deleted in the console, or the keys belong to another account) becomes the user's error to fix rather
 * than a bug of the plugin. A caller that expects absence checks for it inside `use`.
 */
export async function withFactory<T>(factory: AwsClientFactory, use: (factory: AwsClientFactory) => Promise<T>): Promise<T> {
  try {
    return await use(factory);
  } catch (error) {
    throw envResourceMissing(error) ?? error;
  } finally {
    factory.destroy();
  }
}

function envResourceMissing(error: unknown): AmplifyError | undefined {
  if (!(error instanceof Error) || isAmplifyError(error)) return undefined;
  const stackMissing = error.name === 'ValidationError' && /^Stack with id \S+ does not exist$/.test(error.message);
  if (!stackMissing && error.name !== 'NoSuchBucket') return undefined;
  return new AmplifyError('EnvResourcesMissing', `This env's cloud resources are gone: ${error.message}`, {
    resolution:
      'It was deleted outside amplify, or the credentials are for another account: check them, or run "amplify env add" for a new env and "amplify env remove <name>" for this one',
    cause: error,
  });
}
