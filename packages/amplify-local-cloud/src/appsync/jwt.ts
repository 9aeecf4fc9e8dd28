import * as crypto from 'crypto';
import type { TokenVerification } from './ports';

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** The parts of a compact JWS, or undefined when the text is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return undefined;
    return { header: header as Record<string, unknown>, claims: claims as Record<string, unknown>, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return undefined;
  }
}

/** Verifies an RS256 token against a JSON Web Key Set and checks `exp` (and `nbf`). */
export function verifyRs256(token: string, keys: readonly crypto.JsonWebKey[], now: Date = new Date()): TokenVerification {
  const decoded = decodeJwt(token);
  if (decoded === undefined) return { type: 'invalid', reason: 'not a JWT' };
  if (decoded.header.alg !== 'RS256') return { type: 'invalid', reason: `algorithm ${String(decoded.header.alg)} is not RS256` };
  const jwk = keys.find((key) => (key as { kid?: string }).kid === decoded.header.kid);
  if (jwk === undefined) return { type: 'invalid', reason: `no key with kid ${String(decoded.header.kid)}` };
  const valid = crypto.verify('RSA-SHA256', Buffer.from(decoded.signingInput), crypto.createPublicKey({ key: jwk, format: 'jwk' }), decoded.signature);
  if (!valid) return { type: 'invalid', reason: 'signature mismatch' };
  const seconds = now.getTime() / 1000;
  if (typeof decoded.claims.exp !== 'number' || decoded.claims.exp <= seconds) return { type: 'expired' };
  if (typeof decoded.claims.nbf === 'number' && decoded.claims.nbf > seconds) return { type: 'invalid', reason: 'not valid yet' };
  return { type: 'valid', claims: decoded.claims };
}
