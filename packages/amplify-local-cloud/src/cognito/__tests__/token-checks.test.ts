import BetterSqlite3 from 'better-sqlite3';
import type { SentMessage } from '../message-log';
import { UserPoolService } from '../user-pool-service';
import { UserPoolStore } from '../user-pool-store';

const POOL = 'us-east-1_Checks123';

/** A pool with a client that reads only `email`, over an in-memory database, and a clock the tests move. */
async function setUp() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  let now = new Date('2026-03-01T10:00:00Z');
  const sent: SentMessage[] = [];
  const service = new UserPoolService(new UserPoolStore(db), { invoke: () => Promise.reject(new Error('no functions here')) }, (message) => sent.push(message), () => now);
  await service.putUserPool(POOL, 'us-east-1', { Schema: [{ Name: 'tier', AttributeDataType: 'String' }] });
  await service.putUserPool('us-east-1_Other1234', 'us-east-1', {});
  service.putUserPoolClient(POOL, 'reader', { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], ReadAttributes: ['email'] }, undefined);
  return {
    service,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    async signIn() {
      await service.adminCreateUser({ UserPoolId: POOL, Username: 'vic', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'vic@example.com' }, { Name: 'custom:tier', Value: 'gold' }, { Name: 'name', Value: 'Vic' }] });
      service.adminSetUserPassword({ UserPoolId: POOL, Username: 'vic', Password: 'Password-1', Permanent: true });
      const result = await service.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'reader', AuthParameters: { USERNAME: 'vic', PASSWORD: 'Password-1' } });
      return result.AuthenticationResult as { AccessToken: string; IdToken: string };
    },
  };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('token checks for APIs that authorise by user pool', () => {
  it("accepts the pool's id and access tokens, and refuses them once expired, revoked or for another pool", async () => {
    const env = await setUp();
    const tokens = await env.signIn();
    expect(env.service.verifyToken(POOL, tokens.IdToken)).toMatchObject({ type: 'valid', claims: { token_use: 'id', 'cognito:username': 'vic' } });
    expect(env.service.verifyToken(POOL, tokens.AccessToken)).toMatchObject({ type: 'valid', claims: { token_use: 'access', username: 'vic' } });
    expect(env.service.verifyToken('us-east-1_Other1234', tokens.AccessToken)).toEqual({ type: 'invalid', message: 'Valid authorization header not provided.' });
    expect(env.service.verifyToken(POOL, 'not.a.token')).toEqual({ type: 'invalid', message: 'Valid authorization header not provided.' });
    env.service.globalSignOut({ AccessToken: tokens.AccessToken });
    expect(env.service.verifyToken(POOL, tokens.AccessToken)).toEqual({ type: 'invalid', message: 'Token has been revoked.' });
    env.advance(3600 * 1000);
    expect(env.service.verifyToken(POOL, tokens.IdToken)).toEqual({ type: 'expired', message: 'Token has expired.' });
  });

  it('shows a client only the attributes it may read, in GetUser and in id tokens', async () => {
    const env = await setUp();
    const tokens = await env.signIn();
    const user = env.service.getUser({ AccessToken: tokens.AccessToken }) as { UserAttributes: { Name: string }[] };
    expect(user.UserAttributes.map((attribute) => attribute.Name).sort()).toEqual(['email', 'email_verified', 'sub']);
    const id = claimsOf(tokens.IdToken);
    expect(id).toMatchObject({ email: 'vic@example.com' });
    expect(id).not.toHaveProperty('name');
    expect(id).not.toHaveProperty('custom:tier');
  });
});
