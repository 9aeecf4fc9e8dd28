import type * as crypto from 'crypto';
import type { OpenIdConnectConfig } from './appsync-registry';
import { verifyRs256 } from './jwt';
import type { TokenVerification } from './ports';

const LOOPBACK_URL = /^https?:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d+)?(\/|$)/;
const KEYS_TTL_MS = 5 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5000;

/**
 * Verifies OpenID Connect tokens against the issuer's keys (discovery document, then `jwks_uri`). Only issuers on a
 * loopback address are fetched: the local cloud works offline and never calls out to the internet, so tokens of a
 * remote issuer are refused with a reason saying so.
 */
export class OidcVerifier {
  private readonly keys = new Map<string, { fetchedAt: number; keys: crypto.JsonWebKey[] }>();

  async verify(config: OpenIdConnectConfig, token: string, now: Date = new Date()): Promise<TokenVerification> {
    const issuer = config.issuer.replace(/\/$/, '');
    if (!LOOPBACK_URL.test(issuer)) {
      return { type: 'invalid', reason: `the issuer ${issuer} is not on this machine; the local cloud verifies tokens of loopback issuers only` };
    }
    let keys: crypto.JsonWebKey[];
    try {
      keys = await this.issuerKeys(issuer);
    } catch (error) {
      return { type: 'invalid', reason: `the keys of ${issuer} could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    const result = verifyRs256(token, keys, now);
    if (result.type !== 'valid') return result;
    const claims = result.claims;
    if (String(claims.iss ?? '').replace(/\/$/, '') !== issuer) return { type: 'invalid', reason: `iss ${String(claims.iss)} is not ${issuer}` };
    if (config.clientId !== undefined && config.clientId !== '') {
      const audiences = [claims.aud, claims.client_id, claims.azp].flat().filter((value) => typeof value === 'string') as string[];
      const pattern = new RegExp(`^(?:${config.clientId})$`);
      if (!audiences.some((audience) => pattern.test(audience))) return { type: 'invalid', reason: 'the token was issued to another client' };
    }
    const seconds = now.getTime() / 1000;
    if (config.iatTtl && typeof claims.iat === 'number' && seconds - claims.iat > config.iatTtl / 1000) return { type: 'expired' };
    if (config.authTtl && typeof claims.auth_time === 'number' && seconds - claims.auth_time > config.authTtl / 1000) return { type: 'expired' };
    return result;
  }

  private async issuerKeys(issuer: string): Promise<crypto.JsonWebKey[]> {
    const cached = this.keys.get(issuer);
    if (cached !== undefined && Date.now() - cached.fetchedAt < KEYS_TTL_MS) return cached.keys;
    const signal = () => AbortSignal.timeout(FETCH_TIMEOUT_MS);
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`, { signal: signal() })).json()) as { jwks_uri?: string };
    if (typeof discovery.jwks_uri !== 'string' || !LOOPBACK_URL.test(discovery.jwks_uri)) throw new Error('the discovery document has no loopback jwks_uri');
    const set = (await (await fetch(discovery.jwks_uri, { signal: signal() })).json()) as { keys?: crypto.JsonWebKey[] };
    const keys = Array.isArray(set.keys) ? set.keys : [];
    this.keys.set(issuer, { fetchedAt: Date.now(), keys });
    return keys;
  }
}
