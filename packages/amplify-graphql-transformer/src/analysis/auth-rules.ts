/**
 * `@auth` rules: defaults applied (provider per strategy, `read` expanded, owner/group claims), then checked against
 * the strategy's providers and the API's configured auth modes, with the original's messages (reference §11.1, §14).
 */
import type { DirectiveNode } from 'graphql';
import type { AuthProvider, AuthRule, AuthStrategy, ModelOperation, TypeRef } from '../model/api-model';
import type { AuthenticationType, TransformerFeatureFlags } from '../transform-types';
import { TransformError } from '../transform-types';
import { nodeLocation } from './parse-schema';
import { directiveArgs } from './schema-index';

type WrittenProvider = AuthProvider | 'identityPool';
type WrittenOperation = ModelOperation | 'read';

interface WrittenRule {
  allow: AuthStrategy;
  provider?: WrittenProvider;
  identityClaim?: string;
  groupClaim?: string;
  ownerField?: string;
  groupsField?: string;
  groups?: string[] | string | null;
  operations?: WrittenOperation[] | null;
}

const READ_OPERATIONS: ModelOperation[] = ['get', 'list', 'listen', 'search', 'sync'];
const DEFAULT_OPERATIONS: WrittenOperation[] = ['create', 'update', 'delete', 'read'];

const DEFAULT_PROVIDER: Record<AuthStrategy, AuthProvider> = {
  owner: 'userPools',
  groups: 'userPools',
  private: 'userPools',
  public: 'apiKey',
  custom: 'function',
};

const ALLOWED_PROVIDERS: Record<AuthStrategy, { providers: WrittenProvider[]; message: string }> = {
  public: { providers: ['apiKey', 'iam', 'identityPool'], message: "only supports 'apiKey' (default) and 'identityPool' providers" },
  private: {
    providers: ['userPools', 'oidc', 'iam', 'identityPool'],
    message: "only supports 'userPools' (default) and 'identityPool' providers",
  },
  owner: { providers: ['userPools', 'oidc'], message: "only supports 'userPools' (default) and 'oidc' providers" },
  groups: { providers: ['userPools', 'oidc'], message: "only supports 'userPools' and 'oidc' providers" },
  custom: { providers: ['function'], message: "only supports 'function' (default) provider" },
};

const PROVIDER_MODE: Record<AuthProvider, { type: AuthenticationType; label: string }> = {
  apiKey: { type: 'API_KEY', label: 'API Key' },
  iam: { type: 'AWS_IAM', label: 'IAM' },
  userPools: { type: 'AMAZON_COGNITO_USER_POOLS', label: 'Cognito User Pools' },
  oidc: { type: 'OPENID_CONNECT', label: 'OPENID_CONNECT' },
  function: { type: 'AWS_LAMBDA', label: 'Lambda' },
};

export const providerForAuthType = (type: AuthenticationType): AuthProvider =>
  (Object.keys(PROVIDER_MODE) as AuthProvider[]).find((provider) => PROVIDER_MODE[provider].type === type)!;

export interface RuleContext {
  configuredProviders: AuthProvider[];
  flags: TransformerFeatureFlags;
  /** Field-level rules forbid fine-grained read operations. */
  isField: boolean;
  /** The model's field types, for owner/groups field list-ness. */
  fieldType: (name: string) => TypeRef | undefined;
}

export function readAuthRules(directive: DirectiveNode, context: RuleContext): AuthRule[] {
  const location = nodeLocation(directive);
  const fail = (message: string): never => {
    throw new TransformError(message, location);
  };
  const written = (directiveArgs(directive).rules ?? []) as WrittenRule[];
  return written.map((rule) => {
    const operations = rule.operations ?? DEFAULT_OPERATIONS;
    const fineGrainedReads = operations.filter((operation) => operation !== 'read' && READ_OPERATIONS.includes(operation));
    if (context.isField && rule.operations && fineGrainedReads.length > 0) {
      fail(`'${fineGrainedReads.join(',')}' operation is not allowed at the field level.`);
    }
    if (operations.includes('read') && fineGrainedReads.length > 0) {
      const listed = fineGrainedReads.join(',');
      fail(
        `'${listed}' operations are specified in addition to 'read'. Either remove 'read' to limit access only to '${listed}' or only keep 'read' to grant all ${READ_OPERATIONS.join(',')} access.`,
      );
    }
    const writtenProvider = rule.provider ?? DEFAULT_PROVIDER[rule.allow];
    const allowed = ALLOWED_PROVIDERS[rule.allow];
    if (!allowed.providers.includes(writtenProvider)) {
      fail(`@auth directive with '${rule.allow}' strategy ${allowed.message}, but found '${writtenProvider}' assigned.`);
    }
    const provider: AuthProvider = writtenProvider === 'identityPool' ? 'iam' : writtenProvider;
    if (!context.configuredProviders.includes(provider)) {
      fail(
        `@auth directive with '${writtenProvider}' provider found, but the project has no ${PROVIDER_MODE[provider].label} authentication provider configured.`,
      );
    }
    const groups = typeof rule.groups === 'string' ? [rule.groups] : (rule.groups ?? undefined);
    if (rule.allow === 'groups') {
      if (groups && rule.groupsField) fail('This rule has groupsField and groups, please use one or the other');
      if (!groups && !rule.groupsField) fail("@auth directive with 'groups' should have a defined groups list or a groupsField.");
      if (groups && groups.length === 0) fail('@auth rules using groups cannot have an empty list');
    }
    return normalizedRule(rule, provider, operations, groups, context);
  });
}

function normalizedRule(
  rule: WrittenRule,
  provider: AuthProvider,
  operations: WrittenOperation[],
  groups: string[] | undefined,
  context: RuleContext,
): AuthRule {
  const expanded = [...new Set(operations.flatMap((operation) => (operation === 'read' ? READ_OPERATIONS : [operation])))];
  const normalized: AuthRule = { allow: rule.allow, provider, operations: expanded };
  if (rule.allow === 'owner') {
    normalized.ownerField = rule.ownerField ?? 'owner';
    normalized.ownerFieldIsList = context.fieldType(normalized.ownerField)?.list ?? false;
    normalized.identityClaim =
      rule.identityClaim ?? (context.flags.usesubusernamefordefaultidentityclaim ? 'sub::username' : 'username');
  }
  if (rule.allow === 'groups') {
    if (groups) normalized.groups = groups;
    if (rule.groupsField) {
      normalized.groupsField = rule.groupsField;
      normalized.groupsFieldIsList = context.fieldType(rule.groupsField)?.list ?? false;
    }
    normalized.groupClaim = rule.groupClaim ?? 'cognito:groups';
  }
  return normalized;
}

/** The original's role names: one role per distinct (provider, strategy, field, claim, group). */
export function roleKeys(rule: AuthRule): string[] {
  switch (rule.allow) {
    case 'public':
      return [rule.provider === 'iam' ? 'iam:public' : 'apiKey:public'];
    case 'custom':
      return ['function:custom'];
    case 'private':
      return [`${rule.provider}:private`];
    case 'owner':
      return [`${rule.provider}:owner:${rule.ownerField}:${rule.identityClaim}`];
    case 'groups':
      return rule.groups
        ? rule.groups.map((group) => `${rule.provider}:staticGroup:${group}`)
        : [`${rule.provider}:dynamicGroup:${rule.groupsField}:${rule.groupClaim}`];
  }
}

const READS = new Set<ModelOperation>(READ_OPERATIONS);

/**
 * With field-level rules, every required field the user wrote must be readable by every role that reads the model
 * (a `private` role that reads the field stands in for the other roles of its provider), else reads of it would
 * fail. Only checked when subscriptions are on, as the original does.
 */
export function requiredFieldsWithoutReadRules(
  modelAuth: AuthRule[],
  fields: Array<{ name: string; nonNull: boolean; auth?: AuthRule[] }>,
): string[] {
  if (!fields.some((field) => field.auth)) return [];
  const readersOf = (field: { auth?: AuthRule[] }): Map<string, ModelOperation[]> => {
    const rules = field.auth ?? modelAuth;
    const readers = new Map<string, ModelOperation[]>();
    for (const rule of rules) {
      for (const key of roleKeys(rule)) readers.set(key, [...(readers.get(key) ?? []), ...rule.operations.filter((operation) => READS.has(operation))]);
    }
    return readers;
  };
  const perField = fields.map((field) => ({ field, readers: readersOf(field) }));
  const readRoles = [...new Set(perField.flatMap(({ readers }) => [...readers].filter(([, operations]) => operations.length > 0).map(([key]) => key)))];
  return perField
    .filter(({ field, readers }) => {
      let expected = readRoles;
      for (const provider of ['userPools', 'oidc']) {
        const privateRole = `${provider}:private`;
        const privateReads = readers.get(privateRole) ?? [];
        if (readRoles.includes(privateRole) && READ_OPERATIONS.every((operation) => privateReads.includes(operation))) {
          expected = expected.filter((key) => !(key.startsWith(`${provider}:`) && key !== privateRole));
        }
      }
      const allowed = expected.filter((key) => (readers.get(key) ?? []).length > 0);
      return field.nonNull && allowed.length < expected.length;
    })
    .map(({ field }) => field.name);
}
