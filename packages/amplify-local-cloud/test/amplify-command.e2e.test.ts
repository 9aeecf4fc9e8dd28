import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stopInstance } from '../src';

/** The `amplify` binary of this repository, which finds this package as its `local-cloud` plugin. */
const AMPLIFY = path.resolve(__dirname, '..', '..', 'amplify-cli', 'bin', 'amplify');

jest.setTimeout(60000);

let home: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-amplify-e2e-'));
});
afterAll(async () => {
  await stopInstance({ dataDir: path.join(home, 'local-cloud') });
  fs.rmSync(home, { recursive: true, force: true });
});

function amplify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // A private AMPLIFY_HOME: its plugin cache and the default data directory stay inside the test's folder.
    execFile(process.execPath, [AMPLIFY, ...args], { env: { ...process.env, AMPLIFY_HOME: home, NO_COLOR: '1' }, timeout: 60000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('amplify local-cloud', () => {
  it('starts detached in the default data directory under AMPLIFY_HOME, reports status and stops', async () => {
    const dataDir = path.join(home, 'local-cloud');
    const started = await amplify('local-cloud', 'start', '--detach', '--port', '0');
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`data in ${dataDir})`);
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as { endpoint: string; pid: number };
    expect((await amplify('local-cloud', 'status')).stdout).toContain(`running at ${info.endpoint} (pid ${info.pid}`);
    expect((await amplify('local-cloud', 'stop')).stdout).toContain(`Stopped the local cloud at ${info.endpoint}`);
    expect((await amplify('local-cloud', 'status')).stdout).toContain('not running');
  });

  it('reports a bad option as one line with its fix and a non-zero exit', async () => {
    const result = await amplify('local-cloud', 'status', '--port', 'abc');
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("--port must be a port number from 0 to 65535, not 'abc'.");
  });
});
