import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { execFile } from 'child_process';
import { promisify } from 'util';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { AppSandbox, GENERAL_PROVIDERS } from 'amplify-test-support';

/**
 * Analytics, notifications and interactions end to end on the built binary against a local cloud: all three added
 * with --yes (Pinpoint, In-App messaging, the BookTrip sample), pushed; the generated aws-exports.js accepted by
 * aws-amplify 6, whose analytics record() reaches the local cloud and shows in `local-cloud events`; status No
 * Change; each removed and pushed.
 */
jest.setTimeout(300_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string>; dependsOn?: unknown[] }>>;

/**
 * A Node script that configures aws-amplify 6 with the app's aws-exports.js and records one analytics event, with
 * the guest credentials the deployed identity pool gives it, as a real app gets them. The env is AWS-shaped, so the
 * script points the identity pool at the local cloud (`identityPoolEndpoint`), and redirects the client's calls to
 * pinpoint.<region>.amazonaws.com (which has no endpoint setting) to the local cloud, signed again for that host with
 * the same guest credentials.
 */
function recordScript(app: string, root: string, cloud: { endpoint: string }): string {
  const amplifyDir = path.dirname(require.resolve('aws-amplify/package.json'));
  const exportsModule = path.join(root, 'aws-exports.mjs');
  fs.copyFileSync(path.join(app, 'src', 'aws-exports.js'), exportsModule);
  const script = path.join(root, 'record-event.mjs');
  const url = (file: string): string => JSON.stringify(pathToFileURL(file).href);
  fs.writeFileSync(
    script,
    `import { createRequire } from 'module';
import config from ${url(exportsModule)};
import { Amplify } from ${url(path.join(amplifyDir, 'dist', 'esm', 'index.mjs'))};
import { record, flushEvents } from ${url(path.join(amplifyDir, 'dist', 'esm', 'analytics', 'index.mjs'))};
import { initializeInAppMessaging, syncMessages } from ${url(path.join(amplifyDir, 'dist', 'esm', 'in-app-messaging', 'index.mjs'))};
import { fetchAuthSession } from ${url(path.join(amplifyDir, 'dist', 'esm', 'auth', 'index.mjs'))};
const require = createRequire(${url(__filename)});
const { SignatureV4 } = require('@smithy/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');
const local = new URL(${JSON.stringify(cloud.endpoint)});
const calls = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
  const target = new URL(typeof input === 'object' && 'url' in input ? input.url : String(input));
  if (target.hostname !== 'pinpoint.us-east-1.amazonaws.com') return realFetch(input, init);
  try {
    const body = init.body === undefined ? undefined : String(init.body);
    const { credentials } = await fetchAuthSession();
    const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'mobiletargeting', sha256: Sha256 });
    const signed = await signer.sign({
      method: init.method, protocol: local.protocol, hostname: local.hostname, port: Number(local.port), path: target.pathname,
      query: Object.fromEntries(target.searchParams), headers: { host: local.host, 'content-type': 'application/json' }, body,
    });
    const response = await realFetch(local.origin + target.pathname + target.search, { method: init.method, headers: signed.headers, body });
    const batch = body === undefined ? {} : JSON.parse(body).BatchItem ?? {};
    const eventTypes = Object.values(batch).flatMap((item) => Object.values(item.Events ?? {}).map((event) => event.EventType));
    calls.push({ method: init.method, path: target.pathname, status: response.status, eventTypes, accessKeyId: credentials.accessKeyId });
    return response;
  } catch (error) {
    calls.push({ method: init.method, path: target.pathname, error: String(error) });
    throw error;
  }
};
Amplify.configure(config);
const parsed = Amplify.getConfig();
Amplify.configure({ ...parsed, Auth: { Cognito: { ...parsed.Auth.Cognito, identityPoolEndpoint: local.origin } } });
const { identityId } = await fetchAuthSession();
record({ name: 'e2eCheckout', attributes: { item: 'roses' } });
for (let i = 0; i < 100 && !calls.some((call) => call.eventTypes?.includes('e2eCheckout')); i++) {
  await flushEvents();
  await new Promise((resolve) => setTimeout(resolve, 200));
}
initializeInAppMessaging();
await syncMessages();
process.stdout.write(JSON.stringify({ config: Amplify.getConfig(), calls, identityId }));
process.exit(0);
`,
  );
  return script;
}

describe('analytics, notifications and interactions (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('engage');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('add analytics --yes: the default auth with guest access, then a Pinpoint app named after the project', async () => {
    const result = await sandbox.run(['add', 'analytics', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(meta().analytics).toEqual({ engage: { service: 'Pinpoint', providerPlugin: 'awscloudformation' } });
    expect(Object.values(meta().auth).map((entry) => entry.service)).toEqual(['Cognito']);
    const authName = Object.keys(meta().auth)[0];
    expect(sandbox.readJson(`amplify/backend/auth/${authName}/cli-inputs.json`)).toMatchObject({ cognitoConfig: { allowUnauthenticatedIdentities: true } });
    const again = await sandbox.run(['add', 'analytics', '--yes']);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('already added');
  });

  test('add notifications --yes enables In-App messaging on that app; add interactions --yes adds the BookTrip sample', async () => {
    const notifications = await sandbox.run(['add', 'notifications', '--yes']);
    expect(notifications.exitCode).toBe(0);
    expect(meta().notifications.engage).toMatchObject({ service: 'Pinpoint', dependsOn: [{ category: 'analytics', resourceName: 'engage', attributes: ['Id', 'Region'] }] });
    expect(sandbox.readJson('amplify/backend/backend-config.json')).toMatchObject({ notifications: { engage: { channels: ['InAppMessaging'], output: { InAppMessaging: { Enabled: true } } } } });
    const interactions = await sandbox.run(['add', 'interactions', '--yes']);
    expect(interactions.exitCode).toBe(0);
    const [botResource] = Object.keys(meta().interactions);
    expect(sandbox.readJson(`amplify/backend/interactions/${botResource}/lex-params.json`)).toMatchObject({ botName: 'BookTrip', sessionTimeout: 5 });
    const status = await sandbox.run(['status']);
    for (const row of [/\| Analytics +\| engage +\| Create/, /\| Notifications +\| engage +\| Create/, /\| Interactions +\| lex\w+ +\| Create/]) expect(status.stdout).toMatch(row);
  });

  test('push deploys all three; the frontend keys are the deployed outputs', async () => {
    const result = await sandbox.run(['push', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const deployed = meta();
    const app = deployed.analytics.engage.output!;
    expect(app.Id).toMatch(/^[0-9a-f]{32}$/);
    expect(deployed.notifications.engage.output).toMatchObject({ Id: app.Id, Region: 'us-east-1' });
    const bot = Object.values(deployed.interactions)[0].output!;
    expect(bot).toMatchObject({ BotName: 'BookTrip_dev', Region: 'us-east-1', BotLocaleId: 'en_US' });
    const exports = sandbox.awsExports();
    const pinpoint = { AWSPinpoint: { appId: app.Id, region: 'us-east-1' } };
    expect(exports).toMatchObject({
      aws_mobile_analytics_app_id: app.Id,
      aws_mobile_analytics_app_region: 'us-east-1',
      Analytics: pinpoint,
      Notifications: { InAppMessaging: pinpoint },
      aws_bots: 'enable',
      aws_bots_config: [{ name: 'BookTrip_dev', alias: '$LATEST', region: 'us-east-1', botId: bot.BotId, aliasId: bot.BotAliasId, localeId: 'en_US' }],
    });
  });

  test('aws-amplify 6 takes the config; its record() lands in the local cloud, shown by `local-cloud events`, and syncMessages() fetches in-app messages', async () => {
    const script = recordScript(sandbox.app, sandbox.root, sandbox.cloud);
    // Asynchronously: the local cloud runs in this process and must keep answering while the script waits.
    const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: sandbox.app, encoding: 'utf8', timeout: 60_000 });
    const { config, calls, identityId } = JSON.parse(stdout) as {
      config: { Analytics: unknown; Notifications: unknown; Interactions: { LexV1: Record<string, unknown> } };
      calls: Array<{ method: string; path: string; status: number; eventTypes: string[]; accessKeyId: string }>;
      identityId: string;
    };
    // The calls are signed with the guest identity's temporary credentials, never with the instance's key.
    expect(identityId).toMatch(/^us-east-1:/);
    const instanceKey = sandbox.cloud.credentials.accessKeyId;
    for (const call of calls) expect(call.accessKeyId).toMatch(/^ASIA/);
    expect(calls.map((call) => call.accessKeyId)).not.toContain(instanceKey);
    const appId = meta().analytics.engage.output!.Id;
    expect(config.Analytics).toEqual({ Pinpoint: { appId, region: 'us-east-1' } });
    expect(config.Notifications).toEqual({ InAppMessaging: { Pinpoint: { appId, region: 'us-east-1' } } });
    expect(Object.keys(config.Interactions.LexV1)).toEqual(['BookTrip_dev']);
    expect(calls).toContainEqual({ method: 'POST', path: `/v1/apps/${appId}/events`, status: 202, eventTypes: expect.arrayContaining(['e2eCheckout']), accessKeyId: expect.any(String) });
    expect(calls).toContainEqual({ method: 'GET', path: expect.stringMatching(new RegExp(`^/v1/apps/${appId}/endpoints/[^/]+/inappmessages$`)), status: 200, eventTypes: [], accessKeyId: expect.any(String) });
    const shown = await sandbox.run(['local-cloud', 'events', '--data-dir', sandbox.cloud.dataDir]);
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`app ${appId}  endpoint \\S+  e2eCheckout  item=roses`));
  });

  test('the deployed BookTrip sample answers RecognizeText from its intents, slots echoed and elicited', async () => {
    const bot = Object.values(meta().interactions)[0].output!;
    const { SignatureV4 } = require('@smithy/signature-v4') as typeof import('@smithy/signature-v4');
    const { Sha256 } = require('@aws-crypto/sha256-js') as typeof import('@aws-crypto/sha256-js');
    const endpoint = new URL(sandbox.cloud.endpoint);
    const signer = new SignatureV4({ credentials: sandbox.cloud.credentials, region: 'us-east-1', service: 'lex', sha256: Sha256 });
    const say = async (text: string): Promise<{ sessionState: { dialogAction: { type: string; slotToElicit?: string }; intent: { name: string; slots: Record<string, unknown> } }; messages?: Array<{ content: string }> }> => {
      const requestPath = `/bots/${bot.BotId}/botAliases/${bot.BotAliasId}/botLocales/${bot.BotLocaleId}/sessions/e2e/text`;
      const body = JSON.stringify({ text });
      const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: endpoint.hostname, port: Number(endpoint.port), path: requestPath, headers: { host: endpoint.host, 'content-type': 'application/json' }, body });
      const response = await fetch(`${endpoint.origin}${requestPath}`, { method: 'POST', headers: signed.headers, body });
      expect(response.status).toBe(200);
      return (await response.json()) as never;
    };
    const first = await say('Book a 3 night stay in Seattle');
    expect(first.sessionState.intent).toMatchObject({ name: 'BookHotel', slots: { Nights: { value: { interpretedValue: '3' } }, Location: { value: { interpretedValue: 'Seattle' } }, CheckInDate: null } });
    expect(first.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CheckInDate' });
    expect(first.messages?.[0].content).toBe('What day do you want to check in?');
  });

  test('status shows No Change after the push', async () => {
    const status = await sandbox.run(['status']);
    expect(status.stdout).not.toMatch(/Create|Update|Delete/);
    expect(status.stdout).toMatch(/\| Analytics +\| engage +\| No Change/);
  });

  test('a Kinesis stream added headless deploys; a bad request names the field', async () => {
    const bad = await sandbox.run(['add', 'analytics', '--headless'], JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'Kinesis', shardCount: 0 } }));
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('serviceConfiguration.shardCount must be >= 1');
    const added = await sandbox.run(['add', 'analytics', '--headless'], JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'Kinesis', name: 'clicks', shardCount: 2 } }));
    expect(added.stderr).toBe('');
    expect(added.exitCode).toBe(0);
    expect((await sandbox.run(['push', '--yes'])).exitCode).toBe(0);
    expect(meta().analytics.clicks.output).toEqual({ kinesisStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks-dev', kinesisStreamId: 'clicks-dev', kinesisStreamShardCount: '2' });
  });

  test('env add deploys the three categories to a second env; checkout switches back with No Change', async () => {
    const devApp = meta().analytics.engage.output!.Id;
    const add = await sandbox.run(['env', 'add', '--envName', 'prod', '--providers', GENERAL_PROVIDERS, '--yes']);
    expect(add.exitCode).toBe(0);
    const prod = meta();
    expect(prod.analytics.engage.output!.Id).not.toBe(devApp);
    expect(prod.notifications.engage.output!.Id).toBe(prod.analytics.engage.output!.Id);
    expect(Object.values(prod.interactions)[0].output!.BotName).toBe('BookTrip_prod');
    expect(sandbox.awsExports().aws_mobile_analytics_app_id).toBe(prod.analytics.engage.output!.Id);
    expect((await sandbox.run(['env', 'checkout', 'dev'])).exitCode).toBe(0);
    expect(meta().analytics.engage.output!.Id).toBe(devApp);
    expect(sandbox.awsExports().aws_mobile_analytics_app_id).toBe(devApp);
    const status = await sandbox.run(['status']);
    expect(status.stdout).not.toMatch(/Create|Update|Delete/);
  });

  test('analytics cannot be removed while notifications use its app; removing each and pushing deletes their stacks', async () => {
    const blocked = await sandbox.run(['remove', 'analytics', 'engage', '--yes']);
    expect(blocked.exitCode).not.toBe(0);
    expect(blocked.stderr).toContain('notifications/engage');
    for (const [category, name] of [
      ['notifications', 'InAppMessaging'],
      ['interactions', Object.keys(meta().interactions)[0]],
      ['analytics', 'engage'],
      ['analytics', 'clicks'],
    ]) {
      const removed = await sandbox.run(['remove', category, name, '--yes']);
      expect(removed.stderr).toBe('');
      expect(removed.exitCode).toBe(0);
    }
    const pushed = await sandbox.run(['push', '--yes']);
    expect(pushed.exitCode).toBe(0);
    const after = meta();
    expect(after.analytics ?? {}).toEqual({});
    expect(after.notifications ?? {}).toEqual({});
    expect(after.interactions ?? {}).toEqual({});
    expect(sandbox.awsExports()).not.toHaveProperty('aws_mobile_analytics_app_id');
    expect(sandbox.awsExports()).not.toHaveProperty('aws_bots_config');
  });

  test('delete removes every env of the project from the cloud', async () => {
    const deleted = await sandbox.run(['delete', '--force']);
    expect(deleted.exitCode).toBe(0);
    expect(fs.existsSync(path.join(sandbox.app, 'amplify'))).toBe(false);
    const cfn = new CloudFormationClient(sandbox.sdkConfig);
    const live = (await cfn.send(new ListStacksCommand({}))).StackSummaries?.filter((stack) => stack.StackStatus !== 'DELETE_COMPLETE') ?? [];
    cfn.destroy();
    expect(live.map((stack) => stack.StackName)).toEqual([]);
  });
});
