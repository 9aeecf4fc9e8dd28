import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CloudFormationClient, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { AMPLIFY_BIN, AmplifySandbox, DEMO_PLUGIN_DIR, GENERAL_PROVIDERS, readJson, runProcess, snapshotDir } from 'amplify-test-support';

/**
 * What a CI script or a careless user does to the built binary: pipes it into `head`, feeds it broken files and
 * flags. Each case must end in a short error (or success), never a crash with a stack trace, and change nothing.
 */
jest.setTimeout(120_000);

describe('robustness of the built binary', () => {
  let sandbox: AmplifySandbox;
  /** An initialised project that each test copies before breaking the copy. */
  let pristine: string;
  const copyProject = (): string => sandbox.copyApp(pristine);

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
    pristine = sandbox.createApp('pristine');
    const init = await sandbox.run(pristine, [
      'init',
      '--amplify',
      JSON.stringify({ projectName: 'pristine', envName: 'dev', defaultEditor: 'code' }),
      '--providers',
      GENERAL_PROVIDERS,
      '--yes',
    ]);
    expect(init.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('a reader that closes the pipe early (amplify help | head -1) does not crash the CLI', async () => {
    const app = sandbox.createApp('piped');
    const { exitCode, stderr } = await new Promise<{ exitCode: number; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [AMPLIFY_BIN, 'help'], { cwd: app, env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the CLI has loaded, so every line of help is written to a pipe nobody reads.
      child.stdout.destroy();
      let errorText = '';
      child.stderr.on('data', (chunk: Buffer) => (errorText += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? -1, stderr: errorText }));
    });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
  });

  test.each([['configure'], ['configure --yes']])('amplify %s without a terminal refuses at once, naming aws configure', async (command) => {
    const result = await sandbox.run(sandbox.root, command.split(' '));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^✖ "amplify configure" .* needs a terminal .*\n  Create a profile with "aws configure --profile <name>" instead, then select it with --providers .+\n$/);
    expect(fs.existsSync(path.join(sandbox.home, '.aws'))).toBe(false);
  });

  test('a category command waits for no one: while another process holds the project (a push), it fails at once with the lock message', async () => {
    expect((await sandbox.run(pristine, ['plugin', 'add', DEMO_PLUGIN_DIR])).exitCode).toBe(0);
    const app = copyProject();
    // A live holder (this test process) exactly as a running `amplify push` records itself.
    fs.writeFileSync(path.join(app, 'amplify', '.config', '.lock'), JSON.stringify({ pid: process.pid, command: 'push', startedAt: new Date().toISOString() }));
    const before = snapshotDir(app);
    for (const command of ['add demo photos --service S3', 'demo add photos --service S3', 'demo remove photos --yes']) {
      const result = await sandbox.run(app, command.split(' '));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^✖ Another amplify process \\(pid ${process.pid}, "amplify push"\\) is changing this project\n`));
      expect(snapshotDir(app)).toEqual(before);
    }
    // Help changes nothing and still answers.
    expect((await sandbox.run(app, ['demo', 'help'])).exitCode).toBe(0);
    fs.rmSync(path.join(app, 'amplify', '.config', '.lock'));
    expect((await sandbox.run(app, ['add', 'demo', 'photos', '--service', 'S3'])).exitCode).toBe(0);
    expect(fs.existsSync(path.join(app, 'amplify', '.config', '.lock'))).toBe(false);
  });

  test('after a push killed mid-write, the next push takes over its lock and removes its temp files', async () => {
    const app = copyProject();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(path.join(app, 'amplify', '.config', '.lock'), JSON.stringify({ pid: deadPid, command: 'push', startedAt: new Date().toISOString() }));
    const leftover = path.join(app, 'amplify', 'backend', `amplify-meta.json.${deadPid}.5eed1e55.tmp`);
    fs.writeFileSync(leftover, '{"providers": {"awscloud');
    const result = await sandbox.run(app, ['push', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(path.join(app, 'amplify', '.config', '.lock'))).toBe(false);
  });

  test('a plugin published without its main module is named with the missing file, and other commands keep working', async () => {
    const plugin = path.join(sandbox.root, 'amplify-unbuilt');
    fs.mkdirSync(plugin);
    fs.writeFileSync(path.join(plugin, 'package.json'), JSON.stringify({ name: 'amplify-unbuilt', version: '1.0.0', main: 'lib/index.js' }));
    fs.writeFileSync(path.join(plugin, 'amplify-plugin.json'), JSON.stringify({ name: 'unbuilt', type: 'util', commands: ['go'] }));
    expect((await sandbox.run(pristine, ['plugin', 'add', plugin])).exitCode).toBe(0);
    const result = await sandbox.run(pristine, ['unbuilt', 'go']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      '✖ Plugin "unbuilt" (amplify-unbuilt@1.0.0) cannot run "go": its main module lib/index.js does not exist\n' +
        '  Reinstall (or build) the plugin, or disable it with "amplify plugin remove unbuilt"\n',
    );
    expect((await sandbox.run(pristine, ['status'])).exitCode).toBe(0);
  });

  test.each([
    ['delete --force -h', /Deletes all of the resources/],
    ['env add --envName hh --yes --help', /amplify env add/],
    ['push --yes -h', /Provisions cloud resources/],
    ['init --envName hh --yes --help', /Initializes a new project/],
    ['configure project --yes -h', /Usage: amplify configure project/],
    ['demo add photos --service S3 --help', /amplify demo add <name>/],
  ])('amplify %s prints help and changes nothing', async (command, help) => {
    expect((await sandbox.run(pristine, ['plugin', 'add', DEMO_PLUGIN_DIR])).exitCode).toBe(0);
    const app = copyProject();
    const before = snapshotDir(app);
    const result = await sandbox.run(app, command.split(' '));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(help);
    expect(snapshotDir(app)).toEqual(before);
  });

  test('two amplify init at once in a new folder: one initialises, the other fails at once with the lock message', async () => {
    const app = sandbox.createApp('twins');
    const init = () =>
      sandbox.run(app, ['init', '--amplify', JSON.stringify({ projectName: 'twins', envName: 'dev', defaultEditor: 'code' }), '--providers', GENERAL_PROVIDERS, '--yes']);
    const results = await Promise.all([init(), init()]);
    expect(results.map((r) => r.exitCode).sort()).toEqual([0, 1]);
    expect(results.find((r) => r.exitCode === 1)?.stderr).toMatch(/^✖ Another amplify process \(pid \d+, "amplify init"\) is changing this project\n/);
    expect((await sandbox.run(app, ['status'])).exitCode).toBe(0);
  });

  test('a cloud endpoint nobody answers is the user\'s to fix, not a plugin bug, and the failed push changes nothing', async () => {
    expect((await sandbox.run(pristine, ['plugin', 'add', DEMO_PLUGIN_DIR])).exitCode).toBe(0);
    const app = copyProject();
    expect((await sandbox.run(app, ['add', 'demo', 'photos', '--service', 'S3'])).exitCode).toBe(0);
    const before = snapshotDir(app);
    // Port 9 (discard) on the loopback: nothing listens there, so the connection is refused at once.
    const result = await runProcess(process.execPath, [AMPLIFY_BIN, 'push', '--yes'], { cwd: app, env: { ...sandbox.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/✖ Plugin "awscloudformation" .* could not reach the cloud in pushResources: .*ECONNREFUSED.*\n  Check the network and AWS_ENDPOINT_URL; .*amplify local-cloud start/);
    expect(result.stderr).not.toMatch(/plugin author/);
    expect(snapshotDir(app)).toEqual(before);
  });

  test('an env whose root stack was deleted outside amplify is the user\'s error naming what to do, not a plugin bug', async () => {
    const app = sandbox.createApp('orphan');
    const init = await sandbox.run(app, ['init', '--amplify', JSON.stringify({ projectName: 'orphan', envName: 'dev', defaultEditor: 'code' }), '--providers', GENERAL_PROVIDERS, '--yes']);
    expect(init.exitCode).toBe(0);
    const stackName = readJson<{ dev: { awscloudformation: { StackName: string } } }>(path.join(app, 'amplify', 'team-provider-info.json')).dev.awscloudformation.StackName;
    const cfn = new CloudFormationClient(sandbox.sdkConfig);
    try {
      await cfn.send(new DeleteStackCommand({ StackName: stackName }));
    } finally {
      cfn.destroy();
    }
    const before = snapshotDir(app);
    const result = await sandbox.run(app, ['env', 'pull']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `✖ This env's cloud resources are gone: Stack with id ${stackName} does not exist\n` +
        '  It was deleted outside amplify, or the credentials are for another account: check them, or run "amplify env add" for a new env and "amplify env remove <name>" for this one\n',
    );
    expect(snapshotDir(app)).toEqual(before);
  });

  test('a plugin cache that is not JSON is rebuilt silently, never fatal, and kept as plugin-cache.json.corrupt', async () => {
    const file = path.join(sandbox.home, '.amplify', 'plugin-cache.json');
    const saved = fs.readFileSync(file, 'utf8');
    const broken = saved.slice(0, saved.length / 2);
    try {
      for (const command of ['status', 'plugin list', 'plugin scan']) {
        fs.writeFileSync(file, broken);
        const result = await sandbox.run(pristine, command.split(' '));
        expect(result.stderr).toBe('');
        expect(result.exitCode).toBe(0);
        expect(() => JSON.parse(fs.readFileSync(file, 'utf8'))).not.toThrow();
        expect(fs.readFileSync(`${file}.corrupt`, 'utf8')).toBe(broken);
      }
    } finally {
      fs.writeFileSync(file, saved);
      fs.rmSync(`${file}.corrupt`, { force: true });
    }
  });

  // Valid JSON of the wrong shape: an editor's slip or a bad merge. Each command that reads the file must stop
  // with a short error naming it, not crash and not take it for an empty project that it then overwrites. (Status
  // reads only the metas and the current env; a push with nothing to deploy never needs the credentials.)
  const everyCommand = ['status', 'push --yes', 'env add --envName test --yes'];
  const changingCommands = ['push --yes', 'env add --envName test --yes'];
  describe.each([
    ['amplify/backend/amplify-meta.json', 'null', everyCommand],
    ['amplify/backend/amplify-meta.json', '[]', everyCommand],
    ['amplify/backend/backend-config.json', '{"demo": 5}', changingCommands],
    ['amplify/team-provider-info.json', 'null', changingCommands],
    ['amplify/team-provider-info.json', '{"dev": []}', changingCommands],
    ['amplify/.config/project-config.json', 'null', changingCommands],
    ['amplify/.config/project-config.json', '{"projectName": "pristine", "frontend": 5, "providers": ["awscloudformation"]}', changingCommands],
    ['amplify/.config/local-env-info.json', '[]', everyCommand],
    ['amplify/.config/local-aws-info.json', 'null', ['env add --envName test --yes']],
  ])('%s containing %s', (file, text, commands) => {
    test.each(commands)('amplify %s fails with one line naming the file and changes nothing', async (command) => {
      const app = copyProject();
      fs.writeFileSync(path.join(app, file), text);
      const before = snapshotDir(app);
      const result = await sandbox.run(app, command.split(' '));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^✖ ${path.join(app, file).replace(/[.#]/g, '\\$&')} is malformed: .+\n  Fix or restore the file\n$`));
      expect(snapshotDir(app)).toEqual(before);
    });
  });

  test('four "amplify plugin add" run at once all stay recorded in the plugin cache', async () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta'];
    const dirs = names.map((name) => {
      const dir = path.join(sandbox.root, 'concurrent-plugins', `amplify-${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `amplify-${name}`, version: '1.0.0' }));
      fs.writeFileSync(path.join(dir, 'amplify-plugin.json'), JSON.stringify({ name, type: 'util' }));
      return dir;
    });
    const results = await Promise.all(dirs.map((dir) => sandbox.run(sandbox.root, ['plugin', 'add', dir])));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
    }
    const list = await sandbox.run(sandbox.root, ['plugin', 'list', '--json']);
    expect(list.exitCode).toBe(0);
    const listed = (JSON.parse(list.stdout) as { plugins: Array<{ name: string; location: string }> }).plugins;
    expect(listed.filter((plugin) => names.includes(plugin.name)).map((plugin) => plugin.location).sort()).toEqual(dirs.map((dir) => fs.realpathSync(dir)).sort());
    expect(fs.readdirSync(path.join(sandbox.home, '.amplify')).filter((file) => file.endsWith('.lock') || file.endsWith('.tmp'))).toEqual([]);
  });
});
