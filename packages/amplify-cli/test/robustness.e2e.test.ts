import { spawn } from 'child_process';
import { AMPLIFY_BIN, AmplifySandbox } from './helpers/amplify-sandbox';

/**
 * What a CI script or a careless user does to the built binary: pipes it into `head`, feeds it broken files and
 * flags. Each case must end in a short error (or success), never a crash with a stack trace, and change nothing.
 */
jest.setTimeout(120_000);

describe('robustness of the built binary', () => {
  let sandbox: AmplifySandbox;

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
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
});
