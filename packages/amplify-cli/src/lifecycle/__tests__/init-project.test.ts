import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { runCli } from '../../cli';
import { fakeEnvironment, FakeMachine, makeFakeMachine, RunOptions } from '../../__tests__/helpers/fixtures';
import { KEY } from 'amplify-test-support';
import { runInTerminal } from '../../__tests__/helpers/terminal';

afterEach(cleanupTempDirs);

async function amplify(machine: FakeMachine, args: string[], options: RunOptions = {}) {
  const run = fakeEnvironment(machine, args, options);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/**
 * A provider and a frontend that do no I/O of their own beyond what init hands them, so the core's init flow (the
 * order of the steps, the files, the rollback) is seen in isolation. A marker file in the working folder makes
 * the provider's onInitSuccessful fail, as a failed upload would.
 */
function installPlugins(machine: FakeMachine): void {
  writePackage(machine.globalNodeModules, 'amplify-provider-fakecloud', {
    manifest: { name: 'fakecloud', type: 'provider' },
    files: {
      'index.js': `
const fs = require('fs');
const path = require('path');
module.exports = {
  async init(context) {
    const env = context.exeInfo.localEnvInfo.envName;
    fs.appendFileSync(path.join(context.session.environment.cwd, 'provider-init-calls'), env + '\\n');
    context.exeInfo.awsConfigInfo = { configLevel: 'general' };
    if (context.exeInfo.isNewEnv === false) return;
    const outputs = { StackName: 'stack-' + env, Region: 'local-1' };
    context.exeInfo.teamProviderInfo[env] = { fakecloud: outputs };
    context.exeInfo.amplifyMeta = { providers: { fakecloud: outputs } };
  },
  async onInitSuccessful(context) {
    if (fs.existsSync(path.join(context.session.environment.cwd, 'fail-on-init-successful'))) throw new Error('upload failed');
  },
  async initEnv() {},
};`,
    },
  });
  writePackage(machine.globalNodeModules, 'amplify-frontend-fakeweb', {
    manifest: { name: 'fakeweb', type: 'frontend' },
    files: {
      'index.js': `
module.exports = {
  scanProject: () => 50,
  async init(context) { context.exeInfo.projectConfig.fakeweb = { config: { SourceDir: 'src' } }; },
  displayFrontendDefaults() {},
  setFrontendDefaults(context) { context.exeInfo.projectConfig.fakeweb = { config: { SourceDir: 'web' } }; },
  async onInitSuccessful() {},
  async createFrontendConfigs() {},
};`,
    },
  });
}

const HEADLESS = ['--amplify', '{"projectName":"myapp","envName":"dev","defaultEditor":"vim"}', '--yes'];

describe('amplify init (in-process, fake provider and frontend)', () => {
  test('writes the project, env and meta files in the order of the original, and the .gitignore block', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    fs.writeFileSync(path.join(machine.cwd, '.gitignore'), 'node_modules\n');
    const result = await amplify(machine, ['init', ...HEADLESS]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const amplifyDir = path.join(machine.cwd, 'amplify');
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(amplifyDir, file), 'utf8'));
    expect(read('.config/project-config.json')).toEqual({
      projectName: 'myapp',
      version: '3.1',
      frontend: 'fakeweb',
      providers: ['fakecloud'],
      fakeweb: { config: { SourceDir: 'src' } },
    });
    expect(read('.config/local-env-info.json')).toEqual({ envName: 'dev', defaultEditor: 'vim' });
    expect(read('team-provider-info.json')).toEqual({ dev: { fakecloud: { StackName: 'stack-dev', Region: 'local-1' } } });
    expect(read('backend/backend-config.json')).toEqual({});
    expect(read('backend/amplify-meta.json')).toEqual({ providers: { fakecloud: { StackName: 'stack-dev', Region: 'local-1' } } });
    expect(read('#current-cloud-backend/amplify-meta.json')).toEqual({ providers: { fakecloud: { StackName: 'stack-dev', Region: 'local-1' } } });
    // The cloud copy says what is deployed (nothing yet) in the same files as backend/, so restoring it keeps them.
    expect(read('#current-cloud-backend/backend-config.json')).toEqual({});
    // The original's other new-project files: feature flags, and stack tags the root stack already carries.
    expect(read('cli.json')).toMatchObject({ features: { graphqltransformer: { transformerversion: 2 } }, debug: {} });
    expect(read('backend/tags.json')).toEqual([{ Key: 'user:Stack', Value: '{project-env}' }, { Key: 'user:Application', Value: '{project-name}' }]);
    expect(read('#current-cloud-backend/tags.json')).toEqual(read('backend/tags.json'));
    expect(fs.readFileSync(path.join(machine.cwd, '.gitignore'), 'utf8')).toMatch(/^node_modules\n\n#amplify-do-not-edit-begin\n/);
  });

  test('a failure after the files were written leaves no amplify/ folder and the old .gitignore', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    fs.writeFileSync(path.join(machine.cwd, '.gitignore'), 'node_modules\n');
    fs.writeFileSync(path.join(machine.cwd, 'fail-on-init-successful'), '');
    const result = await amplify(machine, ['init', ...HEADLESS]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('upload failed');
    expect(result.stderr).toContain('stack-dev');
    expect(fs.existsSync(path.join(machine.cwd, 'amplify'))).toBe(false);
    expect(fs.readFileSync(path.join(machine.cwd, '.gitignore'), 'utf8')).toBe('node_modules\n');
  });

  test('a failed env add leaves the existing project as it was', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    expect((await amplify(machine, ['init', ...HEADLESS])).code).toBe(0);
    const before = fs.readFileSync(path.join(machine.cwd, 'amplify', 'team-provider-info.json'), 'utf8');
    fs.writeFileSync(path.join(machine.cwd, 'fail-on-init-successful'), '');
    const result = await amplify(machine, ['env', 'add', '--envName', 'prod', '--yes']);
    expect(result.code).toBe(1);
    expect(fs.readFileSync(path.join(machine.cwd, 'amplify', 'team-provider-info.json'), 'utf8')).toBe(before);
    expect(JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', '.config', 'local-env-info.json'), 'utf8')).envName).toBe('dev');
  });

  test('--yes without an env name fails naming the flag, before anything is created', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    const result = await amplify(machine, ['init', '--amplify', '{"projectName":"myapp"}', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Environment name missing');
    expect(result.stderr).toContain('--envName');
    expect(fs.existsSync(path.join(machine.cwd, 'amplify'))).toBe(false);
  });

  test('env add refuses an env that exists; init refuses a folder nested in a project', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    expect((await amplify(machine, ['init', ...HEADLESS])).code).toBe(0);
    const again = await amplify(machine, ['env', 'add', '--envName', 'dev', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('amplify env checkout dev');
    const nested = path.join(machine.cwd, 'web');
    fs.mkdirSync(nested);
    const inner = await amplify(machine, ['init', ...HEADLESS], { cwd: nested });
    expect(inner.code).toBe(1);
    expect(inner.stderr).toContain(`inside the amplify project at ${machine.cwd}`);
    expect(fs.existsSync(path.join(nested, 'amplify'))).toBe(false);
  });

  test('without a terminal, env add in a project with resources fails naming --forcePush before any env is created', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    expect((await amplify(machine, ['init', ...HEADLESS])).code).toBe(0);
    fs.writeFileSync(
      path.join(machine.cwd, 'amplify', 'backend', 'backend-config.json'),
      JSON.stringify({ storage: { photos: { service: 'S3', providerPlugin: 'fakecloud' } } }),
    );
    const result = await amplify(machine, ['env', 'add', '--envName', 'prod']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--forcePush');
    expect(fs.readFileSync(path.join(machine.cwd, 'provider-init-calls'), 'utf8')).toBe('dev\n');
  });

  test('env add lets the categories with resources set up the new env before pushing; their failure undoes the env', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    // A category whose env-specific parameter (a social provider secret, say) cannot be supplied under --yes.
    writePackage(machine.globalNodeModules, 'amplify-category-fakeauth', {
      manifest: { name: 'fakeauth', type: 'category', commands: ['add'] },
      files: {
        'index.js': `
const fs = require('fs');
const path = require('path');
module.exports = {
  async executeAmplifyCommand() {},
  async initEnv(context) {
    fs.appendFileSync(path.join(context.session.environment.cwd, 'category-init-env-calls'), context.exeInfo.localEnvInfo.envName + '\\n');
    throw new Error('No value for the Google client secret of env ' + context.exeInfo.localEnvInfo.envName);
  },
};`,
      },
    });
    expect((await amplify(machine, ['init', ...HEADLESS])).code).toBe(0);
    const backendConfig = path.join(machine.cwd, 'amplify', 'backend', 'backend-config.json');
    fs.writeFileSync(backendConfig, JSON.stringify({ fakeauth: { users: { service: 'Cognito', providerPlugin: 'fakecloud' } } }));
    const teamProviderInfo = fs.readFileSync(path.join(machine.cwd, 'amplify', 'team-provider-info.json'), 'utf8');

    const result = await amplify(machine, ['env', 'add', '--envName', 'prod', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Google client secret of env prod');
    expect(fs.readFileSync(path.join(machine.cwd, 'category-init-env-calls'), 'utf8')).toBe('prod\n');
    expect(fs.readFileSync(path.join(machine.cwd, 'amplify', 'team-provider-info.json'), 'utf8')).toBe(teamProviderInfo);
    expect(JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', '.config', 'local-env-info.json'), 'utf8')).envName).toBe('dev');
  });

  test('in a terminal, shows the configuration it would apply and takes it all on Yes', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    const run = await runInTerminal(machine, ['init'], [
      { question: 'Enter a name for the project', keys: `myapp${KEY.enter}` },
      { question: 'Initialize the project with the above configuration?', keys: KEY.enter },
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.unusedAnswers).toBe(0);
    const summary = run.screen.slice(run.screen.indexOf('The following configuration will be applied:'));
    expect(summary).toMatch(
      /Project information\n\| Name: myapp\n\| Environment: dev\n\| Default editor: Visual Studio Code\n\| App type: fakeweb\n/,
    );
    expect(run.screen).not.toContain('Enter a name for the environment');
    const amplifyDir = path.join(machine.cwd, 'amplify');
    expect(JSON.parse(fs.readFileSync(path.join(amplifyDir, '.config', 'local-env-info.json'), 'utf8'))).toEqual({ envName: 'dev', defaultEditor: 'vscode' });
    expect(JSON.parse(fs.readFileSync(path.join(amplifyDir, '.config', 'project-config.json'), 'utf8')).fakeweb).toEqual({ config: { SourceDir: 'web' } });
  });

  test('in a terminal, No to the summary asks for the env, the editor and the frontend one by one', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    const run = await runInTerminal(machine, ['init'], [
      { question: 'Enter a name for the project', keys: `myapp${KEY.enter}` },
      { question: 'Initialize the project with the above configuration?', keys: `n${KEY.enter}` },
      { question: 'Enter a name for the environment', keys: `test${KEY.enter}` },
      { question: 'Choose your default editor', keys: KEY.enter },
      { question: "Choose the type of app that you're building", keys: KEY.enter },
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.unusedAnswers).toBe(0);
    const amplifyDir = path.join(machine.cwd, 'amplify');
    expect(JSON.parse(fs.readFileSync(path.join(amplifyDir, '.config', 'local-env-info.json'), 'utf8')).envName).toBe('test');
    expect(JSON.parse(fs.readFileSync(path.join(amplifyDir, '.config', 'project-config.json'), 'utf8')).fakeweb).toEqual({ config: { SourceDir: 'src' } });
  });

  test('in a terminal, env add asks about pushing after the providers took their answers, as the original', async () => {
    const machine = makeFakeMachine();
    installPlugins(machine);
    expect((await amplify(machine, ['init', ...HEADLESS])).code).toBe(0);
    fs.writeFileSync(
      path.join(machine.cwd, 'amplify', 'backend', 'backend-config.json'),
      JSON.stringify({ storage: { photos: { service: 'S3', providerPlugin: 'fakecloud' } } }),
    );
    const initCalls = path.join(machine.cwd, 'provider-init-calls');
    let providerCallsWhenAsked = '';
    const run = await runInTerminal(machine, ['env', 'add'], [
      { question: 'Enter a name for the environment', keys: `prod${KEY.enter}` },
      {
        question: 'Do you want to push your resources to the cloud for your environment?',
        keys: () => {
          providerCallsWhenAsked = fs.readFileSync(initCalls, 'utf8');
          return `n${KEY.enter}`;
        },
      },
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.unusedAnswers).toBe(0);
    expect(providerCallsWhenAsked).toBe('dev\nprod\n');
    expect(JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', '.config', 'local-env-info.json'), 'utf8')).envName).toBe('prod');
  });
});
