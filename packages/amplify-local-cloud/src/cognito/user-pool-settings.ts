/**
 * The settings of user pools and app clients, read from the properties their CloudFormation resources declare
 * (resolved values), with AWS's defaults for what a template leaves out.
 */

type Properties = Record<string, unknown>;

export const TRIGGERS = ['PreSignUp', 'PostConfirmation', 'PreAuthentication', 'PostAuthentication', 'PreTokenGeneration', 'CustomMessage'] as const;
export type TriggerName = (typeof TRIGGERS)[number];

export interface PasswordPolicy {
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  temporaryPasswordValidityDays: number;
}

export interface UserPoolSettings {
  name: string;
  passwordPolicy: PasswordPolicy;
  /** `email` and/or `phone_number`: users sign up with one of these instead of a user name. */
  usernameAttributes: string[];
  /** Verified attributes that sign in like a user name (`email`, `phone_number`, `preferred_username`). */
  aliasAttributes: string[];
  autoVerifiedAttributes: string[];
  /** Verified addresses a change keeps until the new value is verified (`UserAttributeUpdateSettings`). */
  verifyBeforeUpdate: string[];
  requiredAttributes: string[];
  /** Attributes the schema declares (custom ones without their `custom:` prefix). */
  schemaAttributes: string[];
  mfa: 'OFF' | 'ON' | 'OPTIONAL';
  /** `SMS_MFA`, `SOFTWARE_TOKEN_MFA`: the second factors the pool offers when MFA is not OFF. */
  enabledMfas: string[];
  caseSensitiveUsernames: boolean;
  adminCreateUserOnly: boolean;
  /** Function ARNs by trigger. */
  triggers: Partial<Record<TriggerName, string>>;
  emailVerificationSubject: string;
  emailVerificationMessage: string;
  smsVerificationMessage: string;
  inviteEmailSubject: string;
  inviteEmailMessage: string;
}

export interface ClientSettings {
  name: string;
  /** ALLOW_* flows; AWS's default when the template names none. */
  explicitAuthFlows: string[];
  hasSecret: boolean;
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
  /** Attributes the client may read (GetUser, id tokens); `undefined`: all of them. `sub` is always readable. */
  readAttributes: string[] | undefined;
  /** Attributes the client may change; `undefined`: all writable ones. */
  writeAttributes: string[] | undefined;
  preventUserExistenceErrors: boolean;
  enableTokenRevocation: boolean;
}

const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const LEGACY_FLOWS: Record<string, string> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
};
const SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

function object(value: unknown): Properties {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Properties) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function bool(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  return value === true || value === 'true';
}

function number(value: unknown, fallback: number): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** An attribute list a client declares; none or an empty one means every attribute, as Cognito reads it. */
function listedOrAll(value: unknown): string[] | undefined {
  const listed = strings(value);
  return listed.length > 0 ? listed : undefined;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

export function userPoolSettings(properties: Properties, fallbackName: string): UserPoolSettings {
  const policy = object(object(properties.Policies).PasswordPolicy);
  const schema = Array.isArray(properties.Schema) ? properties.Schema.map(object) : [];
  const template = object(properties.VerificationMessageTemplate);
  const invite = object(object(properties.AdminCreateUserConfig).InviteMessageTemplate);
  const lambdaConfig = object(properties.LambdaConfig);
  const triggers: Partial<Record<TriggerName, string>> = {};
  for (const trigger of TRIGGERS) {
    const arn = lambdaConfig[trigger];
    if (typeof arn === 'string' && arn !== '') triggers[trigger] = arn;
  }
  const mfa = String(properties.MfaConfiguration ?? 'OFF');
  // Without a declared policy every character class is required, as AWS's default policy says.
  const strict = Object.keys(policy).length === 0;
  return {
    name: text(properties.UserPoolName, fallbackName),
    passwordPolicy: {
      minimumLength: number(policy.MinimumLength, 8),
      requireLowercase: bool(policy.RequireLowercase, strict),
      requireUppercase: bool(policy.RequireUppercase, strict),
      requireNumbers: bool(policy.RequireNumbers, strict),
      requireSymbols: bool(policy.RequireSymbols, strict),
      temporaryPasswordValidityDays: number(policy.TemporaryPasswordValidityDays, 7),
    },
    usernameAttributes: strings(properties.UsernameAttributes),
    aliasAttributes: strings(properties.AliasAttributes),
    autoVerifiedAttributes: strings(properties.AutoVerifiedAttributes),
    verifyBeforeUpdate: strings(object(properties.UserAttributeUpdateSettings).AttributesRequireVerificationBeforeUpdate),
    requiredAttributes: schema.filter((entry) => bool(entry.Required, false)).map((entry) => String(entry.Name)),
    schemaAttributes: schema.map((entry) => String(entry.Name)),
    mfa: mfa === 'ON' || mfa === 'OPTIONAL' ? mfa : 'OFF',
    // Without EnabledMfas, a pool with MFA sends SMS codes (the only factor it had before software tokens).
    enabledMfas: Array.isArray(properties.EnabledMfas) ? strings(properties.EnabledMfas) : ['SMS_MFA'],
    caseSensitiveUsernames: bool(object(properties.UsernameConfiguration).CaseSensitive, true),
    adminCreateUserOnly: bool(object(properties.AdminCreateUserConfig).AllowAdminCreateUserOnly, false),
    triggers,
    emailVerificationSubject: text(template.EmailSubject, text(properties.EmailVerificationSubject, 'Your verification code')),
    emailVerificationMessage: text(template.EmailMessage, text(properties.EmailVerificationMessage, 'Your verification code is {####}. ')),
    smsVerificationMessage: text(template.SmsMessage, text(properties.SmsVerificationMessage, 'Your verification code is {####}. ')),
    inviteEmailSubject: text(invite.EmailSubject, 'Your temporary password'),
    inviteEmailMessage: text(invite.EmailMessage, 'Your username is {username} and temporary password is {####}. '),
  };
}

export function clientSettings(properties: Properties, fallbackName: string): ClientSettings {
  const units = object(properties.TokenValidityUnits);
  const seconds = (value: unknown, unit: unknown, fallbackUnit: string, fallback: number) =>
    number(value, fallback) * (SECONDS[String(unit ?? fallbackUnit)] ?? SECONDS[fallbackUnit]);
  const flows = strings(properties.ExplicitAuthFlows).map((flow) => LEGACY_FLOWS[flow] ?? flow);
  return {
    name: text(properties.ClientName, fallbackName),
    explicitAuthFlows: flows.length > 0 ? flows : DEFAULT_FLOWS,
    hasSecret: bool(properties.GenerateSecret, false),
    accessTokenSeconds: seconds(properties.AccessTokenValidity, units.AccessToken, 'hours', 1),
    idTokenSeconds: seconds(properties.IdTokenValidity, units.IdToken, 'hours', 1),
    refreshTokenSeconds: seconds(properties.RefreshTokenValidity, units.RefreshToken, 'days', 30),
    readAttributes: listedOrAll(properties.ReadAttributes),
    writeAttributes: listedOrAll(properties.WriteAttributes),
    preventUserExistenceErrors: properties.PreventUserExistenceErrors === 'ENABLED',
    enableTokenRevocation: bool(properties.EnableTokenRevocation, true),
  };
}
