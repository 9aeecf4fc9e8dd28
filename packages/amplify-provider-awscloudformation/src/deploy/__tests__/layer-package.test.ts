import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { hashLayerVersion } from 'amplify-cli-core';
import { packageLayer } from '../layer-package';

let dir: string;
const write = (relative: string, content: string): void => {
  fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  fs.writeFileSync(path.join(dir, relative), content);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-layer-'));
  write('lib/nodejs/package.json', '{"name":"shared","dependencies":{"is-number":"7.0.0"}}');
  write('lib/nodejs/helpers.js', 'module.exports = 1;');
  write('opt/config.json', '{"from":"opt"}');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Stands in for npm: installs one module into the folder's node_modules. */
const fakeInstall = async (where: string): Promise<void> => {
  fs.mkdirSync(path.join(where, 'node_modules', 'is-number'), { recursive: true });
  fs.writeFileSync(path.join(where, 'node_modules', 'is-number', 'index.js'), 'module.exports = () => true;');
};

describe('packageLayer', () => {
  it('zips lib/ and opt/ as Lambda mounts them at /opt, after npm install in lib/nodejs; named by the version hash', async () => {
    const installs: string[] = [];
    const packaged = await packageLayer(dir, 'shopshared', async (where) => {
      installs.push(where);
      await fakeInstall(where);
    });
    expect(installs).toEqual([path.join(dir, 'lib', 'nodejs')]);
    expect(Object.keys(unzipSync(packaged.zip)).sort()).toEqual(['config.json', 'nodejs/helpers.js', 'nodejs/node_modules/is-number/index.js', 'nodejs/package.json']);
    expect(packaged.versionHash).toBe(hashLayerVersion(dir));
    expect(packaged.zipFileName).toBe(`shopshared-${packaged.versionHash.slice(0, 20)}-build.zip`);
    expect(fs.existsSync(path.join(dir, 'dist', packaged.zipFileName))).toBe(true);
  });

  it('a file in both lib/ and opt/ comes from opt/', async () => {
    write('lib/shared.txt', 'lib');
    write('opt/shared.txt', 'opt');
    const { zip } = await packageLayer(dir, 'shopshared', fakeInstall);
    expect(strFromU8(unzipSync(zip)['shared.txt'])).toBe('opt');
  });

  it('the version changes with lib/nodejs or opt/ content, not with what npm installed', async () => {
    const first = await packageLayer(dir, 'shopshared', fakeInstall);
    fs.writeFileSync(path.join(dir, 'lib', 'nodejs', 'node_modules', 'is-number', 'index.js'), 'module.exports = () => false;');
    expect((await packageLayer(dir, 'shopshared', fakeInstall)).zipFileName).toBe(first.zipFileName);
    write('opt/nodejs/node_modules/greeter/index.js', 'exports.greet = () => "hi";');
    const second = await packageLayer(dir, 'shopshared', fakeInstall);
    expect(second.zipFileName).not.toBe(first.zipFileName);
    write('lib/nodejs/helpers.js', 'module.exports = 2;');
    expect((await packageLayer(dir, 'shopshared', fakeInstall)).zipFileName).not.toBe(second.zipFileName);
  });

  it('a failed npm install and an empty layer are errors naming the fix', async () => {
    await expect(packageLayer(dir, 'shopshared', async () => Promise.reject(new Error('E404 is-number')))).rejects.toMatchObject({
      message: 'npm install failed for layer shopshared: E404 is-number',
      resolution: expect.stringContaining(path.join(dir, 'lib', 'nodejs', 'package.json')),
    });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-layer-empty-'));
    try {
      await expect(packageLayer(empty, 'shopempty', fakeInstall)).rejects.toThrow('Lambda layer shopempty has no content under lib/ or opt/.');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
