import { createPrompter, inputValidation, type Prompter } from 'amplify-cli-core';
import { RULES } from '../service/auth-questions';
import { runAddWalkthrough, runUpdateWalkthrough } from '../service/auth-walkthrough';
import { cognitoDefaults } from '../service/cognito-defaults';
import { frontendAuthConfig } from '../service/frontend-auth-config';

/** Answers given one per asking, for the questions a loop repeats. */
class Sequence {
  constructor(readonly values: unknown[]) {}
}
const seq = (...values: unknown[]): Sequence => new Sequence(values);

/**
 * Answers prompts by the longest matching message prefix; a question without a scripted answer takes its default,
 * and one without either fails the test. At most 50 questions are answered, so a looping walkthrough fails too.
 */
function answering(script: Record<string, unknown>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const answer = async (options: { message: string; default?: unknown }): Promise<never> => {
    asked.push(options.message);
    if (asked.length > 50) throw new Error('too many questions');
    const key = Object.keys(script)
      .filter((k) => options.message.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) {
      if (options.default !== undefined) return options.default as never;
      throw new Error(`unexpected question: ${options.message}`);
    }
    const value = script[key];
    if (value instanceof Sequence) {
      if (value.values.length === 0) throw new Error(`no answer left for: ${options.message}`);
      return value.values.shift() as never;
    }
    return value as never;
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

const defaults = () => cognitoDefaults('shop', 'abcd1234');

describe('auth add walkthrough', () => {
  it('under --yes gives the default configuration', async () => {
    const { config, envParameters } = await runAddWalkthrough(createPrompter({ yes: true }), defaults());
    expect(config).toMatchObject({
      resourceName: 'shopabcd1234',
      useDefault: 'default',
      authSelections: 'identityPoolAndUserPool',
      usernameAttributes: [],
      requiredAttributes: ['email'],
      hostedUI: false,
      userPoolGroups: false,
      mfaConfiguration: 'OFF',
    });
    expect(config).not.toHaveProperty('additionalQuestions');
    expect(envParameters).toEqual({});
  });

  it('the default path asks only how to sign in and whether to change advanced settings', async () => {
    const { prompter, asked } = answering({ 'Do you want to use the default': 'default', 'How do you want users': ['email'], 'Do you want to configure advanced': false });
    const { config } = await runAddWalkthrough(prompter, defaults());
    expect(asked).toHaveLength(3);
    expect(config.usernameAttributes).toEqual(['email']);
  });

  it('default with social providers asks for redirect URIs and provider credentials, which stay out of the config', async () => {
    const { prompter } = answering({
      'Do you want to use the default': 'defaultSocial',
      'How do you want users': [],
      'Do you want to configure advanced': false,
      'Enter your redirect signin URI': 'https://app.example.com/',
      'Enter your redirect signout URI': 'https://app.example.com/',
      'Do you want to add another': false,
      'Select the social providers': ['Google'],
      'Enter your Google App ID': 'gid',
      'Enter your Google App Secret': 'gsecret',
    });
    const { config, envParameters } = await runAddWalkthrough(prompter, defaults());
    expect(config.hostedUI).toBe(true);
    expect(config.hostedUIDomainName).toBe('shop-abcd1234');
    expect(JSON.parse(config.oAuthMetadata!)).toEqual({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
      CallbackURLs: ['https://app.example.com/'],
      LogoutURLs: ['https://app.example.com/'],
    });
    expect(config.authProvidersUserPool).toEqual(['Google']);
    expect(envParameters).toEqual({ googleAppIdUserPool: 'gid', googleAppSecretUserPool: 'gsecret' });
    expect(JSON.stringify(config)).not.toContain('gsecret');
  });

  it('the manual path with groups records them in order', async () => {
    const { prompter } = answering({
      'Do you want to use the default': 'manual',
      'Select the authentication': 'identityPoolAndUserPool',
      'Do you want to enable 3rd party': false,
      'Do you want to add User Pool Groups': true,
      'Enter your User Pool Group name': seq('Admins', 'Users'),
      'Do you want to add another User Pool Group name': seq(true, false),
      'Multifactor': 'OFF',
    });
    const { config } = await runAddWalkthrough(prompter, defaults());
    expect(config.userPoolGroupList).toEqual(['Admins', 'Users']);
    expect(config.userPoolGroups).toBe(true);
  });
});

describe('auth update walkthrough', () => {
  it('manual update keeps immutable names and the previous answers as defaults', async () => {
    const previous = { ...defaults(), allowUnauthenticatedIdentities: true };
    const { prompter, asked } = answering({ 'What do you want to do?': 'manual' });
    const { config } = await runUpdateWalkthrough(prompter, previous, {});
    expect(config.resourceName).toBe(previous.resourceName);
    expect(config.allowUnauthenticatedIdentities).toBe(true);
    expect(asked).not.toContain('Provide a name for your user pool:');
    expect(asked).not.toContain('How do you want users to be able to sign in?');
  });
  it.each(['default', 'manual'] as const)('an update that takes every default (resource made with %s) returns the configuration unchanged', async (useDefault) => {
    const previous = { ...defaults(), useDefault };
    const { prompter, asked } = answering({});
    const { config } = await runUpdateWalkthrough(prompter, previous, {});
    expect(asked[0]).toBe('What do you want to do?');
    expect(config).toEqual(previous);
  });
});

describe('validation rules', () => {
  const check = (rule: keyof typeof RULES, value: string) => inputValidation({ validation: RULES[rule], required: true })(value);
  it.each([
    ['resourceName', 'myAuth1', true],
    ['resourceName', 'my-auth', false],
    ['identityPoolName', 'my_pool', true],
    ['identityPoolName', 'my pool', false],
    ['userPoolName', 'pool name+=,.@-', true],
    ['userPoolName', 'pool/name', false],
    ['code', 'Code {####}', true],
    ['code', 'Code', false],
    ['passwordPolicyMinLength', '6', true],
    ['passwordPolicyMinLength', '5', false],
    ['passwordPolicyMinLength', '99', false],
    ['refreshTokenValidity', '3650', true],
    ['refreshTokenValidity', '0', false],
    ['hostedUIDomainName', 'my-app', true],
    ['hostedUIDomainName', '-my-app', false],
    ['hostedUIDomainName', 'my-app-', false],
    ['hostedUIDomainName', 'my-aws-app', false],
    ['hostedUIDomainName', 'MyApp', false],
    ['redirectUri', 'https://example.com/', true],
    ['redirectUri', 'https://example.com', false],
    ['redirectUri', 'http://example.com/', false],
    ['redirectUri', 'http://localhost:3000/', true],
    ['redirectUri', 'myapp://', true],
    ['groupName', 'Admins1', true],
    ['groupName', 'Admins 1', false],
  ] as const)('%s accepts %j: %s', (rule, value, ok) => {
    expect(check(rule, value) === true).toBe(ok);
  });
});

describe('frontendAuthConfig', () => {
  it('upper-cases the settings the client libraries read', () => {
    const config = { ...defaults(), usernameAttributes: ['email', 'phone_number'], passwordPolicyCharacters: ['Requires Lowercase' as const], mfaConfiguration: 'OPTIONAL' as const, mfaTypes: ['TOTP'], authProvidersUserPool: ['LoginWithAmazon' as const] };
    expect(frontendAuthConfig(config)).toEqual({
      socialProviders: ['AMAZON'],
      usernameAttributes: ['EMAIL', 'PHONE_NUMBER'],
      signupAttributes: ['EMAIL'],
      passwordProtectionSettings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: ['REQUIRES_LOWERCASE'] },
      mfaConfiguration: 'OPTIONAL',
      mfaTypes: ['TOTP'],
      verificationMechanisms: ['EMAIL'],
    });
  });
});
