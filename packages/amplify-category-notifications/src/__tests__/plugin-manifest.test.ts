import * as fs from 'fs';
import * as path from 'path';
import { validatePluginManifest } from 'amplify-cli-core';
import { COMMAND_NAMES } from '..';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'amplify-plugin.json'), 'utf8')) as { name: string; commands: string[] };

describe('amplify-plugin.json', () => {
  test('is a valid category manifest named notifications', () => {
    expect(validatePluginManifest(manifest)).toMatchObject({ valid: true, manifest: { name: 'notifications', type: 'category' } });
  });

  test('declares exactly the commands the plugin implements', () => {
    expect([...manifest.commands].sort()).toEqual([...COMMAND_NAMES].sort());
  });
});
