import * as fs from 'fs';
import * as path from 'path';
import { AmplifyContext, AmplifyError, pathManager, PluginInfo } from 'amplify-cli-core';

/**
 * Picks one of several plugins that answer the same noun and command. For category
 * plugins the resources already in amplify-meta.json decide: the plugin whose `services` match the category's
 * resources, else the only one that declares no services. Otherwise the user chooses (`--plugin <package>` in
 * scripts).
 */
export async function selectPlugin(context: AmplifyContext, candidates: PluginInfo[], command: string, cwd: string): Promise<PluginInfo> {
  if (candidates.length === 1) {
    return candidates[0];
  }
  const requested = context.input.options?.plugin;
  if (typeof requested === 'string') {
    const chosen = candidates.find((info) => info.packageName === requested);
    if (chosen) {
      return chosen;
    }
  }
  if (command !== 'add' && command !== 'help' && candidates.every((info) => info.manifest.type === 'category')) {
    const byServices = pickByServices(candidates, cwd);
    if (byServices) {
      return byServices;
    }
  }
  const labels = candidates.map((info) => `${info.packageName}@${info.packageVersion}`);
  return context.amplify.prompter.pick<PluginInfo>({
    message: 'Select the plugin module to execute',
    choices: candidates.map((info, index) => ({ name: info.manifest.displayName ?? labels[index], value: info })),
    flag: `--plugin <package> (one of ${candidates.map((info) => info.packageName).join(', ')})`,
  });
}

function pickByServices(candidates: PluginInfo[], cwd: string): PluginInfo | undefined {
  const projectRoot = pathManager.searchProjectRootPath(cwd);
  const metaFile = projectRoot && pathManager.getAmplifyMetaFilePath(projectRoot);
  if (!metaFile || !fs.existsSync(metaFile)) {
    return undefined;
  }
  let category: Record<string, { service?: string }> | undefined;
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Record<string, Record<string, { service?: string }>>;
    category = meta[candidates[0].manifest.name];
  } catch (cause) {
    throw new AmplifyError('InvalidJson', `${path.relative(cwd, metaFile)} is not valid JSON`, { resolution: 'Fix or restore the file', cause });
  }
  const services = new Set(Object.values(category ?? {}).flatMap((resource) => (resource.service ? [resource.service] : [])));
  if (services.size === 0) {
    return undefined;
  }
  const matching = candidates.filter((info) => (info.manifest.services ?? []).some((service) => services.has(service)));
  if (matching.length === 1) {
    return matching[0];
  }
  const withoutServices = candidates.filter((info) => (info.manifest.services ?? []).length === 0);
  return matching.length === 0 && withoutServices.length === 1 ? withoutServices[0] : undefined;
}
