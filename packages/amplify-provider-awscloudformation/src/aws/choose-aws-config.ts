import { AmplifyError } from 'amplify-cli-core';
import type { ProviderPrompter } from '../io/provider-prompter';
import { type AwsConfigChoice, type AwsConfigInfo, parseAwsConfigInput } from './aws-config-info';
import { PROVIDERS_FLAG, askAwsConfig } from './aws-config-questions';
import type { AwsEnv } from './aws-env';
import { newUserCheck } from './credentials';

export interface ChooseAwsConfigOptions {
  /** The provider's block of `--providers` (under `awscloudformation` or an alias), if given. */
  headless?: unknown;
  /** What local-aws-info already holds for this env. */
  existing?: AwsConfigInfo;
  /** `--yes`: take what can be found without asking; fail, naming the flag, when nothing can be. */
  yes: boolean;
  prompter: ProviderPrompter;
  info: (line: string) => void;
  /** The environment variables to read. */
  env: AwsEnv;
}

/**
 * Decides how an env gets credentials: headless input first, then what this machine already chose for the env,
 * then (`--yes`) what the machine has, else the questions.
 */
export async function chooseAwsConfig(options: ChooseAwsConfigOptions): Promise<AwsConfigChoice> {
  if (options.headless !== undefined) return parseAwsConfigInput(options.headless);
  const { env } = options;
  const source = newUserCheck(options.existing, env);
  if (options.existing && source === 'project') return options.existing;
  if (options.yes) {
    switch (source) {
      case 'system':
        return { configLevel: 'project', useProfile: true, profileName: 'default' };
      case 'envVar':
        return { configLevel: 'general' };
      case 'envVar-profile':
        return { configLevel: 'project', useProfile: true, profileName: env.AWS_PROFILE ?? 'default' };
      default:
        throw new AmplifyError('CredentialsNotFound', 'AWS access credentials can not be found.', {
          resolution: `Pass ${PROVIDERS_FLAG} (or {"awscloudformation":{"configLevel":"local"}} for the local cloud).`,
        });
    }
  }
  return askAwsConfig(options.prompter, source, options.info, env);
}
