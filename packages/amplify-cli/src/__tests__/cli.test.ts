import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { runCli } from '../cli';
import { coreCommands } from '../commands';
import { fakeEnvironment, FakeMachine, makeFakeMachine, RunOptions } from './helpers/fixtures';

afterEach(cleanupTempDirs);

async function amplify(machine: FakeMachine, args: string[], options: RunOptions = {}) {
  const run = fakeEnvironment(machine, args, options);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Plugin code that records what it was called with in `<cwd>/calls.jsonl`, so tests can see what ran. */
const RECORD = `
const fs = require('fs');
const path = require('path');
function record(context, entry) {
  fs.appendFileSync(path.join(context.session ? context.session.environment.cwd : process.cwd(), 'calls.jsonl'), JSON.stringify(entry) + '\\n');
}
`;

function calls(machine: FakeMachine): Array<Record<string, unknown>> {
  const file = path.join(machine.cwd, 'calls.jsonl');
  return fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
}

const POISON = "throw new Error('this plugin must not be loaded');";

function installModernPlugin(machine: FakeMachine): void {
  writePackage(machine.globalNodeModules, 'amplify-category-widgets', {
    manifest: { name: 'widgets', type: 'category', commands: ['add', 'remove', 'help'], commandAliases: { make: 'add' }, eventHandlers: ['PostPush'] },
    files: {
      'index.js': `${RECORD}
module.exports = {
  async executeAmplifyCommand(context) {
    record(context, { plugin: 'widgets', input: context.input, parameters: { first: context.parameters.first, options: context.parameters.options }, cwdFile: typeof context.amplify.getProjectMeta });
    if (context.input.options && context.input.options.raise) await context.amplify.raiseEvent(context, 'PostPush', { from: 'widgets' });
  },
  async executeAmplifyHeadlessCommand(context, payload) {
    record(context, { plugin: 'widgets', headless: JSON.parse(payload) });
  },
  async handleAmplifyEvent(context, args) {
    record(context, { plugin: 'widgets', event: args.event, data: args.data });
  },
};`,
    },
  });
}

function installGluegunPlugin(machine: FakeMachine): void {
  writePackage(machine.cliNodeModules, 'amplify-legacy', {
    manifest: { name: 'legacy', type: 'util', commands: ['legacy', 'greet'] },
    packageJson: { main: 'missing-on-purpose.js' },
    files: {
      'commands/legacy.js': `${RECORD} module.exports = { name: 'legacy', run: async (context) => record(context, { top: true }) };`,
      'commands/legacy/greet.js': `${RECORD} module.exports = { name: 'greet', run: async (context) => record(context, { greet: context.parameters.first, extended: context.fromExtension }) };`,
      'extensions/mark.js': `module.exports = (context) => { context.fromExtension = 'yes'; };`,
    },
  });
}

describe('amplify binary (in process)', () => {
  it('prints help from manifests without loading any plugin code', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-category-poison', { manifest: { name: 'poison', type: 'category', commands: ['add', 'push'] }, files: { 'index.js': POISON } });
    const result = await amplify(machine, ['help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ {2}status \(ls\) +Shows the state/m);
    expect(result.stdout).toMatch(/^ {2}poison +category: add, push \(amplify-category-poison@1.0.0\)$/m);
    const pluginHelp = await amplify(machine, ['poison', 'help']);
    expect(pluginHelp.code).toBe(0);
    expect(pluginHelp.stdout).toContain('Usage: amplify poison <command>');
    expect(pluginHelp.stdout).toMatch(/^ {2}amplify poison push$/m);
  });

  it('prints the version', async () => {
    const machine = makeFakeMachine();
    const version = JSON.parse(fs.readFileSync(path.join(machine.cliDir, 'package.json'), 'utf8')).version;
    expect(await amplify(machine, ['version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await amplify(machine, ['-v'])).stdout).toBe(`${version}\n`);
  });

  it('exits 1 with a suggestion for unknown words', async () => {
    const machine = makeFakeMachine();
    const result = await amplify(machine, ['stauts']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✖ "stauts" is not an amplify command or plugin. Did you mean "amplify status"?\n  Run "amplify help" to list the commands and plugins\n');
  });

  it('runs executeAmplifyCommand plugins in both word orders with the original context.input', async () => {
    const machine = makeFakeMachine();
    installModernPlugin(machine);
    expect((await amplify(machine, ['widgets', 'add', 'one', '--name', 'x', '-y'])).code).toBe(0);
    expect((await amplify(machine, ['make', 'widgets'])).code).toBe(0);
    const [first, second] = calls(machine);
    expect(first.input).toEqual({
      argv: ['node', 'amplify', 'widgets', 'add', 'one', '--name', 'x', '-y'],
      plugin: 'widgets',
      command: 'add',
      subCommands: ['one'],
      options: { name: 'x', yes: true },
    });
    expect(first.parameters).toEqual({ first: 'one', options: { name: 'x', yes: true } });
    expect(first.cwdFile).toBe('function');
    expect(second.input).toMatchObject({ plugin: 'widgets', command: 'add' });
  });

  it('runs gluegun-style command files and extensions', async () => {
    const machine = makeFakeMachine();
    installGluegunPlugin(machine);
    expect((await amplify(machine, ['legacy'])).code).toBe(0);
    expect((await amplify(machine, ['greet', 'legacy', 'world'])).code).toBe(0);
    expect(calls(machine)).toEqual([{ top: true }, { greet: 'world', extended: 'yes' }]);
  });

  it('names a plugin that throws while loading, and other commands keep working', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-category-boom', { manifest: { name: 'boom', type: 'category', commands: ['add'] }, files: { 'index.js': "throw new Error('kaboom');" } });
    const result = await amplify(machine, ['add', 'boom']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ Plugin "boom" (amplify-category-boom@1.0.0) failed to load: kaboom');
    expect(result.stderr).toContain('amplify plugin remove boom');
    expect(result.stderr).not.toContain('at ');
    const debug = await amplify(machine, ['add', 'boom', '--debug']);
    expect(debug.stderr).toMatch(/Error: kaboom\n\s+at /);
    const debugByEnv = await amplify(machine, ['add', 'boom'], { env: { AMPLIFY_ENABLE_DEBUG_OUTPUT: 'true' } });
    expect(debugByEnv.stderr).toMatch(/Caused by:\nError: kaboom\n\s+at /);
    expect((await amplify(machine, ['help'])).code).toBe(0);
  });

  it('answers "amplify <plugin> help" from the manifest when the plugin own help cannot load', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-category-boom', { manifest: { name: 'boom', type: 'category', commands: ['add', 'help'] }, files: { 'index.js': "throw new Error('kaboom');" } });
    const result = await amplify(machine, ['boom', 'help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('⚠ Plugin "boom" (amplify-category-boom@1.0.0) failed to load: kaboom; showing the commands its manifest declares');
    expect(result.stdout).toMatch(/^ {2}amplify boom add$/m);
  });

  it('names a plugin whose command throws', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-flaky', {
      manifest: { name: 'flaky', type: 'util', commands: ['go'] },
      files: { 'index.js': "module.exports = { executeAmplifyCommand: async () => { throw new TypeError('x is undefined'); } };" },
    });
    const result = await amplify(machine, ['flaky', 'go']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ Plugin "flaky" (amplify-flaky@1.0.0) failed in executeAmplifyCommand(go): x is undefined');
  });

  it('delivers events to the plugins that list them and survives a failing handler', async () => {
    const machine = makeFakeMachine();
    installModernPlugin(machine);
    writePackage(machine.globalNodeModules, 'amplify-listener', {
      manifest: { name: 'listener', type: 'util', eventHandlers: ['PostPush', 'PrePull'] },
      files: { 'index.js': `${RECORD} module.exports = { handleAmplifyEvent: async (context, args) => record(context, { plugin: 'listener', event: args.event }) };` },
    });
    writePackage(machine.globalNodeModules, 'amplify-grumpy', {
      manifest: { name: 'grumpy', type: 'util', eventHandlers: ['PostPush'] },
      files: { 'index.js': "module.exports = { handleAmplifyEvent: async () => { throw new Error('grr'); } };" },
    });
    const result = await amplify(machine, ['widgets', 'add', '--raise']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Plugin "grumpy" (amplify-grumpy@1.0.0) failed in handleAmplifyEvent(PostPush): grr (event PostPush ignored)');
    expect(calls(machine).filter((call) => call.event)).toEqual([
      { plugin: 'listener', event: 'PostPush' },
      { plugin: 'widgets', event: 'PostPush', data: { from: 'widgets' } },
    ]);
  });

  it('raises the Pre and Post events around init, push and pull', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-listener', {
      manifest: { name: 'listener', type: 'util', eventHandlers: ['PrePush', 'PostPush'] },
      files: { 'index.js': `${RECORD} module.exports = { handleAmplifyEvent: async (context, args) => record(context, { event: args.event }) };` },
    });
    const original = coreCommands.push;
    coreCommands.push = async () => ({
      run: async (context) => {
        fs.appendFileSync(path.join(context.session.environment.cwd, 'calls.jsonl'), `${JSON.stringify({ command: 'push' })}\n`);
      },
    });
    try {
      expect((await amplify(machine, ['push'])).code).toBe(0);
    } finally {
      coreCommands.push = original;
    }
    expect(calls(machine)).toEqual([{ event: 'PrePush' }, { command: 'push' }, { event: 'PostPush' }]);
  });

  it('warns once about a skipped plugin, when the scan finds it', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-category-liar', { manifest: { name: 'liar', type: 'provider' } });
    const first = await amplify(machine, ['version']);
    expect(first.stderr).toContain('⚠ Skipped plugin amplify-category-liar (PluginTypeMismatch): package amplify-category-liar is a category plugin by its name');
    expect((await amplify(machine, ['version'])).stderr).toBe('');
  });

  describe('--headless', () => {
    it('passes the JSON document on stdin to executeAmplifyHeadlessCommand', async () => {
      const machine = makeFakeMachine();
      installModernPlugin(machine);
      const result = await amplify(machine, ['add', 'widgets', '--headless'], { stdin: '{"version":1,"name":"w"}\n' });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(calls(machine)).toEqual([{ plugin: 'widgets', headless: { version: 1, name: 'w' } }]);
    });

    it.each([
      ['stdin is a terminal', { stdinIsTTY: true }, 'stdin is a terminal'],
      ['stdin is empty', { stdin: '' }, 'received no JSON payload'],
      ['stdin is not JSON', { stdin: 'name=w' }, 'is not valid JSON'],
    ])('fails fast when %s', async (_, options, message) => {
      const machine = makeFakeMachine();
      installModernPlugin(machine);
      const result = await amplify(machine, ['add', 'widgets', '--headless'], options);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    });

    it('says when a plugin has no headless mode', async () => {
      const machine = makeFakeMachine();
      installGluegunPlugin(machine);
      const result = await amplify(machine, ['legacy', 'greet', '--headless'], { stdin: '{}' });
      expect(result.stderr).toContain('Headless mode is not implemented for amplify-legacy');
    });
  });
});
