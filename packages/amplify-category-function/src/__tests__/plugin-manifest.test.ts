import * as fs from 'fs';
import * as path from 'path';
import { validatePluginManifest } from 'amplify-cli-core';
import { FUNCTION_COMMANDS } from '..';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'amplify-plugin.json'), 'utf8')) as { name: string; commands: string[]; commandAliases: Record<string, string> };

describe('amplify-plugin.json', () => {
  test('is a valid category manifest named function', () => {
    expect(validatePluginManifest(manifest)).toMatchObject({ valid: true, manifest: { name: 'function', type: 'category' } });
  });

  test('declares exactly the commands the plugin implements, each in its own file', () => {
    expect([...manifest.commands].sort()).toEqual([...FUNCTION_COMMANDS].sort());
    for (const command of manifest.commands) {
      expect(fs.existsSync(path.resolve(__dirname, '..', 'commands', `${command}.ts`))).toBe(true);
    }
  });

  test('aliases point at declared commands', () => {
    for (const target of Object.values(manifest.commandAliases)) expect(manifest.commands).toContain(target);
  });
});
