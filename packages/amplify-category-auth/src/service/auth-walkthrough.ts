import { inputValidation, runWalkthrough, type Answers, type Prompter } from 'amplify-cli-core';
import { envParameterKeys, type CognitoConfig, type OAuthMetadata } from './cognito-config';
import { ALL_OAUTH_SCOPES } from './cognito-defaults';
import { FIRST_QUESTIONS, HOW_TO_CONFIGURE, LATER_QUESTIONS, OAUTH_QUESTIONS, RULES, UPDATE_MENU } from './auth-questions';

/** What a walkthrough produces: the resource's settings and its env-specific values (provider ids and secrets). */
export interface AuthAnswers {
  config: CognitoConfig;
  envParameters: Record<string, string>;
}

/** Asks for entries one at a time until the user declines another (the original's redirect URI and group loops). */
async function askList(prompter: Prompter, what: string, rule: { operator: 'regex'; value: string; onErrorMsg: string }, flag: string): Promise<string[]> {
  const validate = inputValidation({ validation: rule, required: true });
  const entries: string[] = [];
  do {
    entries.push(await prompter.input({ message: `Enter your ${what}:`, validate, flag }));
  } while (await prompter.confirm({ message: `Do you want to add another ${what}?`, default: false, flag }));
  return entries;
}

/** Group names in precedence order; on update, existing groups may be dropped first. */
async function askGroups(prompter: Prompter, existing: string[]): Promise<string[]> {
  let kept = existing;
  if (existing.length > 0) {
    const removed = await prompter.pick<string>({ message: 'Select any user pool groups you want to delete:', multiSelect: true, choices: existing, default: [] });
    kept = existing.filter((group) => !removed.includes(group));
    if (!(await prompter.confirm({ message: 'Do you want to add another User Pool Group', default: false }))) return kept;
  }
  const added = await askList(prompter, 'User Pool Group name', RULES.groupName, '--headless (userPoolGroups)');
  return [...kept, ...added.filter((group) => !kept.includes(group))];
}

async function askOAuth(prompter: Prompter, answers: Answers, previous: OAuthMetadata | undefined, askUris: boolean): Promise<void> {
  const callbacks = askUris || !previous ? await askList(prompter, 'redirect signin URI', RULES.redirectUri, '--headless (oAuth.redirectSigninURIs)') : previous.CallbackURLs;
  const logouts = askUris || !previous ? await askList(prompter, 'redirect signout URI', RULES.redirectUri, '--headless (oAuth.redirectSignoutURIs)') : previous.LogoutURLs;
  Object.assign(answers, await runWalkthrough(OAUTH_QUESTIONS, prompter, { previous: answers }));
  const metadata: OAuthMetadata = {
    AllowedOAuthFlows: (answers.AllowedOAuthFlows as string[] | undefined) ?? previous?.AllowedOAuthFlows ?? ['code'],
    AllowedOAuthScopes: (answers.AllowedOAuthScopes as string[] | undefined) ?? previous?.AllowedOAuthScopes ?? ALL_OAUTH_SCOPES,
    CallbackURLs: callbacks,
    LogoutURLs: logouts,
  };
  answers.oAuthMetadata = JSON.stringify(metadata);
}

/** Turns the flat answers back into a config (dropping the walkthrough's transient keys) and env values. */
export function toAuthAnswers(answers: Answers): AuthAnswers {
  const config = { ...answers } as unknown as CognitoConfig & Record<string, unknown>;
  if (config.authSelections === 'userPoolOnly') {
    delete config.identityPoolName;
    config.authProviders = [];
    config.allowUnauthenticatedIdentities = false;
  }
  if (!config.hostedUI) {
    delete config.hostedUIDomainName;
    delete config.oAuthMetadata;
    config.authProvidersUserPool = [];
  }
  if (config.thirdPartyAuth === false) config.authProviders = [];
  config.userPoolGroups = config.userPoolGroupList.length > 0;
  const envParameters: Record<string, string> = {};
  for (const key of envParameterKeys(config)) {
    if (typeof answers[key] === 'string') envParameters[key] = answers[key];
  }
  for (const transient of ['isUpdate', 'updateFlow', 'thirdPartyAuth', 'additionalQuestions', 'defaultPasswordPolicy', 'userpoolClientSetAttributes', 'AllowedOAuthFlows', 'AllowedOAuthScopes']) {
    delete config[transient];
  }
  for (const key of Object.keys(config)) {
    if (key.endsWith('AppIdUserPool') || key.endsWith('AppSecretUserPool') || ['facebookAppId', 'googleClientId', 'amazonAppId', 'appleAppId'].includes(key)) delete config[key];
  }
  return { config, envParameters };
}

async function runFlow(prompter: Prompter, answers: Answers, options: { askUris: boolean }): Promise<AuthAnswers> {
  Object.assign(answers, await runWalkthrough(FIRST_QUESTIONS, prompter, { previous: answers }));
  if (answers.useDefault === 'manual' && answers.userPoolGroups === true) {
    answers.userPoolGroupList = await askGroups(prompter, (answers.userPoolGroupList as string[] | undefined) ?? []);
  } else if (answers.useDefault === 'manual') {
    answers.userPoolGroupList = [];
  }
  if (answers.useDefault === 'defaultSocial') answers.hostedUI = true;
  if (answers.useDefault === 'default') answers.hostedUI = false;
  Object.assign(answers, await runWalkthrough(LATER_QUESTIONS, prompter, { previous: answers }));
  if (answers.hostedUI === true) {
    await askOAuth(prompter, answers, undefined, options.askUris);
  }
  return toAuthAnswers(answers);
}

/** `amplify add auth`: the configuration choice, then the questions of that path. */
export async function runAddWalkthrough(prompter: Prompter, defaults: CognitoConfig): Promise<AuthAnswers> {
  const answers: Answers = { ...defaults };
  Object.assign(answers, await runWalkthrough([HOW_TO_CONFIGURE], prompter, { previous: answers }));
  return runFlow(prompter, answers, { askUris: true });
}

/** `amplify update auth`: the update menu, then the chosen flow with the previous answers as defaults. */
export async function runUpdateWalkthrough(prompter: Prompter, previous: CognitoConfig, envParameters: Record<string, string>): Promise<AuthAnswers> {
  const answers: Answers = { ...previous, ...envParameters, isUpdate: true, thirdPartyAuth: previous.authProviders.length > 0 };
  // The resource's own configuration is the default, so accepting every default leaves it as it is.
  const { updateFlow } = await runWalkthrough([UPDATE_MENU], prompter, { previous: { hostedUI: previous.hostedUI, updateFlow: previous.useDefault } });
  const oauth = previous.oAuthMetadata ? (JSON.parse(previous.oAuthMetadata) as OAuthMetadata) : undefined;
  switch (updateFlow) {
    case 'updateUserPoolGroups':
      answers.userPoolGroupList = await askGroups(prompter, previous.userPoolGroupList);
      return toAuthAnswers(answers);
    case 'callbacks':
      await askOAuth(prompter, answers, oauth, true);
      return toAuthAnswers(answers);
    case 'providers':
      answers.useDefault = 'defaultSocial';
      await askOAuth(prompter, answers, oauth, false);
      return toAuthAnswers({ ...answers, useDefault: previous.useDefault });
    default:
      answers.useDefault = updateFlow;
      return runFlow(prompter, answers, { askUris: !oauth });
  }
}
