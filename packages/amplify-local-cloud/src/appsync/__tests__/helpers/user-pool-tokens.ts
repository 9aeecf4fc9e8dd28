import * as crypto from 'crypto';
import { verifyRs256 } from '../../jwt';
import type { TokenVerification, UserPoolTokenVerifier } from '../../ports';

/** A user pool's signing key for tests: it issues RS256 tokens and verifies them as the local Cognito will. */
export interface TestUserPool extends UserPoolTokenVerifier {
  userPoolId: string;
  /** An id token for `username`, valid for `lifetimeSeconds` (negative for one already expired). */
  idToken(username: string, options?: { groups?: string[]; lifetimeSeconds?: number; clientId?: string }): string;
}

export function createTestUserPool(userPoolId = 'us-east-1_TestPool1'): TestUserPool {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = crypto.randomUUID();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
  return {
    userPoolId,
    idToken(username, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        sub: crypto.createHash('sha256').update(username).digest('hex').slice(0, 36),
        iss: issuer,
        aud: options.clientId ?? 'testclient',
        token_use: 'id',
        'cognito:username': username,
        email: `${username}@example.com`,
        auth_time: now,
        iat: now,
        exp: now + (options.lifetimeSeconds ?? 3600),
      };
      if (options.groups !== undefined) claims['cognito:groups'] = options.groups;
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const signingInput = `${encode({ alg: 'RS256', kid, typ: 'JWT' })}.${encode(claims)}`;
      return `${signingInput}.${crypto.sign('RSA-SHA256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
    },
    async verify(poolId: string, token: string): Promise<TokenVerification> {
      if (poolId !== userPoolId) return { type: 'invalid', reason: `no user pool ${poolId}` };
      const result = verifyRs256(token, [jwk]);
      if (result.type === 'valid' && result.claims.iss !== issuer) return { type: 'invalid', reason: 'issued by another pool' };
      return result;
    },
  };
}
