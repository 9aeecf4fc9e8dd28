import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs } from 'amplify-test-support';
import { runCli } from '../../cli';
import { fakeEnvironment, FakeMachine, makeFakeMachine, RunOptions } from '../../__tests__/helpers/fixtures';

afterEach(cleanupTempDirs);

async function amplify(machine: FakeMachine, args: string[], options: RunOptions = {}) {
  const run = fakeEnvironment(machine, args, options);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** A project as a clone has it, plus a current env: enough for the commands that refuse before any plugin runs. */
function writeProject(machine: FakeMachine): void {
  const amplifyDir = path.join(machine.cwd, 'amplify');
  fs.mkdirSync(path.join(amplifyDir, '.config'), { recursive: true });
  fs.mkdirSync(path.join(amplifyDir, 'backend'), { recursive: true });
  const write = (file: string, data: unknown) => fs.writeFileSync(path.join(amplifyDir, file), JSON.stringify(data));
  write('.config/project-config.json', { projectName: 'myapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('.config/local-env-info.json', { envName: 'dev' });
  write('team-provider-info.json', { dev: { awscloudformation: { StackName: 'stack-dev', DeploymentBucketName: 'bucket-dev' } }, prod: {} });
  write('backend/backend-config.json', {});
}

describe('lifecycle commands refuse bad input before doing anything', () => {
  test('pull --appId needs a value, and refuses a project that belongs to another app', async () => {
    const machine = makeFakeMachine();
    const bare = await amplify(machine, ['pull', '--appId', '--envName', 'dev']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("--appId needs the id of the project's Amplify app");
    expect(fs.existsSync(path.join(machine.cwd, 'amplify'))).toBe(false);

    writeProject(machine);
    const teamProviderInfo = path.join(machine.cwd, 'amplify', 'team-provider-info.json');
    fs.writeFileSync(teamProviderInfo, JSON.stringify({ dev: { awscloudformation: { StackName: 'stack-dev', DeploymentBucketName: 'bucket-dev', AmplifyAppId: 'd1mine' } } }));
    const other = await amplify(machine, ['pull', '--appId', 'd1other', '--envName', 'dev']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('Amplify appId mismatch: this project belongs to the app d1mine, not d1other');
  });

  test('a failed pull --appId in an empty folder leaves no amplify folder behind', async () => {
    const machine = makeFakeMachine();
    const result = await amplify(machine, ['pull', '--appId', 'd1abc', '--envName', 'dev', '--yes']);
    expect(result.code).toBe(1);
    expect(fs.existsSync(path.join(machine.cwd, 'amplify'))).toBe(false);
  });

  test('pull outside a clone of a project says what it needs', async () => {
    const machine = makeFakeMachine();
    const result = await amplify(machine, ['pull', '--envName', 'dev']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('project-config.json was not found');
  });

  test('delete takes no arguments, and without a terminal needs --force', async () => {
    const machine = makeFakeMachine();
    writeProject(machine);
    const extra = await amplify(machine, ['delete', 'auth']);
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain('amplify remove <category>');
    const unconfirmed = await amplify(machine, ['delete', '--yes']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('--force');
    expect(fs.existsSync(path.join(machine.cwd, 'amplify'))).toBe(true);
  });

  test('env remove: a missing name, an unknown env and the current env are refused', async () => {
    const machine = makeFakeMachine();
    writeProject(machine);
    expect((await amplify(machine, ['env', 'remove'])).stderr).toContain('needs the env name');
    expect((await amplify(machine, ['env', 'remove', 'qa', '--yes'])).stderr).toContain('"qa" is not in amplify/team-provider-info.json');
    const current = await amplify(machine, ['env', 'remove', 'dev', '--yes']);
    expect(current.code).toBe(1);
    expect(current.stderr).toContain('amplify delete');
  });

  test('env checkout of an unknown env names the way to list and add envs', async () => {
    const machine = makeFakeMachine();
    writeProject(machine);
    const result = await amplify(machine, ['env', 'checkout', 'qa']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('amplify env list');
    expect(JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', '.config', 'local-env-info.json'), 'utf8')).envName).toBe('dev');
  });

  test('env import validates --name, --config and --awsInfo, and asks (or needs --yes) before overwriting', async () => {
    const machine = makeFakeMachine();
    writeProject(machine);
    const config = JSON.stringify({ awscloudformation: { StackName: 'stack-qa', DeploymentBucketName: 'bucket-qa' } });
    expect((await amplify(machine, ['env', 'import', '--config', config])).stderr).toContain('needs --name');
    expect((await amplify(machine, ['env', 'import', '--name', 'QA1', '--config', config])).stderr).toContain('2 to 10 lowercase letters');
    expect((await amplify(machine, ['env', 'import', '--name', 'qa', '--config', '{"awscloudformation":{}}'])).stderr).toContain('StackName');
    expect((await amplify(machine, ['env', 'import', '--name', 'qa', '--config', config, '--awsInfo', '{}'])).stderr).toContain('configLevel');
    const overwrite = await amplify(machine, ['env', 'import', '--name', 'dev', '--config', config]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('--yes');

    const imported = await amplify(machine, ['env', 'import', '--name', 'qa', '--config', config, '--awsInfo', '{"configLevel":"general"}']);
    expect(imported.code).toBe(0);
    const teamProviderInfo = JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', 'team-provider-info.json'), 'utf8'));
    expect(teamProviderInfo.qa).toEqual({ awscloudformation: { StackName: 'stack-qa', DeploymentBucketName: 'bucket-qa' } });
    expect(JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', '.config', 'local-aws-info.json'), 'utf8'))).toEqual({ qa: { configLevel: 'general' } });
  });

  test('env list and env get print the envs and their records', async () => {
    const machine = makeFakeMachine();
    writeProject(machine);
    const list = await amplify(machine, ['env', 'list']);
    expect(list.stdout).toMatch(/\| \*dev +\|/);
    expect(list.stdout).toMatch(/\| prod +\|/);
    expect(JSON.parse((await amplify(machine, ['env', 'list', '--json'])).stdout)).toEqual({ envs: ['dev', 'prod'] });
    expect(JSON.parse((await amplify(machine, ['env', 'list', '--details', '--json'])).stdout)).toHaveProperty('dev.awscloudformation.StackName', 'stack-dev');
    const get = await amplify(machine, ['env', 'get', '--name', 'dev']);
    expect(get.stdout).toContain('StackName: stack-dev');
    expect((await amplify(machine, ['env', 'get', '--name', 'qa'])).code).toBe(1);
  });
});
