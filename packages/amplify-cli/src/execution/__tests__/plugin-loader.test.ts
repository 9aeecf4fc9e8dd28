import * as fs from 'fs';
import * as path from 'path';
import type { PluginInfo } from 'amplify-cli-core';
import { cleanupTempDirs, makeTempDir, writePackage } from 'amplify-test-support';
import { missingMainModule, runPluginCode } from '../plugin-loader';

afterEach(cleanupTempDirs);

function infoOf(dir: string): PluginInfo {
  return { packageName: 'amplify-tools', packageVersion: '1.0.0', packageLocation: dir, manifest: { name: 'tools', type: 'util', commands: ['go'] } } as PluginInfo;
}

describe('missingMainModule', () => {
  it('names the main module package.json declares when no file answers to it', () => {
    const dir = writePackage(makeTempDir(), 'amplify-tools', { packageJson: { main: 'lib/index.js' } });
    expect(missingMainModule(infoOf(dir))).toBe('lib/index.js');
  });

  it('is undefined when the main module is there, or when none is declared', () => {
    const built = writePackage(makeTempDir(), 'amplify-tools', { packageJson: { main: 'lib/index.js' }, files: { 'lib/index.js': '' } });
    expect(missingMainModule(infoOf(built))).toBeUndefined();
    const commandsOnly = writePackage(makeTempDir(), 'amplify-tools', { files: { 'commands/go.js': '' } });
    expect(missingMainModule(infoOf(commandsOnly))).toBeUndefined();
    expect(fs.existsSync(path.join(commandsOnly, 'index.js'))).toBe(false);
  });
});

describe('runPluginCode', () => {
  const info = infoOf('/nowhere');

  it('reports an endpoint nobody answers (even wrapped by an SDK) as the user\'s to fix, naming the local cloud', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('request failed', { cause: refused });
    await expect(runPluginCode(info, 'pushResources', () => Promise.reject(wrapped))).rejects.toMatchObject({
      code: 'NetworkUnreachable',
      message: 'Plugin "tools" (amplify-tools@1.0.0) could not reach the cloud in pushResources: request failed',
      resolution: expect.stringContaining('amplify local-cloud start'),
    });
  });

  it('reports any other failure as the plugin\'s bug', async () => {
    await expect(runPluginCode(info, 'pushResources', () => Promise.reject(new TypeError('x is undefined')))).rejects.toMatchObject({
      code: 'PluginCommandFailed',
      resolution: expect.stringContaining('report it to the plugin author'),
    });
  });
});
