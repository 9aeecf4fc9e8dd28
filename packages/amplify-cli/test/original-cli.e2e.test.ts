import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, DescribeStackResourcesCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { AmplifySandbox, findOriginalCli, OriginalCli, originalCiLines, originalWalkthroughs, projectProviders, readJson, type RunResult } from 'amplify-test-support';

/**
 * The original Amplify CLI (`@aws-amplify/cli-internal` 14.2.2) against this repository's local cloud, as its CI
 * lines drive it: init, add auth / S3 / table / function / REST / GraphQL, push, status, codegen, env add + push,
 * env checkout and pull, pull into a fresh clone by app id, S3AndCloudFront hosting and publish, env remove,
 * delete, and Amplify Console hosting (a manual deployment served at its branch) in a second project; every step must exit 0 and leave exactly the stacks the original expects. Then the cross-tool round trip:
 * a project the original deployed is pulled (with `--appId`, into a fresh folder) and pushed by this amplify and read
 * back by the original; one this amplify made is pulled by the original with `--appId`.
 *
 * Opt-in: the original is about 1.4 GB. It runs when `AMPLIFY_ORIGINAL_CLI` names its binary or when it is installed
 * in the cache folder (`node scripts/bench/versus-original.js --install`); otherwise it is skipped, saying why.
 * It lives with the CLI's tests because it drives both binaries and needs the test-support package.
 */
jest.setTimeout(300_000);

const location = findOriginalCli();
const describeWithOriginal = location.type === 'found' ? describe : describe.skip;
if (location.type === 'missing') {
  // eslint-disable-next-line no-console -- the reason a skipped opt-in suite gives.
  console.log(`original-cli.e2e: skipped, ${location.reason}`);
}

const SCHEMA = 'type Todo @model @auth(rules: [{ allow: public }]) {\n  id: ID!\n  name: String!\n}\n';

const operations = (status: string): string[] => [...status.matchAll(/[│|] (Create|Update|Delete|No Change) +[│|]/g)].map((match) => match[1]);

interface LiveStack {
  name: string;
  status: string;
}

describeWithOriginal('the original Amplify CLI against the local cloud', () => {
  let sandbox: AmplifySandbox;
  let original: OriginalCli;
  let cfn: CloudFormationClient;
  let app: string;
  let callLog: string;
  const callsByStep: { step: string; calls: string[] }[] = [];
  let callLines = 0;

  /** Runs one step of the original, expects exit 0 and records the calls it made. */
  async function step(name: string, run: () => Promise<RunResult & { unanswered?: number }>): Promise<RunResult> {
    const result = await run();
    const lines = fs.existsSync(callLog) ? fs.readFileSync(callLog, 'utf8').trim().split('\n') : [];
    const calls = lines.slice(callLines).map((line) => {
      const call = JSON.parse(line) as { service: string; operation: string; status: number };
      // Bucket names and object keys vary per run; which S3 operation it was is what the record is for.
      const operation = call.service === 's3' ? call.operation.replace(/ \/[^/?]+(?:\/([^?]*))?/, (_all, key?: string) => (key ? ' /<bucket>/<key>' : ' /<bucket>/')) : call.operation;
      return `${call.service} ${operation} ${call.status}`;
    });
    callLines = lines.length;
    callsByStep.push({ step: name, calls: [...new Set(calls)].sort() });
    if (result.exitCode !== 0 || (result.unanswered ?? 0) > 0) {
      throw new Error(`${name} exited ${result.exitCode}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    }
    return result;
  }

  async function liveStacks(): Promise<LiveStack[]> {
    const summaries = (await cfn.send(new ListStacksCommand({}))).StackSummaries ?? [];
    return summaries.filter((stack) => stack.StackStatus !== 'DELETE_COMPLETE').map((stack) => ({ name: stack.StackName!, status: stack.StackStatus! }));
  }

  /** The root stack of `env` and its nested stacks: one per resource in amplify-meta.json, as the original expects. */
  async function expectStacksOf(dir: string, env: string): Promise<void> {
    const teamProviderInfo = readJson<Record<string, { awscloudformation: { StackName: string } }>>(path.join(dir, 'amplify', 'team-provider-info.json'));
    const root = teamProviderInfo[env].awscloudformation.StackName;
    const meta = readJson<Record<string, Record<string, { providerPlugin?: string }>>>(path.join(dir, 'amplify', 'backend', 'amplify-meta.json'));
    const expected = Object.entries(meta)
      .filter(([category]) => category !== 'providers')
      .flatMap(([category, resources]) => Object.keys(resources).map((resource) => `${category}${resource}`))
      .sort();
    const nested = ((await cfn.send(new DescribeStackResourcesCommand({ StackName: root }))).StackResources ?? [])
      .filter((resource) => resource.ResourceType === 'AWS::CloudFormation::Stack')
      .map((resource) => resource.LogicalResourceId!)
      .sort();
    expect(nested).toEqual(expected);
    const ofEnv = (await liveStacks()).filter((stack) => stack.name === root || stack.name.startsWith(`${root}-`));
    expect(ofEnv.every((stack) => stack.status.endsWith('_COMPLETE') && !stack.status.includes('ROLLBACK'))).toBe(true);
    for (const logicalId of expected) expect(ofEnv.some((stack) => stack.name.startsWith(`${root}-${logicalId}-`))).toBe(true);
  }

  const appId = (dir: string): string =>
    readJson<{ providers: { awscloudformation: { AmplifyAppId: string } } }>(path.join(dir, 'amplify', 'backend', 'amplify-meta.json')).providers.awscloudformation.AmplifyAppId;

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const found = location as Extract<typeof location, { type: 'found' }>;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'original-cli-calls-'));
    callLog = path.join(root, 'calls.jsonl');
    sandbox = await AmplifySandbox.start({ callLog });
    cfn = new CloudFormationClient(sandbox.sdkConfig);
    original = new OriginalCli(found, path.join(sandbox.root, 'original-home'), sandbox.cloud);
    await original.prepare();
    app = path.join(sandbox.root, 'orig');
    fs.mkdirSync(app);
  });

  afterAll(async () => {
    cfn?.destroy();
    if (callsByStep.length > 0) {
      // eslint-disable-next-line no-console -- the record of what the original asked of the local cloud, per step.
      console.log(callsByStep.map(({ step: name, calls }) => `${name}:\n  ${calls.join('\n  ')}`).join('\n'));
    }
    await sandbox?.close();
  });

  test('headless init creates the Amplify app, the backend environment and the root stack', async () => {
    await step('init', () => original.run(app, originalCiLines.init(sandbox.cloud, 'origp', 'dev')));
    expect(appId(app)).toMatch(/^d[a-z0-9]+$/);
    await expectStacksOf(app, 'dev');
  });

  test('adds auth, S3 storage and a GraphQL API headless, and a function, a REST API and a table by their walkthroughs', async () => {
    await step('add auth --headless', () => original.run(app, ['add', 'auth', '--headless'], originalCiLines.addAuth('origauth')));
    await step('add storage --headless (S3)', () => original.run(app, ['add', 'storage', '--headless'], originalCiLines.addS3Storage('files')));
    await step('add api --headless (GraphQL)', () => original.run(app, ['add', 'api', '--headless'], originalCiLines.addGraphQlApi('origapi', SCHEMA)));
    await step('add function', () => original.walk(app, ['add', 'function'], originalWalkthroughs.function('origfn')));
    await step('add api (REST)', () => original.walk(app, ['add', 'api'], originalWalkthroughs.restApi('origrest')));
    await step('add storage (DynamoDB)', () => original.walk(app, ['add', 'storage'], originalWalkthroughs.dynamoTable('origtable')));
    const status = await step('status', () => original.run(app, ['status']));
    expect(status.stdout.match(/│ Create /g)).toHaveLength(6);
  });

  test('push deploys one nested stack per resource, and status then shows No Change', async () => {
    await step('push', () => original.run(app, ['push', '--yes']));
    await expectStacksOf(app, 'dev');
    const status = await step('status', () => original.run(app, ['status']));
    expect(status.stdout.match(/│ No Change /g)).toHaveLength(6);
    const again = await step('push (no changes)', () => original.run(app, ['push', '--yes']));
    expect(again.stdout).toContain('No changes detected');
  });

  test('codegen downloads the deployed schema and generates the operations', async () => {
    await step('codegen', () => original.run(app, ['codegen']));
    expect(fs.readFileSync(path.join(app, 'src', 'graphql', 'queries.js'), 'utf8')).toContain('listTodos');
    // The introspection schema goes where the project's .graphqlconfig.yml says.
    const schemaPath = /schemaPath: (\S+)/.exec(fs.readFileSync(path.join(app, '.graphqlconfig.yml'), 'utf8'))?.[1];
    expect(JSON.parse(fs.readFileSync(path.join(app, schemaPath ?? 'schema.json'), 'utf8'))).toHaveProperty('data.__schema');
  });

  test('env add + push deploys a second environment; env checkout and env pull return to the first', async () => {
    await step('env add prod', () => original.run(app, originalCiLines.envAdd(sandbox.cloud, 'prod')));
    await step('push (prod)', () => original.run(app, ['push', '--yes']));
    await expectStacksOf(app, 'prod');
    await step('env checkout dev', () => original.run(app, ['env', 'checkout', 'dev']));
    await step('env pull', () => original.run(app, ['env', 'pull', '--yes']));
    const status = await step('status (dev)', () => original.run(app, ['status']));
    expect(status.stdout).toContain('Current Environment: dev');
    expect(status.stdout.match(/│ No Change /g)).toHaveLength(6);
  });

  test('pull --appId --envName brings the deployed backend into a fresh folder', async () => {
    const clone = path.join(sandbox.root, 'orig-clone');
    fs.mkdirSync(clone);
    await step('pull --appId (fresh clone)', () => original.run(clone, originalCiLines.pull(sandbox.cloud, appId(app), 'origp', 'dev')));
    const status = await step('status (clone)', () => original.run(clone, ['status']));
    expect(status.stdout.match(/│ No Change /g)).toHaveLength(6);
  });

  test('a project the original deployed is pulled and pushed by this amplify, and the original reads the change back', async () => {
    const origin = path.join(sandbox.root, 'trip-original');
    fs.mkdirSync(origin);
    await step('round trip: init', () => original.run(origin, originalCiLines.init(sandbox.cloud, 'tripa', 'dev')));
    await step('round trip: add auth --headless', () => original.run(origin, ['add', 'auth', '--headless'], originalCiLines.addAuth('tripauth')));
    await step('round trip: add storage --headless', () => original.run(origin, ['add', 'storage', '--headless'], originalCiLines.addS3Storage('tripfiles')));
    await step('round trip: add api --headless', () => original.run(origin, ['add', 'api', '--headless'], originalCiLines.addGraphQlApi('tripapi', SCHEMA)));
    await step('round trip: push', () => original.run(origin, ['push', '--yes']));

    const pulledDir = path.join(sandbox.root, 'trip-pulled');
    fs.mkdirSync(pulledDir);
    const frontend = JSON.stringify({ frontend: 'javascript', framework: 'react' });
    const pulled = await sandbox.run(pulledDir, ['pull', '--appId', appId(origin), '--envName', 'dev', '--frontend', frontend, '--providers', projectProviders(sandbox.cloud), '--yes']);
    expect(pulled.exitCode).toBe(0);
    expect(operations((await sandbox.run(pulledDir, ['status'])).stdout)).toEqual(['No Change', 'No Change', 'No Change']);
    const schemaFile = path.join(pulledDir, 'amplify', 'backend', 'api', 'tripapi', 'schema.graphql');
    fs.writeFileSync(schemaFile, fs.readFileSync(schemaFile, 'utf8').replace('name: String!', 'name: String!\n  done: Boolean'));
    const pushed = await sandbox.run(pulledDir, ['push', '--yes']);
    expect(pushed.exitCode).toBe(0);

    await step('round trip: pull (the change made by this amplify)', () => original.run(origin, ['pull', '--yes']));
    expect(fs.readFileSync(path.join(origin, 'amplify', 'backend', 'api', 'tripapi', 'schema.graphql'), 'utf8')).toContain('done: Boolean');
    expect(operations((await step('round trip: status', () => original.run(origin, ['status']))).stdout)).toEqual(['No Change', 'No Change', 'No Change']);
    await step('round trip: delete', () => original.run(origin, ['delete', '--force']));
  });

  test('a project this amplify made and pushed is pulled by the original with --appId, which pushes a change this amplify pulls back', async () => {
    const origin = path.join(sandbox.root, 'trip-ours');
    fs.mkdirSync(origin);
    const ours = (args: string[], stdin?: string) => sandbox.run(origin, args, stdin);
    for (const [args, stdin] of [
      [originalCiLines.init(sandbox.cloud, 'tripb', 'dev'), undefined],
      [['add', 'auth', '--headless'], originalCiLines.addAuth('tripbauth')],
      [['add', 'storage', '--headless'], originalCiLines.addS3Storage('tripbfiles')],
      [['add', 'api', '--headless'], originalCiLines.addGraphQlApi('tripbapi', SCHEMA)],
      [['push', '--yes'], undefined],
    ] as const) {
      const result = await ours([...args], stdin);
      if (result.exitCode !== 0) throw new Error(`this amplify ${args.join(' ')} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
    }
    const clone = path.join(sandbox.root, 'trip-ours-pulled');
    fs.mkdirSync(clone);
    await step('round trip: pull --appId (a project of this amplify)', () => original.run(clone, originalCiLines.pull(sandbox.cloud, appId(origin), 'tripb', 'dev')));
    const schemaFile = path.join(clone, 'amplify', 'backend', 'api', 'tripbapi', 'schema.graphql');
    expect(fs.readFileSync(schemaFile, 'utf8')).toContain('type Todo');
    // Its status here still reads Update for all three (its rebuild differs from our build/ files byte for byte).
    await step('round trip: status after pull --appId', () => original.run(clone, ['status']));

    // The original pushes a change to it, and this amplify pulls the change back with nothing left to push.
    fs.writeFileSync(schemaFile, fs.readFileSync(schemaFile, 'utf8').replace('name: String!', 'name: String!\n  done: Boolean'));
    await step('round trip: push (the original, a project of this amplify)', () => original.run(clone, ['push', '--yes']));
    expect(operations((await step('round trip: status after its push', () => original.run(clone, ['status']))).stdout)).toEqual(['No Change', 'No Change', 'No Change']);
    const pulled = await ours(['pull', '--yes']);
    if (pulled.exitCode !== 0) throw new Error(`this amplify pull exited ${pulled.exitCode}:\n${pulled.stdout}\n${pulled.stderr}`);
    expect(fs.readFileSync(path.join(origin, 'amplify', 'backend', 'api', 'tripbapi', 'schema.graphql'), 'utf8')).toContain('done: Boolean');
    expect(operations((await ours(['status'])).stdout)).toEqual(['No Change', 'No Change', 'No Change']);
    expect((await ours(['delete', '--force'])).exitCode).toBe(0);
  });

  test('S3AndCloudFront hosting: add, publish, and the site is served at the hosting endpoint', async () => {
    await step('add hosting (S3AndCloudFront)', () => original.walk(app, ['add', 'hosting'], originalWalkthroughs.s3AndCloudFrontHosting()));
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'origp', version: '1.0.0', scripts: { build: 'node -e "require(\'fs\').mkdirSync(\'dist\',{recursive:true});require(\'fs\').writeFileSync(\'dist/index.html\',\'<h1>published by the original</h1>\')"', start: 'true' } }),
    );
    const published = await step('publish', () => original.run(app, ['publish', '--yes']));
    const site = /Hosting endpoint: (\S+)|(https?:\/\/\S+\/_cloudfront\/[A-Z0-9]+)/.exec(published.stdout);
    expect(site).not.toBeNull();
    const url = (site![1] ?? site![2]).replace(/^https:/, 'http:');
    expect(await (await fetch(`${url}/`)).text()).toContain('published by the original');
  });

  test('env remove deletes the environment\'s stacks, delete deletes the rest and the app', async () => {
    const prodRoot = readJson<Record<string, { awscloudformation: { StackName: string } }>>(path.join(app, 'amplify', 'team-provider-info.json')).prod.awscloudformation.StackName;
    await step('env remove prod', () => original.run(app, ['env', 'remove', 'prod', '--force']));
    expect((await liveStacks()).filter((stack) => stack.name.startsWith(prodRoot))).toEqual([]);
    await step('delete', () => original.run(app, ['delete', '--force']));
    expect(await liveStacks()).toEqual([]);
  });

  test('Amplify Console hosting: a second project adds it, publish deploys the build to the branch, which serves it', async () => {
    const hosted = path.join(sandbox.root, 'hosted');
    fs.mkdirSync(hosted);
    await step('init (hosted)', () => original.run(hosted, originalCiLines.init(sandbox.cloud, 'hostp', 'dev')));
    await step('add hosting (Amplify Console, manual)', () => original.walk(hosted, ['add', 'hosting'], originalWalkthroughs.amplifyConsoleHosting()));
    fs.writeFileSync(
      path.join(hosted, 'package.json'),
      JSON.stringify({ name: 'hostp', version: '1.0.0', scripts: { build: 'node -e "require(\'fs\').mkdirSync(\'dist\',{recursive:true});require(\'fs\').writeFileSync(\'dist/index.html\',\'<h1>deployed to the branch</h1>\')"', start: 'true' } }),
    );
    const published = await step('publish (Amplify Console)', () => original.run(hosted, ['publish', '--yes']));
    expect(published.stdout).toContain(`https://dev.${appId(hosted)}.amplifyapp.com`);
    // The local cloud serves a branch's last deployment at <endpoint>/_amplifyapp/<appId>/<branch>/.
    expect(await (await fetch(`${sandbox.cloud.endpoint}/_amplifyapp/${appId(hosted)}/dev/`)).text()).toContain('deployed to the branch');
    expect(operations((await step('status (hosted)', () => original.run(hosted, ['status']))).stdout)).toEqual(['No Change']);
    await step('delete (hosted)', () => original.run(hosted, ['delete', '--force']));
    expect(await liveStacks()).toEqual([]);
  });
});
