import type { DeployedResources } from '../contracts';

type Json = Record<string, unknown>;

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** What a request brings to policy evaluation: policy variables (`${cognito-identity.amazonaws.com:sub}`) and condition keys (`s3:prefix`). */
export interface PolicyRequestContext {
  variables?: Readonly<Record<string, string>>;
  conditionKeys?: Readonly<Record<string, string>>;
}

/** Condition operators evaluated; a statement using another one is left out (so an Allow under it does not count). */
const STRING_CONDITIONS: Record<string, { like: boolean; negated: boolean }> = {
  StringEquals: { like: false, negated: false },
  StringNotEquals: { like: false, negated: true },
  StringLike: { like: true, negated: false },
  StringNotLike: { like: true, negated: true },
};

/**
 * Decides whether a role may perform `action` on `resource` with the identity policies the deployed stacks attach to
 * it: the role's inline `Policies`, its `ManagedPolicyArns`, and `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy`
 * resources naming it in `Roles`. An explicit Deny wins, else an Allow is needed. `*` and `?` match as IAM matches
 * them (actions without regard to case). Policy variables in resources and condition values take the context's
 * values; a pattern naming a variable the context lacks matches nothing. Conditions with the String operators are
 * evaluated against the context's keys; a statement with any other operator is not evaluated, so an Allow under it
 * does not count and the answer errs on refusing.
 */
export function evaluateRolePolicies(deployed: DeployedResources, roleArn: string, action: string, resource: string, context: PolicyRequestContext = {}): PolicyDecision {
  let allowed = false;
  for (const statement of roleStatements(deployed, roleName(roleArn))) {
    if (statement.Condition !== undefined && !conditionHolds(statement.Condition, context)) continue;
    if (!matchesAny(statement, 'Action', 'NotAction', action, true, {}) || !matchesAny(statement, 'Resource', 'NotResource', resource, false, context.variables ?? {})) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/** Every operator's every key must hold; a key holds when any listed value matches (for negated ones: none does). */
function conditionHolds(condition: unknown, context: PolicyRequestContext): boolean {
  if (!isObject(condition)) return false;
  return Object.entries(condition).every(([operator, keys]) => {
    const kind = STRING_CONDITIONS[operator];
    if (kind === undefined || !isObject(keys)) return false;
    return Object.entries(keys).every(([key, values]) => {
      const actual = context.conditionKeys?.[key];
      const matched =
        actual !== undefined &&
        listOf(values).some((pattern) => {
          const resolved = withVariables(pattern, context.variables ?? {});
          return resolved !== undefined && (kind.like ? wildcardMatch(resolved, actual) : resolved === actual);
        });
      return kind.negated ? !matched : matched;
    });
  });
}

/** The pattern with its `${name}` variables replaced; `undefined` when it names one the context lacks. */
function withVariables(pattern: string, variables: Readonly<Record<string, string>>): string | undefined {
  let missing = false;
  const resolved = pattern.replace(/\$\{([^}]+)\}/g, (_whole, name: string) => {
    const value = variables[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : resolved;
}

/** The role name of a role ARN (`arn:aws:iam::<account>:role/<path>/<name>`), or the name itself. */
export function roleName(roleArn: string): string {
  return roleArn.startsWith('arn:') ? (roleArn.split('/').pop() ?? roleArn) : roleArn;
}

function roleStatements(deployed: DeployedResources, name: string): Json[] {
  const documents: unknown[] = [];
  const role = deployed.ofType('AWS::IAM::Role').find((candidate) => candidate.physicalId === name);
  const attachedArns = new Set<string>();
  if (role !== undefined) {
    for (const policy of arrayOf(role.properties.Policies)) documents.push(policy.PolicyDocument);
    for (const arn of Array.isArray(role.properties.ManagedPolicyArns) ? role.properties.ManagedPolicyArns : []) attachedArns.add(String(arn));
  }
  for (const policy of deployed.ofType('AWS::IAM::ManagedPolicy')) {
    if (attachedArns.has(policy.physicalId) || namesRole(policy.properties.Roles, name)) documents.push(policy.properties.PolicyDocument);
  }
  for (const policy of deployed.ofType('AWS::IAM::Policy')) {
    if (namesRole(policy.properties.Roles, name)) documents.push(policy.properties.PolicyDocument);
  }
  return documents.flatMap((document) => {
    const parsed = typeof document === 'string' ? safeParse(document) : document;
    if (!isObject(parsed)) return [];
    const statements = parsed.Statement;
    return Array.isArray(statements) ? statements.filter(isObject) : isObject(statements) ? [statements] : [];
  });
}

function namesRole(roles: unknown, name: string): boolean {
  return Array.isArray(roles) && roles.some((role) => roleName(String(role)) === name);
}

/** Whether the value is covered by the statement's `positive` element, or left out by its `negative` one. */
function matchesAny(statement: Json, positive: string, negative: string, value: string, ignoreCase: boolean, variables: Readonly<Record<string, string>>): boolean {
  const matches = (pattern: string) => {
    const resolved = withVariables(pattern, variables);
    return resolved !== undefined && wildcardMatch(resolved, value, ignoreCase);
  };
  if (statement[positive] !== undefined) return listOf(statement[positive]).some(matches);
  if (statement[negative] !== undefined) return !listOf(statement[negative]).some(matches);
  return false;
}

/** IAM's wildcards: `*` any run of characters, `?` any one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
