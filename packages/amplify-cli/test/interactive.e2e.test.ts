import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AmplifySandbox, DEMO_PLUGIN_DIR, GENERAL_PROVIDERS, readJson, runInTerminal } from 'amplify-test-support';

jest.setTimeout(120_000);

/** The interactive commands through a real pseudo-terminal: the questions of the original, in its order, answered by keys. */
describe('interactive commands (built binary in a pseudo-terminal, local cloud)', () => {
  let sandbox: AmplifySandbox;

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('after No to the summary, asks env, editor, app type and the javascript questions, then initialises', async () => {
    const app = sandbox.createApp('kiosk-app');
    const command = `${process.execPath} ${AMPLIFY_BIN} init --providers '${GENERAL_PROVIDERS}'`;
    const result = await runInTerminal(
      command,
      [
        { question: /Enter a name for the project/, keys: '\r' },
        // No to the summary: each setting is asked.
        { question: /Initialize the project with the above configuration/, keys: 'n\r' },
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

  test('init in an initialised project offers the existing environments', async () => {
    const app = path.join(sandbox.root, 'kiosk-app');
    const result = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} init`,
      [
        { question: /Do you want to use an existing environment\?/, keys: '\r' },
        { question: /Choose the environment you would like to use/, keys: '\r' },
      ],
      { cwd: app, env: sandbox.env },
    );
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Environment "test" is ready');
    expect(readJson(path.join(app, 'amplify', 'team-provider-info.json'))).toEqual({ test: expect.any(Object) });
  });

  test('push asks for confirmation: "no" deploys nothing and exits non-zero, "yes" deploys', async () => {
    const app = path.join(sandbox.root, 'kiosk-app');
    expect((await sandbox.run(app, ['plugin', 'add', DEMO_PLUGIN_DIR])).exitCode).toBe(0);
    expect((await sandbox.run(app, ['add', 'demo', 'photos'])).exitCode).toBe(0);
    const command = `${process.execPath} ${AMPLIFY_BIN} push`;
    const declined = await runInTerminal(command, [{ question: /Are you sure you want to continue\?/, keys: 'n\r' }], { cwd: app, env: sandbox.env });
    expect(declined.unanswered).toBe(0);
    expect(declined.exitCode).toBe(1);
    expect(declined.stdout).toContain('Push cancelled');
    expect((await sandbox.run(app, ['status'])).stdout).toMatch(/\| Demo +\| photos +\| Create/);

    const accepted = await runInTerminal(command, [{ question: /Are you sure you want to continue\?/, keys: 'y\r' }], { cwd: app, env: sandbox.env });
    expect(accepted.exitCode).toBe(0);
    expect(accepted.stdout).toContain('All resources are updated in the cloud');
    expect((await sandbox.run(app, ['status'])).stdout).toMatch(/\| Demo +\| photos +\| No Change/);
  });

  test('configure walks through a new IAM user and writes the profile; without a terminal it names the alternative', async () => {
    const noTty = await sandbox.run(sandbox.root, ['configure']);
    expect(noTty.exitCode).toBe(1);
    expect(noTty.stderr).toContain('aws configure --profile');

    const result = await runInTerminal(
      `${process.execPath} ${AMPLIFY_BIN} configure`,
      [
        { question: /Press Enter to continue/, keys: '\r' },
        { question: /Specify the AWS Region/, keys: '\r' },
        { question: /Specify the username of the new IAM user/, keys: 'amplify-e2e\r' },
        { question: /Press Enter to continue/, keys: '\r' },
        { question: /accessKeyId/, keys: 'AKIAE2ECONFIGURE0001\r' },
        { question: /secretAccessKey/, keys: 'configure-secret\r' },
        { question: /Profile Name/, keys: 'amplifye2e\r' },
      ],
      { cwd: sandbox.root, env: sandbox.env },
    );
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('userNames=amplify-e2e');
    const credentials = fs.readFileSync(path.join(sandbox.home, '.aws', 'credentials'), 'utf8');
    expect(credentials).toContain('[amplifye2e]');
    expect(credentials).toContain('aws_access_key_id = AKIAE2ECONFIGURE0001');
    expect(fs.readFileSync(path.join(sandbox.home, '.aws', 'config'), 'utf8')).toMatch(/\[profile amplifye2e\][^[]*region = us-east-1/);
  });
});
