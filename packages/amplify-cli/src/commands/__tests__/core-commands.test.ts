import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { runCli } from '../../cli';
import { fakeEnvironment, FakeMachine, makeFakeMachine, RunOptions } from '../../__tests__/helpers/fixtures';

afterEach(cleanupTempDirs);

async function amplify(machine: FakeMachine, args: string[], options: RunOptions = {}) {
  const run = fakeEnvironment(machine, args, options);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** A project with one pushed, unchanged resource, one pushed and edited since, one new, and one deleted locally. */
function writeProject(root: string): void {
  const amplifyDir = path.join(root, 'amplify');
  writeJson(path.join(amplifyDir, '.config', 'project-config.json'), { projectName: 'demo', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  writeJson(path.join(amplifyDir, '.config', 'local-env-info.json'), { projectPath: root, defaultEditor: 'code', envName: 'dev' });
  const pushed = { service: 'S3', providerPlugin: 'awscloudformation', lastPushTimeStamp: '2026-01-01T00:00:00.000Z' };
  const providers = { awscloudformation: { StackName: 'amplify-demo-dev' } };
  writeJson(path.join(amplifyDir, 'team-provider-info.json'), { dev: providers });
  writeJson(path.join(amplifyDir, 'backend', 'amplify-meta.json'), {
    providers,
    storage: { kept: pushed, edited: pushed },
    function: { fresh: { service: 'Lambda', providerPlugin: 'awscloudformation' } },
  });
  writeJson(path.join(amplifyDir, '#current-cloud-backend', 'amplify-meta.json'), {
    providers,
    storage: { kept: pushed, edited: pushed },
    api: { gone: { service: 'AppSync', providerPlugin: 'awscloudformation', lastPushTimeStamp: '2026-01-01T00:00:00.000Z' } },
  });
  for (const base of ['backend', '#current-cloud-backend']) {
    writeJson(path.join(amplifyDir, base, 'storage', 'kept', 'parameters.json'), { bucket: 'a' });
    writeJson(path.join(amplifyDir, base, 'storage', 'edited', 'parameters.json'), { bucket: base === 'backend' ? 'new' : 'old' });
  }
  writeJson(path.join(amplifyDir, 'backend', 'function', 'fresh', 'parameters.json'), {});
}

describe('amplify status', () => {
  it('prints names with control characters escaped', async () => {
    const machine = makeFakeMachine();
    writeProject(machine.cwd);
    const metaFile = path.join(machine.cwd, 'amplify', 'backend', 'amplify-meta.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    meta.function['evil\u001b[2Jname'] = { service: 'Lambda', providerPlugin: 'awscloudformation' };
    writeJson(metaFile, meta);
    const result = await amplify(machine, ['status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('evil\\u001b[2Jname');
    expect(result.stdout).not.toContain('\u001b');
  });

  it.each([
    ['without project-config.json', (root: string) => fs.rmSync(path.join(root, 'amplify', '.config', 'project-config.json')), /project-config\.json does not exist/],
    ['without amplify-meta.json', (root: string) => fs.rmSync(path.join(root, 'amplify', 'backend', 'amplify-meta.json')), /amplify-meta\.json does not exist/],
    [
      'with envName naming a missing env',
      (root: string) => writeJson(path.join(root, 'amplify', '.config', 'local-env-info.json'), { envName: 'ghost' }),
      /^The current env "ghost" \(envName in amplify\/\.config\/local-env-info\.json\) is not in amplify\/team-provider-info\.json$/,
    ],
  ])('refuses %s, naming the file', async (_how, breakProject, message) => {
    const machine = makeFakeMachine();
    writeProject(machine.cwd);
    breakProject(machine.cwd);
    const result = await amplify(machine, ['status']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0].slice(2)).toMatch(message);
  });

  it('prints Create, Update, Delete and No Change rows from any folder of the project', async () => {
    const machine = makeFakeMachine();
    writeProject(machine.cwd);
    const nested = path.join(machine.cwd, 'src', 'deep');
    fs.mkdirSync(nested, { recursive: true });
    const result = await amplify(machine, ['status'], { cwd: nested });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Current Environment: dev');
    const rows = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Category') && !line.startsWith('| ---'))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(rows).toEqual([
      ['Function', 'fresh', 'Create', 'awscloudformation'],
      ['Storage', 'edited', 'Update', 'awscloudformation'],
      ['Api', 'gone', 'Delete', 'awscloudformation'],
      ['Storage', 'kept', 'No Change', 'awscloudformation'],
    ]);
  });

  it('prints JSON with --json and answers to the alias ls', async () => {
    const machine = makeFakeMachine();
    writeProject(machine.cwd);
    const result = await amplify(machine, ['ls', '--json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.currentEnvironment).toBe('dev');
    expect(document.resources).toContainEqual({ category: 'Storage', resourceName: 'kept', operation: 'No Change', providerPlugin: 'awscloudformation' });
  });

  it('explains what to do outside a project', async () => {
    const machine = makeFakeMachine();
    const result = await amplify(machine, ['status']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ .*\n {2}Run "amplify init"/);
  });
});

describe('amplify plugin', () => {
  const manifest = { name: 'tools', type: 'util', commands: ['lint'] };

  it('lists plugins as a table and as JSON without prompting', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-tools', { version: '1.2.3', manifest });
    writePackage(machine.globalNodeModules, 'amplify-category-bad', { manifest: '{' });
    const table = await amplify(machine, ['plugin', 'list'], { stdinIsTTY: true });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\| tools +\| util +\| amplify-tools +\| 1\.2\.3 +\| .*amplify-tools +\|/);
    expect(table.stdout).toContain('InvalidManifest');
    const json = JSON.parse((await amplify(machine, ['plugin', 'list', '--json'])).stdout);
    expect(json.plugins).toContainEqual({ name: 'tools', type: 'util', package: 'amplify-tools', version: '1.2.3', location: path.join(machine.globalNodeModules, 'amplify-tools') });
    expect(json.problems).toHaveLength(1);
  });

  it('removes a plugin so that scans keep it out, and adds it back by name', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-tools', { manifest });
    expect((await amplify(machine, ['plugin', 'remove', 'tools'])).code).toBe(0);
    expect((await amplify(machine, ['plugin', 'scan'])).code).toBe(0);
    const unknown = await amplify(machine, ['tools', 'lint']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"tools" is not an amplify command or plugin');
    expect((await amplify(machine, ['plugin', 'add', 'tools'])).stdout).toContain('Re-enabled plugin "tools"');
    const listed = JSON.parse((await amplify(machine, ['plugin', 'list', '--json'])).stdout);
    expect(listed.plugins.map((plugin: { name: string }) => plugin.name)).toContain('tools');
    expect((await amplify(machine, ['plugin', 'remove', 'tols'])).stderr).toContain('Did you mean "tools"?');
  });

  it('adds a plugin from a folder outside the scanned directories', async () => {
    const machine = makeFakeMachine();
    const dir = writePackage(path.join(machine.root, 'dev'), 'amplify-tools', { manifest, files: { 'index.js': 'module.exports = { executeAmplifyCommand: async () => {} };' } });
    const added = await amplify(machine, ['plugin', 'add', dir]);
    expect(added.stdout).toContain(`Added plugin "tools" (util) from ${dir}`);
    expect((await amplify(machine, ['tools', 'lint'])).code).toBe(0);
    const broken = writePackage(path.join(machine.root, 'dev'), 'amplify-category-oops', { manifest: { name: 'oops', type: 'util' } });
    const refused = await amplify(machine, ['plugin', 'add', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a valid amplify plugin: package amplify-category-oops is a category plugin by its name');
  });

  it('verifies the current folder', async () => {
    const machine = makeFakeMachine();
    const good = writePackage(machine.root, 'amplify-tools', { manifest, files: { 'index.js': 'module.exports = { executeAmplifyCommand: async () => {} };' } });
    expect((await amplify(machine, ['plugin', 'verify'], { cwd: good })).stdout).toContain('is a valid amplify plugin: "tools" (util, amplify-tools@1.0.0)');
    const noHandler = writePackage(machine.root, 'amplify-deaf', { manifest: { name: 'deaf', type: 'util', eventHandlers: ['PrePush'] }, files: { 'index.js': 'module.exports = {};' } });
    expect((await amplify(machine, ['plugin', 'verify'], { cwd: noHandler })).stderr).toContain('lists eventHandlers but its main module exports no handleAmplifyEvent');
    const missing = writePackage(machine.root, 'amplify-lazy', { manifest: { name: 'lazy', type: 'util', commands: ['go'] } });
    expect((await amplify(machine, ['plugin', 'verify'], { cwd: missing })).stderr).toContain('declares "go" without executeAmplifyCommand or a commands/ file');
    const mismatch = writePackage(machine.root, 'amplify-provider-x', { manifest: { name: 'x', type: 'frontend' } });
    const result = await amplify(machine, ['plugin', 'verify'], { cwd: mismatch });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a provider plugin by its name but its manifest declares type "frontend"');
  });

  it('scaffolds a plugin that verifies and answers help and version once added', async () => {
    const machine = makeFakeMachine();
    const created = await amplify(machine, ['plugin', 'new', 'myplugin', '--yes']);
    expect(created.code).toBe(0);
    const dir = path.join(machine.cwd, 'myplugin');
    const manifestOnDisk = JSON.parse(fs.readFileSync(path.join(dir, 'amplify-plugin.json'), 'utf8'));
    expect(manifestOnDisk).toEqual({ name: 'myplugin', type: 'util', commands: ['help', 'version'], eventHandlers: ['PreInit', 'PostInit', 'PrePush', 'PostPush', 'PrePull', 'PostPull'] });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name).toBe('amplify-myplugin');
    expect((await amplify(machine, ['plugin', 'verify'], { cwd: dir })).code).toBe(0);
    expect((await amplify(machine, ['plugin', 'add', dir])).code).toBe(0);
    expect((await amplify(machine, ['myplugin', 'version'])).code).toBe(0);
    expect((await amplify(machine, ['myplugin', 'help'])).code).toBe(0);

    const again = await amplify(machine, ['plugin', 'new', 'myplugin', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('./myplugin exists; nothing was written');
    const typed = await amplify(machine, ['plugin', 'new', 'things', '--type', 'category', '--events', 'PrePush']);
    expect(typed.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(machine.cwd, 'things', 'package.json'), 'utf8')).name).toBe('amplify-category-things');
  });

  it('asks for missing answers only on a terminal, naming the flag otherwise', async () => {
    const machine = makeFakeMachine();
    const result = await amplify(machine, ['plugin', 'new', 'quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot ask "Specify the plugin type" without a terminal');
    expect(result.stderr).toContain('Pass --type');
  });

  it('shows the plugin subcommands, and suggests one for a typo', async () => {
    const machine = makeFakeMachine();
    expect((await amplify(machine, ['plugin'])).stdout).toContain('Usage: amplify plugin <subcommand>');
    expect((await amplify(machine, ['plugin', 'lsit'])).stderr).toContain('Did you mean "amplify plugin list"?');
  });
});
