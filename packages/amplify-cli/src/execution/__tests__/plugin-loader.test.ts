import * as fs from 'fs';
import * as path from 'path';
import type { PluginInfo } from 'amplify-cli-core';
import { cleanupTempDirs, makeTempDir, writePackage } from '../../__tests__/helpers/fixtures';
import { missingMainModule } from '../plugin-loader';

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
