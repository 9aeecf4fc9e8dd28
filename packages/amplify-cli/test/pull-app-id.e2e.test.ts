import * as fs from 'fs';
import * as path from 'path';
import { AmplifySandbox, GENERAL_PROVIDERS, readJson } from 'amplify-test-support';

/**
 * `amplify pull --appId <id> --envName <env>` in an empty folder: the env is found through the local cloud's Amplify
 * service (the app and backend environment init registered), and the folder gets the same backend as the project.
 */
jest.setTimeout(240_000);

type TeamProviderInfo = Record<string, { awscloudformation: { AmplifyAppId?: string; StackName: string } }>;

describe('pull --appId (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  let app: string;
  let appId: string;
  const appJson = <T>(relative: string): T => readJson<T>(path.join(app, relative));
  const fresh = (name: string): string => {
    const dir = path.join(sandbox.root, name);
    fs.mkdirSync(dir);
    return dir;
  };
  const pull = (cwd: string, args: string[]) => sandbox.run(cwd, ['pull', ...args, '--providers', GENERAL_PROVIDERS, '--yes']);

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
    app = sandbox.createApp('pullshop');
    expect((await sandbox.init(app)).exitCode).toBe(0);
    expect((await sandbox.run(app, ['add', 'auth', '--yes'])).exitCode).toBe(0);
    expect((await sandbox.run(app, ['push', '--yes'])).exitCode).toBe(0);
    appId = appJson<TeamProviderInfo>('amplify/team-provider-info.json').dev.awscloudformation.AmplifyAppId!;
    expect(appId).toBeTruthy();
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('an empty folder gets the deployed backend, and status shows No Change', async () => {
    const folder = fresh('pulled');
    const result = await pull(folder, ['--appId', appId, '--envName', 'dev', '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' })]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(readJson<{ projectName: string; frontend: string }>(path.join(folder, 'amplify', '.config', 'project-config.json'))).toMatchObject({ projectName: 'pullshop', frontend: 'javascript' });
    const teamProviderInfo = readJson<TeamProviderInfo>(path.join(folder, 'amplify', 'team-provider-info.json'));
    expect(teamProviderInfo.dev.awscloudformation).toMatchObject(appJson<TeamProviderInfo>('amplify/team-provider-info.json').dev.awscloudformation);
    const authName = Object.keys(appJson<Record<string, object>>('amplify/backend/amplify-meta.json').auth)[0];
    const backendFile = path.join('amplify', 'backend', 'auth', authName, 'cli-inputs.json');
    expect(fs.readFileSync(path.join(folder, backendFile), 'utf8')).toBe(fs.readFileSync(path.join(app, backendFile), 'utf8'));
    expect(fs.readFileSync(path.join(folder, 'src', 'aws-exports.js'), 'utf8')).toBe(fs.readFileSync(path.join(app, 'src', 'aws-exports.js'), 'utf8'));
    const status = await sandbox.run(folder, ['status']);
    expect(status.stdout).toContain('Current Environment: dev');
    expect(status.stdout).toMatch(/\| Auth +\| \S+ +\| No Change/);
  });

  test('the only env is taken without --envName', async () => {
    const result = await pull(fresh('only-env'), ['--appId', appId]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Successfully pulled backend environment dev');
  });

  test('an unknown app or env fails in one line naming it, and leaves no amplify folder', async () => {
    const folder = fresh('unknown');
    const noApp = await pull(folder, ['--appId', 'd0nosuchapp', '--envName', 'dev']);
    expect(noApp.exitCode).toBe(1);
    expect(noApp.stderr).toContain('The Amplify app "d0nosuchapp" does not exist');
    const noEnv = await pull(folder, ['--appId', appId, '--envName', 'qa']);
    expect(noEnv.exitCode).toBe(1);
    expect(noEnv.stderr).toContain(`The Amplify app "${appId}" has no backend environment "qa"`);
    expect(noEnv.stderr).toContain('list-backend-environments');
    expect(fs.existsSync(path.join(folder, 'amplify'))).toBe(false);
  });

  test('a project of another app refuses the pull', async () => {
    const result = await sandbox.run(app, ['pull', '--appId', 'd0otherapp', '--yes']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Amplify appId mismatch');
  });

  test('with several envs and no terminal, --envName is asked for by name; the named one is pulled', async () => {
    expect((await sandbox.init(app, 'prod')).exitCode).toBe(0);
    const folder = fresh('two-envs');
    const unnamed = await pull(folder, ['--appId', appId]);
    expect(unnamed.exitCode).toBe(1);
    expect(unnamed.stderr).toContain('Pick a backend environment');
    expect(unnamed.stderr).toContain('--envName');
    const named = await pull(folder, ['--appId', appId, '--envName', 'prod']);
    expect(named.exitCode).toBe(0);
    expect((await sandbox.run(folder, ['status'])).stdout).toContain('Current Environment: prod');
  });
});
