import { invalidParameter } from './cognito-error';
import { attributeList, type AttributeType } from './user-attributes';
import type { ClientSettings } from './user-pool-settings';
import type { GroupRecord, UserRecord } from './user-pool-store';

/** How the user pools API reads its inputs and shapes its outputs (JSON 1.1 members, AWS's types). */

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

/** The attributes the client may read: those it lists (with `sub`, and an address's `_verified` flag), or all. */
export function readable(attributes: Record<string, string>, client: ClientSettings): Record<string, string> {
  const allowed = client.readAttributes;
  if (allowed === undefined) return attributes;
  const visible = (name: string) => name === 'sub' || allowed.includes(name) || (name.endsWith('_verified') && allowed.includes(name.slice(0, -'_verified'.length)));
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => visible(name)));
}

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/** ListUsers' `Filter`: `<attribute> = "<value>"` or `<attribute> ^= "<prefix>"` over the searchable attributes. */
export function userFilter(filter: unknown): (user: UserRecord) => boolean {
  if (filter === undefined || filter === null || filter === '') return () => true;
  const match = FILTER.exec(String(filter));
  if (match === null) throw invalidParameter(`Error while parsing filter: ${String(filter)}. Use <attribute> = "<value>" or <attribute> ^= "<prefix>".`);
  const [, attribute, operator, quoted] = match;
  const wanted = quoted.replace(/\\(.)/g, '$1');
  const valueOf = (user: UserRecord): string | undefined => {
    if (attribute === 'username') return user.username;
    if (attribute === 'cognito:user_status') return user.status;
    if (attribute === 'status') return user.enabled ? 'Enabled' : 'Disabled';
    return user.attributes[attribute];
  };
  return (user) => {
    const value = valueOf(user);
    return value !== undefined && (operator === '=' ? value === wanted : value.startsWith(wanted));
  };
}

export function requiredString(input: Input, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw invalidParameter(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A string map (AuthParameters, ChallengeResponses) or a `[{Name, Value}]` list (ValidationData) as a map. */
export function attributeMap(value: unknown): Record<string, string> {
  if (Array.isArray(value)) return Object.fromEntries((value as AttributeType[]).map((entry) => [String(entry.Name), String(entry.Value ?? '')]));
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, String(entry)]));
}

export function userType(user: UserRecord): Output {
  return {
    Username: user.username,
    Attributes: attributeList(user.attributes),
    UserCreateDate: Date.parse(user.createdAt) / 1000,
    UserLastModifiedDate: Date.parse(user.updatedAt) / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

export function groupType(group: GroupRecord): Output {
  const type: Output = {
    GroupName: group.groupName,
    UserPoolId: group.poolId,
    CreationDate: Date.parse(group.createdAt) / 1000,
    LastModifiedDate: Date.parse(group.updatedAt) / 1000,
  };
  if (group.description !== undefined) type.Description = group.description;
  if (group.precedence !== undefined) type.Precedence = group.precedence;
  if (group.roleArn !== undefined) type.RoleArn = group.roleArn;
  return type;
}
