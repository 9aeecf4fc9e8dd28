/** `@default(value:)` checked against the field's type and converted to the value the resolver writes. */
import { isIP } from 'node:net';
import type { EnumTypeDefinitionNode } from 'graphql';

const INT = /^-?\d+$/;
const FLOAT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const ZONE = '(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)';
const DATE = '\\d{4}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?';

const validators: Record<string, (value: string) => boolean> = {
  Int: (value) => INT.test(value) && Math.abs(Number(value)) <= 2 ** 31,
  Float: (value) => FLOAT.test(value),
  Boolean: (value) => value === 'true' || value === 'false',
  AWSJSON: (value) => {
    try {
      JSON.parse(value);
      return true;
    } catch {
      return false;
    }
  },
  AWSDate: (value) => new RegExp(`^${DATE}${ZONE}?$`).test(value),
  AWSTime: (value) => new RegExp(`^${TIME}${ZONE}?$`).test(value),
  AWSDateTime: (value) => new RegExp(`^${DATE}T${TIME}${ZONE}$`).test(value),
  AWSTimestamp: (value) => INT.test(value),
  AWSEmail: (value) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value),
  AWSURL: (value) => {
    try {
      return new URL(value).protocol.length > 0;
    } catch {
      return false;
    }
  },
  AWSPhone: (value) => /^\+?[\d\s().-]{3,}$/.test(value),
  AWSIPAddress: (value) => isIP(value.split('/')[0]) !== 0,
  BigInt: (value) => INT.test(value),
  Double: (value) => FLOAT.test(value),
};

const NUMERIC = new Set(['Int', 'Float', 'AWSTimestamp', 'BigInt', 'Double']);

/** Returns the typed default, or the original's message when `value` does not fit `typeName`. */
export function parseDefaultValue(
  value: string,
  typeName: string,
  enumType: EnumTypeDefinitionNode | undefined,
): { value: string | number | boolean } | { error: string } {
  if (enumType) {
    const members = (enumType.values ?? []).map((member) => member.name.value);
    return members.includes(value) ? { value } : { error: `Default value "${value}" is not a member of ${typeName} enum.` };
  }
  const validate = validators[typeName];
  if (validate && !validate(value)) return { error: `Default value "${value}" is not a valid ${typeName}.` };
  if (NUMERIC.has(typeName)) return { value: Number(value) };
  if (typeName === 'Boolean') return { value: value === 'true' };
  return { value };
}
