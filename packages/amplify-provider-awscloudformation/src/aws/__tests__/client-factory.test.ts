import { AwsClientFactory, providerVersion } from '../client-factory';

describe('AwsClientFactory', () => {
  const saved = { all: process.env.AWS_ENDPOINT_URL, s3: process.env.AWS_ENDPOINT_URL_S3 };
  afterEach(() => {
    if (saved.all === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved.all;
    if (saved.s3 === undefined) delete process.env.AWS_ENDPOINT_URL_S3;
    else process.env.AWS_ENDPOINT_URL_S3 = saved.s3;
  });

  it('gives every client the region, the explicit endpoint and the CLI user agent', async () => {
    const factory = new AwsClientFactory({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4581', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }, 'init');
    const cfn = factory.cloudFormationClient();
    expect(await cfn.config.region()).toBe('eu-west-1');
    const endpoint = await cfn.config.endpoint?.();
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(endpoint?.port).toBe(4581);
    expect(JSON.stringify(cfn.config.customUserAgent)).toContain(`aws-amplify-cli/${providerVersion()} init`);
    expect(factory.cloudFormationClient()).toBe(cfn);
    factory.destroy();
  });

  it('uses path-style S3 for loopback endpoints, whether given or from AWS_ENDPOINT_URL', () => {
    const explicit = new AwsClientFactory({ region: 'us-east-1', endpoint: 'http://localhost:4581' });
    expect(explicit.s3Client().config.forcePathStyle).toBe(true);
    explicit.destroy();
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4566';
    const fromEnv = new AwsClientFactory({ region: 'us-east-1' });
    expect(fromEnv.s3Client().config.forcePathStyle).toBe(true);
    fromEnv.destroy();
  });

  it('leaves AWS endpoints to the SDK (virtual-hosted S3, no endpoint override)', async () => {
    const factory = new AwsClientFactory({ region: 'us-east-1' });
    expect(factory.s3Client().config.forcePathStyle).toBe(false);
    expect(factory.cloudFormationClient().config.endpoint).toBeUndefined();
    factory.destroy();
  });

  it('turns off the SDK Node-version notice for the clients it makes', () => {
    delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    new AwsClientFactory({ region: 'us-east-1' }).destroy();
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
  });
});
