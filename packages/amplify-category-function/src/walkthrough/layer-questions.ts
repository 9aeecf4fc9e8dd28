import type { Prompter } from 'amplify-cli-core';
import {
  ACCOUNT_ID_PATTERN,
  type LayerPermission,
  LAYER_NAME_PATTERN,
  ORG_ID_PATTERN,
  SHARED_PERMISSION_TYPES,
  type SharedPermissionType,
  layerPermissions,
  permittedAccounts,
  permittedOrgs,
  sharedPermissionTypes,
} from '../layer-definition';

export const LAYER_NAME_MESSAGE = 'Provide a name for your Lambda layer:';
export const LAYER_PERMISSIONS_MESSAGE =
  'The current AWS account will always have access to this layer.\nOptionally, configure who else can access this layer. (Hit <Enter> to skip)';

const PERMISSION_LABELS: Record<SharedPermissionType, string> = {
  AwsAccounts: 'Specific AWS accounts',
  AwsOrg: 'Specific AWS organization',
  Public: 'Public (Anyone on AWS can use this layer)',
};

/** `<project name: letters and digits, lower case>`: the prefix the original puts before every layer name. */
export function layerNamePrefix(projectName: string): string {
  return projectName.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Why `name` cannot name a new layer of a project whose layers and functions are `taken`, or undefined. */
export function layerNameProblem(name: string, prefix: string, taken: readonly string[]): string | undefined {
  if (!new RegExp(LAYER_NAME_PATTERN).test(name)) return 'Lambda layer names must be 1-87 alphanumeric characters long.';
  if (taken.includes(`${prefix}${name}`)) return `A Lambda layer with the name ${name} already exists in this project.`;
  return undefined;
}

/** The ids of a comma-separated list, trimmed, without repeats. */
export function splitIds(text: string): string[] {
  return [...new Set(text.split(',').map((id) => id.trim()))];
}

/** Why a comma-separated list of account ids is refused, naming the first bad one, or undefined. */
export function accountIdsProblem(text: string): string | undefined {
  const bad = text.split(',').find((id) => !new RegExp(ACCOUNT_ID_PATTERN).test(id.trim()));
  return bad === undefined ? undefined : `AWS account IDs must be 12 digits long. ${bad} did not match the criteria.`;
}

export function orgIdsProblem(text: string): string | undefined {
  const bad = text.split(',').find((id) => !new RegExp(ORG_ID_PATTERN).test(id.trim()));
  return bad === undefined ? undefined : `The organization ID starts with "o-" followed by a 10-32 character-long alphanumeric string (${bad.trim() || 'empty'} does not).`;
}

/** The layer's name (without the project prefix), checked as the original checks it. */
export async function askLayerName(prompter: Prompter, prefix: string, taken: readonly string[], defaultName: string): Promise<string> {
  const name = await prompter.input({
    message: LAYER_NAME_MESSAGE,
    default: defaultName,
    flag: '--headless layerName',
    validate: (text) => layerNameProblem(text.trim(), prefix, taken) ?? true,
  });
  return name.trim();
}

/**
 * Who else may use the layer's versions: specific accounts, an organization, or everyone; with the ids each choice
 * needs. The defaults are `current` (the layer's permissions on update).
 */
export async function askLayerPermissions(prompter: Prompter, current: readonly LayerPermission[] = []): Promise<LayerPermission[]> {
  const types = await prompter.pick<SharedPermissionType>({
    message: LAYER_PERMISSIONS_MESSAGE,
    multiSelect: true,
    choices: SHARED_PERMISSION_TYPES.map((value) => ({ name: PERMISSION_LABELS[value], value })),
    default: sharedPermissionTypes(current),
    flag: '--headless permissions',
  });
  let accounts: string[] = [];
  let orgs: string[] = [];
  if (types.includes('AwsAccounts') && !types.includes('Public')) {
    const previous = permittedAccounts(current);
    const text = await prompter.input({
      message: 'Provide a list of comma-separated AWS account IDs:',
      default: previous.length > 0 ? previous.join(',') : undefined,
      flag: '--headless permissions',
      validate: (answer) => accountIdsProblem(answer) ?? true,
    });
    accounts = splitIds(text);
  }
  if (types.includes('AwsOrg') && !types.includes('Public')) {
    const previous = permittedOrgs(current);
    const text = await prompter.input({
      message: 'Provide a list of comma-separated AWS organization IDs:',
      default: previous.length > 0 ? previous.join(',') : undefined,
      flag: '--headless permissions',
      validate: (answer) => orgIdsProblem(answer) ?? true,
    });
    orgs = splitIds(text);
  }
  return layerPermissions(types, accounts, orgs);
}
