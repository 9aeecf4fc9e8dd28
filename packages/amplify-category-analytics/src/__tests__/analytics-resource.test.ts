import { cleanupTempDirs, createFixtureProject, readProjectFile } from 'amplify-test-support';
import { assertNoPinpoint, saveAnalyticsResource } from '../service/analytics-resource';

afterAll(() => cleanupTempDirs());

const project = (): string => createFixtureProject({ meta: { providers: { awscloudformation: { Region: 'us-east-1' } } }, backendConfig: {}, localEnvInfo: { envName: 'dev' }, teamProviderInfo: { dev: {} } });

describe('analytics resources', () => {
  it('writes a Pinpoint app’s answers, parameters, template and meta; a second Pinpoint app is refused', async () => {
    const root = project();
    await saveAnalyticsResource(root, { service: 'Pinpoint', resourceName: 'shop', appName: 'shop', shortId: 'ab12cd34' }, 'add');
    expect(readProjectFile(root, 'amplify/backend/analytics/shop/parameters.json')).toMatchObject({ appName: 'shop', authPolicyName: 'pinpoint_amplify_ab12cd34' });
    expect(readProjectFile(root, 'amplify/backend/analytics/shop/pinpoint-cloudformation-template.json')).toHaveProperty('Resources.PinpointApp');
    expect(readProjectFile(root, 'amplify/backend/amplify-meta.json')).toMatchObject({ analytics: { shop: { service: 'Pinpoint', providerPlugin: 'awscloudformation' } } });
    expect(readProjectFile(root, 'amplify/backend/backend-config.json')).toEqual({ analytics: { shop: { service: 'Pinpoint', providerPlugin: 'awscloudformation' } } });
    expect(() => assertNoPinpoint(root)).toThrow('Amazon Pinpoint analytics was already added to your project (shop)');
  });

  it('a Kinesis stream beside it; an update rewrites the shard count', async () => {
    const root = project();
    const stream = { service: 'Kinesis' as const, resourceName: 'clicks', kinesisStreamName: 'clicks', kinesisStreamShardCount: 1, shortId: 'x' };
    await saveAnalyticsResource(root, stream, 'add');
    await saveAnalyticsResource(root, { ...stream, kinesisStreamShardCount: 3 }, 'update');
    expect(readProjectFile(root, 'amplify/backend/analytics/clicks/parameters.json')).toMatchObject({ kinesisStreamName: 'clicks', kinesisStreamShardCount: 3 });
    expect(() => assertNoPinpoint(root)).not.toThrow();
  });
});
