import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AmplifySandbox, GENERAL_PROVIDERS, readJson } from './helpers/amplify-sandbox';
import { runInTerminal } from './helpers/pseudo-terminal';

jest.setTimeout(120_000);

/** Interactive init through a real pseudo-terminal: the questions of the original, in its order, answered by keys. */
describe('interactive init (built binary in a pseudo-terminal, local cloud)', () => {
  let sandbox: AmplifySandbox;

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('asks project, env, editor, app type and the javascript questions, then initialises', async () => {
    const app = sandbox.createApp('kiosk-app');
    const command = `${process.execPath} ${AMPLIFY_BIN} init --providers '${GENERAL_PROVIDERS}'`;
    const result = await runInTerminal(
      command,
      [
        { question: /Enter a name for the project/, keys: '\r' },
        { question: /Enter a name for the environment/, keys: 'test\r' },
        { question: /Choose your default editor/, keys: '\u001b[B\r' },
        { question: /Choose the type of app that you're building/, keys: '\r' },
        { question: /What javascript framework are you using/, keys: '\r' },
        { question: /Source Directory Path/, keys: 'app\r' },
        { question: /Distribution Directory Path/, keys: '\r' },
        { question: /Build Command/, keys: '\r' },
        { question: /Start Command/, keys: '\r' },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Initialized your environment successfully');
    const projectConfig = readJson<{ projectName: string; javascript: { framework: string; config: Record<string, string> } }>(
      path.join(app, 'amplify', '.config', 'project-config.json'),
    );
    // The folder name normalised: non-alphanumerics dropped.
    expect(projectConfig.projectName).toBe('kioskapp');
    expect(projectConfig.javascript.framework).toBe('react');
    expect(projectConfig.javascript.config).toEqual({
      SourceDir: 'app',
      DistributionDir: 'build',
      BuildCommand: 'npm run-script build',
      StartCommand: 'npm run-script start',
    });
    expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toEqual({ envName: 'test', defaultEditor: 'atom' });
    expect(fs.existsSync(path.join(app, 'app', 'aws-exports.js'))).toBe(true);
  });
});
