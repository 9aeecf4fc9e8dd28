import * as fs from 'fs';
import * as path from 'path';
import { getResourceOutputs, stateManager } from 'amplify-cli-core';
import type { ExeInfo, ProjectConfig } from 'amplify-cli-core';
import { makeTempDir, metaOf, removeDir, scriptedPrompter, testContext, writeProject } from 'amplify-test-support';
import { configure, createFrontendConfigs, deleteConfig, init, onInitSuccessful, scanProject, setFrontendDefaults } from '../index';

const reactConfig = { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'npm run-script build', StartCommand: 'npm run-script start' };

function projectConfig(block: unknown = { framework: 'react', config: reactConfig }): ProjectConfig {
  const config: ProjectConfig = { projectName: 'myapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] };
  return block === 'absent' ? config : { ...config, javascript: block };
}

describe('javascript frontend plugin', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-js-plugin-');
  });
  afterEach(() => removeDir(root));

  function readExports(): string {
    return fs.readFileSync(path.join(root, 'src', 'aws-exports.js'), 'utf8');
  }

  it('writes aws-exports.js and amplifyconfiguration.json into SourceDir from the pushed outputs', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);

    const text = readExports();
    expect(text.startsWith('/* eslint-disable */\n// WARNING: DO NOT EDIT.')).toBe(true);
    expect(text).toContain('const awsmobile = {\n    "aws_project_region": "eu-west-1",');
    expect(text.endsWith('\n\n\nexport default awsmobile;\n')).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(root, 'src', 'amplifyconfiguration.json'), 'utf8'));
    expect(json).toMatchObject({
      aws_project_region: 'eu-west-1',
      aws_user_pools_id: 'eu-west-1_AbCdEf123',
      aws_user_files_s3_bucket: 'myapp-photos123-dev',
      aws_appsync_apiKey: 'da2-abcdefghijklmnopqrstuvwxyz',
      aws_cloud_logic_custom: [{ name: 'myrest', endpoint: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/dev', region: 'eu-west-1' }],
      aws_mobile_analytics_app_id: '0123456789abcdef0123456789abcdef',
    });
  });

  it('refuses a hand-edited SourceDir outside the project before writing anything, naming the setting and the file', async () => {
    // The project sits one level down, so "../outside" would land in a folder this test owns.
    const project = path.join(root, 'app');
    const meta = metaOf();
    writeProject(project, projectConfig({ framework: 'react', config: { ...reactConfig, SourceDir: '../outside' } }), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: project, envName: 'dev' } } });
    const writing = createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);
    await expect(writing).rejects.toMatchObject({
      code: 'InvalidFrontendConfig',
      message: `javascript.config.SourceDir "../outside" in ${path.join(project, 'amplify', '.config', 'project-config.json')} leads outside the project`,
    });
    expect(fs.readdirSync(root)).toEqual(['app']);
  });

  it('keeps keys added by hand to aws-exports.js and drops keys of removed resources', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(
      path.join(root, 'src', 'aws-exports.js'),
      "const awsmobile = {\n  aws_project_region: 'eu-west-1',\n  aws_content_delivery_bucket: 'gone',\n  // mine\n  my_api_base: 'https://api.example.com',\n  Auth: { cookieStorage: { domain: 'example.com', secure: true } },\n};\nexport default awsmobile;\n",
    );
    const { context } = testContext();
    const outputs = getResourceOutputs(meta).outputsForFrontend;
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await createFrontendConfigs(context, outputs, outputs);
    } finally {
      process.chdir(cwd);
    }
    const text = readExports();
    expect(text).toContain('"my_api_base": "https://api.example.com"');
    expect(text).toContain('"Auth": {\n        "cookieStorage": {\n            "domain": "example.com",\n            "secure": true');
    expect(text).not.toContain('aws_content_delivery_bucket');
  });

  it('refuses an aws-exports.js holding code, naming the file', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'aws-exports.js'), 'export default { region: process.env.REGION };');
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await expect(createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend)).rejects.toMatchObject({
      code: 'AwsExportsUnreadable',
      message: expect.stringContaining(path.join(root, 'src', 'aws-exports.js')),
    });
  });

  it.each([
    ['missing', 'absent', 'is missing'],
    ['incomplete', { framework: 'react', config: { SourceDir: 'src' } }, 'lacks config.DistributionDir, config.BuildCommand, config.StartCommand'],
  ])('names project-config.json and the fix when the frontend block is %s', async (_label, block, what) => {
    const meta = metaOf();
    writeProject(root, projectConfig(block), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    const error = await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'InvalidFrontendConfig',
      message: `The "javascript" block of ${path.join(root, 'amplify', '.config', 'project-config.json')} ${what}`,
      resolution: 'Run "amplify configure project" to set the frontend settings again',
    });
  });

  it('init stores the answers in exeInfo.projectConfig; onInitSuccessful writes the region-only config', async () => {
    fs.copyFileSync(path.join(__dirname, 'fixtures', 'projects', 'vue', 'package.json'), path.join(root, 'package.json'));
    const exeInfo: ExeInfo = {
      inputParams: { yes: true },
      localEnvInfo: { projectPath: root, envName: 'dev' },
      projectConfig: { projectName: 'myapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] },
    };
    const { context } = testContext({ yes: true, exeInfo });
    expect(scanProject(root)).toBe(90);
    await init(context);
    expect(exeInfo.projectConfig?.javascript).toEqual({
      framework: 'vue',
      config: { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: 'npm run-script build', StartCommand: 'npm run-script serve' },
    });
    exeInfo.amplifyMeta = { providers: { awscloudformation: { Region: 'us-east-2' } } };
    await onInitSuccessful(context);
    expect(readExports()).toContain('const awsmobile = {\n    "aws_project_region": "us-east-2"\n};');
  });

  it('init takes --frontend when the core left it unflattened', async () => {
    const config = { SourceDir: 'app', DistributionDir: 'out', BuildCommand: 'make', StartCommand: 'make serve' };
    const exeInfo: ExeInfo = {
      inputParams: { frontend: { frontend: 'javascript', framework: 'react', config } },
      localEnvInfo: { projectPath: root, envName: 'dev' },
      projectConfig: { projectName: 'myapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] },
    };
    const { context } = testContext({ exeInfo });
    await init(context);
    expect(exeInfo.projectConfig?.javascript).toEqual({ framework: 'react', config });
  });

  it('setFrontendDefaults takes the guessed framework without asking', () => {
    const exeInfo: ExeInfo = {
      inputParams: {},
      projectConfig: { projectName: 'myapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] },
    };
    setFrontendDefaults(testContext({ exeInfo }).context, path.join(__dirname, 'fixtures', 'projects', 'angular'));
    expect(exeInfo.projectConfig?.javascript).toMatchObject({ framework: 'angular', config: { StartCommand: 'ng serve' } });
  });

  it('configure asks with the current settings as defaults and saves the answers', async () => {
    writeProject(root, projectConfig(), { providers: { awscloudformation: { Region: 'us-east-1' } } });
    const asked: string[] = [];
    const { context } = testContext({
      prompter: scriptedPrompter({ 'Distribution Directory Path:': 'dist-web' }, asked),
      exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } },
    });
    await configure(context);
    expect(asked).toHaveLength(5);
    expect(stateManager.getProjectConfig(root).javascript).toEqual({ framework: 'react', config: { ...reactConfig, DistributionDir: 'dist-web' } });
  });

  it('deleteConfig removes both generated files', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);
    await deleteConfig(context);
    expect(fs.readdirSync(path.join(root, 'src'))).toEqual([]);
  });

  it('ignores a recorded project path that no longer exists (a moved or cloned project)', async () => {
    const meta = metaOf();
    writeProject(root, projectConfig(), meta);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: path.join(root, 'gone'), envName: 'dev' } } });
    const cwd = process.cwd();
    process.chdir(path.join(root, 'amplify'));
    try {
      await createFrontendConfigs(context, getResourceOutputs(meta).outputsForFrontend);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.existsSync(path.join(root, 'src', 'aws-exports.js'))).toBe(true);
  });
});
