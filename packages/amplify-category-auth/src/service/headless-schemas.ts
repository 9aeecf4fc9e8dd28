import type { HeadlessSchema } from 'amplify-cli-core';

/** JSON Schemas of the original's `AddAuthRequest` / `UpdateAuthRequest` version 2. */

const attribute = { enum: ['ADDRESS', 'BIRTHDATE', 'EMAIL', 'FAMILY_NAME', 'MIDDLE_NAME', 'GENDER', 'LOCALE', 'GIVEN_NAME', 'NAME', 'NICKNAME', 'PHONE_NUMBER', 'PREFERRED_USERNAME', 'PICTURE', 'PROFILE', 'UPDATED_AT', 'WEBSITE', 'ZONE_INFO', 'EMAIL_VERIFIED', 'PHONE_NUMBER_VERIFIED'] };

const userPoolGroups = {
  type: 'array',
  // Custom group policies (the original's customPolicy) are not supported yet: refused as an unknown field, not ignored.
  items: { type: 'object', required: ['groupName'], additionalProperties: false, properties: { groupName: { type: 'string', pattern: '^[a-zA-Z0-9]+$' } } },
};

const mfa = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { enum: ['OFF', 'ON', 'OPTIONAL'] },
    mfaTypes: { type: 'array', minItems: 1, items: { enum: ['SMS', 'TOTP'] } },
    smsMessage: { type: 'string', pattern: '\\{####\\}' },
  },
  if: { properties: { mode: { enum: ['ON', 'OPTIONAL'] } } },
  then: { required: ['mode', 'mfaTypes', 'smsMessage'] },
};

const passwordPolicy = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minimumLength: { type: 'integer', minimum: 6, maximum: 98 },
    additionalConstraints: { type: 'array', items: { enum: ['REQUIRE_LOWERCASE', 'REQUIRE_UPPERCASE', 'REQUIRE_DIGIT', 'REQUIRE_SYMBOL'] } },
  },
};

const uri = { type: 'string', pattern: '^((?!http:)(?!https:)[a-z][a-z0-9+.-]*:\\/\\/\\S*|https:\\/\\/\\S*\\/|http:\\/\\/localhost(:[0-9]+)?\\/\\S*)$' };

const socialProviderConfiguration = {
  type: 'object',
  required: ['provider', 'clientId', 'clientSecret'],
  additionalProperties: false,
  properties: { provider: { enum: ['FACEBOOK', 'GOOGLE', 'LOGIN_WITH_AMAZON'] }, clientId: { type: 'string', minLength: 1 }, clientSecret: { type: 'string', minLength: 1 } },
};

const oAuthProperties = {
  domainPrefix: { type: 'string', pattern: '^(?!-)(?!([a-z0-9]{0,1})(?!((?!aws)(?!amazon)(?!cognito).)*$))(?:[a-z0-9\\-]{0,61}[a-z0-9])?$' },
  redirectSigninURIs: { type: 'array', minItems: 1, items: uri },
  redirectSignoutURIs: { type: 'array', minItems: 1, items: uri },
  oAuthGrantType: { enum: ['CODE', 'IMPLICIT'] },
  oAuthScopes: { type: 'array', items: { enum: ['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'AWS.COGNITO.SIGNIN.USER.ADMIN'] } },
  socialProviderConfigurations: { type: 'array', items: socialProviderConfiguration },
};

const autoVerifiedAttributes = {
  type: 'array',
  items: {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: { type: { enum: ['EMAIL', 'PHONE_NUMBER'] }, verificationMessage: { type: 'string', pattern: '\\{####\\}' }, verificationSubject: { type: 'string' } },
  },
};

const identitySocialFederation = {
  type: 'array',
  items: { type: 'object', required: ['provider', 'clientId'], additionalProperties: false, properties: { provider: { enum: ['FACEBOOK', 'GOOGLE', 'AMAZON', 'APPLE'] }, clientId: { type: 'string', minLength: 1 } } },
};

const sharedUserPoolProperties = {
  userPoolGroups,
  mfa,
  passwordPolicy,
  refreshTokenPeriod: { type: 'integer', minimum: 1, maximum: 3650 },
  readAttributes: { type: 'array', items: attribute },
  writeAttributes: { type: 'array', items: attribute },
  autoVerifiedAttributes,
};

export const addAuthRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 2 },
    resourceName: { type: 'string', pattern: '^([a-zA-Z0-9]){1,128}$' },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName', 'userPoolConfiguration', 'includeIdentityPool'],
      additionalProperties: false,
      properties: {
        serviceName: { const: 'Cognito' },
        includeIdentityPool: { type: 'boolean' },
        userPoolConfiguration: {
          type: 'object',
          required: ['signinMethod', 'requiredSignupAttributes'],
          additionalProperties: false,
          properties: {
            signinMethod: { enum: ['USERNAME', 'EMAIL', 'PHONE_NUMBER', 'EMAIL_AND_PHONE_NUMBER'] },
            requiredSignupAttributes: { type: 'array', items: attribute },
            userPoolName: { type: 'string', pattern: '^([\\w\\s+=,.@-]){1,128}$' },
            ...sharedUserPoolProperties,
            oAuth: { type: 'object', required: ['redirectSigninURIs', 'redirectSignoutURIs', 'oAuthGrantType', 'oAuthScopes'], additionalProperties: false, properties: oAuthProperties },
          },
        },
        identityPoolConfiguration: {
          type: 'object',
          additionalProperties: false,
          properties: {
            identityPoolName: { type: 'string', pattern: '^([a-zA-Z0-9_]){1,128}$' },
            unauthenticatedLogin: { type: 'boolean' },
            identitySocialFederation,
          },
        },
      },
    },
  },
};

export const updateAuthRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceModification'],
  additionalProperties: false,
  properties: {
    version: { const: 2 },
    serviceModification: {
      type: 'object',
      required: ['serviceName', 'userPoolModification', 'includeIdentityPool'],
      additionalProperties: false,
      properties: {
        serviceName: { const: 'Cognito' },
        includeIdentityPool: { type: 'boolean' },
        userPoolModification: {
          type: 'object',
          additionalProperties: false,
          properties: { ...sharedUserPoolProperties, oAuth: { type: 'object', additionalProperties: false, properties: oAuthProperties } },
        },
        identityPoolModification: {
          type: 'object',
          additionalProperties: false,
          properties: { unauthenticatedLogin: { type: 'boolean' }, identitySocialFederation },
        },
      },
    },
  },
};
