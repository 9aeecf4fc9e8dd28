import type { Answers, PromptChoice, Question } from 'amplify-cli-core';
import { ALL_OAUTH_SCOPES, defaultHostedUIDomain } from './cognito-defaults';
import { IDENTITY_PROVIDERS, STANDARD_ATTRIBUTES, USER_POOL_PROVIDERS } from './cognito-config';

/** Validation rules of the walkthrough, shared with the headless checks and the tests. */
export const RULES = {
  resourceName: { operator: 'regex', value: '^([a-zA-Z0-9]){1,128}$', onErrorMsg: 'Resource name should be alphanumeric (1 to 128 characters)' },
  identityPoolName: { operator: 'regex', value: '^([a-zA-Z0-9_]){1,128}$', onErrorMsg: 'Identity pool name may only contain letters, digits and underscores (1 to 128)' },
  userPoolName: { operator: 'regex', value: '^([\\w\\s+=,.@-]){1,128}$', onErrorMsg: 'User pool name may only contain letters, digits, spaces and +=,.@- (1 to 128)' },
  code: { operator: 'includes', value: '{####}', onErrorMsg: 'The message must include {####} for the code' },
  passwordPolicyMinLength: { operator: 'range', value: { min: 6, max: 98 }, onErrorMsg: 'Enter a number from 6 to 98' },
  refreshTokenValidity: { operator: 'range', value: { min: 1, max: 3650 }, onErrorMsg: 'Enter a number of days from 1 to 3650' },
  hostedUIDomainName: {
    operator: 'regex',
    value: '^(?!-)(?!([a-z0-9]{0,1})(?!((?!aws)(?!amazon)(?!cognito).)*$))(?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
    onErrorMsg: 'Domain prefix: lowercase letters, digits and hyphens, not starting or ending with a hyphen, without aws, amazon or cognito',
  },
  redirectUri: {
    operator: 'regex',
    value: '^((?!http:)(?!https:)[a-z][a-z0-9+.-]*:\\/\\/\\S*|https:\\/\\/\\S*\\/|http:\\/\\/localhost(:[0-9]+)?\\/\\S*)$',
    onErrorMsg: 'Enter a URI ending with /; http:// is only allowed for localhost (e.g. https://example.com/ or myapp://)',
  },
  groupName: { operator: 'regex', value: '^[a-zA-Z0-9]+$', onErrorMsg: 'Group names may only contain letters and digits' },
} as const;

const yesNo: ReadonlyArray<PromptChoice<boolean>> = [
  { name: 'Yes', value: true },
  { name: 'No', value: false },
];
const choices = (values: readonly string[]): Array<PromptChoice<unknown>> => values.map((value) => ({ name: value, value }));

const manual = (a: Answers): boolean => a.useDefault === 'manual';
const withIdentityPool = (a: Answers): boolean => manual(a) && a.authSelections !== 'userPoolOnly';
const isAdd = (a: Answers): boolean => a.isUpdate !== true;
const hostedUI = (a: Answers): boolean => a.hostedUI === true;
const mfaOn = (a: Answers): boolean => manual(a) && a.mfaConfiguration !== 'OFF';
const verifies = (a: Answers, attribute: string): boolean => manual(a) && Array.isArray(a.autoVerifiedAttributes) && a.autoVerifiedAttributes.includes(attribute);

export const HOW_TO_CONFIGURE: Question = {
  key: 'useDefault',
  type: 'pick',
  message: 'Do you want to use the default authentication and security configuration?',
  flag: '--headless (AddAuthRequest)',
  choices: [
    { name: 'Default configuration', value: 'default' },
    { name: 'Default configuration with Social Provider (Federation)', value: 'defaultSocial' },
    { name: 'Manual configuration', value: 'manual' },
  ],
  default: 'default',
};

export const UPDATE_MENU: Question = {
  key: 'updateFlow',
  type: 'pick',
  message: 'What do you want to do?',
  flag: '--headless (UpdateAuthRequest)',
  choices: (a) => [
    { name: 'Apply default configuration (without social provider federation)', value: 'default' },
    { name: 'Apply default configuration with Social Provider (Federation)', value: 'defaultSocial' },
    { name: 'Walkthrough all the auth configurations', value: 'manual' },
    ...(a.hostedUI === true
      ? [
          { name: 'Add/Edit signin and signout redirect URIs', value: 'callbacks' },
          { name: 'Update OAuth social providers', value: 'providers' },
        ]
      : []),
    { name: 'Create or update Cognito user pool groups', value: 'updateUserPoolGroups' },
  ],
  default: 'manual',
};

/** Questions up to the user pool groups, in the original's order. */
export const FIRST_QUESTIONS: Question[] = [
  {
    key: 'authSelections',
    type: 'pick',
    message: 'Select the authentication/authorization services that you want to use:',
    when: manual,
    choices: [
      { name: 'User Sign-Up, Sign-In, connected with AWS IAM controls (Enables per-user Storage features for images or other content, Analytics, and more)', value: 'identityPoolAndUserPool' },
      { name: 'User Sign-Up & Sign-In only (Best used with a cloud API only)', value: 'userPoolOnly' },
    ],
    default: 'identityPoolAndUserPool',
  },
  { key: 'resourceName', type: 'input', message: 'Provide a friendly name for your resource that will be used to label this category in the project:', when: (a) => manual(a) && isAdd(a), validation: RULES.resourceName, required: true },
  { key: 'identityPoolName', type: 'input', message: 'Enter a name for your identity pool.', when: (a) => withIdentityPool(a) && isAdd(a), validation: RULES.identityPoolName, required: true },
  { key: 'allowUnauthenticatedIdentities', type: 'pick', message: 'Allow unauthenticated logins? (Provides scoped down permissions that you can control via AWS IAM)', when: withIdentityPool, choices: yesNo, default: false },
  { key: 'thirdPartyAuth', type: 'pick', message: 'Do you want to enable 3rd party authentication providers in your identity pool?', when: withIdentityPool, choices: yesNo, default: (a: Answers) => Array.isArray(a.authProviders) && a.authProviders.length > 0 },
  {
    key: 'authProviders',
    type: 'pickMany',
    message: 'Select the third party identity providers you want to configure for your identity pool:',
    when: (a) => withIdentityPool(a) && a.thirdPartyAuth === true,
    choices: Object.entries(IDENTITY_PROVIDERS).map(([value, p]) => ({ name: p.name, value })),
    validation: { operator: 'noEmptyArray', onErrorMsg: 'Select at least one provider' },
  },
  ...Object.entries(IDENTITY_PROVIDERS).map(
    ([domain, p]): Question => ({
      key: p.idKey,
      type: 'input',
      message: `Enter your ${p.name} ${domain === 'appleid.apple.com' ? 'Services ID (bundle identifier)' : 'app ID'} for your identity pool:`,
      when: (a) => withIdentityPool(a) && a.thirdPartyAuth === true && Array.isArray(a.authProviders) && a.authProviders.includes(domain),
      required: true,
    }),
  ),
  { key: 'userPoolName', type: 'input', message: 'Provide a name for your user pool:', when: (a) => manual(a) && isAdd(a), validation: RULES.userPoolName, required: true },
  {
    key: 'usernameAttributes',
    type: 'pick',
    message: 'How do you want users to be able to sign in?',
    when: isAdd,
    choices: [
      { name: 'Username', value: [] },
      { name: 'Email', value: ['email'] },
      { name: 'Phone Number', value: ['phone_number'] },
      { name: 'Email or Phone Number', value: ['email', 'phone_number'] },
    ],
    default: [],
  },
  { key: 'userPoolGroups', type: 'pick', message: 'Do you want to add User Pool Groups?', when: manual, choices: yesNo, default: false },
];

/** Questions after the groups. */
export const LATER_QUESTIONS: Question[] = [
  {
    key: 'additionalQuestions',
    type: 'pick',
    message: 'Do you want to configure advanced settings?',
    when: (a) => !manual(a) && isAdd(a),
    choices: [
      { name: 'No, I am done.', value: false },
      { name: 'Yes, I want to make some additional changes.', value: true },
    ],
    default: false,
  },
  {
    key: 'mfaConfiguration',
    type: 'pick',
    message: 'Multifactor authentication (MFA) user login options:',
    when: manual,
    choices: (a) => [
      { name: 'OFF', value: 'OFF' },
      { name: 'ON (Required for all logins, can not be enabled later)', value: 'ON', disabled: a.isUpdate === true && a.mfaConfiguration !== 'ON' },
      { name: 'OPTIONAL (Individual users can use MFA)', value: 'OPTIONAL' },
    ],
    default: 'OFF',
  },
  { key: 'mfaTypes', type: 'pickMany', message: 'For user login, select the MFA types:', when: mfaOn, choices: choices(['SMS Text Message', 'TOTP']), default: ['SMS Text Message'], validation: { operator: 'noEmptyArray', onErrorMsg: 'Select at least one MFA type' } },
  { key: 'smsAuthenticationMessage', type: 'input', message: 'Specify an SMS authentication message:', when: mfaOn, default: 'Your authentication code is {####}', validation: RULES.code },
  {
    key: 'autoVerifiedAttributes',
    type: 'pick',
    message: 'Email based user registration/forgot password:',
    when: manual,
    choices: [
      { name: 'Enabled (Requires per-user email entry at registration)', value: ['email'] },
      { name: 'Disabled (Uses SMS/TOTP as an alternative)', value: ['phone_number'] },
    ],
    default: ['email'],
  },
  { key: 'emailVerificationSubject', type: 'input', message: 'Specify an email verification subject:', when: (a) => verifies(a, 'email'), default: 'Your verification code' },
  { key: 'emailVerificationMessage', type: 'input', message: 'Specify an email verification message:', when: (a) => verifies(a, 'email'), default: 'Your verification code is {####}', validation: RULES.code },
  { key: 'smsVerificationMessage', type: 'input', message: 'Specify an SMS verification message:', when: (a) => verifies(a, 'phone_number'), default: 'Your verification code is {####}', validation: RULES.code },
  { key: 'defaultPasswordPolicy', type: 'confirm', message: 'Do you want to override the default password policy for this User Pool?', when: manual, default: false },
  { key: 'passwordPolicyMinLength', type: 'input', message: 'Enter the minimum password length for this User Pool:', when: (a) => manual(a) && a.defaultPasswordPolicy === true, default: '8', validation: RULES.passwordPolicyMinLength, parse: Number },
  { key: 'passwordPolicyCharacters', type: 'pickMany', message: 'Select the password character requirements for your userpool:', when: (a) => manual(a) && a.defaultPasswordPolicy === true, choices: choices(['Requires Lowercase', 'Requires Uppercase', 'Requires Numbers', 'Requires Symbols']), default: [] },
  {
    key: 'requiredAttributes',
    type: 'pickMany',
    message: 'Specify read attributes: What attributes are required for signing up? (This can not be changed after the user pool is created)',
    when: (a) => isAdd(a) && (manual(a) || a.additionalQuestions === true),
    choices: choices(STANDARD_ATTRIBUTES),
    default: ['email'],
  },
  { key: 'userpoolClientRefreshTokenValidity', type: 'input', message: "Specify the app's refresh token expiration period (in days):", when: manual, default: '30', validation: RULES.refreshTokenValidity, parse: Number },
  { key: 'userpoolClientSetAttributes', type: 'confirm', message: 'Do you want to specify the user attributes this app can read and write?', when: manual, default: false },
  { key: 'userpoolClientReadAttributes', type: 'pickMany', message: 'Specify read attributes:', when: (a) => manual(a) && a.userpoolClientSetAttributes === true, choices: choices([...STANDARD_ATTRIBUTES, 'email_verified', 'phone_number_verified']), default: ['email'] },
  { key: 'userpoolClientWriteAttributes', type: 'pickMany', message: 'Specify write attributes:', when: (a) => manual(a) && a.userpoolClientSetAttributes === true, choices: choices(STANDARD_ATTRIBUTES), default: ['email'] },
  { key: 'hostedUI', type: 'pick', message: 'Do you want to use an OAuth flow?', when: manual, choices: yesNo, default: false },
  {
    key: 'hostedUIDomainName',
    type: 'input',
    message: 'What domain name prefix do you want to use?',
    when: hostedUI,
    default: (a) => defaultHostedUIDomain({ resourceName: String(a.resourceName), sharedId: String(a.sharedId) }),
    validation: RULES.hostedUIDomainName,
    required: true,
  },
];

/** OAuth questions asked after the redirect URIs. */
export const OAUTH_QUESTIONS: Question[] = [
  {
    key: 'AllowedOAuthFlows',
    type: 'pick',
    message: 'Select the OAuth flows enabled for this project.',
    when: (a) => hostedUI(a) && manual(a),
    choices: [
      { name: 'Authorization code grant', value: ['code'] },
      { name: 'Implicit grant', value: ['implicit'] },
    ],
    default: ['code'],
  },
  { key: 'AllowedOAuthScopes', type: 'pickMany', message: 'Select the OAuth scopes enabled for this project.', when: (a) => hostedUI(a) && manual(a), choices: choices(ALL_OAUTH_SCOPES), default: ALL_OAUTH_SCOPES },
  {
    key: 'authProvidersUserPool',
    type: 'pickMany',
    message: 'Select the social providers you want to configure for your user pool:',
    when: hostedUI,
    choices: Object.keys(USER_POOL_PROVIDERS).map((value) => ({ name: value, value })),
    default: [],
  },
  ...Object.entries(USER_POOL_PROVIDERS).flatMap(([provider, p]): Question[] => [
    { key: `${p.prefix}AppIdUserPool`, type: 'input', message: `Enter your ${provider} App ID for your OAuth flow:`, when: (a) => hostedUI(a) && Array.isArray(a.authProvidersUserPool) && a.authProvidersUserPool.includes(provider), required: true },
    { key: `${p.prefix}AppSecretUserPool`, type: 'input', message: `Enter your ${provider} App Secret for your OAuth flow:`, when: (a) => hostedUI(a) && Array.isArray(a.authProvidersUserPool) && a.authProvidersUserPool.includes(provider), required: true },
  ]),
];
