import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { saveAnalyticsResource } from '../service/analytics-resource';
import { kinesisParameters, pinpointParameters, pinpointTemplate } from '../service/templates';

/** What the original's own code writes; see fixtures/original-14.2.2/README.md. */
function original(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', name), 'utf8')) as Record<string, unknown>;
}

describe("analytics files in the original's shape", () => {
  it('Pinpoint parameters.json equals the original key by key', () => {
    expect(pinpointParameters({ service: 'Pinpoint', resourceName: 'shop', appName: 'shop', shortId: 'ab12cd34' })).toEqual(original('pinpoint-parameters.json'));
  });

  it("the Pinpoint template declares every parameter the original's template does, so its parameters.json deploys with ours", () => {
    const ours = pinpointTemplate().Parameters;
    const theirs = original('pinpoint-template-parameters.json') as Record<string, { Type: string; Default?: string }>;
    for (const [name, declaration] of Object.entries(theirs)) {
      expect({ name, type: ours[name]?.Type }).toEqual({ name, type: declaration.Type });
      if (declaration.Default !== undefined) expect({ name, default: ours[name].Default }).toEqual({ name, default: declaration.Default });
    }
  });

  it("the Pinpoint template is written byte for byte as the original's status rewrites it (so its status says No Change)", async () => {
    const root = createFixtureProject({ meta: { providers: { awscloudformation: { Region: 'us-east-1' } } }, backendConfig: {}, localEnvInfo: { envName: 'dev' }, teamProviderInfo: { dev: {} } });
    await saveAnalyticsResource(root, { service: 'Pinpoint', resourceName: 'shop', appName: 'shop', shortId: 'ab12cd34' }, 'add');
    const written = fs.readFileSync(path.join(root, 'amplify/backend/analytics/shop/pinpoint-cloudformation-template.json'), 'utf8');
    // The original's status reads the template, removes mobiletargeting:GetUserEndpoints and writes it with 2-space JSON.
    expect(JSON.stringify(JSON.parse(written), null, 2)).toBe(written);
    expect(written).not.toContain('mobiletargeting:GetUserEndpoints');
    cleanupTempDirs();
  });

  it('Kinesis parameters.json equals the original key by key', () => {
    expect(kinesisParameters({ service: 'Kinesis', resourceName: 'events', kinesisStreamName: 'shopKinesis', kinesisStreamShardCount: 1, shortId: 'ab12cd34' })).toEqual(original('kinesis-parameters.json'));
  });
});
