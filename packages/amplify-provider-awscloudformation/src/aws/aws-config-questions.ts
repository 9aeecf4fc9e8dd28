import type { ProviderPrompter } from '../io/provider-prompter';
import { requireAccessKey } from './access-key-input';
import type { AwsConfigInput } from './aws-config-info';
import { listProfiles } from './aws-config-files';
import type { AwsEnv } from './aws-env';
import type { CredentialsSource } from './credentials';
import { AWS_REGIONS } from './regions';
import { DEFAULT_REGION } from '../constants';

/** Named in the error when a question cannot be asked (no TTY, or `--yes` without an answer). */
export const PROVIDERS_FLAG = '--providers \'{"awscloudformation":{"configLevel":"project","useProfile":true,"profileName":"default"}}\'';

type Method = 'profile' | 'keys' | 'local' | 'general';

/**
 * The init/configure credential walkthrough. When nothing exists at all, the local cloud comes first: a new user
 * gets a working project without an AWS account, and can move to AWS later with "amplify configure project".
 */
export async function askAwsConfig(prompter: ProviderPrompter, source: CredentialsSource, info: (line: string) => void, env: AwsEnv): Promise<AwsConfigInput> {
  const profiles = listProfiles(env);
  const choices: Array<{ name: string; value: Method }> = [];
  if (source === 'none') choices.push({ name: 'The local cloud on this machine (no AWS account needed)', value: 'local' });
  if (profiles.length > 0) choices.push({ name: 'AWS profile', value: 'profile' });
  choices.push({ name: 'AWS access keys', value: 'keys' });
  if (source === 'envVar' || source === 'envVar-profile') choices.push({ name: 'AWS credentials from the environment (default chain)', value: 'general' });
  if (source !== 'none') choices.push({ name: 'The local cloud on this machine (no AWS account needed)', value: 'local' });
  if (source !== 'none') info('For more information on AWS Profiles, see: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-profiles.html');
  const method = await prompter.pick<Method>({
    message: 'Select the authentication method you want to use:',
    flag: PROVIDERS_FLAG,
    choices,
    default: choices[0].value,
  });
  switch (method) {
    case 'local':
      return { configLevel: 'local' };
    case 'general':
      return { configLevel: 'general' };
    case 'profile': {
      const profileName = await prompter.pick<string>({
        message: 'Please choose the profile you want to use',
        flag: PROVIDERS_FLAG,
        choices: profiles.map((p) => ({ name: p, value: p })),
        default: profiles.includes('default') ? 'default' : profiles[0],
      });
      return { configLevel: 'project', useProfile: true, profileName };
    }
    case 'keys': {
      const accessKeyId = await prompter.input({ message: 'accessKeyId:', flag: PROVIDERS_FLAG, validate: requireAccessKey('accessKeyId') });
      const secretAccessKey = await prompter.password({ message: 'secretAccessKey:', flag: PROVIDERS_FLAG, validate: requireAccessKey('secretAccessKey') });
      const region = await prompter.pick<string>({
        message: 'region:',
        flag: PROVIDERS_FLAG,
        choices: AWS_REGIONS.map((r) => ({ name: r, value: r })),
        default: DEFAULT_REGION,
      });
      return { configLevel: 'project', useProfile: false, accessKeyId: accessKeyId.trim(), secretAccessKey: secretAccessKey.trim(), region };
    }
  }
}
