import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The `amplify` binary imports this library on every command, so the import must not drag in heavy modules.
const lib = path.join(__dirname, '..', 'lib', 'index.js');

describe('importing amplify-cli-core', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-import-cost-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads no third-party package and not crypto', () => {
    // A script file, not `node -e`: eval mode preloads crypto by itself.
    const script = path.join(dir, 'probe.js');
    fs.writeFileSync(
      script,
      `require(${JSON.stringify(lib)});
       const loaded = Object.keys(require.cache).filter((f) => f.includes('node_modules'));
       process.stdout.write(JSON.stringify({ loaded, crypto: process.moduleLoadList.includes('NativeModule crypto') }));`,
    );
    const result = JSON.parse(execFileSync(process.execPath, [script]).toString()) as { loaded: string[]; crypto: boolean };
    expect(result).toEqual({ loaded: [], crypto: false });
  });
});
