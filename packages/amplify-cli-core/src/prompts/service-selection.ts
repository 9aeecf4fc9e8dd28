import { AmplifyError } from '../errors/amplify-error';
import type { Prompter } from './prompter';

/** One entry of a category's `supported-services.json`: service name -> how it is provided. */
export interface SupportedService {
  /** The label shown in the list (e.g. "Amazon Cognito"). */
  alias?: string;
  /** The provider plugin that deploys it (e.g. `awscloudformation`). */
  provider: string;
  [key: string]: unknown;
}

export interface SelectServiceOptions {
  category: string;
  supportedServices: Record<string, SupportedService>;
  /** Providers enabled in the project (`project-config.json` `providers`). */
  enabledProviders: string[];
  prompter: Prompter;
}

export interface ServiceSelection {
  service: string;
  providerName: string;
  /** True when there was only one candidate, so nobody was asked. */
  autoSelected: boolean;
}

/**
 * Picks the service a category resource is built on (the original's `serviceSelectionPrompt`): only services of
 * enabled providers count; none is an error, one is taken without asking, several are listed (the first is the
 * default, so `--yes` takes it).
 */
export async function selectService(options: SelectServiceOptions): Promise<ServiceSelection> {
  const candidates = Object.entries(options.supportedServices).filter(([, info]) => options.enabledProviders.includes(info.provider));
  if (candidates.length === 0) {
    throw new AmplifyError('NoServiceAvailable', `No ${options.category} service is provided by this project's providers (${options.enabledProviders.join(', ') || 'none'})`, {
      resolution: 'Run "amplify configure project" to enable a provider that offers it',
    });
  }
  if (candidates.length === 1) {
    const [service, info] = candidates[0];
    return { service, providerName: info.provider, autoSelected: true };
  }
  const service = await options.prompter.pick<string>({
    message: 'Select from one of the below mentioned services:',
    choices: candidates.map(([name, info]) => ({ name: info.alias ?? name, value: name })),
    default: candidates[0][0],
  });
  return { service, providerName: options.supportedServices[service].provider, autoSelected: false };
}
