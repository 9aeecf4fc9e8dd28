import * as fs from 'fs';
import * as path from 'path';
import { PluginManifest } from 'amplify-cli-core';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { runCli } from '../../cli';
import { CORE_COMMAND_HELP } from '../../commands/command-help';
import { fakeEnvironment, FakeMachine, makeFakeMachine } from '../../__tests__/helpers/fixtures';

afterAll(cleanupTempDirs);

const PACKAGES_DIR = path.resolve(__dirname, '..', '..', '..', '..');

interface WorkspacePlugin {
  packageName: string;
  manifest: PluginManifest;
}

/** The workspace's plugins with their real manifests; help must answer from manifests alone, so no code is copied. */
const WORKSPACE_PLUGINS: WorkspacePlugin[] = fs
  .readdirSync(PACKAGES_DIR)
  .filter((dir) => dir !== 'amplify-cli' && fs.existsSync(path.join(PACKAGES_DIR, dir, 'amplify-plugin.json')))
  .map((dir) => ({ packageName: dir, manifest: JSON.parse(fs.readFileSync(path.join(PACKAGES_DIR, dir, 'amplify-plugin.json'), 'utf8')) as PluginManifest }));

const POISON = "throw new Error('help must not load plugin code');";

let machine: FakeMachine;

beforeAll(() => {
  machine = makeFakeMachine();
  for (const { packageName, manifest } of WORKSPACE_PLUGINS) {
    writePackage(machine.cliNodeModules, packageName, { manifest, files: { 'index.js': POISON } });
  }
  writePackage(machine.cliNodeModules, 'amplify-hello', {
    manifest: { name: 'hello', type: 'util', commands: ['hello'] },
    files: {
      'commands/hello.js':
        "const fs = require('fs'); const path = require('path'); module.exports = { name: 'hello', run: async (context) => fs.writeFileSync(path.join(context.session.environment.cwd, 'hello.txt'), `${context.parameters.first} ${context.parameters.second}`) };",
    },
  });
});

async function amplify(...args: string[]) {
  const run = fakeEnvironment(machine, args);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Package versions change with every release; the layout and the words are what the snapshots keep. */
const normalise = (text: string): string => text.replace(/@\d+\.\d+\.\d+[^\s)]*/g, '@<version>');

const coreKeys = Object.keys(CORE_COMMAND_HELP);
const pluginCommands = WORKSPACE_PLUGINS.flatMap(({ manifest }) =>
  (manifest.commands ?? []).filter((command) => command !== 'help').map((command) => [manifest.name, command] as const),
);

describe('help of every core command', () => {
  it.each(coreKeys)('"amplify %s --help" equals "amplify help %s" and shows the whole description', async (key) => {
    const words = key.split(' ');
    const viaFlag = await amplify(...words, '--help');
    const viaHelp = await amplify('help', ...words);
    expect(viaFlag).toMatchObject({ code: 0, stderr: '' });
    expect(viaHelp).toEqual(viaFlag);
    const help = CORE_COMMAND_HELP[key];
    expect(viaFlag.stdout).toContain(help.description);
    for (const flag of help.flags ?? []) expect(viaFlag.stdout).toContain(`--${flag.name}`);
    for (const example of help.examples ?? []) expect(viaFlag.stdout).toContain(example);
    expect(normalise(viaFlag.stdout)).toMatchSnapshot();
  });

  it('lists the flags of init, push and delete', async () => {
    expect((await amplify('init', '--help')).stdout).toMatch(/--amplify, -a <json>[\s\S]*--frontend[\s\S]*--providers[\s\S]*--envName <name>/);
    expect((await amplify('push', '--help')).stdout).toMatch(/Usage: amplify push \[category\] \[resource\] \[options\][\s\S]*--force/);
    expect((await amplify('delete', '--help')).stdout).toContain('--force');
  });

  it('describes what "amplify configure" really does, and its project subcommand', async () => {
    const { stdout } = await amplify('configure', '--help');
    expect(stdout).toContain('Sets up an AWS user and a named profile');
    expect(stdout).toContain('amplify configure project');
  });

  it('never runs the command it describes', async () => {
    const { code, stdout } = await amplify('delete', '--force', '-h');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: amplify delete [options]');
  });
});

describe('help of every plugin command', () => {
  it.each(pluginCommands)('"amplify %s %s --help" equals "amplify help %s %s"', async (noun, command) => {
    const viaFlag = await amplify(noun, command, '--help');
    const viaHelp = await amplify('help', noun, command);
    const viaPluginHelp = await amplify(noun, 'help', command);
    expect(viaFlag).toMatchObject({ code: 0, stderr: '' });
    expect(viaHelp).toEqual(viaFlag);
    expect(viaPluginHelp).toEqual(viaFlag);
    expect(viaFlag.stdout).toContain(`Usage: amplify ${noun} `);
    expect(normalise(viaFlag.stdout)).toMatchSnapshot();
  });

  it('follows command aliases to the command they name', async () => {
    const viaAlias = await amplify('function', 'help', 'configure');
    expect(viaAlias.stdout).toContain('Usage: amplify function update [name] [options]');
    expect(viaAlias.stdout).toContain('Aliases: amplify function configure');
    expect(await amplify('function', 'configure', '--help')).toEqual(viaAlias);
  });

  it('shows only the command asked about', async () => {
    const { stdout } = await amplify('function', 'invoke', '--help');
    expect(stdout).toContain('Usage: amplify function invoke <name> [options]');
    expect(stdout).toContain('--event <file>');
    expect(stdout).toContain('--timeout <seconds>');
    expect(stdout).not.toContain('amplify function add');
  });

  it.each(WORKSPACE_PLUGINS.map(({ manifest }) => manifest.name))('"amplify %s help" lists the plugin\'s commands in the common layout', async (noun) => {
    const result = await amplify(noun, 'help');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: amplify ${noun} <command> \\[options\\]`));
    expect(result.stdout).toContain('Global options: --yes, -y, --debug, --help, -h');
    expect(normalise(result.stdout)).toMatchSnapshot();
  });

  it('explains a frontend plugin instead of printing an empty table', async () => {
    const { code, stdout } = await amplify('javascript', 'help');
    expect(code).toBe(0);
    expect(stdout).toContain('It has no commands of its own: "amplify init" and "amplify configure project" use it');
    expect(stdout).not.toContain('|');
  });
});

describe('top-level help', () => {
  it('lists the core commands, the category verbs and the plugins', async () => {
    const result = await amplify('help');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const verb of ['add', 'update', 'remove', 'import']) expect(result.stdout).toMatch(new RegExp(`^ {2}${verb} <category> `, 'm'));
    expect(result.stdout).toMatch(/^ {2}add <category> +Adds a resource of a category to the backend \(analytics, api, auth, function, hosting, interactions, notifications, storage\)$/m);
    expect(normalise(result.stdout)).toMatchSnapshot();
    expect((await amplify()).stdout).toBe(result.stdout);
    expect((await amplify('--help')).stdout).toBe(result.stdout);
  });
});

describe('dead ends become next steps', () => {
  it.each(['add', 'update', 'remove'])('"amplify %s" without a category lists the categories that can', async (verb) => {
    const result = await amplify(verb);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Usage: amplify ${verb} <category>`);
    expect(result.stdout).toMatch(new RegExp(`^ {2}amplify ${verb} storage +\\S`, 'm'));
    expect(result).toEqual(await amplify('help', verb));
    expect(normalise(result.stdout)).toMatchSnapshot();
  });

  it('"amplify import" says that no installed category can import', async () => {
    const result = await amplify('import');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No installed category supports "import".');
  });

  it('names an unknown category, suggests the closest and lists the others', async () => {
    const typo = await amplify('add', 'stroage');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(
      '✖ "stroage" is not an installed category. Did you mean "amplify add storage"?\n' +
        '  Categories that support "add": analytics, api, auth, function, hosting, interactions, notifications, storage; run "amplify add <category>"\n',
    );
    const missing = await amplify('remove', 'predictions');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('"predictions" is not an installed category');
    expect(missing.stderr).toContain('Categories that support "remove": analytics, api, auth, function, hosting, interactions, notifications, storage');
  });

  it.each([
    [['--debug', 'status']],
    [['-y', 'status']],
    [['status', '--debug']],
  ])('runs the command when global flags stand anywhere: amplify %j', async (args) => {
    const result = await amplify(...args);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('Usage: amplify');
    expect(result.stderr).toMatch(/project/i);
  });
});

describe('unknown options', () => {
  it('are named with the closest declared option, for core commands', async () => {
    const result = await amplify('push', '--forse');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✖ "amplify push" has no option --forse. Did you mean --force?\n  Run "amplify push --help" to see its options\n');
  });

  it('are named for plugin commands that describe their options, before any plugin code loads', async () => {
    const result = await amplify('function', 'invoke', 'fn', '--evnt', 'e.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ "amplify function invoke" has no option --evnt. Did you mean --event?');
    expect(result.stderr).not.toContain('help must not load plugin code');
  });

  it('accept the global flags, short spellings and the spellings the original accepted', async () => {
    for (const args of [['push', '--yes', '--force', '--debug'], ['init', '-y', '--amplifyConfig', '{}'], ['publish', '-c']]) {
      const result = await amplify(...args);
      expect(result.stderr).not.toContain('has no option');
    }
  });

  it('are not checked for commands that do not describe their options', async () => {
    const result = await amplify('hello', 'there', '--anything');
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});

describe("gluegun's longest command path", () => {
  it('runs a plugin\'s own command with the words it does not declare as parameters', async () => {
    const result = await amplify('hello', 'there', 'friend');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(path.join(machine.cwd, 'hello.txt'), 'utf8')).toBe('there friend');
  });
});

describe('the original\'s flags that change nothing here', () => {
  it('are accepted with a warning that says so', async () => {
    const result = await amplify('push', '--minify', '--forse');
    expect(result.stderr).toContain('has no option --forse');
    const accepted = await amplify('push', '--minify');
    expect(accepted.stderr).toContain('⚠ --minify is accepted for scripts written for the original amplify; it has no effect here');
    expect(accepted.stderr).not.toContain('has no option');
  });
});

describe('publish without hosting', () => {
  function projectWithoutHosting(cwd: string): string {
    const project = path.join(cwd, 'no-hosting');
    fs.mkdirSync(path.join(project, 'amplify', '.config'), { recursive: true });
    fs.mkdirSync(path.join(project, 'amplify', 'backend'), { recursive: true });
    fs.writeFileSync(path.join(project, 'amplify', '.config', 'project-config.json'), JSON.stringify({ projectName: 'nohosting', version: '3.1', frontend: 'javascript', providers: ['awscloudformation'] }));
    fs.writeFileSync(path.join(project, 'amplify', 'backend', 'amplify-meta.json'), JSON.stringify({ providers: { awscloudformation: {} } }));
    return project;
  }

  it('advises adding hosting when the hosting plugin is installed', async () => {
    const run = fakeEnvironment(machine, ['publish', '--yes'], { cwd: projectWithoutHosting(machine.cwd) });
    expect(await runCli(run.environment)).toBe(1);
    expect(run.stderr()).toBe(
      '✖ There is nothing to publish to: the project has no hosting resource\n' + '  Add hosting with "amplify add hosting", then run "amplify publish" again\n',
    );
  });

  it('advises only commands that exist in this installation', async () => {
    const withoutHosting = makeFakeMachine();
    for (const { packageName, manifest } of WORKSPACE_PLUGINS.filter((plugin) => plugin.manifest.name !== 'hosting')) {
      writePackage(withoutHosting.cliNodeModules, packageName, { manifest, files: { 'index.js': POISON } });
    }
    const run = fakeEnvironment(withoutHosting, ['publish', '--yes'], { cwd: projectWithoutHosting(withoutHosting.cwd) });
    expect(await runCli(run.environment)).toBe(1);
    expect(run.stderr()).toBe(
      '✖ There is nothing to publish to: the project has no hosting resource\n' +
        '  No hosting plugin is installed: deploy the backend with "amplify push" and serve the app with "amplify run" (see "amplify plugin list")\n',
    );
  });
});
