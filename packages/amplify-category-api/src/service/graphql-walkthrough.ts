import { AmplifyError, type Prompter } from 'amplify-cli-core';
import type { AppSyncServiceConfiguration, AuthMode, AuthType, ConflictResolution, ResolutionStrategy } from './api-types';
import { AUTH_MODE_NAMES } from './auth-config';
import { validateApiName } from './api-resource';
import { SCHEMA_TEMPLATES, type SchemaTemplateId } from './schema-templates';

/** What the walkthrough needs of the project, injected so tests need none. */
export interface GraphQLWalkthroughEnvironment {
  prompter: Prompter;
  /** Lambda functions of the project (Lambda authorizers, conflict handlers). */
  functions: string[];
  /** The project's Cognito resource, added when user pools is chosen and there is none (the original runs `add auth`). */
  ensureUserPool: () => Promise<string>;
  /** Printed lines (the original's notes between questions). */
  info: (line: string) => void;
}

const ALL_MODES: AuthMode[] = ['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'OPENID_CONNECT', 'AWS_LAMBDA'];

/** The defaults of a new API: named after the project (lower-cased), API key for 7 days, no conflict detection. */
export function graphQLDefaults(projectName: string): AppSyncServiceConfiguration {
  const name = projectName.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 80) || 'api';
  return { apiName: name, serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7, keyDescription: '' } };
}

function describeMode(type: AuthType, isDefault: boolean): string {
  if (type.mode === 'API_KEY') return `API key (${isDefault ? 'default, ' : ''}expiration time: ${type.expirationTime ?? 7} days from now)`;
  return isDefault ? `${AUTH_MODE_NAMES[type.mode]} (default)` : AUTH_MODE_NAMES[type.mode];
}

function describeAuth(config: AppSyncServiceConfiguration): string {
  return [describeMode(config.defaultAuthType, true), ...(config.additionalAuthTypes ?? []).map((t) => describeMode(t, false))].join(', ');
}

const STRATEGY_NAMES: Record<string, string> = { AUTOMERGE: 'Auto Merge', OPTIMISTIC_CONCURRENCY: 'Optimistic Concurrency', LAMBDA: 'Custom Lambda' };

async function askApiKey(prompter: Prompter, current?: Extract<AuthType, { mode: 'API_KEY' }>): Promise<AuthType> {
  const keyDescription = await prompter.input({ message: 'Enter a description for the API key:', default: current?.keyDescription ?? '' });
  const days = await prompter.input({
    message: 'After how many days from now the API key should expire (1-365):',
    default: String(current?.expirationTime ?? 7),
    validate: (value) => (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 365) || 'Number of days must be between 1 and 365.',
  });
  return { mode: 'API_KEY', expirationTime: Number(days), keyDescription };
}

const ISSUER_URL = /^(https:\/\/|http:\/\/localhost)\S*\/$/;

async function askOpenIdConnect(prompter: Prompter): Promise<AuthType> {
  const openIDProviderName = await prompter.input({ message: 'Enter a name for the OpenID Connect provider:', validate: (v) => v.length > 0 || 'A name is required' });
  const openIDIssuerURL = await prompter.input({
    message: 'Enter the OpenID Connect provider domain (Issuer URL):',
    validate: (v) => ISSUER_URL.test(v) || 'The value must be a valid URI with a trailing forward slash. HTTPS must be used instead of HTTP unless you are using localhost.',
  });
  const openIDClientID = await prompter.input({ message: 'Enter the Client Id from your OpenID Client Connect application (optional):', default: '' });
  const digits = (v: string) => /^\d*$/.test(v) || 'Only numbers are allowed';
  const openIDIatTTL = await prompter.input({ message: 'Enter the number of milliseconds a token is valid after being issued to a user:', default: '', validate: digits });
  const openIDAuthTTL = await prompter.input({ message: 'Enter the number of milliseconds a token is valid after being authenticated:', default: '', validate: digits });
  return { mode: 'OPENID_CONNECT', openIDProviderName, openIDIssuerURL, openIDClientID, openIDIatTTL, openIDAuthTTL };
}

async function askLambda(env: GraphQLWalkthroughEnvironment): Promise<AuthType> {
  if (env.functions.length === 0) {
    throw new AmplifyError('FunctionNotFound', 'A Lambda authorizer needs a function of this project, and it has none', {
      resolution: 'Add the authorizer with "amplify add function" first, then choose Lambda again',
    });
  }
  const lambdaFunction = await env.prompter.pick<string>({ message: 'Choose a Lambda authorization function', choices: env.functions, default: env.functions[0] });
  const ttl = await env.prompter.input({ message: 'How long should the authorization response be cached in seconds?', default: '300', validate: (v) => /^\d+$/.test(v) || 'Only numbers are allowed' });
  return { mode: 'AWS_LAMBDA', lambdaFunction, ttlSeconds: ttl };
}

async function askMode(env: GraphQLWalkthroughEnvironment, mode: AuthMode, current?: AuthType): Promise<AuthType> {
  switch (mode) {
    case 'API_KEY':
      return askApiKey(env.prompter, current?.mode === 'API_KEY' ? current : undefined);
    case 'AMAZON_COGNITO_USER_POOLS': {
      const authName = await env.ensureUserPool();
      env.info('Use a Cognito user pool configured as a part of this project.');
      return { mode: 'AMAZON_COGNITO_USER_POOLS', cognitoUserPoolId: `auth${authName}` };
    }
    case 'AWS_IAM':
      return { mode: 'AWS_IAM' };
    case 'OPENID_CONNECT':
      return askOpenIdConnect(env.prompter);
    case 'AWS_LAMBDA':
      return askLambda(env);
  }
}

const LEAD_LINES: Record<AuthMode, string> = {
  API_KEY: 'API key configuration',
  AMAZON_COGNITO_USER_POOLS: 'Cognito UserPool configuration',
  AWS_IAM: 'IAM configuration',
  OPENID_CONNECT: 'OpenID Connect configuration',
  AWS_LAMBDA: 'Lambda Authorizer configuration',
};

/** The authorization modes: the default, its questions, then optional additional modes and theirs (§2.1 step 3). */
async function askAuthModes(env: GraphQLWalkthroughEnvironment, config: AppSyncServiceConfiguration): Promise<Pick<AppSyncServiceConfiguration, 'defaultAuthType' | 'additionalAuthTypes'>> {
  const { prompter } = env;
  const defaultMode = await prompter.pick<AuthMode>({
    message: 'Choose the default authorization type for the API',
    choices: ALL_MODES.map((mode) => ({ name: AUTH_MODE_NAMES[mode], value: mode })),
    default: config.defaultAuthType.mode,
  });
  const defaultAuthType = await askMode(env, defaultMode, config.defaultAuthType.mode === defaultMode ? config.defaultAuthType : undefined);
  const previousAdditional = config.additionalAuthTypes ?? [];
  const additionalAuthTypes: AuthType[] = [];
  if (await prompter.confirm({ message: 'Configure additional auth types?', default: previousAdditional.length > 0 })) {
    const remaining = ALL_MODES.filter((mode) => mode !== defaultMode);
    const chosen = await prompter.pick<AuthMode>({
      message: 'Choose the additional authorization types you want to configure for the API',
      choices: remaining.map((mode) => ({ name: AUTH_MODE_NAMES[mode], value: mode })),
      multiSelect: true,
      default: previousAdditional.map((t) => t.mode).filter((mode) => remaining.includes(mode)),
    });
    for (const mode of remaining.filter((m) => chosen.includes(m))) {
      env.info(LEAD_LINES[mode]);
      additionalAuthTypes.push(await askMode(env, mode, previousAdditional.find((t) => t.mode === mode)));
    }
  }
  return { defaultAuthType, ...(additionalAuthTypes.length > 0 ? { additionalAuthTypes } : {}) };
}

async function askStrategy(env: GraphQLWalkthroughEnvironment, message: string, current?: ResolutionStrategy): Promise<ResolutionStrategy> {
  const type = await env.prompter.pick<'AUTOMERGE' | 'OPTIMISTIC_CONCURRENCY' | 'LAMBDA'>({
    message,
    choices: (['AUTOMERGE', 'OPTIMISTIC_CONCURRENCY', 'LAMBDA'] as const).map((value) => ({ name: STRATEGY_NAMES[value], value })),
    default: current?.type === 'OPTIMISTIC_CONCURRENCY' || current?.type === 'LAMBDA' ? current.type : 'AUTOMERGE',
  });
  if (type !== 'LAMBDA') return { type };
  if (env.functions.length === 0) {
    throw new AmplifyError('FunctionNotFound', 'A custom conflict handler needs a function of this project, and it has none', {
      resolution: 'Add the handler with "amplify add function" first, or choose Auto Merge or Optimistic Concurrency',
    });
  }
  const name = await env.prompter.pick<string>({ message: 'Enter lambda function name', choices: env.functions, default: env.functions[0] });
  return { type: 'LAMBDA', resolver: { type: 'EXISTING', name } };
}

/** The default strategy, then (when models are known) optional per-model strategies. */
async function askStrategies(env: GraphQLWalkthroughEnvironment, current: ConflictResolution | undefined, models: string[]): Promise<ConflictResolution> {
  const defaultResolutionStrategy = await askStrategy(env, 'Select the default resolution strategy', current?.defaultResolutionStrategy);
  if (models.length === 0 || !(await env.prompter.confirm({ message: 'Do you want to override default per model settings?', default: false }))) return { defaultResolutionStrategy };
  const chosen = await env.prompter.pick<string>({ message: 'Select the models from below:', choices: models, multiSelect: true, default: [] });
  const perModelResolutionStrategy = [];
  for (const entityName of chosen) perModelResolutionStrategy.push({ entityName, resolutionStrategy: await askStrategy(env, `Select the resolution strategy for ${entityName} model`) });
  return { defaultResolutionStrategy, perModelResolutionStrategy };
}

/** Conflict detection (§2.1 step 4). */
async function askConflictResolution(env: GraphQLWalkthroughEnvironment, current: ConflictResolution | undefined): Promise<ConflictResolution | undefined> {
  if (!(await env.prompter.confirm({ message: 'Enable conflict detection?', default: current?.defaultResolutionStrategy !== undefined }))) return undefined;
  return askStrategies(env, current, []);
}

type SummaryChoice = 'name' | 'auth' | 'conflict' | 'continue';

export interface GraphQLAddAnswers {
  config: AppSyncServiceConfiguration;
  template: SchemaTemplateId;
}

/** `amplify add api` (GraphQL) after the service question: the summary menu until Continue, then the template (§2.1). */
export async function runGraphQLAddWalkthrough(env: GraphQLWalkthroughEnvironment, defaults: AppSyncServiceConfiguration): Promise<GraphQLAddAnswers> {
  const { prompter } = env;
  let config = { ...defaults };
  for (;;) {
    const choice = await prompter.pick<SummaryChoice>({
      message: 'Here is the GraphQL API that we will create. Select a setting to edit or continue',
      choices: [
        { name: `Name: ${config.apiName}`, value: 'name' },
        { name: `Authorization modes: ${describeAuth(config)}`, value: 'auth' },
        { name: `Conflict detection (required for DataStore): ${config.conflictResolution ? 'Enabled' : 'Disabled'}`, value: 'conflict' },
        ...(config.conflictResolution?.defaultResolutionStrategy
          ? [{ name: `Conflict resolution strategy: ${STRATEGY_NAMES[config.conflictResolution.defaultResolutionStrategy.type] ?? config.conflictResolution.defaultResolutionStrategy.type}`, value: 'conflict' as const }]
          : []),
        { name: 'Continue', value: 'continue' },
      ],
      default: 'continue',
    });
    if (choice === 'continue') break;
    if (choice === 'name') config.apiName = await prompter.input({ message: 'Provide API name:', default: config.apiName, validate: validateApiName });
    if (choice === 'auth') config = { ...config, additionalAuthTypes: undefined, ...(await askAuthModes(env, config)) };
    if (choice === 'conflict') {
      const conflictResolution = await askConflictResolution(env, config.conflictResolution);
      config = { ...config, conflictResolution };
      if (!conflictResolution) delete config.conflictResolution;
    }
  }
  const hasUserPools = [config.defaultAuthType, ...(config.additionalAuthTypes ?? [])].some((t) => t.mode === 'AMAZON_COGNITO_USER_POOLS');
  const template = await prompter.pick<SchemaTemplateId>({
    message: 'Choose a schema template:',
    choices: SCHEMA_TEMPLATES.filter((t) => hasUserPools || !t.needsUserPools).map((t) => ({ name: t.label, value: t.id })),
    default: 'single-object',
  });
  return { config, template };
}

type GraphQLUpdateChoice = 'auth' | 'enable-conflict' | 'conflict-strategy' | 'disable-conflict';

/** `amplify update api` (GraphQL): one setting to edit (§2.1, last paragraph). */
export async function runGraphQLUpdateWalkthrough(env: GraphQLWalkthroughEnvironment, current: AppSyncServiceConfiguration, models: string[]): Promise<AppSyncServiceConfiguration> {
  const enabled = current.conflictResolution?.defaultResolutionStrategy !== undefined;
  const choice = await env.prompter.pick<GraphQLUpdateChoice>({
    message: 'Select a setting to edit',
    choices: [
      { name: 'Authorization modes', value: 'auth' },
      ...(enabled
        ? [
            { name: 'Conflict resolution strategy', value: 'conflict-strategy' as const },
            { name: 'Disable conflict detection', value: 'disable-conflict' as const },
          ]
        : [{ name: 'Enable conflict detection (required for DataStore)', value: 'enable-conflict' as const }]),
    ],
    default: 'auth',
  });
  const next: AppSyncServiceConfiguration = { ...current };
  if (choice === 'auth') {
    delete next.additionalAuthTypes;
    Object.assign(next, await askAuthModes(env, current));
  } else if (choice === 'disable-conflict') {
    delete next.conflictResolution;
  } else {
    next.conflictResolution = await askStrategies(env, current.conflictResolution, models);
  }
  return next;
}
