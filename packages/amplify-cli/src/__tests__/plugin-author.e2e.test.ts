/**
 * What a plugin author does, end to end, with the built binary (run `npx tsc -b packages/amplify-cli` first):
 * scaffold a plugin, add a command that records a resource through the accessor, pack it, install it globally
 * into a temp npm prefix, use it through `amplify`, see the resource in `amplify status`, uninstall it.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const bin = path.resolve(__dirname, '..', '..', 'bin', 'amplify');
const npmCli = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');

let tmp: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!fs.existsSync(path.resolve(__dirname, '..', '..', 'lib', 'cli.js'))) {
    throw new Error('Build the CLI first: npx tsc -b packages/amplify-cli');
  }
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-plugin-author-')));
  env = {
    ...process.env,
    AMPLIFY_HOME: path.join(tmp, 'home', '.amplify'),
    npm_config_prefix: path.join(tmp, 'prefix'),
    npm_config_cache: path.join(tmp, 'npm-cache'),
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
  fs.mkdirSync(path.join(tmp, 'work'), { recursive: true });
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function amplify(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function npm(args: string[], cwd: string): string {
  const npmArgs = fs.existsSync(npmCli) ? [npmCli, ...args] : args;
  const command = fs.existsSync(npmCli) ? process.execPath : 'npm';
  return execFileSync(command, npmArgs, { cwd, env, encoding: 'utf8' });
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

test('scaffold, pack, install globally, use, see in status, uninstall', () => {
  const work = path.join(tmp, 'work');
  const created = amplify(['plugin', 'new', 'myplugin', '--yes'], work);
  expect(created).toMatchObject({ code: 0, stderr: '' });
  const pluginDir = path.join(work, 'myplugin');

  // The author's own command: records a resource through the accessor, never touching amplify-meta.json directly.
  fs.writeFileSync(
    path.join(pluginDir, 'commands', 'add-resource.js'),
    `async function run(context) {
  const name = context.parameters.first;
  context.amplify.updateamplifyMetaAfterResourceAdd('custom', name, { service: 'Widget', providerPlugin: 'awscloudformation' });
  context.print.success('added ' + name);
}
module.exports = { name: 'add-resource', run };
`,
  );
  const manifestFile = path.join(pluginDir, 'amplify-plugin.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  writeJson(manifestFile, { ...manifest, commands: [...manifest.commands, 'add-resource'] });
  expect(amplify(['plugin', 'verify'], pluginDir).code).toBe(0);

  const tarball = npm(['pack', '--silent', '--pack-destination', tmp], pluginDir).trim().split('\n').pop() as string;
  npm(['install', '-g', '--offline', '--no-audit', '--no-fund', path.join(tmp, tarball)], tmp);
  expect(fs.existsSync(path.join(tmp, 'prefix', 'lib', 'node_modules', 'amplify-myplugin', 'amplify-plugin.json'))).toBe(true);

  const help = amplify(['myplugin', 'help'], work);
  expect(help).toMatchObject({ code: 0, stderr: '' });
  expect(help.stdout).toContain('add-resource');
  expect(amplify(['myplugin', 'version'], work).stdout).toBe('amplify-myplugin 1.0.0\n');
  const listed = JSON.parse(amplify(['plugin', 'list', '--json'], work).stdout);
  expect(listed.plugins).toContainEqual(
    expect.objectContaining({ name: 'myplugin', type: 'util', package: 'amplify-myplugin', location: path.join(tmp, 'prefix', 'lib', 'node_modules', 'amplify-myplugin') }),
  );

  const project = path.join(tmp, 'project');
  writeJson(path.join(project, 'amplify', '.config', 'project-config.json'), { projectName: 'authored', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  writeJson(path.join(project, 'amplify', '.config', 'local-env-info.json'), { envName: 'dev' });
  writeJson(path.join(project, 'amplify', 'team-provider-info.json'), { dev: { awscloudformation: {} } });
  writeJson(path.join(project, 'amplify', 'backend', 'amplify-meta.json'), { providers: { awscloudformation: {} } });
  writeJson(path.join(project, 'amplify', 'backend', 'backend-config.json'), {});
  writeJson(path.join(project, 'amplify', '#current-cloud-backend', 'amplify-meta.json'), { providers: { awscloudformation: {} } });

  const added = amplify(['myplugin', 'add-resource', 'gizmo'], project);
  expect(added).toMatchObject({ code: 0, stdout: 'added gizmo\n' });
  const status = amplify(['status'], project);
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/\| Custom +\| gizmo +\| Create +\| awscloudformation +\|/);
  expect(JSON.parse(amplify(['status', '--json'], project).stdout).resources).toEqual([
    { category: 'Custom', resourceName: 'gizmo', operation: 'Create', providerPlugin: 'awscloudformation' },
  ]);

  npm(['uninstall', '-g', '--no-audit', '--no-fund', 'amplify-myplugin'], tmp);
  const gone = amplify(['myplugin', 'help'], work);
  expect(gone.code).toBe(1);
  expect(gone.stderr).toContain('"myplugin" is not an amplify command or plugin');
  const after = JSON.parse(amplify(['plugin', 'list', '--json'], work).stdout);
  expect(after.plugins.map((plugin: { name: string }) => plugin.name)).not.toContain('myplugin');
});
