import * as crypto from 'crypto';

/** Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA1, 30 s steps, 6 digits. */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;

/** A new shared secret, base32 as Cognito's `SecretCode` (what the app shows as a QR code). */
export function newTotpSecret(): string {
  const bytes = crypto.randomBytes(20);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let secret = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) secret += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return secret;
}

function decodeBase32(secret: string): Buffer {
  let bits = '';
  for (const character of secret.toUpperCase().replace(/=+$/, '')) {
    const value = BASE32.indexOf(character);
    if (value < 0) throw new Error('not base32');
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

function codeAt(key: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Whether the code is the secret's for now, or for the step before or after (clocks drift). */
export function totpMatches(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const key = decodeBase32(secret);
  const step = Math.floor(now.getTime() / 1000 / STEP_SECONDS);
  return [step - 1, step, step + 1].some((candidate) => crypto.timingSafeEqual(Buffer.from(codeAt(key, candidate)), Buffer.from(code)));
}
