import { randomBytes, randomUUID } from 'crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random characters from `alphabet`: the identifiers AWS generates are drawn this way. */
export function randomString(length: number, alphabet: string = UPPER_ALNUM): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`: the StackId. */
export function stackArn(region: string, accountId: string, stackName: string): string {
  return `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/${randomUUID()}`;
}

export function regionOfArn(arn: string): string {
  return arn.split(':')[3];
}

/**
 * A name as CloudFormation generates one when the template gives none: `<stack>-<logicalId>-<RANDOM>`, stack name and
 * logical id shortened so the whole fits `maxLength`.
 */
export function generatedName(stackName: string, logicalId: string, options: { maxLength?: number; lowercase?: boolean } = {}): string {
  const maxLength = options.maxLength ?? 255;
  const suffix = randomString(maxLength >= 64 ? 13 : 12, options.lowercase ? LOWER_ALNUM : UPPER_ALNUM);
  const budget = Math.max(0, maxLength - suffix.length - 2);
  let stackPart = stackName;
  let logicalPart = logicalId;
  if (stackPart.length + logicalPart.length > budget) {
    logicalPart = logicalPart.slice(0, Math.max(Math.floor(budget / 2), budget - stackPart.length));
    stackPart = stackPart.slice(0, budget - logicalPart.length);
  }
  const name = `${stackPart}-${logicalPart}-${suffix}`;
  return options.lowercase ? name.toLowerCase() : name;
}

/** A nested stack's name: `<parent>-<LogicalId>-<RANDOM13>`, like AWS names them. */
export function nestedStackName(parentName: string, logicalId: string): string {
  return generatedName(parentName, logicalId, { maxLength: 128 });
}

export const ids = {
  uuid: (): string => randomUUID(),
  /** IAM unique ids: `AROA` roles, `ANPA` managed policies, `AIDA` users... followed by 17 characters. */
  iam: (prefix: string): string => prefix + randomString(17),
  cognitoUserPool: (region: string): string => `${region}_${randomString(9, MIXED_ALPHA + '0123456789')}`,
  cognitoClient: (): string => randomString(26, LOWER_ALNUM),
  cognitoIdentityPool: (region: string): string => `${region}:${randomUUID()}`,
  /** Lower-case hexadecimal, as in API Gateway ids, AppSync ids and many others. */
  hex: (length: number): string => randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length),
  lowerAlnum: (length: number): string => randomString(length, LOWER_ALNUM),
  upperAlnum: (length: number): string => randomString(length, UPPER_ALNUM),
};
