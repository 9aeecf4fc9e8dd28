import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage, writeProjectFile } from 'amplify-test-support';
import { runCli } from '../cli';
import { fakeEnvironment, FakeMachine, makeFakeMachine, RunOptions } from './helpers/fixtures';

afterEach(cleanupTempDirs);

async function amplify(machine: FakeMachine, args: string[], options: RunOptions = {}) {
  const run = fakeEnvironment(machine, args, options);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** A command module that writes `value(context)` as JSON to `<cwd>/out.json`. */
function probe(expression: string): string {
  return `module.exports = { executeAmplifyCommand: async (context) => {
    const value = await (async () => ${expression})();
    require('fs').writeFileSync(require('path').join(context.session.environment.cwd, 'out.json'), JSON.stringify(value));
  } };`;
}

function output(machine: FakeMachine): unknown {
  return JSON.parse(fs.readFileSync(path.join(machine.cwd, 'out.json'), 'utf8'));
}

describe('context.amplify platform functions', () => {
  it('maps plugin names to folders by type and runs provider utils', async () => {
    const machine = makeFakeMachine();
    const g = machine.globalNodeModules;
    const category = writePackage(g, 'amplify-category-things', { manifest: { name: 'things', type: 'category' } });
    const provider = writePackage(g, 'amplify-provider-cloudy', {
      manifest: { name: 'cloudy', type: 'provider' },
      files: { 'index.js': 'module.exports = { providerUtils: { echo: async (context, options) => ({ echoed: options }) } };' },
    });
    const frontend = writePackage(g, 'amplify-frontend-elm', { manifest: { name: 'elm', type: 'frontend' } });
    writePackage(g, 'amplify-probe', {
      manifest: { name: 'probe', type: 'util', commands: ['run-it'] },
      files: {
        'index.js': probe(`({
          categories: context.amplify.getCategoryPlugins(context),
          providers: context.amplify.getProviderPlugins(context),
          frontends: context.amplify.getFrontendPlugins(context),
          util: await context.amplify.executeProviderUtils(context, 'cloudy', 'echo', { a: 1 }),
          instance: typeof context.amplify.getPluginInstance(context, 'cloudy').providerUtils.echo,
          missing: context.amplify.getPluginInstance(context, 'nothing') === undefined,
          platform: Object.keys(context.pluginPlatform.plugins).sort(),
        })`),
      },
    });
    const result = await amplify(machine, ['probe', 'run-it']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(output(machine)).toEqual({
      categories: { things: category },
      providers: { cloudy: provider },
      frontends: { elm: frontend },
      util: { echoed: { a: 1 } },
      instance: 'function',
      missing: true,
      platform: ['cloudy', 'core', 'elm', 'probe', 'things'],
    });
  });

  it('names the provider and the util that are missing', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-provider-cloudy', { manifest: { name: 'cloudy', type: 'provider' }, files: { 'index.js': 'module.exports = {};' } });
    writePackage(machine.globalNodeModules, 'amplify-probe', {
      manifest: { name: 'probe', type: 'util', commands: ['a', 'b'] },
      files: { 'index.js': "module.exports = { executeAmplifyCommand: (context) => context.amplify.executeProviderUtils(context, context.input.command === 'a' ? 'nope' : 'cloudy', 'x') };" },
    });
    expect((await amplify(machine, ['probe', 'a'])).stderr).toContain('No provider plugin named "nope" is installed');
    expect((await amplify(machine, ['probe', 'b'])).stderr).toContain('Plugin "cloudy" (amplify-provider-cloudy@1.0.0) has no provider util "x"');
  });

  it('hands pushResources to the core push, which needs a project', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-category-things', {
      manifest: { name: 'things', type: 'category', commands: ['push'] },
      files: { 'index.js': "module.exports = { executeAmplifyCommand: (context) => context.amplify.pushResources(context, 'things') };" },
    });
    const result = await amplify(machine, ['things', 'push', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ No amplify project found/);
  });
});

describe('choosing between plugins of the same name', () => {
  function installTwoHostings(machine: FakeMachine): void {
    for (const [pkg, services] of [
      ['amplify-category-hosting', ['S3AndCloudFront']],
      ['amplify-category-hosting-console', ['amplifyhosting']],
    ] as const) {
      writePackage(machine.globalNodeModules, pkg, {
        manifest: { name: 'hosting', type: 'category', commands: ['add', 'configure'], services },
        files: { 'index.js': probe(`'${pkg}'`) },
      });
    }
  }

  it('picks the one whose services match the resources in amplify-meta.json', async () => {
    const machine = makeFakeMachine();
    installTwoHostings(machine);
    writeProjectFile(machine.cwd, 'amplify/.config/project-config.json', { projectName: 'shop', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
    writeProjectFile(machine.cwd, 'amplify/.config/local-env-info.json', { envName: 'dev' });
    writeProjectFile(machine.cwd, 'amplify/team-provider-info.json', { dev: {} });
    writeProjectFile(machine.cwd, 'amplify/backend/amplify-meta.json', { hosting: { amplifyhosting: { service: 'amplifyhosting' } } });
    expect((await amplify(machine, ['hosting', 'configure'])).code).toBe(0);
    expect(output(machine)).toBe('amplify-category-hosting-console');
  });

  it('without a terminal, asks for --plugin and honours it', async () => {
    const machine = makeFakeMachine();
    installTwoHostings(machine);
    const refused = await amplify(machine, ['add', 'hosting']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Cannot ask "Select the plugin module to execute" without a terminal');
    expect(refused.stderr).toContain('--plugin <package> (one of amplify-category-hosting, amplify-category-hosting-console)');
    expect((await amplify(machine, ['add', 'hosting', '--plugin', 'amplify-category-hosting'])).code).toBe(0);
    expect(output(machine)).toBe('amplify-category-hosting');
  });
});

describe('context.environment', () => {
  it('is the environment the CLI was started with, not the process of the test', async () => {
    const machine = makeFakeMachine();
    writePackage(machine.globalNodeModules, 'amplify-probe', {
      manifest: { name: 'probe', type: 'util', commands: ['run-it'] },
      files: {
        'index.js': probe(`({
          region: context.environment.env.AWS_REGION,
          interactive: context.environment.isInteractive(),
          stdoutIsTTY: context.environment.stdoutIsTTY,
        })`),
      },
    });
    const saved = process.env.AWS_REGION;
    process.env.AWS_REGION = 'process-region';
    try {
      expect((await amplify(machine, ['probe', 'run-it'], { env: { AWS_REGION: 'cli-region' }, stdinIsTTY: true })).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = saved;
    }
    expect(output(machine)).toEqual({ region: 'cli-region', interactive: true, stdoutIsTTY: false });
  });
});
