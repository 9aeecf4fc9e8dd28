import * as fs from 'fs';
import * as path from 'path';
import { GetLayerVersionPolicyCommand, InvokeCommand, LambdaClient, ListLayerVersionsCommand } from '@aws-sdk/client-lambda';
import { AMPLIFY_BIN, AmplifySandbox, KEY, readJson, runInTerminal } from 'amplify-test-support';

/**
 * Lambda layers on the built binary against a local cloud started here: a layer with an npm dependency (installed at
 * push into lib/nodejs) and a module under opt/, a function using its latest version, push, and a Lambda Invoke
 * whose `require`s resolve from the layer; new permissions alone publish no new version, new content does, and a
 * function pinned to the first version keeps running it. The steps share one project and run in order.
 */
jest.setTimeout(300_000);

interface ResourceMeta {
  service?: string;
  build?: boolean;
  providerPlugin?: string;
  dependsOn?: unknown[];
  output?: Record<string, string>;
  latestPushedVersionHash?: string;
  distZipFilename?: string;
}

const GREETER = (greeting: string) => `exports.greet = (name) => '${greeting} ' + name;\n`;
const HANDLER = `exports.handler = async () => ({ greeting: require('greeter').greet('layer'), isNumber: require('is-number')(5) });\n`;

describe('amplify function layers (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  let lambda: LambdaClient;
  let app: string;
  const layer = 'layerappshared';
  const meta = (): { function: Record<string, ResourceMeta> } => readJson(path.join(app, 'amplify', 'backend', 'amplify-meta.json'));
  const resourceDir = (name: string): string => path.join(app, 'amplify', 'backend', 'function', name);
  const run = (args: string[], stdin?: string) => sandbox.run(app, args, stdin);

  async function invoke(functionName: string): Promise<unknown> {
    const result = await lambda.send(new InvokeCommand({ FunctionName: `${functionName}-dev` }));
    const payload = Buffer.from(result.Payload ?? new Uint8Array()).toString('utf8');
    expect(result.FunctionError).toBeUndefined();
    return JSON.parse(payload);
  }

  async function push(): Promise<string> {
    const result = await run(['push', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    return result.stdout;
  }

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    sandbox = await AmplifySandbox.start();
    lambda = new LambdaClient(sandbox.sdkConfig);
    app = sandbox.createApp('layerapp');
    expect((await sandbox.init(app)).exitCode).toBe(0);
  });

  afterAll(async () => {
    lambda?.destroy();
    await sandbox?.close();
  });

  test('without a TTY, adding a function or layer fails at once and writes nothing', async () => {
    const result = await run(['add', 'function']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/Select which capability you want to add.*without a terminal/);
    expect(fs.existsSync(path.join(app, 'amplify', 'backend', 'function'))).toBe(false);
  });

  test('add --headless with layerName writes the layer in the original shape', async () => {
    const result = await run(['add', 'function', '--headless'], JSON.stringify({ version: 1, layerName: 'shared' }));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(meta().function[layer]).toEqual({ providerPlugin: 'awscloudformation', service: 'LambdaLayer', build: true });
    const dir = resourceDir(layer);
    expect(readJson(path.join(dir, 'layer-configuration.json'))).toEqual({
      permissions: [{ type: 'Private' }],
      runtimes: [{ value: 'nodejs', name: 'NodeJS', runtimePluginId: 'amplify-nodejs-function-runtime-provider', layerExecutablePath: 'nodejs' }],
    });
    expect(readJson(path.join(dir, 'parameters.json'))).toEqual({ runtimes: ['nodejs22.x'] });
    expect(fs.readFileSync(path.join(dir, 'lib', 'nodejs', 'README.txt'), 'utf8')).toContain('Replace this file with your layer files');
    expect(fs.statSync(path.join(dir, 'opt')).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(dir, `${layer}-awscloudformation-template.json`))).toBe(true);
  });

  test('a function using the layer (latest version) is pushed with it, and its requires resolve from the layer', async () => {
    const dir = resourceDir(layer);
    fs.writeFileSync(path.join(dir, 'lib', 'nodejs', 'package.json'), JSON.stringify({ name: 'shared', version: '1.0.0', dependencies: { 'is-number': '7.0.0' } }));
    fs.mkdirSync(path.join(dir, 'opt', 'nodejs', 'node_modules', 'greeter'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'opt', 'nodejs', 'node_modules', 'greeter', 'index.js'), GREETER('hello'));
    const add = await run(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'useslayer', lambdaLayers: [{ type: 'ProjectLayer', resourceName: layer }] }));
    expect(add.stderr).toBe('');
    expect(add.exitCode).toBe(0);
    fs.writeFileSync(path.join(resourceDir('useslayer'), 'src', 'index.js'), HANDLER);
    expect(meta().function.useslayer.dependsOn).toEqual([{ category: 'function', resourceName: layer, attributes: ['Arn'] }]);
    expect(readJson<{ lambdaLayers: unknown }>(path.join(resourceDir('useslayer'), 'function-parameters.json')).lambdaLayers).toEqual([
      { type: 'ProjectLayer', resourceName: layer, env: 'dev', version: 'Always choose latest version', isLatestVersionSelected: true },
    ]);

    await push();
    expect(fs.existsSync(path.join(dir, 'lib', 'nodejs', 'node_modules', 'is-number'))).toBe(true);
    const layerMeta = meta().function[layer];
    expect(layerMeta.output?.Arn).toMatch(new RegExp(`:layer:${layer}-dev:1$`));
    expect(layerMeta.latestPushedVersionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await invoke('useslayer')).toEqual({ greeting: 'hello layer', isNumber: true });
  });

  test('new permissions alone publish no new version; the policy says who may use it', async () => {
    const update = await run(['update', 'function', '--headless'], JSON.stringify({ version: 1, layerName: layer, permissions: [{ type: 'AwsAccounts', accounts: ['123456789012'] }] }));
    expect(update.stderr).toBe('');
    expect(update.exitCode).toBe(0);
    expect(await push()).not.toContain('Content changes in Lambda layer');
    expect(meta().function[layer].output?.Arn).toMatch(/:1$/);
    const { Policy } = await lambda.send(new GetLayerVersionPolicyCommand({ LayerName: `${layer}-dev`, VersionNumber: 1 }));
    const principals = (JSON.parse(Policy!) as { Statement: Array<{ Principal: unknown }> }).Statement.map((statement) => statement.Principal);
    expect(principals).toEqual(expect.arrayContaining([{ AWS: 'arn:aws:iam::123456789012:root' }]));
    expect(principals).toHaveLength(2);
  });

  test('new content publishes version 2, used by the latest-version function; a function pinned to 1 keeps it', async () => {
    const pinned = await run(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'pinned', lambdaLayers: [{ type: 'ProjectLayer', resourceName: layer, version: 1 }] }));
    expect(pinned.exitCode).toBe(0);
    fs.writeFileSync(path.join(resourceDir('pinned'), 'src', 'index.js'), HANDLER);
    fs.writeFileSync(path.join(resourceDir(layer), 'opt', 'nodejs', 'node_modules', 'greeter', 'index.js'), GREETER('bonjour'));
    const hashBefore = meta().function[layer].latestPushedVersionHash;

    expect(await push()).toContain(`Content changes in Lambda layer ${layer} detected: this push publishes a new version.`);
    expect(meta().function[layer].output?.Arn).toMatch(new RegExp(`:layer:${layer}-dev:2$`));
    expect(meta().function[layer].latestPushedVersionHash).not.toBe(hashBefore);
    expect(await invoke('useslayer')).toEqual({ greeting: 'bonjour layer', isNumber: true });
    expect(await invoke('pinned')).toEqual({ greeting: 'hello layer', isNumber: true });
    const { LayerVersions = [] } = await lambda.send(new ListLayerVersionsCommand({ LayerName: `${layer}-dev` }));
    expect(LayerVersions.map((version) => version.Version)).toEqual([2, 1]);
    expect(LayerVersions[0].CompatibleRuntimes).toEqual(['nodejs22.x']);
  });

  test('function build packages a layer named on the command line', async () => {
    const result = await run(['function', 'build', layer]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(meta().function[layer].distZipFilename).toMatch(new RegExp(`^${layer}-[0-9a-f]{20}-build\\.zip$`));
  });

  test('a local invoke finds the modules of the layers in the project folder', async () => {
    const result = await run(['function', 'invoke', 'useslayer']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('"greeting": "bonjour layer"');
    expect(result.stdout).toContain('"isNumber": true');
  });

  test('interactive add in a terminal: a layer shared with an account, then a function choosing it and an external ARN', async () => {
    const layerAdd = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} add function`,
      [
        { question: /Select which capability you want to add/, keys: KEY.down + KEY.enter },
        { question: /Provide a name for your Lambda layer/, keys: '\u0015my-tools' + KEY.enter },
        { question: /1-87 alphanumeric characters/, keys: '\u0015tools' + KEY.enter },
        { question: /Optionally, configure who else can access this layer/, keys: ' ' + KEY.enter },
        { question: /comma-separated AWS account IDs/, keys: '12345' + KEY.enter },
        { question: /12345 did not match the criteria/, keys: '\u0015210987654321' + KEY.enter },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(layerAdd.unanswered).toBe(0);
    expect(layerAdd.exitCode).toBe(0);
    expect(layerAdd.stdout).toContain('Move your libraries to the following folder:');
    expect(readJson<{ permissions: unknown }>(path.join(resourceDir('layerapptools'), 'layer-configuration.json')).permissions).toEqual([
      { type: 'AwsAccounts', accounts: ['210987654321'] },
      { type: 'Private' },
    ]);

    const external = 'arn:aws:lambda:us-east-1:123456789012:layer:external:3';
    const functionAdd = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} add function`,
      [
        { question: /Select which capability you want to add/, keys: KEY.enter },
        { question: /Provide an AWS Lambda function name/, keys: '\u0015termfn' + KEY.enter },
        { question: /Choose the function template/, keys: KEY.enter },
        { question: /configure advanced settings/, keys: 'y' + KEY.enter },
        { question: /access other resources in this project/, keys: KEY.enter },
        { question: /invoke this function on a recurring schedule/, keys: KEY.enter },
        { question: /enable Lambda layers for this function/, keys: 'y' + KEY.enter },
        // The choices: the ARN entry, then the project's layers (layerappshared, layerapptools); the ARN entry and the shared one.
        { question: /select layers in this project/, keys: ' ' + KEY.down + ' ' + KEY.enter },
        { question: /Select a version for layerappshared/, keys: KEY.down + KEY.enter },
        { question: /Enter up to 4 existing Lambda layer ARNs/, keys: external + KEY.enter },
        { question: /configure environment variables/, keys: KEY.enter },
        { question: /edit the local lambda function now/, keys: KEY.enter },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(functionAdd.unanswered).toBe(0);
    expect(functionAdd.exitCode).toBe(0);
    // The first version listed after "latest" is the newest one, 2.
    expect(readJson<{ lambdaLayers: unknown }>(path.join(resourceDir('termfn'), 'function-parameters.json')).lambdaLayers).toEqual([
      { type: 'ProjectLayer', resourceName: layer, env: 'dev', version: 2, isLatestVersionSelected: false },
      { type: 'ExternalLayer', arn: external },
    ]);
  });

  test('interactive update of a layer: its permissions, with the current ones as defaults', async () => {
    const result = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} update function layerapptools`,
      [
        { question: /adjust layer version permissions/, keys: KEY.enter },
        // Specific AWS accounts is checked already; down twice to Public, which replaces every other grant.
        { question: /Optionally, configure who else can access this layer/, keys: KEY.down + KEY.down + ' ' + KEY.enter },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully updated resource layerapptools locally.');
    expect(readJson<{ permissions: unknown }>(path.join(resourceDir('layerapptools'), 'layer-configuration.json')).permissions).toEqual([{ type: 'Public' }]);
  });

  test('the layer cannot be removed while functions use it', async () => {
    const result = await run(['remove', 'function', layer, '--yes']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('useslayer');
    expect(meta().function[layer]).toBeDefined();
  });

  test('once no function uses it, the layer is removed; its stack deletes the current version and the retained one stays', async () => {
    for (const functionName of ['useslayer', 'pinned']) {
      const update = await run(['update', 'function', '--headless'], JSON.stringify({ version: 1, functionName, lambdaLayers: [] }));
      expect(update.exitCode).toBe(0);
    }
    expect((await run(['remove', 'function', 'termfn', '--yes'])).exitCode).toBe(0);
    const removal = await run(['remove', 'function', layer, '--yes']);
    expect(removal.stderr).toBe('');
    expect(removal.exitCode).toBe(0);
    await push();
    expect(meta().function[layer]).toBeUndefined();
    const { LayerVersions = [] } = await lambda.send(new ListLayerVersionsCommand({ LayerName: `${layer}-dev` }));
    expect(LayerVersions.map((version) => version.Version)).toEqual([1]);
  });
});
