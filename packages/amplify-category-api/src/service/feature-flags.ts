import * as path from 'path';
import { isRecord, pathManager, readJsonFile } from 'amplify-cli-core';
import type { TransformerFeatureFlags } from 'amplify-graphql-transformer';

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** A section of `amplify/cli.json` `features`, its keys lower-cased: the original reads flags case-insensitively. */
function featureSection(projectRoot: string, section: string): Record<string, unknown> {
  const cliJson = readJsonFile<unknown>(path.join(pathManager.getAmplifyDirPath(projectRoot), 'cli.json'), { throwIfNotExist: false });
  const features = isRecord(cliJson) ? cliJson.features : undefined;
  if (!isRecord(features)) return {};
  const found = Object.entries(features).find(([name]) => name.toLowerCase() === section);
  const flags = found && isRecord(found[1]) ? found[1] : {};
  return Object.fromEntries(Object.entries(flags).map(([name, value]) => [name.toLowerCase(), value]));
}

/** `features.graphqltransformer.*` as booleans; the transformer fills in the defaults of flags not set. */
export function graphqlFeatureFlags(projectRoot: string): Partial<TransformerFeatureFlags> {
  const flags: Partial<Record<string, boolean>> = {};
  for (const [name, value] of Object.entries(featureSection(projectRoot, 'graphqltransformer'))) {
    const flag = asBoolean(value);
    if (flag !== undefined) flags[name] = flag;
  }
  return flags as Partial<TransformerFeatureFlags>;
}
