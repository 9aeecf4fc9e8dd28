import * as fs from 'fs';
import * as path from 'path';
import { PluginManifest, validatePluginManifest } from 'amplify-cli-core';
import { cleanupTempDirs } from 'amplify-test-support';
import { runCli } from '../../cli';
import { fakeEnvironment, makeFakeMachine } from '../../__tests__/helpers/fixtures';
import { coreCommands } from '..';
import { CORE_COMMAND_HELP } from '../command-help';

afterAll(cleanupTempDirs);

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'amplify-plugin.json'), 'utf8')) as PluginManifest;

describe('the core manifest and the command table agree', () => {
  it('is a valid core manifest', () => {
    expect(validatePluginManifest(manifest)).toEqual({ valid: true, manifest });
    expect(manifest).toMatchObject({ name: 'core', type: 'core', commandAliases: { h: 'help', serve: 'run', ls: 'status' } });
  });

  it.each(Object.keys(coreCommands))('"%s" is declared in the manifest and exports run()', async (key) => {
    expect(manifest.commands).toContain(key.split(' ')[0]);
    const commandModule = await coreCommands[key]();
    expect(typeof commandModule.run).toBe('function');
  });

  it('describes every declared command and every command of the table', () => {
    for (const key of [...(manifest.commands ?? []), ...Object.keys(coreCommands).filter((key) => !key.endsWith(' help'))]) {
      expect(CORE_COMMAND_HELP[key]).toEqual(expect.objectContaining({ description: expect.any(String) }));
    }
  });

  const notYetBuilt = (manifest.commands ?? []).filter(
    (command) => !Object.keys(coreCommands).some((key) => key === command || key.startsWith(`${command} `)),
  );
  if (notYetBuilt.length > 0) {
    it.each(notYetBuilt)('"%s" is declared but not built yet, and says so', async (command) => {
      const machine = makeFakeMachine();
      const run = fakeEnvironment(machine, [command]);
      expect(await runCli(run.environment)).toBe(1);
      expect(run.stderr()).toContain(`"amplify ${command}" is not available yet`);
    });
  }
});
