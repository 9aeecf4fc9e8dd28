import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AmplifySandbox, KEY, readJson, runInTerminal } from 'amplify-test-support';

/**
 * The reworked questions, answered in a pseudo-terminal as a person would: init's summary with one confirmation,
 * and remove taking the only resource with Yes as the default.
 */
let sandbox: AmplifySandbox;
let app: string;
const amplify = (args: string, answers: Parameters<typeof runInTerminal>[1]) =>
  runInTerminal(`${process.execPath} ${AMPLIFY_BIN} ${args}`, answers, { cwd: app, env: sandbox.env });

beforeAll(async () => {
  sandbox = await AmplifySandbox.start();
  app = sandbox.createApp('questions');
});

afterAll(async () => {
  await sandbox.close();
});

test('init shows the configuration it will apply and asks once, then the authentication method', async () => {
  const result = await amplify('init', [
    { question: /Enter a name for the project/, keys: KEY.enter },
    { question: /Initialize the project with the above configuration\?/, keys: KEY.enter },
    // With credentials in the environment: access keys, the default chain, the local cloud.
    { question: /Select the authentication method you want to use/, keys: KEY.down + KEY.enter },
  ]);
  expect(result.unanswered).toBe(0);
  expect(result.exitCode).toBe(0);
  const screen = result.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  expect(screen).toMatch(/Project information\n\| Name: questions\n\| Environment: dev\n\| Default editor: Visual Studio Code\n\| App type: javascript\n\| Javascript framework: react\n/);
  expect(screen).not.toContain('Enter a name for the environment');
  expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toEqual({ envName: 'dev', defaultEditor: 'vscode' });
  expect(readJson<{ javascript: { framework: string } }>(path.join(app, 'amplify', '.config', 'project-config.json')).javascript.framework).toBe('react');
  expect(readJson(path.join(app, 'amplify', '.config', 'local-aws-info.json'))).toEqual({ dev: { configLevel: 'general' } });
});

test('remove takes the only resource of the category, names it, and confirms with Yes by default', async () => {
  const added = await sandbox.run(app, ['add', 'function', '--yes']);
  expect(added.exitCode).toBe(0);
  const [name] = fs.readdirSync(path.join(app, 'amplify', 'backend', 'function'));
  const result = await amplify('remove function', [{ question: /backend folder \(Y\/n\)/, keys: KEY.enter }]);
  expect(result.unanswered).toBe(0);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain(`Only one function resource in this project, selecting ${name}.`);
  expect(result.stdout).not.toContain('Choose the resource you would want to remove');
  expect(fs.existsSync(path.join(app, 'amplify', 'backend', 'function', name))).toBe(false);
});

test('remove --yes with a single resource removes it without asking', async () => {
  expect((await sandbox.run(app, ['add', 'function', '--yes'])).exitCode).toBe(0);
  const [name] = fs.readdirSync(path.join(app, 'amplify', 'backend', 'function'));
  const result = await sandbox.run(app, ['remove', 'function', '--yes']);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(fs.existsSync(path.join(app, 'amplify', 'backend', 'function', name))).toBe(false);
});
