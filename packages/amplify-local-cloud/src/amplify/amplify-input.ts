import { badRequest } from './amplify-errors';

/** A request body member as the Amplify model declares it: lengths and patterns from the API reference. */
interface StringRule {
  min?: number;
  max: number;
  pattern?: RegExp;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** AWS's wording for a member that breaks its constraint. */
const violation = (member: string, value: unknown, constraint: string) =>
  badRequest(`1 validation error detected: Value ${value === undefined ? 'null' : JSON.stringify(value)} at '${member}' failed to satisfy constraint: ${constraint}`);

/** The body as a JSON object; an empty body is an empty object. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (!isObject(parsed)) throw badRequest('The request body must be a JSON object.');
  return parsed;
}

/** Checks a string against its rule; `member` names it in the error. */
export function checkString(member: string, value: unknown, rule: StringRule): string {
  if (value === undefined || value === null) throw violation(member, undefined, 'Member must not be null');
  if (typeof value !== 'string') throw violation(member, value, 'Member must be a string');
  if (value.length < (rule.min ?? 0)) throw violation(member, value, `Member must have length greater than or equal to ${rule.min ?? 0}`);
  if (value.length > rule.max) throw violation(member, value, `Member must have length less than or equal to ${rule.max}`);
  if (rule.pattern !== undefined && !rule.pattern.test(value)) throw violation(member, value, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
  return value;
}

export function optionalString(body: Record<string, unknown>, member: string, rule: StringRule): string | undefined {
  return body[member] === undefined || body[member] === null ? undefined : checkString(member, body[member], rule);
}

export function optionalBoolean(body: Record<string, unknown>, member: string): boolean | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw violation(member, value, 'Member must be a boolean');
  return value;
}

/** A map of strings (environment variables, tags), keys and values checked against their rules. */
export function optionalStringMap(body: Record<string, unknown>, member: string, keyRule: StringRule, valueRule: StringRule): Record<string, string> | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw violation(member, value, 'Member must be a map of strings');
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    checkString(`${member}.key`, key, keyRule);
    map[key] = checkString(`${member}.${key}`, entry, valueRule);
  }
  return map;
}

export function optionalStringList(body: Record<string, unknown>, member: string, itemRule: StringRule, maxItems = 500): string[] | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw violation(member, value, 'Member must be a list of strings');
  if (value.length > maxItems) throw violation(member, `${value.length} items`, `Member must have length less than or equal to ${maxItems}`);
  return value.map((item, index) => checkString(`${member}.${index + 1}`, item, itemRule));
}

/** An object member, checked only for being an object; its fields are read by the caller. */
export function optionalObject(body: Record<string, unknown>, member: string): Record<string, unknown> | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw violation(member, value, 'Member must be a structure');
  return value;
}

export function optionalObjectList(body: Record<string, unknown>, member: string): Record<string, unknown>[] | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isObject)) throw violation(member, value, 'Member must be a list of structures');
  return value;
}

/** `maxResults` of a list call: an integer from 0 to `max`, by default `max`. */
export function maxResultsOf(query: URLSearchParams, max: number): number {
  const raw = query.get('maxResults');
  if (raw === null) return max;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) throw violation('maxResults', raw, `Member must have value between 0 and ${max}`);
  // AWS answers a page of its default size when asked for 0.
  return value === 0 ? max : value;
}

/** Page tokens are opaque to callers: the offset of the next item, so a changed list never repeats one. */
export function pageOf<T>(items: readonly T[], query: URLSearchParams, max: number): { page: T[]; nextToken?: string } {
  const limit = maxResultsOf(query, max);
  const token = query.get('nextToken');
  let start = 0;
  if (token !== null && token !== '') {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    const match = /^offset:(\d{1,9})$/.exec(decoded);
    if (match === null) throw badRequest(`Invalid nextToken '${token}': pass the nextToken of the previous page as it was returned.`);
    start = Number(match[1]);
  }
  const page = items.slice(start, start + limit);
  const next = start + limit;
  return next < items.length ? { page, nextToken: Buffer.from(`offset:${next}`).toString('base64url') } : { page };
}

export const RULES = {
  appId: { min: 1, max: 20, pattern: /^d[a-z0-9]+$/ },
  name: { min: 1, max: 255 },
  description: { max: 1000 },
  repository: { max: 1000 },
  platform: { min: 1, max: 100, pattern: /^(WEB|WEB_DYNAMIC|WEB_COMPUTE)$/ },
  roleArn: { max: 1000 },
  envKey: { max: 255 },
  envValue: { max: 5500 },
  tagKey: { min: 1, max: 128, pattern: /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u },
  tagValue: { max: 256 },
  environmentName: { min: 1, max: 255 },
  stackName: { min: 1, max: 255 },
  deploymentArtifacts: { min: 1, max: 1000 },
  branchName: { min: 1, max: 255 },
  stage: { min: 1, max: 20, pattern: /^(PRODUCTION|BETA|DEVELOPMENT|EXPERIMENTAL|PULL_REQUEST)$/ },
  framework: { max: 255 },
  displayName: { max: 255 },
  ttl: { max: 32 },
  buildSpec: { min: 1, max: 25000 },
  customHeaders: { max: 25000 },
  basicAuthCredentials: { max: 2000 },
  ruleSource: { min: 1, max: 2048 },
  ruleTarget: { min: 1, max: 2048 },
  ruleStatus: { min: 3, max: 7 },
  ruleCondition: { max: 2048 },
  pattern: { min: 1, max: 2048 },
  jobId: { max: 255, pattern: /^\d+$/ },
  url: { max: 3000 },
} as const satisfies Record<string, StringRule>;
