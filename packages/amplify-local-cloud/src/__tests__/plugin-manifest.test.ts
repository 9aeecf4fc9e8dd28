import * as fs from 'fs';
import * as path from 'path';
import { validatePluginManifest } from 'amplify-cli-core';
import { COMMANDS } from '../commands/command-table';

const packageRoot = path.resolve(__dirname, '..', '..');

describe('plugin manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'amplify-plugin.json'), 'utf8')) as { name: string; type: string; commands: string[] };

  it('is a valid util plugin manifest named local-cloud', () => {
    expect(validatePluginManifest(manifest)).toMatchObject({ valid: true });
    expect(manifest).toMatchObject({ name: 'local-cloud', type: 'util' });
  });

  it('lists exactly the commands the plugin implements', () => {
    expect([...manifest.commands].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('is shipped with the package, and the bin with it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string> };
    expect(pkg.files).toEqual(expect.arrayContaining(['amplify-plugin.json', 'bin', 'lib']));
    expect(fs.existsSync(path.join(packageRoot, pkg.bin['amplify-local-cloud']))).toBe(true);
  });
});
