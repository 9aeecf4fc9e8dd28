import { invalidParameter } from './cognito-error';
import type { UserPoolSettings } from './user-pool-settings';

/** Cognito's standard attributes (OpenID Connect's claims). */
export const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);

export interface AttributeType {
  Name: string;
  Value?: string;
}

/** `[{Name, Value}]` as a map, refusing names the pool's schema does not know. */
export function readAttributes(list: unknown, settings: UserPoolSettings): Record<string, string> {
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) throw invalidParameter('UserAttributes must be a list of {Name, Value}.');
  const attributes: Record<string, string> = {};
  for (const entry of list as AttributeType[]) {
    const name = typeof entry?.Name === 'string' ? entry.Name : '';
    if (name === '') throw invalidParameter('Attributes did not conform to the schema: an attribute has no Name.');
    const known = STANDARD_ATTRIBUTES.has(name) || (name.startsWith('custom:') && settings.schemaAttributes.includes(name.slice('custom:'.length)));
    if (!known || name === 'sub') {
      throw invalidParameter(`Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
    }
    attributes[name] = String(entry.Value ?? '');
  }
  return attributes;
}

export function requireAttributes(attributes: Record<string, string>, settings: UserPoolSettings): void {
  const missing = settings.requiredAttributes.filter((name) => !attributes[name]);
  if (missing.length > 0) {
    throw invalidParameter(`Attributes did not conform to the schema: ${missing.map((name) => `${name}: The attribute ${name} is required`).join(', ')}`);
  }
}

export function attributeList(attributes: Record<string, string>): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

/** How Cognito shows a destination it sent a code to: `j***@e***`, `+*******1234`. */
export function maskedDestination(medium: 'EMAIL' | 'SMS', destination: string): string {
  if (medium === 'SMS') return `+*******${destination.slice(-4)}`;
  const [local, domain = ''] = destination.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
