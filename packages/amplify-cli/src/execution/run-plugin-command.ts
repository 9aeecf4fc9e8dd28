import * as fs from 'fs';
import { AmplifyError, CategoryPlugin, checkProjectFiles, pathManager, PluginInfo, withProjectLock } from 'amplify-cli-core';
import type { CliSession } from '../cli-session';
import { createAmplifyContext } from '../context/create-context';
import type { CommandInput } from 'amplify-cli-core';
import { settleInterruptedPushIfAny } from '../lifecycle/push/settle-before-command';
import { readHeadlessPayload } from './headless-payload';
import { changesResources, withResourceChangeTransaction } from './resource-change-transaction';
import { attachExtensions, describePlugin, findLegacyCommandFile, missingMainModule, runLegacyCommand, runPluginCode } from './plugin-loader';
import { selectPlugin } from './select-plugin';

/**
 * Runs a plugin command: choose the plugin, require it (only now, and only it), attach its extensions, then
 * `executeAmplifyHeadlessCommand` under `--headless`, else `executeAmplifyCommand`, else the gluegun-style
 * command file.
 */
export async function runPluginCommand(session: CliSession, input: CommandInput, command: string, candidates: PluginInfo[]): Promise<void> {
  const chooser = createAmplifyContext(session, input);
  const info = await selectPlugin(chooser, candidates, command, session.environment.cwd);
  if (!fs.existsSync(info.packageLocation)) {
    session.registry.rescan();
    throw new AmplifyError('PluginMissing', `${describePlugin(info)} was uninstalled or moved since the last scan`, {
      resolution: 'The plugin list has been rescanned; run the command again',
    });
  }
  const projectRoot = changesProject(info, command) ? pathManager.searchProjectRootPath(session.environment.cwd) : undefined;
  if (projectRoot === undefined) {
    await executePlugin(session, input, command, info);
    return;
  }
  checkProjectFiles(projectRoot);
  const commandName = `${info.manifest.name} ${command}`;
  await settleInterruptedPushIfAny(chooser, projectRoot, commandName);
  const execute = () => executePlugin(session, input, command, info);
  await withProjectLock(projectRoot, commandName, () => (changesResources(command) ? withResourceChangeTransaction(projectRoot, execute) : execute()));
}

/**
 * Category commands add, update and remove resources: like the core's lifecycle commands they hold the project
 * lock, so that one started during a push fails at once instead of writing amplify-meta.json under it. Help is
 * the one verb known to change nothing; a plugin's other read-only verbs take the lock too, which only costs a
 * refusal while a push runs.
 */
function changesProject(info: PluginInfo, command: string): boolean {
  return info.manifest.type === 'category' && command !== 'help';
}

async function executePlugin(session: CliSession, input: CommandInput, command: string, info: PluginInfo): Promise<void> {
  const context = createAmplifyContext(session, input, info);
  const pluginModule = session.registry.load(info);
  await attachExtensions(info, context);

  if (input.options?.headless === true) {
    const headless = (pluginModule as CategoryPlugin | undefined)?.executeAmplifyHeadlessCommand;
    if (typeof headless !== 'function') {
      throw new AmplifyError('HeadlessNotSupported', `Headless mode is not implemented for ${info.packageName}`, {
        resolution: `Run "amplify ${input.plugin ?? info.manifest.name} ${command}" without --headless`,
      });
    }
    const payload = await readHeadlessPayload(session.environment.stdin);
    await runPluginCode(info, `executeAmplifyHeadlessCommand(${command})`, () => headless(context, payload));
    return;
  }
  const execute = pluginModule?.executeAmplifyCommand;
  if (typeof execute === 'function') {
    await runPluginCode(info, `executeAmplifyCommand(${command})`, () => execute(context));
    return;
  }
  const file = findLegacyCommandFile(info, command, input.subCommands ?? []);
  if (file === undefined) {
    const missingMain = missingMainModule(info);
    if (missingMain !== undefined) {
      throw new AmplifyError('MissingCommandImplementation', `${describePlugin(info)} cannot run "${command}": its main module ${missingMain} does not exist`, {
        resolution: `Reinstall (or build) the plugin, or disable it with "amplify plugin remove ${info.manifest.name}"`,
      });
    }
    throw new AmplifyError('MissingCommandImplementation', `${describePlugin(info)} declares "${command}" but implements no such command`, {
      resolution: 'Report it to the plugin author; "amplify plugin verify" in the plugin folder shows the problem',
    });
  }
  await runLegacyCommand(info, file, context);
}
