import * as crypto from 'crypto';
import { CognitoError } from './cognito-error';
import type { PasswordPolicy } from './user-pool-settings';

const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$<salt b64>$<hash b64>`: the password itself is never stored. */
export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, KEY_LENGTH, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function passwordMatches(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(actual, expected);
}

/** Cognito's special characters for `RequireSymbols`. */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** Throws `InvalidPasswordException` with Cognito's wording for the first rule the password breaks. */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy): void {
  const refuse = (detail: string) => new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${detail}`);
  if (password.length < policy.minimumLength) throw refuse('Password not long enough');
  if (policy.requireLowercase && !/[a-z]/.test(password)) throw refuse('Password must have lowercase characters');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) throw refuse('Password must have uppercase characters');
  if (policy.requireNumbers && !/[0-9]/.test(password)) throw refuse('Password must have numeric characters');
  if (policy.requireSymbols && !SYMBOLS.test(password)) throw refuse('Password must have symbol characters');
}

/** A password that meets the policy, for AdminCreateUser without TemporaryPassword. */
export function temporaryPassword(policy: PasswordPolicy): string {
  const pick = (alphabet: string) => alphabet[crypto.randomInt(alphabet.length)];
  const characters = [pick('abcdefghijkmnopqrstuvwxyz'), pick('ABCDEFGHJKLMNPQRSTUVWXYZ'), pick('23456789'), pick('!#%&*+-=?@^_')];
  while (characters.length < Math.max(12, policy.minimumLength)) characters.push(pick('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'));
  return characters.join('');
}

/** A six-digit code, as Cognito sends for confirmation and password reset. */
export function newCode(): string {
  return String(crypto.randomInt(1_000_000)).padStart(6, '0');
}
