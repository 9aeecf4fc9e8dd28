import { AmplifyError, CommandOptions, isRecord } from 'amplify-cli-core';

/** `--amplify`: the project block of the original's headless init, env add and pull. */
export interface AmplifyFlag {
  projectName?: string;
  envName?: string;
  defaultEditor?: string;
  appId?: string;
}

/**
 * The non-interactive input of the lifecycle commands, parsed once at the edge: the original's JSON
 * flags and their spellings, `--yes`, and the plain flags that go with them.
 */
export interface HeadlessInput {
  yes: boolean;
  amplify: AmplifyFlag;
  /** `--frontend`: `{frontend|type, framework?, config?}`. */
  frontend?: Record<string, unknown>;
  /** `--providers`: provider name -> its block. */
  providers?: Record<string, unknown>;
  categories?: Record<string, unknown>;
  /**
   * `context.exeInfo.inputParams` as plugins written for the original read it: every option (JSON values parsed),
   * plus the flattened shapes (`amplify.providers`, `amplify.frontend`, `inputParams.<frontend>`,
   * `inputParams.<provider>`).
   */
  inputParams: Record<string, unknown>;
}

/** Each JSON flag and the spellings the original accepted for it. */
const JSON_FLAGS: Record<'amplify' | 'frontend' | 'providers' | 'categories', { names: string[]; example: string }> = {
  amplify: {
    names: ['amplify', 'a', 'amplify-config', 'amplifyConfig'],
    example: `--amplify '{"projectName":"myapp","envName":"dev","defaultEditor":"code"}'`,
  },
  frontend: {
    names: ['frontend', 'f', 'frontend-config', 'frontendConfig'],
    example: `--frontend '{"frontend":"javascript","framework":"react"}'`,
  },
  providers: {
    names: ['providers', 'p', 'provider', 'providers-config', 'providersConfig'],
    example: `--providers '{"awscloudformation":{"configLevel":"local"}}'`,
  },
  categories: { names: ['categories'], example: `--categories '{"auth":{}}'` },
};

const ENV_NAME = /^[a-z]{2,10}$/;

/** A JSON object flag, or an error naming the flag and showing a well-formed example. */
function parseJsonFlag(options: CommandOptions, flag: keyof typeof JSON_FLAGS): Record<string, unknown> | undefined {
  const { names, example } = JSON_FLAGS[flag];
  const given = names.find((name) => options[name] !== undefined);
  if (given === undefined) return undefined;
  return parseJsonObjectOption(options[given], given.length === 1 ? `-${given}` : `--${given}`, example);
}

/**
 * The value of a JSON object option (`shown` as the user typed the flag), or an error naming the flag and showing
 * `example`, a well-formed use. Undefined when the option was not given.
 */
export function parseJsonObjectOption(raw: string | boolean | undefined, shown: string, example: string): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    throw new AmplifyError('InvalidHeadlessParameter', `${shown} needs a JSON object as its value`, { resolution: `Pass e.g. ${example}` });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (cause) {
    throw new AmplifyError('InvalidHeadlessParameter', `${shown} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, {
      resolution: `Quote the whole value as one shell word, e.g. ${example}`,
      cause,
    });
  }
  if (!isRecord(parsed)) {
    throw new AmplifyError('InvalidHeadlessParameter', `${shown} must be a JSON object`, { resolution: `Pass e.g. ${example}` });
  }
  return parsed;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AmplifyError('InvalidHeadlessParameter', `${where} must be a non-empty string`, {
      resolution: `Fix ${where} in ${JSON_FLAGS.amplify.example}`,
    });
  }
  return value;
}

/** The env name rule of the original (2-10 lowercase letters); `flag` names where the name came from. */
export function validateEnvName(name: string, flag: string): string {
  if (!ENV_NAME.test(name)) {
    throw new AmplifyError('InvalidEnvironmentName', `Environment name "${name}" is invalid: use 2 to 10 lowercase letters`, {
      resolution: `Pass a valid name with ${flag}, e.g. "dev" or "prod"`,
    });
  }
  return name;
}

export function isValidEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

/** Other options, parsed like the original's constructExeInfo: JSON where it parses, else the raw string. */
function plainParams(options: CommandOptions): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'string') {
      params[key] = value;
      continue;
    }
    try {
      params[key] = JSON.parse(value);
    } catch {
      params[key] = value;
    }
  }
  return params;
}

export function parseHeadlessInput(options: CommandOptions | undefined): HeadlessInput {
  const opts = options ?? {};
  const amplifyBlock = parseJsonFlag(opts, 'amplify') ?? {};
  const frontend = parseJsonFlag(opts, 'frontend');
  const providers = parseJsonFlag(opts, 'providers');
  const categories = parseJsonFlag(opts, 'categories');
  const envFlag = typeof opts.envName === 'string' ? opts.envName : undefined;
  const amplify: AmplifyFlag = {
    projectName: optionalString(amplifyBlock.projectName, '"projectName" of --amplify'),
    envName: optionalString(amplifyBlock.envName, '"envName" of --amplify') ?? envFlag,
    defaultEditor: optionalString(amplifyBlock.defaultEditor, '"defaultEditor" of --amplify'),
    appId: optionalString(amplifyBlock.appId, '"appId" of --amplify'),
  };
  if (amplify.envName !== undefined) validateEnvName(amplify.envName, amplifyBlock.envName ? '--amplify \'{"envName":"<name>"}\'' : '--envName');
  const yes = opts.yes === true;

  const inputParams: Record<string, unknown> = { ...plainParams(opts), yes };
  for (const { names } of Object.values(JSON_FLAGS)) for (const name of names) delete inputParams[name];
  const frontendName = frontend ? (frontend.frontend ?? frontend.type) : undefined;
  inputParams.amplify = {
    ...amplifyBlock,
    ...amplify,
    ...(providers ? { providers: Object.keys(providers) } : {}),
    ...(typeof frontendName === 'string' ? { frontend: frontendName } : {}),
  };
  if (frontend) {
    inputParams.frontend = frontend;
    if (typeof frontendName === 'string') {
      const { frontend: _name, type: _type, ...block } = frontend;
      inputParams[frontendName] = block;
    }
  }
  if (providers) {
    inputParams.providers = providers;
    for (const [name, block] of Object.entries(providers)) inputParams[name] = block;
  }
  if (categories) inputParams.categories = categories;
  return { yes, amplify, frontend, providers, categories, inputParams };
}
