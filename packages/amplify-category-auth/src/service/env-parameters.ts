import { AmplifyError, inputValidation, loadEnvResourceParameters, saveEnvResourceParameters, type Prompter } from 'amplify-cli-core';
import { envParameterKeys } from './cognito-config';
import { CATEGORY, findAuthResource, readAuthConfig } from './auth-resource';

/**
 * For a new or pulled env (`initEnv`): the auth resource's env-specific values (social provider ids and secrets)
 * that this env lacks are taken from `supplied` (the original's `--categories '{"auth":{...}}'`) or asked.
 * Returns the keys it filled.
 */
export async function fillEnvParameters(projectRoot: string, prompter: Prompter, supplied: Record<string, unknown> = {}): Promise<string[]> {
  const name = findAuthResource(projectRoot);
  if (!name) return [];
  const { config } = readAuthConfig(projectRoot, name);
  const current = loadEnvResourceParameters(projectRoot, CATEGORY, name) as Record<string, unknown>;
  const missing = envParameterKeys(config).filter((key) => typeof current[key] !== 'string' || current[key] === '');
  if (missing.length === 0) return [];
  const required = inputValidation({ required: true });
  const values: Record<string, unknown> = { ...current };
  for (const key of missing) {
    const given = supplied[key];
    if (given !== undefined) {
      if (typeof given !== 'string' || given === '') {
        throw new AmplifyError('InvalidInput', `--categories auth.${key} must be a non-empty string`, { resolution: `Give auth.${key} in --categories` });
      }
      values[key] = given;
      continue;
    }
    values[key] = await prompter.input({
      message: `Enter ${key} for this environment (auth ${name}):`,
      validate: (text) => required(text),
      flag: `--categories '{"auth":{"${missing.join('":"…","')}":"…"}}'`,
    });
  }
  saveEnvResourceParameters(projectRoot, CATEGORY, name, values);
  return missing;
}
