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

  it('describes each command (but help) as the standalone help does, for "amplify local-cloud <command> --help"', () => {
    const described = (manifest as unknown as { commandHelp: Record<string, { description: string }> }).commandHelp;
    expect(Object.keys(described).sort()).toEqual(Object.keys(COMMANDS).filter((name) => name !== 'help').sort());
    for (const [name, help] of Object.entries(described)) expect(help.description).toBe(COMMANDS[name].description);
  });

  it('is shipped with the package, and the bin with it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string> };
    expect(pkg.files).toEqual(expect.arrayContaining(['amplify-plugin.json', 'bin', 'lib']));
    expect(fs.existsSync(path.join(packageRoot, pkg.bin['amplify-local-cloud']))).toBe(true);
  });
});
