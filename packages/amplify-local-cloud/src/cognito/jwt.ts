import * as crypto from 'crypto';
import { promisify } from 'util';

/** A user pool's signing key: RS256, created with the pool and kept with it. */
export interface SigningKey {
  keyId: string;
  /** PKCS#8 PEM. */
  privateKey: string;
}

/** A new RS256 key; made off the event loop, as an RSA key takes a good part of a second to find. */
export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await promisify(crypto.generateKeyPair)('rsa', { modulusLength: 2048 });
  return { keyId: crypto.randomBytes(32).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** The key as a JWKS entry (`/<poolId>/.well-known/jwks.json`). */
export function publicJwk(key: SigningKey): Record<string, string> {
  const jwk = publicKeyOf(key).export({ format: 'jwk' });
  return { alg: 'RS256', e: String(jwk.e), kid: key.keyId, kty: 'RSA', n: String(jwk.n), use: 'sig' };
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export type Claims = Record<string, unknown>;

export function signJwt(key: SigningKey, claims: Claims): string {
  const header = base64url(JSON.stringify({ kid: key.keyId, alg: 'RS256' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = crypto.sign('sha256', Buffer.from(`${header}.${payload}`), privateKeyOf(key));
  return `${header}.${payload}.${base64url(signature)}`;
}

/** Why a token was refused; the caller words the AWS error. */
export type JwtCheck = { type: 'valid'; claims: Claims } | { type: 'invalid'; reason: string } | { type: 'expired'; claims: Claims };

/**
 * Checks a token's form, its signature against the keys (by `kid`) and its expiry. Claims beyond `exp` (issuer,
 * audience, token use) are the caller's to check.
 */
export function verifyJwt(token: string, keys: (keyId: string) => SigningKey | undefined, now: Date): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { type: 'invalid', reason: 'not a JWT' };
  let header: { kid?: unknown; alg?: unknown };
  let claims: Claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
  } catch {
    return { type: 'invalid', reason: 'not a JWT' };
  }
  if (header.alg !== 'RS256' || typeof header.kid !== 'string' || typeof claims !== 'object' || claims === null) {
    return { type: 'invalid', reason: 'unsupported header' };
  }
  const key = keys(header.kid);
  if (key === undefined) return { type: 'invalid', reason: 'unknown key' };
  const signed = crypto.verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKeyOf(key), Buffer.from(parts[2], 'base64url'));
  if (!signed) return { type: 'invalid', reason: 'bad signature' };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return { type: 'expired', claims };
  return { type: 'valid', claims };
}

const keyObjects = new Map<string, { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject }>();

/**
 * The key parsed from its PEM once (a parse costs about as much as a signature, and a sign-in signs two tokens).
 * Cached by the PEM itself, so a key id never stands for another key.
 */
function keyObjectsOf(key: SigningKey): { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject } {
  let parsed = keyObjects.get(key.privateKey);
  if (parsed === undefined) {
    const privateKey = crypto.createPrivateKey(key.privateKey);
    parsed = { privateKey, publicKey: crypto.createPublicKey(privateKey) };
    keyObjects.set(key.privateKey, parsed);
  }
  return parsed;
}

function privateKeyOf(key: SigningKey): crypto.KeyObject {
  return keyObjectsOf(key).privateKey;
}

function publicKeyOf(key: SigningKey): crypto.KeyObject {
  return keyObjectsOf(key).publicKey;
}

/** The claims of a token without checking it: only to route it to the pool whose keys then check it. */
export function unverifiedClaims(token: string): Claims | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}
