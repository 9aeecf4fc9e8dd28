import type { DeployedResources } from '../contracts';

type Json = Record<string, unknown>;

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/**
 * Decides whether a role may perform `action` on `resource` with the identity policies the deployed stacks attach to
 * it: the role's inline `Policies`, its `ManagedPolicyArns`, and `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy`
 * resources naming it in `Roles`. An explicit Deny wins, else an Allow is needed. `*` and `?` match as IAM matches
 * them (actions without regard to case). Statements with a `Condition` are not evaluated: an Allow under a
 * condition does not count, so the answer errs on refusing.
 */
export function evaluateRolePolicies(deployed: DeployedResources, roleArn: string, action: string, resource: string): PolicyDecision {
  let allowed = false;
  for (const statement of roleStatements(deployed, roleName(roleArn))) {
    if (statement.Condition !== undefined) continue;
    if (!matchesAny(statement, 'Action', 'NotAction', action, true) || !matchesAny(statement, 'Resource', 'NotResource', resource, false)) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
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
function matchesAny(statement: Json, positive: string, negative: string, value: string, ignoreCase: boolean): boolean {
  if (statement[positive] !== undefined) return listOf(statement[positive]).some((pattern) => wildcardMatch(pattern, value, ignoreCase));
  if (statement[negative] !== undefined) return !listOf(statement[negative]).some((pattern) => wildcardMatch(pattern, value, ignoreCase));
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
