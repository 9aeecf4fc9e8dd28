import BetterSqlite3 from 'better-sqlite3';
import { IdentityPoolService } from '../../cognito-identity/identity-pool-service';
import { IdentityPoolStore } from '../../cognito-identity/identity-pool-store';
import { LocalCredentialStore } from '../../server/credential-store';
import type { SentMessage } from '../message-log';
import { UserPoolService } from '../user-pool-service';
import { UserPoolStore } from '../user-pool-store';

/** The services over an in-memory database with a clock the tests move. */
async function setUp() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  let now = new Date('2026-03-01T10:00:00Z');
  const clock = () => now;
  const sent: SentMessage[] = [];
  const noFunctions = { invoke: () => Promise.reject(new Error('no functions here')) };
  const userPools = new UserPoolService(new UserPoolStore(db), noFunctions, (message) => sent.push(message), clock);
  const credentials = new LocalCredentialStore({ accessKeyId: 'AKIAINSTANCE', secretAccessKey: 'secret' }, clock);
  const identityPools = new IdentityPoolService(new IdentityPoolStore(db), userPools, credentials, clock);
  await userPools.putUserPool('us-east-1_Expiry123', 'us-east-1', { AutoVerifiedAttributes: ['email'], UsernameAttributes: ['email'] });
  userPools.putUserPoolClient('us-east-1_Expiry123', 'client1', { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], AccessTokenValidity: 5, IdTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' }, RefreshTokenValidity: 1 }, undefined);
  identityPools.putIdentityPool('us-east-1:pool', 'us-east-1', {
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ClientId: 'client1', ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Expiry123' }],
  });
  identityPools.putRoleAttachment('attachment', 'us-east-1:pool', { Roles: { authenticated: 'arn:aws:iam::123456789012:role/auth' } });
  return {
    userPools,
    identityPools,
    credentials,
    sent,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    async signedIn(email: string) {
      await userPools.signUp({ ClientId: 'client1', Username: email, Password: 'Password-1', UserAttributes: [{ Name: 'email', Value: email }] });
      await userPools.confirmSignUp({ ClientId: 'client1', Username: email, ConfirmationCode: sent[sent.length - 1].code });
      const result = await userPools.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: email, PASSWORD: 'Password-1' } });
      return result.AuthenticationResult as { AccessToken: string; IdToken: string; RefreshToken: string; ExpiresIn: number };
    },
  };
}

const MINUTE = 60 * 1000;

describe('time and attempt limits', () => {
  it('honours the client token validity: access tokens expire, refresh tokens keep issuing new ones until they expire', async () => {
    const env = await setUp();
    const tokens = await env.signedIn('rae@example.com');
    expect(tokens.ExpiresIn).toBe(300);
    env.advance(5 * MINUTE);
    expect(() => env.userPools.getUser({ AccessToken: tokens.AccessToken })).toThrow(expect.objectContaining({ code: 'NotAuthorizedException', message: 'Access Token has expired' }));
    const refreshed = await env.userPools.initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'client1', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } });
    const fresh = (refreshed.AuthenticationResult as { AccessToken: string }).AccessToken;
    expect(env.userPools.getUser({ AccessToken: fresh })).toMatchObject({ Username: expect.any(String) });
    env.advance(24 * 60 * MINUTE);
    await expect(env.userPools.initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'client1', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } })).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
    });
  });

  it('expires confirmation codes after a day', async () => {
    const env = await setUp();
    await env.userPools.signUp({ ClientId: 'client1', Username: 'sam@example.com', Password: 'Password-1', UserAttributes: [{ Name: 'email', Value: 'sam@example.com' }] });
    env.advance(24 * 60 * MINUTE);
    await expect(env.userPools.confirmSignUp({ ClientId: 'client1', Username: 'sam@example.com', ConfirmationCode: env.sent[0].code })).rejects.toMatchObject({
      code: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('refuses an expired id token as an identity pool login, and credentials after their hour', async () => {
    const env = await setUp();
    const tokens = await env.signedIn('tia@example.com');
    const logins = { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Expiry123': tokens.IdToken };
    const { IdentityId } = env.identityPools.getId({ IdentityPoolId: 'us-east-1:pool', Logins: logins });
    const { Credentials } = env.identityPools.getCredentialsForIdentity({ IdentityId, Logins: logins }) as { Credentials: { AccessKeyId: string; Expiration: number } };
    expect(Credentials.Expiration).toBe(Date.parse('2026-03-01T11:00:00Z') / 1000);
    expect(env.credentials.roleSessionOf(Credentials.AccessKeyId)?.roleArn).toBe('arn:aws:iam::123456789012:role/auth');
    env.advance(5 * MINUTE);
    expect(() => env.identityPools.getCredentialsForIdentity({ IdentityId, Logins: logins })).toThrow(
      expect.objectContaining({ code: 'NotAuthorizedException', message: 'Invalid login token. Token expired: the id token has expired.' }),
    );
    env.advance(55 * MINUTE);
    expect(env.credentials.find(Credentials.AccessKeyId)).toBeUndefined();
    expect(env.credentials.roleSessionOf(Credentials.AccessKeyId)).toBeUndefined();
  });

  it('expires temporary passwords of invited users', async () => {
    const env = await setUp();
    await env.userPools.adminCreateUser({ UserPoolId: 'us-east-1_Expiry123', Username: 'uma@example.com', UserAttributes: [{ Name: 'email', Value: 'uma@example.com' }] });
    const password = env.sent[0].code;
    env.advance(8 * 24 * 60 * MINUTE);
    await expect(env.userPools.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'uma@example.com', PASSWORD: password } })).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });

  it('kills a code after five wrong guesses, and locks a user out after five wrong passwords, for a second that doubles', async () => {
    const env = await setUp();
    await env.userPools.signUp({ ClientId: 'client1', Username: 'val@example.com', Password: 'Password-1', UserAttributes: [{ Name: 'email', Value: 'val@example.com' }] });
    const code = env.sent[0].code;
    const wrong = code === '000000' ? '111111' : '000000';
    const confirm = (given: string) => env.userPools.confirmSignUp({ ClientId: 'client1', Username: 'val@example.com', ConfirmationCode: given });
    for (let attempt = 1; attempt < 5; attempt++) await expect(confirm(wrong)).rejects.toMatchObject({ code: 'CodeMismatchException' });
    await expect(confirm(wrong)).rejects.toMatchObject({ code: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    await expect(confirm(code)).rejects.toMatchObject({ code: 'CodeMismatchException' });
    await env.userPools.resendConfirmationCode({ ClientId: 'client1', Username: 'val@example.com' });
    await confirm(env.sent[1].code);

    const signIn = (password: string) => env.userPools.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'val@example.com', PASSWORD: password } });
    for (let attempt = 1; attempt <= 5; attempt++) await expect(signIn('Wrong-pass1')).rejects.toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await expect(signIn('Password-1')).rejects.toMatchObject({ code: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    env.advance(1000);
    await expect(signIn('Wrong-pass1')).rejects.toMatchObject({ message: 'Incorrect username or password.' });
    env.advance(1000);
    await expect(signIn('Password-1')).rejects.toMatchObject({ message: 'Password attempts exceeded' });
    env.advance(1000);
    expect(await signIn('Password-1')).toHaveProperty('AuthenticationResult');
  });
});
