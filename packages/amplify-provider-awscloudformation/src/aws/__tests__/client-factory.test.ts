import { AwsClientFactory, providerVersion, withFactory } from '../client-factory';

describe('AwsClientFactory', () => {
  it('gives every client the region, the explicit endpoint and the CLI user agent', async () => {
    const factory = new AwsClientFactory({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4581', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }, {}, 'init');
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
    const explicit = new AwsClientFactory({ region: 'us-east-1', endpoint: 'http://localhost:4581' }, {});
    expect(explicit.s3Client().config.forcePathStyle).toBe(true);
    explicit.destroy();
    const fromEnv = new AwsClientFactory({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' });
    expect(fromEnv.s3Client().config.forcePathStyle).toBe(true);
    fromEnv.destroy();
  });

  it("points each client at its AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, from the factory's env", async () => {
    const factory = new AwsClientFactory({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000' });
    expect((await factory.cloudFormationClient().config.endpoint?.())?.port).toBe(4566);
    expect((await factory.s3Client().config.endpoint?.())?.port).toBe(9000);
    factory.destroy();
  });

  it('leaves AWS endpoints to the SDK (virtual-hosted S3, no endpoint override)', async () => {
    const factory = new AwsClientFactory({ region: 'us-east-1' }, {});
    expect(factory.s3Client().config.forcePathStyle).toBe(false);
    expect(factory.cloudFormationClient().config.endpoint).toBeUndefined();
    factory.destroy();
  });

  it('sends AWS traffic through HTTPS_PROXY, but never the local cloud', async () => {
    const env = { HTTPS_PROXY: 'http://proxy.internal:3128' };
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    const aws = new AwsClientFactory({ region: 'us-east-1' }, env);
    const handler = aws.cloudFormationClient().config.requestHandler as unknown as { configProvider: Promise<{ httpsAgent: unknown }> };
    expect((await handler.configProvider).httpsAgent).toBeInstanceOf(HttpsProxyAgent);
    aws.destroy();
    const local = new AwsClientFactory({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4581' }, env);
    const localHandler = local.cloudFormationClient().config.requestHandler as unknown as { configProvider: Promise<{ httpsAgent?: unknown }> };
    expect((await localHandler.configProvider).httpsAgent).not.toBeInstanceOf(HttpsProxyAgent);
    local.destroy();
  });

  it('turns off the SDK Node-version notice for the clients it makes', () => {
    delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    new AwsClientFactory({ region: 'us-east-1' }, {}).destroy();
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
  });
});

describe('withFactory', () => {
  it("answers what the use answers and destroys the factory's clients after it, also when the use fails", async () => {
    const target = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
    const used = new AwsClientFactory(target, {});
    const destroyUsed = jest.spyOn(used, 'destroy');
    await expect(withFactory(used, async (factory) => factory.region)).resolves.toBe('us-east-1');
    expect(destroyUsed).toHaveBeenCalledTimes(1);

    const failed = new AwsClientFactory(target, {});
    const destroyFailed = jest.spyOn(failed, 'destroy');
    await expect(withFactory(failed, () => Promise.reject(new Error('stack failed')))).rejects.toThrow('stack failed');
    expect(destroyFailed).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a root stack', Object.assign(new Error('Stack with id amplify-app-dev-1 does not exist'), { name: 'ValidationError' })],
    ['a deployment bucket', Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' })],
  ])('reports %s deleted outside amplify as the user\'s error naming what to do', async (_, cloudError) => {
    const factory = new AwsClientFactory({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }, {});
    await expect(withFactory(factory, () => Promise.reject(cloudError))).rejects.toMatchObject({
      code: 'EnvResourcesMissing',
      message: `This env's cloud resources are gone: ${cloudError.message}`,
      resolution: expect.stringContaining('amplify env add'),
      cause: cloudError,
    });
  });
});
