import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { AmplifyError } from 'amplify-cli-core';
import type { AwsEnv } from './aws-env';
import type { AwsTarget } from './aws-target';
import type { AwsConfigChoice, AwsConfigInfo } from './aws-config-info';
import { providerHomeDir } from './amplify-home';
import { configFilePath, credentialsFilePath, listProfiles, profileExists, profileRegion } from './aws-config-files';
import { loadCredentialProviders } from './sdk-modules';
import { type LocalCloudLauncher, pluginLocalCloud } from './local-cloud-launcher';
import { LOCAL_CLOUD_REGION } from '../constants';

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** The project and env a keys file serves: each pair has one file, rewritten when its keys change. */
export interface KeysFileOwner {
  projectRoot: string;
  envName: string;
}

/** `<amplify home>/awscloudformation/<20 hex digits>`: the same name every time for one project folder and env. */
function keysFileFor(owner: KeysFileOwner): string {
  const digest = createHash('sha256').update(`${path.resolve(owner.projectRoot)}\n${owner.envName}`).digest('hex');
  return path.join(providerHomeDir(), digest.slice(0, 20));
}

/**
 * Writes keys given at init to the owner's file in `<amplify home>/awscloudformation/`, readable by the owner only;
 * running init or env add again for the same project and env replaces it instead of leaving another file behind.
 */
export function saveKeysFile(keys: AccessKeys, owner: KeysFileOwner): string {
  fs.mkdirSync(providerHomeDir(), { recursive: true, mode: 0o700 });
  const file = keysFileFor(owner);
  fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

/**
 * Projects store the keys file's absolute path (as the original did); when the home folder moved, the same
 * file name under the current amplify home is tried before giving up.
 */
function locateKeysFile(awsConfigFilePath: string): string | undefined {
  if (fs.existsSync(awsConfigFilePath)) return awsConfigFilePath;
  const relocated = path.join(providerHomeDir(), path.basename(awsConfigFilePath));
  return fs.existsSync(relocated) ? relocated : undefined;
}

export function readKeysFile(awsConfigFilePath: string): AccessKeys {
  const file = locateKeysFile(awsConfigFilePath);
  const missing = new AmplifyError('CredentialsNotFound', `The access keys file ${awsConfigFilePath} is missing or incomplete.`, {
    resolution: 'Run "amplify configure project" to enter the access keys (or choose a profile) again.',
  });
  if (!file) throw missing;
  let parsed: Partial<AccessKeys>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AccessKeys>;
  } catch (cause) {
    throw new AmplifyError('CredentialsNotFound', `The access keys file ${file} is not valid JSON.`, {
      resolution: 'Run "amplify configure project" to enter the access keys again.',
      cause,
    });
  }
  if (!parsed.accessKeyId || !parsed.secretAccessKey || !parsed.region) throw missing;
  return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey, region: parsed.region };
}

/** Turns a chosen configuration into what local-aws-info stores, writing the keys file when keys were given. */
export function persistAwsConfig(input: AwsConfigChoice, owner: KeysFileOwner): AwsConfigInfo {
  if (input.configLevel !== 'project' || input.useProfile || !('accessKeyId' in input)) return input;
  const awsConfigFilePath = saveKeysFile({ accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey, region: input.region }, owner);
  return { configLevel: 'project', useProfile: false, awsConfigFilePath };
}

/** Forgets a stored configuration; the keys file goes too, so secrets do not outlive their use. */
export function removeAwsConfig(info: AwsConfigInfo): void {
  if (info.configLevel === 'project' && !info.useProfile) {
    const file = locateKeysFile(info.awsConfigFilePath);
    if (file) fs.rmSync(file, { force: true });
  }
}

/** Region for the SDK default chain: env vars first (AMAZON_REGION is the original's alias), then the profile. */
export function generalRegion(env: AwsEnv): string | undefined {
  return env.AWS_REGION || env.AMAZON_REGION || env.AWS_DEFAULT_REGION || profileRegion(env.AWS_PROFILE || 'default', env);
}

function regionMissing(where: string): AmplifyError {
  return new AmplifyError('RegionNotFound', `No AWS region is set for ${where}.`, {
    resolution: 'Set "region" in ~/.aws/config for that profile, or export AWS_REGION.',
  });
}

export interface ResolveTargetOptions {
  /** How to reach the local cloud for `configLevel: "local"`; without one, that level reports the plugin missing. */
  localCloud?: LocalCloudLauncher;
  /** The environment variables to read. */
  env: AwsEnv;
  /** Asked when a role profile needs an MFA code (the SDK calls it with the device serial). */
  mfaCodeProvider?: (serial: string) => Promise<string>;
}

/**
 * Everything the client factory needs for one env. Profiles go through the SDK's own `fromIni`, which covers
 * static keys, `role_arn`/`source_profile`, `credential_process`, web identity and SSO (IAM Identity Center).
 */
export async function resolveAwsTarget(info: AwsConfigInfo, options: ResolveTargetOptions): Promise<AwsTarget> {
  const { env } = options;
  switch (info.configLevel) {
    case 'local': {
      // The local cloud verifies signatures against its own per-instance keys, which it hands out with its endpoint.
      const { endpoint, credentials } = await (options.localCloud ?? pluginLocalCloud(undefined)).ensure();
      return { region: LOCAL_CLOUD_REGION, credentials: { ...credentials }, endpoint, local: true };
    }
    case 'general': {
      const region = generalRegion(env);
      if (!region) throw regionMissing('the default credential chain');
      return { region };
    }
    case 'project': {
      if (info.useProfile) {
        if (!profileExists(info.profileName, env)) {
          throw new AmplifyError('ProfileNotFound', `The AWS profile "${info.profileName}" is not in ~/.aws/credentials or ~/.aws/config.`, {
            resolution: 'Create it with "aws configure --profile <name>" (or "aws configure sso"), or pick another with "amplify configure project".',
          });
        }
        const region = profileRegion(info.profileName, env) || env.AWS_REGION;
        if (!region) throw regionMissing(`the profile "${info.profileName}"`);
        const { fromIni } = loadCredentialProviders();
        // The SDK would read the file locations from process.env; it reads the files this env names instead.
        const files = { filepath: credentialsFilePath(env), configFilepath: configFilePath(env) };
        return { region, credentials: fromIni({ profile: info.profileName, mfaCodeProvider: options.mfaCodeProvider, ...files }) };
      }
      const keys = readKeysFile(info.awsConfigFilePath);
      return { region: keys.region, credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey } };
    }
  }
}

/** Where credentials were found by `newUserCheck` (the original's scan order and names). */
export type CredentialsSource = 'project' | 'profile-available' | 'system' | 'envVar' | 'envVar-profile' | 'none';

/**
 * "Do credentials exist at all?": decides whether init offers the profile question, the keys question or,
 * when nothing exists, the local cloud first.
 */
export function newUserCheck(info: AwsConfigInfo | undefined, env: AwsEnv): CredentialsSource {
  if (info) {
    if (info.configLevel === 'general' || info.configLevel === 'local') return 'project';
    if (info.useProfile ? profileExists(info.profileName, env) : locateKeysFile(info.awsConfigFilePath) !== undefined) return 'project';
  }
  const profiles = listProfiles(env);
  if (profiles.some((p) => p !== 'default')) return 'profile-available';
  if (profiles.includes('default')) return 'system';
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'envVar';
  if (env.AWS_PROFILE && profileExists(env.AWS_PROFILE, env)) return 'envVar-profile';
  return 'none';
}
