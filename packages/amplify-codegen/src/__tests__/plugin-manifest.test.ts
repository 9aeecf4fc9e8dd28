import * as fs from 'fs';
import * as path from 'path';
import { validatePluginManifest } from 'amplify-cli-core';
import { COMMAND_NAMES } from '..';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'amplify-plugin.json'), 'utf8')) as {
  name: string;
  commands: string[];
  commandAliases: Record<string, string>;
  eventHandlers: string[];
};

describe('amplify-plugin.json', () => {
  test('is a valid general-purpose manifest named codegen that handles PostPush', () => {
    expect(validatePluginManifest(manifest)).toMatchObject({ valid: true, manifest: { name: 'codegen', type: 'util', eventHandlers: ['PostPush'] } });
  });

  test('declares exactly the commands the plugin implements, and aliases to them', () => {
    expect([...manifest.commands].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(manifest.commandAliases).toEqual({ update: 'configure', statement: 'statements', model: 'models' });
    expect(Object.values(manifest.commandAliases).every((command) => manifest.commands.includes(command))).toBe(true);
  });
});
