import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AppSandbox, KEY, runInTerminal, type ScriptedAnswer } from 'amplify-test-support';

/**
 * The hosting walkthroughs as a person answers them, in a pseudo-terminal: the Amplify Console choice refused with
 * its reason, an add of PROD hosting with a typed bucket name, and the configure menu's CloudFront and Publish
 * sections.
 */
jest.setTimeout(120_000);

describe('hosting walkthroughs (pseudo-terminal, built binary)', () => {
  let sandbox: AppSandbox;
  const amplify = (args: string, answers: ScriptedAnswer[]) =>
    runInTerminal(`${process.execPath} ${AMPLIFY_BIN} ${args}`, answers, { cwd: sandbox.app, env: sandbox.env, timeoutMs: 30000 });
  const template = () => sandbox.readJson<{ Resources: Record<string, { Properties: { DistributionConfig?: Record<string, unknown> } }> }>('amplify/backend/hosting/S3AndCloudFront/template.json');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('walk');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('Hosting with Amplify Console is offered, and refused with the reason and the way on', async () => {
    const result = await amplify('add hosting', [{ question: /Select the plugin module to execute/, keys: KEY.down + KEY.enter }]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toContain('the local cloud does not have');
    expect(result.stdout).toContain('Amazon CloudFront and S3');
    expect(fs.existsSync(path.join(sandbox.app, 'amplify', 'backend', 'hosting'))).toBe(false);
  });

  test('add: PROD with a typed bucket name', async () => {
    const result = await amplify('add hosting', [
      { question: /Select the plugin module to execute/, keys: KEY.enter },
      { question: /Select the environment setup/, keys: KEY.down + KEY.enter },
      { question: /hosting bucket name/, keys: '\u0015walk-site-bucket' + KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/hosting/S3AndCloudFront/parameters.json')).toEqual({ bucketName: 'walk-site-bucket' });
    expect(Object.keys(template().Resources)).toEqual(['S3Bucket', 'OriginAccessIdentity', 'PrivateBucketPolicy', 'CloudFrontDistribution']);
  });

  test('configure: the CloudFront section changes the TTL, the Publish section adds an ignore pattern', async () => {
    const result = await amplify('configure hosting', [
      { question: /Specify the section to configure/, keys: KEY.up + KEY.up + KEY.enter },
      { question: /Remove CloudFront from hosting/, keys: KEY.enter },
      { question: /default object to return from origin/, keys: KEY.enter },
      { question: /Default TTL/, keys: '\u0015600' + KEY.enter },
      { question: /Max TTL/, keys: KEY.enter },
      { question: /Min TTL/, keys: KEY.enter },
      { question: /Configure Custom Error Responses/, keys: KEY.enter },
      { question: /Select the action for custom error responses/, keys: KEY.enter },
      { question: /Specify the section to configure/, keys: KEY.up + KEY.enter },
      { question: /Files and folders to ignore when publishing/, keys: KEY.up + KEY.up + KEY.enter },
      { question: /Glob pattern to ignore/, keys: '*.map' + KEY.enter },
      { question: /Files and folders to ignore when publishing/, keys: KEY.enter },
      { question: /Specify the section to configure/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(template().Resources.CloudFrontDistribution.Properties.DistributionConfig).toMatchObject({ DefaultCacheBehavior: { DefaultTTL: 600 } });
    expect(sandbox.readJson('amplifyPublishIgnore.json')).toEqual(['*.map']);
  });
});
