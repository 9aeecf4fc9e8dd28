import * as fs from 'fs';
import * as path from 'path';
import { createPrompter, getResourceOutputs, stateManager } from 'amplify-cli-core';
import type { ExeInfo, ProjectConfig } from 'amplify-cli-core';
import { makeTempDir, metaOf, removeDir, scriptedPrompter, testContext, writeProject } from 'amplify-test-support';
import { configure, createFrontendConfigs, deleteConfig, init, publish, scanProject } from '../index';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'projects', name);

function projectConfig(block: unknown = { config: { ResDir: 'app/src/main/res' } }): ProjectConfig {
  const config: ProjectConfig = { projectName: 'myapp', version: '3.0', frontend: 'android', providers: ['awscloudformation'] };
  return block === 'absent' ? config : { ...config, android: block };
}

function newExeInfo(root: string, inputParams: Record<string, unknown> = {}): ExeInfo {
  return {
    inputParams,
    localEnvInfo: { projectPath: root, envName: 'dev' },
    projectConfig: { projectName: 'myapp', version: '3.0', frontend: 'android', providers: ['awscloudformation'] },
  };
}

describe('scanProject', () => {
  it('scores 100 for a gradle root (Groovy or Kotlin scripts) and 0 otherwise', () => {
    expect(scanProject(fixture('gradle'))).toBe(100);
    expect(scanProject(fixture('gradle-kts'))).toBe(100);
    expect(scanProject(fixture('build-only'))).toBe(0);
  });
});

describe('android frontend plugin', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-android-');
  });
  afterEach(() => removeDir(root));

  const rawDir = () => path.join(root, 'app', 'src', 'main', 'res', 'raw');
  const readRaw = (name: string) => JSON.parse(fs.readFileSync(path.join(rawDir(), name), 'utf8'));

  it('init asks for the Res directory, with app/src/main/res as the default', async () => {
    const asked: string[] = [];
    const exeInfo = newExeInfo(root);
    const { context, printed } = testContext({ prompter: scriptedPrompter({}, asked), exeInfo });
    await init(context);
    expect(printed.info).toEqual(['Describe your project:']);
    expect(asked).toEqual(['Where is your Res directory: ']);
    expect(exeInfo.projectConfig?.android).toEqual({ config: { ResDir: 'app/src/main/res' } });
  });

  it('init takes --frontend config.ResDir, rejects a config without it, and fails without a terminal', async () => {
    const headless = newExeInfo(root, { android: { config: { ResDir: 'mobile/res' } } });
    await init(testContext({ exeInfo: headless }).context);
    expect(headless.projectConfig?.android).toEqual({ config: { ResDir: 'mobile/res' } });

    const broken = newExeInfo(root, { frontend: { frontend: 'android', config: {} } });
    await expect(init(testContext({ exeInfo: broken }).context)).rejects.toMatchObject({ code: 'InvalidHeadlessInput' });

    const prompter = createPrompter({ yes: false, isInteractive: () => false });
    await expect(init(testContext({ prompter, exeInfo: newExeInfo(root) }).context)).rejects.toMatchObject({
      code: 'NonInteractiveShell',
      resolution: expect.stringContaining('--frontend'),
    });
  });

  it('init refuses a --frontend ResDir outside the project, naming the setting and the fix', async () => {
    for (const [resDir, problem] of [
      ['../res', 'leads outside the project'],
      ['/tmp/res', 'is an absolute path'],
    ]) {
      const exeInfo = newExeInfo(root, { android: { config: { ResDir: resDir } } });
      await expect(init(testContext({ exeInfo }).context)).rejects.toMatchObject({
        code: 'InvalidHeadlessInput',
        message: `--frontend config.ResDir ${JSON.stringify(resDir)} ${problem}`,
        resolution: expect.stringContaining('inside the project'),
      });
    }
  });

  it('asks again when the Res directory answered is outside the project', async () => {
    let validate: ((answer: string) => unknown) | undefined;
    const prompter = { ...scriptedPrompter({}), input: async (options: { default?: string; validate?: (answer: string) => unknown }) => ((validate = options.validate), options.default ?? '') };
    await init(testContext({ prompter: prompter as unknown as ReturnType<typeof scriptedPrompter>, exeInfo: newExeInfo(root) }).context);
    expect(validate?.('app/src/main/res')).toBe(true);
    expect(validate?.('../res')).toBe('The Res directory must be inside the project, relative to its root: "../res" leads outside the project');
  });

  it('refuses a hand-edited ResDir outside the project before writing the config files', async () => {
    const project = path.join(root, 'app');
    const meta = metaOf();
    writeProject(project, projectConfig({ config: { ResDir: '../elsewhere' } }), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: project, envName: 'dev' } } });
    await expect(createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend)).rejects.toMatchObject({
      code: 'InvalidFrontendConfig',
      message: `android.config.ResDir "../elsewhere" in ${path.join(project, 'amplify', '.config', 'project-config.json')} leads outside the project`,
    });
    expect(fs.readdirSync(root)).toEqual(['app']);
  });

  it('writes both config files into <ResDir>/raw from the pushed outputs', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);
    const aws = readRaw('awsconfiguration.json');
    expect(aws.CognitoUserPool).toEqual({
      Default: { PoolId: 'eu-west-1_AbCdEf123', AppClientId: 'nativeclient1234567890ab', AppClientSecret: 'nativesecret', Region: 'eu-west-1' },
    });
    // Names come from the meta even though the core's outputs do not carry them.
    expect(aws.AppSync.Default.ClientDatabasePrefix).toBe('myappapi_API_KEY');
    const amplify = readRaw('amplifyconfiguration.json');
    expect(Object.keys(amplify.api.plugins.awsAPIPlugin)).toEqual(['myappapi', 'myrest']);
    expect(amplify.auth.plugins.awsCognitoAuthPlugin).toEqual(aws);
    expect(amplify.storage.plugins.awsS3StoragePlugin).toEqual({ bucket: 'myapp-photos123-dev', region: 'eu-west-1', defaultAccessLevel: 'guest' });
  });

  it('keeps hand-added blocks and the chosen S3 access level across regenerations', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    fs.mkdirSync(rawDir(), { recursive: true });
    fs.writeFileSync(path.join(rawDir(), 'awsconfiguration.json'), JSON.stringify({ Custom: { Default: { Flag: true } }, Lex: { old: {} } }));
    fs.writeFileSync(
      path.join(rawDir(), 'amplifyconfiguration.json'),
      JSON.stringify({ storage: { plugins: { awsS3StoragePlugin: { defaultAccessLevel: 'protected' } } }, geo: { plugins: {} } }),
    );
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    const outputs = getResourceOutputs(meta).outputsForFrontend;
    await createFrontendConfigs(context, outputs, outputs);
    const aws = readRaw('awsconfiguration.json');
    expect(aws.Custom).toEqual({ Default: { Flag: true } });
    expect(aws.Lex).toBeUndefined();
    const amplify = readRaw('amplifyconfiguration.json');
    expect(amplify.geo).toEqual({ plugins: {} });
    expect(amplify.storage.plugins.awsS3StoragePlugin.defaultAccessLevel).toBe('protected');
  });

  it('names the file and the fix for a broken config file or frontend block', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    fs.mkdirSync(rawDir(), { recursive: true });
    fs.writeFileSync(path.join(rawDir(), 'awsconfiguration.json'), '{ "UserAgent": ');
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    const outputs = getResourceOutputs(meta).outputsForFrontend;
    await expect(createFrontendConfigs(context, outputs)).rejects.toMatchObject({
      code: 'InvalidJson',
      message: expect.stringContaining(path.join(rawDir(), 'awsconfiguration.json')),
    });

    writeProject(root, projectConfig({ config: {} }), meta);
    await expect(createFrontendConfigs(context, outputs)).rejects.toMatchObject({
      code: 'InvalidFrontendConfig',
      message: `The "android" block of ${path.join(root, 'amplify', '.config', 'project-config.json')} lacks config.ResDir`,
    });
  });

  it('configure saves a new Res directory; deleteConfig removes the files; publish refuses', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    const { context } = testContext({
      prompter: scriptedPrompter({ 'Where is your Res directory: ': 'mobile/res' }),
      exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } },
    });
    await configure(context);
    expect(stateManager.getProjectConfig(root).android).toEqual({ config: { ResDir: 'mobile/res' } });
    await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);
    const mobileRaw = path.join(root, 'mobile', 'res', 'raw');
    expect(fs.readdirSync(mobileRaw).sort()).toEqual(['amplifyconfiguration.json', 'awsconfiguration.json']);
    await deleteConfig(context);
    expect(fs.readdirSync(mobileRaw)).toEqual([]);
    await expect(publish()).rejects.toMatchObject({ code: 'PublishNotSupported' });
  });
});
