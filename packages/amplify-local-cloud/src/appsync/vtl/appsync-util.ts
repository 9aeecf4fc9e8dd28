import * as crypto from 'crypto';
import { ResolverError, unauthorizedField } from '../appsync-errors';
import { dynamoDbUtil } from './dynamodb-values';
import { javaEquals, javaRegex } from './java-methods';
import { formatTime, parseFormattedTime } from './time-format';
import { toDynamoDBExpression, toSubscriptionFilter } from './transform-util';

export interface UtilOptions {
  /** `$util.authType()`: "API Key Authorization", "User Pool Authorization", ... */
  authType: string;
  fieldName: string;
  parentTypeName: string;
  appendError(error: ResolverError): void;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function ulid(now: number): string {
  let time = '';
  let rest = now;
  for (let index = 0; index < 10; index += 1) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  const random = crypto.randomBytes(16);
  let tail = '';
  for (let index = 0; index < 16; index += 1) tail += CROCKFORD[random[index] % 32];
  return time + tail;
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'Null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  return 'Map';
}

function errorArguments(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): ResolverError {
  return new ResolverError(String(message), errorType === undefined || errorType === null ? null : String(errorType), data ?? null, errorInfo ?? null);
}

function isNullOrEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

function parseIso(text: unknown): number {
  const millis = Date.parse(String(text));
  if (Number.isNaN(millis)) throw new ResolverError(`'${String(text)}' is not an ISO 8601 date-time.`, 'MappingTemplate');
  return millis;
}

/**
 * AppSync's `$util` for one resolver invocation: errors it raises stop the template; `appendError` records an
 * error and lets the template go on.
 */
export function createUtil(options: UtilOptions): Record<string, unknown> {
  const quiet = () => '';
  return {
    qr: quiet,
    quiet,
    escapeJavaScript: (value: unknown) => JSON.stringify(String(value)).slice(1, -1).replace(/'/g, "\\'"),
    urlEncode: (value: unknown) => encodeURIComponent(String(value)).replace(/%20/g, '+'),
    urlDecode: (value: unknown) => decodeURIComponent(String(value).replace(/\+/g, ' ')),
    base64Encode: (value: unknown) => Buffer.from(String(value), 'utf8').toString('base64'),
    base64Decode: (value: unknown) => Buffer.from(String(value), 'base64').toString('utf8'),
    parseJson: (value: unknown) => {
      try {
        return JSON.parse(String(value));
      } catch {
        throw new ResolverError(`Unable to parse the JSON document: '${String(value).slice(0, 100)}'`, 'MappingTemplate');
      }
    },
    toJson: (value: unknown) => JSON.stringify(value === undefined ? null : value),
    autoId: () => crypto.randomUUID(),
    autoUlid: () => ulid(Date.now()),
    unauthorized: () => {
      throw unauthorizedField(options.fieldName, options.parentTypeName);
    },
    error: (message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown) => {
      throw errorArguments(message, errorType, data, errorInfo);
    },
    appendError: (message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown) => {
      options.appendError(errorArguments(message, errorType, data, errorInfo));
      return '';
    },
    validate: (condition: unknown, message: unknown, errorType?: unknown, data?: unknown) => {
      if (condition !== true) throw errorArguments(message, errorType ?? 'CustomTemplateException', data);
      return '';
    },
    isNull: (value: unknown) => value === null || value === undefined,
    isNullOrEmpty,
    isNullOrBlank: isBlank,
    defaultIfNull: (value: unknown, fallback: unknown) => (value === null || value === undefined ? fallback : value),
    defaultIfNullOrEmpty: (value: unknown, fallback: unknown) => (isNullOrEmpty(value) ? fallback : value),
    defaultIfNullOrBlank: (value: unknown, fallback: unknown) => (isBlank(value) ? fallback : value),
    isString: (value: unknown) => typeof value === 'string',
    isNumber: (value: unknown) => typeof value === 'number',
    isBoolean: (value: unknown) => typeof value === 'boolean',
    isList: (value: unknown) => Array.isArray(value),
    isMap: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
    typeOf,
    matches: (pattern: unknown, value: unknown) => javaRegex(`^(?:${String(pattern)})$`).test(String(value)),
    authType: () => options.authType,
    time: {
      nowISO8601: () => new Date().toISOString(),
      nowEpochSeconds: () => Math.floor(Date.now() / 1000),
      nowEpochMilliSeconds: () => Date.now(),
      nowFormatted: (pattern: unknown, timeZone?: unknown) => formatTime(Date.now(), String(pattern), timeZone === undefined ? undefined : String(timeZone)),
      parseFormattedToEpochMilliSeconds: (text: unknown, pattern: unknown, timeZone?: unknown) =>
        parseFormattedTime(String(text), String(pattern), timeZone === undefined ? undefined : String(timeZone)),
      parseISO8601ToEpochMilliSeconds: parseIso,
      epochMilliSecondsToSeconds: (millis: unknown) => Math.floor(Number(millis) / 1000),
      epochMilliSecondsToISO8601: (millis: unknown) => new Date(Number(millis)).toISOString(),
      epochMilliSecondsToFormatted: (millis: unknown, pattern: unknown, timeZone?: unknown) =>
        formatTime(Number(millis), String(pattern), timeZone === undefined ? undefined : String(timeZone)),
    },
    list: {
      copyAndRetainAll: (list: unknown[], keep: unknown[]) => list.filter((item) => keep.some((other) => javaEquals(item, other))),
      copyAndRemoveAll: (list: unknown[], drop: unknown[]) => list.filter((item) => !drop.some((other) => javaEquals(item, other))),
      sortList: (list: unknown[], descending: unknown, property?: unknown) => {
        const key = (item: unknown) => (typeof property === 'string' && property !== '' && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[property] : item);
        const sorted = [...list].sort((left, right) => {
          const a = key(left) as string | number;
          const b = key(right) as string | number;
          return a < b ? -1 : a > b ? 1 : 0;
        });
        return descending === true ? sorted.reverse() : sorted;
      },
    },
    map: {
      copyAndRetainAllKeys: (map: Record<string, unknown>, keys: unknown[]) => Object.fromEntries(Object.entries(map).filter(([key]) => keys.includes(key))),
      copyAndRemoveAllKeys: (map: Record<string, unknown>, keys: unknown[]) => Object.fromEntries(Object.entries(map).filter(([key]) => !keys.includes(key))),
    },
    str: {
      toUpper: (value: unknown) => String(value).toUpperCase(),
      toLower: (value: unknown) => String(value).toLowerCase(),
      toReplace: (value: unknown, target: unknown, replacement: unknown) => String(value).split(String(target)).join(String(replacement)),
      normalize: (value: unknown, form: unknown) => String(value).normalize(String(form) as 'NFC'),
    },
    math: {
      roundNum: (value: unknown) => Math.round(Number(value)),
      minVal: (a: unknown, b: unknown) => Math.min(Number(a), Number(b)),
      maxVal: (a: unknown, b: unknown) => Math.max(Number(a), Number(b)),
      randomDouble: () => Math.random(),
      randomWithinRange: (low: unknown, high: unknown) => Math.floor(Number(low) + Math.random() * (Number(high) - Number(low) + 1)),
    },
    dynamodb: dynamoDbUtil(),
    transform: {
      toDynamoDBFilterExpression: toDynamoDBExpression,
      toDynamoDBConditionExpression: toDynamoDBExpression,
      toSubscriptionFilter,
    },
  };
}

export const AUTH_TYPE_NAMES = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
} as const;
