import type { AuthProvider, AuthRule, ModelField, ModelOperation } from '../../model/api-model';
import { EMPTY_PAYLOAD, indent, lines, literal, memoized } from './vtl-text';

/** `$util.authType()` as AppSync reports each provider. */
export const AUTH_TYPE_NAMES: Record<AuthProvider, string> = {
  apiKey: 'API Key Authorization',
  iam: 'IAM Authorization',
  userPools: 'User Pool Authorization',
  oidc: 'Open ID Connect Authorization',
  function: 'Lambda Authorization',
};

const DEFAULT_IDENTITY_CLAIM = 'sub::username';

export const isDynamic = (rule: AuthRule): boolean => rule.allow === 'owner' || (rule.allow === 'groups' && rule.groupsField !== undefined);
const allows = (rule: AuthRule, operation: ModelOperation): boolean => rule.operations.includes(operation);

/** Where a dynamic rule finds the owner/groups value: the input, the stored item, or the parent of a field. */
type Subject = '$ctx.args.input' | '$existing' | '$ctx.source';

/**
 * Sets `$claimValues<tag>` (the identity values an owner field may hold) and `$primaryClaim<tag>` (the one a create
 * stores). Each check site has its own tag: Velocity's `#set` keeps the old value when the new one is null, so a
 * variable reused by a later check could carry an earlier check's value.
 */
function claimValues(rule: AuthRule, tag: string): string[] {
  const claim = rule.identityClaim ?? DEFAULT_IDENTITY_CLAIM;
  const username = '$util.defaultIfNull($ctx.identity.claims.get("username"), $ctx.identity.claims.get("cognito:username"))';
  if (claim === DEFAULT_IDENTITY_CLAIM) {
    return [
      `#set( $claimValues${tag} = [] )`,
      `#set( $primaryClaim${tag} = null )`,
      '#set( $identitySub = $ctx.identity.claims.get("sub") )',
      `#set( $identityUsername = ${username} )`,
      '#if( !$util.isNull($identitySub) && !$util.isNull($identityUsername) )',
      `  #set( $primaryClaim${tag} = "\${identitySub}::\${identityUsername}" )`,
      `  $util.qr($claimValues${tag}.add($primaryClaim${tag}))`,
      '#end',
      '#if( !$util.isNull($identitySub) )',
      `  $util.qr($claimValues${tag}.add($identitySub))`,
      '#end',
      '#if( !$util.isNull($identityUsername) )',
      `  $util.qr($claimValues${tag}.add($identityUsername))`,
      '#end',
    ];
  }
  const expression = claim === 'username' ? username : `$ctx.identity.claims.get(${literal(claim)})`;
  return [
    `#set( $claimValues${tag} = [] )`,
    `#set( $primaryClaim${tag} = ${expression} )`,
    `#if( !$util.isNull($primaryClaim${tag}) )`,
    `  $util.qr($claimValues${tag}.add($primaryClaim${tag}))`,
    '#end',
  ];
}

function userGroups(rule: AuthRule): string[] {
  return [
    `#set( $userGroups = $util.defaultIfNull($ctx.identity.claims.get(${literal(rule.groupClaim ?? 'cognito:groups')}), []) )`,
    '#if( $util.isString($userGroups) )',
    '  #set( $userGroups = [$userGroups] )',
    '#end',
  ];
}

/** A static rule of an authenticated provider: true for any caller of that provider (IAM checks the role). */
function staticRule(rule: AuthRule): string[] {
  if (rule.provider === 'iam') {
    return rule.allow === 'public'
      ? ['#if( $ctx.identity.userArn == $ctx.stash.unauthRole )', '  #set( $isAuthorized = true )', '#end']
      : [
          '#if( $ctx.identity.userArn == $ctx.stash.authRole || (!$util.isNull($ctx.stash.identityPoolId) && $ctx.identity.cognitoIdentityPoolId == $ctx.stash.identityPoolId && $ctx.identity.cognitoIdentityAuthType == "authenticated") )',
          '  #set( $isAuthorized = true )',
          '#end',
        ];
  }
  if (rule.allow === 'groups') {
    return [
      ...userGroups(rule),
      `#set( $staticGroups = ${literal(rule.groups ?? [])} )`,
      '#foreach( $userGroup in $userGroups )',
      '  #if( $staticGroups.contains($userGroup) )',
      '    #set( $isAuthorized = true )',
      '  #end',
      '#end',
    ];
  }
  return ['#set( $isAuthorized = true )'];
}

/** Whether the owner/groups value held by `subject` matches the caller; sets `$<flag> = true` when it does. */
function dynamicMatch(rule: AuthRule, tag: string, subject: Subject, flag: string): string[] {
  if (rule.allow === 'owner') {
    const field = rule.ownerField ?? 'owner';
    return [
      ...claimValues(rule, tag),
      `#set( $ownerValue${tag} = $util.defaultIfNull(${subject}.get(${literal(field)}), null) )`,
      ...(rule.ownerFieldIsList
        ? [`#foreach( $owner in $util.defaultIfNull($ownerValue${tag}, []) )`, `  #if( $claimValues${tag}.contains($owner) )`, `    #set( $${flag} = true )`, '  #end', '#end']
        : [`#if( !$util.isNull($ownerValue${tag}) && $claimValues${tag}.contains($ownerValue${tag}) )`, `  #set( $${flag} = true )`, '#end']),
    ];
  }
  const field = rule.groupsField ?? 'groups';
  return [
    ...userGroups(rule),
    `#set( $groupsValue${tag} = $util.defaultIfNull(${subject}.get(${literal(field)}), null) )`,
    ...(rule.groupsFieldIsList
      ? [`#foreach( $group in $util.defaultIfNull($groupsValue${tag}, []) )`, '  #if( $userGroups.contains($group) )', `    #set( $${flag} = true )`, '  #end', '#end']
      : [`#if( !$util.isNull($groupsValue${tag}) && $userGroups.contains($groupsValue${tag}) )`, `  #set( $${flag} = true )`, '#end']),
  ];
}

/** Read filter entries a dynamic rule adds to `$authFilterEntries` (owner: every claim value; groups: every group). */
function dynamicFilter(rule: AuthRule, tag: string): string[] {
  if (rule.allow === 'owner') {
    const field = rule.ownerField ?? 'owner';
    const operator = rule.ownerFieldIsList ? 'contains' : 'eq';
    return [...claimValues(rule, tag), `#foreach( $claimValue in $claimValues${tag} )`, `  $util.qr($authFilterEntries.add({ ${literal(field)}: { "${operator}": $claimValue } }))`, '#end'];
  }
  const field = rule.groupsField ?? 'groups';
  const operator = rule.groupsFieldIsList ? 'contains' : 'eq';
  return [...userGroups(rule), '#foreach( $userGroup in $userGroups )', `  $util.qr($authFilterEntries.add({ ${literal(field)}: { "${operator}": $userGroup } }))`, '#end'];
}

/**
 * IAM callers whose role is an admin role (functions with access to the API, Studio) are always allowed. String
 * `indexOf` rather than `contains`: it exists both in AppSync's Java strings and in the emulator's JavaScript ones.
 */
const ADMIN_ROLES = [
  '#foreach( $adminRole in $util.defaultIfNull($ctx.stash.adminRoles, []) )',
  '  #if( $ctx.identity.userArn.indexOf($adminRole) >= 0 && $ctx.identity.userArn != $ctx.stash.authRole && $ctx.identity.userArn != $ctx.stash.unauthRole )',
  '    #set( $isAuthorized = true )',
  '  #end',
  '#end',
];

interface BranchOptions {
  providers: AuthProvider[];
  rules: AuthRule[];
  operation: ModelOperation;
  /** Code for the dynamic rules of one provider's branch, run only when no static rule authorized. */
  dynamic: (rules: AuthRule[]) => string[];
}

/** One `#if( $util.authType() == … )` branch per configured provider, static rules first. */
function providerBranches({ providers, rules, operation, dynamic }: BranchOptions): string[] {
  return providers.flatMap((provider) => {
    const applicable = rules.filter((rule) => rule.provider === provider && allows(rule, operation));
    const statics = applicable.filter((rule) => !isDynamic(rule));
    const dynamics = applicable.filter(isDynamic);
    const body: string[] = [];
    if (provider === 'iam') body.push(...ADMIN_ROLES);
    body.push(...statics.flatMap(staticRule));
    if (dynamics.length > 0) body.push('#if( !$isAuthorized )', ...indent(dynamic(dynamics)), '#end');
    if (provider === 'iam' && applicable.length === 0) body.push('#if( !$isAuthorized )', '  $util.unauthorized()', '#end');
    return [`#if( $util.authType() == "${AUTH_TYPE_NAMES[provider]}" )`, ...indent(body), '#end'];
  });
}

const START = ['$util.qr($ctx.stash.put("hasAuth", true))', '#set( $isAuthorized = false )'];

/** get/list/sync/index queries/relational fields: static rules allow, dynamic rules leave `stash.authFilter`. */
function buildReadAuthTemplate(providers: AuthProvider[], rules: AuthRule[], operation: ModelOperation, deniedOnMutationSource = false): string {
  return lines(
    '## [Start] Authorization Steps. **',
    ...START,
    deniedOnMutationSource && rules.some((rule) => isDynamic(rule) && allows(rule, operation)) && [
      '#if( $ctx.source.__operation == "Mutation" )',
      '  $util.qr($ctx.stash.put("deniedField", true))',
      '#end',
    ],
    '#set( $authFilterEntries = [] )',
    ...providerBranches({ providers, rules, operation, dynamic: (dynamics) => dynamics.flatMap((rule, index) => dynamicFilter(rule, `${index}`)) }),
    '#if( !$isAuthorized && !$authFilterEntries.isEmpty() )',
    '  $util.qr($ctx.stash.put("authFilter", { "or": $authFilterEntries }))',
    '#end',
    '#if( !$isAuthorized && $util.isNull($ctx.stash.authFilter) )',
    '  $util.unauthorized()',
    '#end',
    EMPTY_PAYLOAD,
    '## [End] Authorization Steps. **',
  );
}

/** Fields whose own rules decide who may write them: those not allowed for this caller are refused by name. */
function fieldChecks(providers: AuthProvider[], fields: ModelField[], operation: ModelOperation, subject: Subject): string[] {
  const restricted = fields.filter((field) => field.auth !== undefined);
  if (restricted.length === 0) return [];
  return [
    '#set( $deniedFields = [] )',
    ...restricted.flatMap((field, fieldIndex) => [
      `#if( $ctx.args.input.containsKey("${field.name}") )`,
      '  #set( $isAuthorizedSaved = $isAuthorized )',
      '  #set( $isAuthorized = false )',
      ...indent(
        providerBranches({
          providers,
          rules: field.auth ?? [],
          operation,
          dynamic: (dynamics) => dynamics.flatMap((rule, index) => dynamicMatch(rule, `f${fieldIndex}r${index}`, subject, 'isAuthorized')),
        }).filter((line) => !line.includes('$util.unauthorized()')),
      ),
      '  #if( !$isAuthorized )',
      `    $util.qr($deniedFields.add("${field.name}"))`,
      '  #end',
      '  #set( $isAuthorized = $isAuthorizedSaved )',
      '#end',
    ]),
    '#if( $isAuthorized && !$deniedFields.isEmpty() )',
    '  $util.error("Unauthorized on ${deniedFields}", "Unauthorized")',
    '#end',
  ];
}

/** create: owner rules fill an absent owner field with the caller's claim, or require the given one to be theirs. */
function buildCreateAuthTemplate(providers: AuthProvider[], rules: AuthRule[], fields: ModelField[], populateOwnerForStaticGroups: boolean): string {
  const ownerCreate = (rule: AuthRule, tag: string): string[] => {
    const field = rule.ownerField ?? 'owner';
    const stored = rule.ownerFieldIsList ? `[$primaryClaim${tag}]` : `$primaryClaim${tag}`;
    return [
      ...claimValues(rule, tag),
      `#set( $ownerValue${tag} = $util.defaultIfNull($ctx.args.input.get(${literal(field)}), null) )`,
      `#if( $util.isNull($ownerValue${tag}) )`,
      `  #if( !$util.isNull($primaryClaim${tag}) )`,
      `    $util.qr($ctx.args.input.put(${literal(field)}, ${stored}))`,
      '    #set( $isAuthorized = true )',
      '  #end',
      '#else',
      ...indent(
        rule.ownerFieldIsList
          ? [`#set( $ownsAll = !$ownerValue${tag}.isEmpty() )`, `#foreach( $owner in $ownerValue${tag} )`, `  #if( !$claimValues${tag}.contains($owner) )`, '    #set( $ownsAll = false )', '  #end', '#end', '#if( $ownsAll )', '  #set( $isAuthorized = true )', '#end']
          : [`#if( $claimValues${tag}.contains($ownerValue${tag}) )`, '  #set( $isAuthorized = true )', '#end'],
      ),
      '#end',
    ];
  };
  const groupsCreate = (rule: AuthRule, tag: string): string[] => dynamicMatch(rule, tag, '$ctx.args.input', 'isAuthorized');
  const dynamic = (dynamics: AuthRule[]): string[] =>
    dynamics.flatMap((rule, index) => (rule.allow === 'owner' ? ownerCreate(rule, `${index}`) : groupsCreate(rule, `${index}`)));
  const branches = providers.flatMap((provider) => {
    const applicable = rules.filter((rule) => rule.provider === provider && allows(rule, 'create'));
    const statics = applicable.filter((rule) => !isDynamic(rule));
    const owners = applicable.filter((rule) => rule.allow === 'owner');
    const body: string[] = [];
    if (provider === 'iam') body.push(...ADMIN_ROLES);
    body.push(...statics.flatMap(staticRule));
    const dynamics = applicable.filter(isDynamic);
    if (dynamics.length > 0) body.push('#if( !$isAuthorized )', ...indent(dynamic(dynamics)), '#end');
    // An owner is recorded even for callers a static group let in, so they can read what they created.
    if (populateOwnerForStaticGroups && owners.length > 0 && statics.some((rule) => rule.allow === 'groups')) {
      body.push(
        ...owners.flatMap((rule, index) => [
          ...claimValues(rule, `owner${index}`),
          `#if( $util.isNull($ctx.args.input.get(${literal(rule.ownerField ?? 'owner')})) && !$util.isNull($primaryClaimowner${index}) )`,
          `  $util.qr($ctx.args.input.put(${literal(rule.ownerField ?? 'owner')}, ${rule.ownerFieldIsList ? `[$primaryClaimowner${index}]` : `$primaryClaimowner${index}`}))`,
          '#end',
        ]),
      );
    }
    if (provider === 'iam' && applicable.length === 0) body.push('#if( !$isAuthorized )', '  $util.unauthorized()', '#end');
    return [`#if( $util.authType() == "${AUTH_TYPE_NAMES[provider]}" )`, ...indent(body), '#end'];
  });
  return lines(
    '## [Start] Authorization Steps. **',
    ...START,
    ...branches,
    '#if( !$isAuthorized )',
    '  $util.unauthorized()',
    '#end',
    ...fieldChecks(providers, fields, 'create', '$ctx.args.input'),
    EMPTY_PAYLOAD,
    '## [End] Authorization Steps. **',
  );
}

/** update/delete `auth.1.res`: the rules checked against the stored item the request half read. */
function buildExistingItemAuthTemplate(providers: AuthProvider[], rules: AuthRule[], fields: ModelField[], operation: 'update' | 'delete'): string {
  return lines(
    '## [Start] Authorization Steps. **',
    '#if( $ctx.error )',
    '  $util.error($ctx.error.message, $ctx.error.type)',
    '#end',
    ...START,
    '#set( $existing = $util.defaultIfNull($ctx.result, {}) )',
    ...providerBranches({
      providers,
      rules,
      operation,
      dynamic: (dynamics) => dynamics.flatMap((rule, index) => dynamicMatch(rule, `${index}`, '$existing', 'isAuthorized')),
    }),
    '#if( !$isAuthorized )',
    '  $util.unauthorized()',
    '#end',
    ...(operation === 'update' ? fieldChecks(providers, fields, 'update', '$existing') : []),
    EMPTY_PAYLOAD,
    '## [End] Authorization Steps. **',
  );
}

/**
 * Subscriptions: an owner argument must be the caller's own; without it, the caller only receives items they own
 * (the filter is left in `stash.authFilter` for the subscription's response template).
 */
function buildSubscriptionAuthTemplate(providers: AuthProvider[], rules: AuthRule[]): string {
  const dynamic = (dynamics: AuthRule[]): string[] =>
    dynamics.flatMap((rule, index) => {
      const tag = `${index}`;
      if (rule.allow !== 'owner') return dynamicFilter(rule, tag);
      const field = rule.ownerField ?? 'owner';
      return [
        `#if( !$util.isNull($ctx.args.get(${literal(field)})) )`,
        ...indent(claimValues(rule, tag)),
        `  #if( $claimValues${tag}.contains($ctx.args.get(${literal(field)})) )`,
        '    #set( $isAuthorized = true )',
        '  #end',
        '#else',
        ...indent(dynamicFilter(rule, tag)),
        '#end',
      ];
    });
  return lines(
    '## [Start] Authorization Steps. **',
    ...START,
    '#set( $authFilterEntries = [] )',
    ...providerBranches({ providers, rules, operation: 'listen', dynamic }),
    '#if( !$isAuthorized && !$authFilterEntries.isEmpty() )',
    '  $util.qr($ctx.stash.put("authFilter", { "or": $authFilterEntries }))',
    '#end',
    '#if( !$isAuthorized && $util.isNull($ctx.stash.authFilter) )',
    '  $util.unauthorized()',
    '#end',
    EMPTY_PAYLOAD,
    '## [End] Authorization Steps. **',
  );
}

/** A field with its own read rules, checked against the parent item (`ctx.source`). */
function buildFieldReadAuthTemplate(providers: AuthProvider[], rules: AuthRule[]): string {
  const readable = rules.filter((rule) => allows(rule, 'get') || allows(rule, 'list')).map((rule) => ({ ...rule, operations: ['get' as const] }));
  return lines(
    '## [Start] Field Authorization Steps. **',
    ...START,
    ...providerBranches({
      providers,
      rules: readable,
      operation: 'get',
      dynamic: (dynamics) => dynamics.flatMap((rule, index) => dynamicMatch(rule, `${index}`, '$ctx.source', 'isAuthorized')),
    }),
    '#if( !$isAuthorized )',
    '  $util.unauthorized()',
    '#end',
    EMPTY_PAYLOAD,
    '## [End] Field Authorization Steps. **',
  );
}

/** The postAuth slot: refuses callers no auth step let in; in sandbox mode API-key callers pass. */
function buildPostAuthTemplate(sandbox: boolean): string {
  return lines(
    sandbox ? '## [Start] Sandbox Mode Enabled, IAM Access Disabled. **' : '## [Start] Sandbox Mode Disabled, IAM Access Disabled. **',
    sandbox && ['#if( $util.authType() == "API Key Authorization" )', `  #return(${EMPTY_PAYLOAD})`, '#end'],
    '#if( $util.isNull($ctx.stash.hasAuth) )',
    '  $util.unauthorized()',
    '#end',
    EMPTY_PAYLOAD,
    '## [End] Sandbox Mode. **',
  );
}

export const readAuthTemplate = memoized(buildReadAuthTemplate);

export const createAuthTemplate = memoized(buildCreateAuthTemplate);

export const existingItemAuthTemplate = memoized(buildExistingItemAuthTemplate);

export const subscriptionAuthTemplate = memoized(buildSubscriptionAuthTemplate);

export const fieldReadAuthTemplate = memoized(buildFieldReadAuthTemplate);

export const postAuthTemplate = memoized(buildPostAuthTemplate);
