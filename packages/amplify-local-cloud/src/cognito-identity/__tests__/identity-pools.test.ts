import * as crypto from 'crypto';
import {
  CognitoIdentityClient,
  CognitoIdentityServiceException,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
} from '@aws-sdk/client-cognito-identity';
import { AdminGetUserCommand, CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { deployAuthStack, type AuthOutputs } from '../../cognito/__tests__/helpers/auth-stack';
import { readMessages } from '../../cognito/message-log';

const cloud = useCfnTestCloud();
let auth: AuthOutputs;
let closed: AuthOutputs;
const anonymous = { accessKeyId: 'none', secretAccessKey: 'none' };
let identity: CognitoIdentityClient;
let userPools: CognitoIdentityProviderClient;
const clients: { destroy(): void }[] = [];

beforeAll(async () => {
  auth = await deployAuthStack(cloud, 'open-auth');
  closed = await deployAuthStack(cloud, 'closed-auth', { allowGuests: false });
  identity = new CognitoIdentityClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: anonymous });
  userPools = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: anonymous });
  clients.push(identity, userPools);
});
afterAll(() => clients.forEach((client) => client.destroy()));

async function identityError(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CognitoIdentityServiceException) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Signs up, confirms and signs in through the web client; answers the id token. */
async function idTokenFor(outputs: AuthOutputs, email: string): Promise<string> {
  await userPools.send(new SignUpCommand({ ClientId: outputs.WebClientId, Username: email, Password: 'pass-word1', UserAttributes: [{ Name: 'email', Value: email }] }));
  const code = readMessages(cloud.dataDir).filter((message) => message.destination === email).pop()!.code;
  await userPools.send(new ConfirmSignUpCommand({ ClientId: outputs.WebClientId, Username: email, ConfirmationCode: code }));
  const secretHash = crypto.createHmac('sha256', outputs.NativeClientSecret).update(email + outputs.NativeClientId).digest('base64');
  const { AuthenticationResult } = await userPools.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: outputs.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: 'pass-word1', SECRET_HASH: secretHash } }),
  );
  return AuthenticationResult!.IdToken!;
}

function stsWith(credentials: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string }): STSClient {
  const sts = new STSClient({
    endpoint: cloud.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretKey!, sessionToken: credentials.SessionToken },
  });
  clients.push(sts);
  return sts;
}

describe('identity pools declared by a stack', () => {
  it('gives guests an identity and credentials for the unauthenticated role that sign AWS calls', async () => {
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: auth.IdentityPoolId }));
    expect(IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const before = Date.now();
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(Credentials!.Expiration!.getTime()).toBeGreaterThan(before + 3500 * 1000);
    expect(Credentials!.Expiration!.getTime()).toBeLessThanOrEqual(before + 3601 * 1000);
    expect(cloud.cloud.roleSessionOf(Credentials!.AccessKeyId!)).toEqual({
      roleArn: auth.UnauthRoleArn,
      sessionName: 'CognitoIdentityCredentials',
      cognitoIdentity: { identityPoolId: auth.IdentityPoolId, identityId: IdentityId, authenticationType: 'unauthenticated' },
    });
    const caller = await stsWith(Credentials!).send(new GetCallerIdentityCommand({}));
    expect(caller.Account).toBe('123456789012');
    const token = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    expect(JSON.parse(Buffer.from(token.Token!.split('.')[1], 'base64url').toString('utf8'))).toMatchObject({ sub: IdentityId, aud: auth.IdentityPoolId, amr: ['unauthenticated'] });
  });

  it('refuses guests on a pool that does not allow them', async () => {
    expect(await identityError(identity.send(new GetIdCommand({ IdentityPoolId: closed.IdentityPoolId })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    expect(await identityError(identity.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: "IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.",
    });
  });

  it('gives signed-in users one identity and credentials for the authenticated role, which cannot administer user pools', async () => {
    const idToken = await idTokenFor(closed, 'jo@example.com');
    const provider = `cognito-idp.us-east-1.amazonaws.com/${closed.UserPoolId}`;
    const logins = { [provider]: idToken };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: closed.IdentityPoolId, Logins: logins }));
    expect((await identity.send(new GetIdCommand({ IdentityPoolId: closed.IdentityPoolId, Logins: logins }))).IdentityId).toBe(IdentityId);
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    expect(cloud.cloud.roleSessionOf(Credentials!.AccessKeyId!)).toMatchObject({
      roleArn: closed.AuthRoleArn,
      cognitoIdentity: { authenticationType: 'authenticated', identityId: IdentityId, authenticationProvider: expect.stringMatching(/^cognito-idp\.[^,]+,cognito-idp\.[^:]+:CognitoSignIn:[0-9a-f-]+$/) },
    });
    await stsWith(Credentials!).send(new GetCallerIdentityCommand({}));
    // Without its login, the identity gets nothing.
    expect(await identityError(identity.send(new GetCredentialsForIdentityCommand({ IdentityId })))).toEqual({
      name: 'NotAuthorizedException',
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    const admin = new CognitoIdentityProviderClient({
      endpoint: cloud.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken },
    });
    clients.push(admin);
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: closed.UserPoolId, Username: 'jo@example.com' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('refuses forged tokens (a changed sub or expiry) and tokens of a pool the identity pool does not list', async () => {
    const idToken = await idTokenFor(auth, 'kim@example.com');
    const provider = `cognito-idp.us-east-1.amazonaws.com/${auth.UserPoolId}`;
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forge = (changes: Record<string, unknown>) => `${header}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
    const getId = (logins: Record<string, string>) => identityError(identity.send(new GetIdCommand({ IdentityPoolId: auth.IdentityPoolId, Logins: logins })));
    expect(await getId({ [provider]: forge({ sub: 'someone-else' }) })).toEqual({ name: 'NotAuthorizedException', message: 'Invalid login token. Signature verification failed.' });
    expect(await getId({ [provider]: forge({ exp: Math.floor(Date.now() / 1000) - 10 }) })).toMatchObject({ name: 'NotAuthorizedException' });
    // A token of the stack's other user pool, presented under that pool's name: not a provider of this identity pool.
    const closedToken = await idTokenFor(closed, 'lou@example.com');
    expect(await getId({ [`cognito-idp.us-east-1.amazonaws.com/${closed.UserPoolId}`]: closedToken })).toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringContaining('Token is not from a supported provider of this identity pool'),
    });
    // Under this pool's name, the other pool's token fails its signature check.
    expect((await getId({ [provider]: closedToken })).name).toBe('NotAuthorizedException');
  });

  it('lets a guest identity sign in and keep its id', async () => {
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: auth.IdentityPoolId }));
    const idToken = await idTokenFor(auth, 'max@example.com');
    const logins = { [`cognito-idp.us-east-1.amazonaws.com/${auth.UserPoolId}`]: idToken };
    const { Credentials, IdentityId: same } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    expect(same).toBe(IdentityId);
    expect(cloud.cloud.roleSessionOf(Credentials!.AccessKeyId!)?.roleArn).toBe(auth.AuthRoleArn);
    expect((await identity.send(new GetIdCommand({ IdentityPoolId: auth.IdentityPoolId, Logins: logins }))).IdentityId).toBe(IdentityId);
    expect(await identityError(identity.send(new GetCredentialsForIdentityCommand({ IdentityId })))).toMatchObject({ name: 'NotAuthorizedException' });
  });
});
