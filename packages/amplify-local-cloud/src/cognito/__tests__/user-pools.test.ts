import * as crypto from 'crypto';
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  DeleteUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  VerifyUserAttributeCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ResendConfirmationCodeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  deleteUser,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resendSignUpCode,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updatePassword,
  updateUserAttributes,
} from 'aws-amplify/auth';
import { ConsoleLogger } from 'aws-amplify/utils';
import { rawRequest } from '../../__tests__/test-cloud';
import { DeleteStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { readMessages } from '../message-log';
import { authTemplate, deployAuthStack, type AuthOutputs } from './helpers/auth-stack';

const cloud = useCfnTestCloud();
let auth: AuthOutputs;
let signedClient: CognitoIdentityProviderClient;
/** What an app has: no credentials, unsigned calls. */
let appClient: CognitoIdentityProviderClient;

beforeAll(async () => {
  auth = await deployAuthStack(cloud, 'auth-pools');
  signedClient = new CognitoIdentityProviderClient(cloud.config);
  appClient = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'none', secretAccessKey: 'none' } });
});
afterAll(() => {
  signedClient.destroy();
  appClient.destroy();
});

async function cognitoError(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CognitoIdentityProviderServiceException) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

function lastCode(destination: string): string {
  const message = readMessages(cloud.dataDir).filter((entry) => entry.destination === destination).pop();
  if (message === undefined) throw new Error(`no message to ${destination}`);
  return message.code;
}

function configureAmplify(): void {
  // The library warns that a custom endpoint is in use: that is the point here.
  ConsoleLogger.LOG_LEVEL = 'ERROR';
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: auth.UserPoolId,
        userPoolClientId: auth.WebClientId,
        userPoolEndpoint: cloud.endpoint,
        identityPoolId: auth.IdentityPoolId,
        identityPoolEndpoint: cloud.endpoint,
        allowGuestAccess: true,
      },
    },
  });
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Verifies an RS256 token against the pool's JWKS, as an API would. */
async function verifiedWithJwks(token: string): Promise<boolean> {
  const response = await fetch(`${cloud.endpoint}/${auth.UserPoolId}/.well-known/jwks.json`);
  const { keys } = (await response.json()) as { keys: (crypto.JsonWebKey & { kid: string })[] };
  const [header, payload, signature] = token.split('.');
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string };
  const jwk = keys.find((key) => key.kid === kid);
  if (jwk === undefined) return false;
  return crypto.verify('sha256', Buffer.from(`${header}.${payload}`), crypto.createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
}

async function signUpConfirmed(email: string, password: string): Promise<string> {
  const { UserSub } = await appClient.send(new SignUpCommand({ ClientId: auth.WebClientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }));
  await appClient.send(new ConfirmSignUpCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: lastCode(email) }));
  return UserSub!;
}

describe('user pools declared by a stack', () => {
  it('signs up, records the code, confirms, signs in with SRP (aws-amplify 6), and issues tokens the JWKS verifies', async () => {
    const email = 'ana@example.com';
    const signUp = await appClient.send(
      new SignUpCommand({ ClientId: auth.WebClientId, Username: email, Password: 'secret-pass1', UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    expect(signUp).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: 'a***@e***' } });
    const [message] = readMessages(cloud.dataDir).filter((entry) => entry.destination === email);
    expect(message).toMatchObject({ userPoolId: auth.UserPoolId, kind: 'SignUp', medium: 'EMAIL', subject: 'Your code' });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.message).toBe(`Here is your code: ${message.code}`);

    configureAmplify();
    // Not confirmed yet: the password is right, the account is not usable (aws-amplify turns the refusal,
    // UserNotConfirmedException, into a next step).
    expect((await signIn({ username: email, password: 'secret-pass1' })).nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
    const wrong = message.code === '000000' ? '111111' : '000000';
    expect(await cognitoError(appClient.send(new ConfirmSignUpCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: wrong })))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    await appClient.send(new ConfirmSignUpCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: message.code }));

    await expect(signIn({ username: email, password: 'wrong-pass1' })).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const result = await signIn({ username: email, password: 'secret-pass1' });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const session = await fetchAuthSession();
    const idToken = session.tokens!.idToken!.toString();
    const accessToken = session.tokens!.accessToken.toString();
    expect(await verifiedWithJwks(idToken)).toBe(true);
    expect(await verifiedWithJwks(accessToken)).toBe(true);
    const id = claimsOf(idToken);
    expect(id).toMatchObject({
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${auth.UserPoolId}`,
      sub: signUp.UserSub,
      aud: auth.WebClientId,
      'cognito:username': signUp.UserSub,
      email,
      email_verified: true,
      token_use: 'id',
    });
    expect(claimsOf(accessToken)).toMatchObject({ client_id: auth.WebClientId, token_use: 'access', username: signUp.UserSub, origin_jti: id.origin_jti });
    expect(Number(id.exp) - Number(id.iat)).toBe(3600);
    // The identity pool gave the signed-in user credentials for the authenticated role.
    expect(session.credentials?.accessKeyId).toMatch(/^ASIA/);
    expect(session.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    await signOut();
    // Signed out, the app is a guest of the identity pool (it allows guests).
    const guest = await fetchAuthSession();
    expect(guest.tokens).toBeUndefined();
    expect(guest.credentials?.accessKeyId).toMatch(/^ASIA/);
    expect(guest.identityId).not.toBe(session.identityId);
  });

  it('serves the whole aws-amplify 6 account API an app uses', async () => {
    configureAmplify();
    const email = 'yan@example.com';
    const created = await signUp({ username: email, password: 'yan-password1', options: { userAttributes: { email } } });
    expect(created.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    await resendSignUpCode({ username: email });
    await expect(confirmSignUp({ username: email, confirmationCode: '12345x' })).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect((await confirmSignUp({ username: email, confirmationCode: lastCode(email) })).isSignUpComplete).toBe(true);
    await signIn({ username: email, password: 'yan-password1' });
    expect((await getCurrentUser()).signInDetails?.loginId).toBe(email);
    await updateUserAttributes({ userAttributes: { name: 'Yan' } });
    expect(await fetchUserAttributes()).toMatchObject({ email, email_verified: 'true', name: 'Yan' });
    const change = await updateUserAttributes({ userAttributes: { email: 'yan.new@example.com' } });
    expect(change.email.nextStep.updateAttributeStep).toBe('CONFIRM_ATTRIBUTE_WITH_CODE');
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: lastCode('yan.new@example.com') });
    expect((await fetchUserAttributes()).email).toBe('yan.new@example.com');
    await updatePassword({ oldPassword: 'yan-password1', newPassword: 'yan-password2' });
    await signOut();

    const reset = await resetPassword({ username: 'yan.new@example.com' });
    expect(reset.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    await confirmResetPassword({ username: 'yan.new@example.com', confirmationCode: lastCode('yan.new@example.com'), newPassword: 'yan-password3' });
    await expect(signIn({ username: 'yan.new@example.com', password: 'yan-password2' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await signIn({ username: 'yan.new@example.com', password: 'yan-password3' });
    await deleteUser();
    await expect(signIn({ username: 'yan.new@example.com', password: 'yan-password3' })).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('answers GetUser, refreshes tokens both ways, and refuses tokens after RevokeToken and GlobalSignOut', async () => {
    const email = 'ben@example.com';
    const sub = await signUpConfirmed(email, 'ben-password1');
    const secretHash = crypto.createHmac('sha256', auth.NativeClientSecret).update(email + auth.NativeClientId).digest('base64');
    const signedIn = await appClient.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: 'ben-password1', SECRET_HASH: secretHash } }),
    );
    const tokens = signedIn.AuthenticationResult!;
    expect(tokens).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    const user = await appClient.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(user.Username).toBe(sub);
    expect(Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value]))).toEqual({ sub, email, email_verified: 'true' });

    const refreshed = await appClient.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: auth.NativeClientId, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken!, SECRET_HASH: crypto.createHmac('sha256', auth.NativeClientSecret).update(sub + auth.NativeClientId).digest('base64') } }),
    );
    expect(refreshed.AuthenticationResult!.RefreshToken).toBeUndefined();
    expect(claimsOf(refreshed.AuthenticationResult!.IdToken!).origin_jti).toBe(claimsOf(tokens.IdToken!).origin_jti);
    const viaGetTokens = await appClient.send(new GetTokensFromRefreshTokenCommand({ ClientId: auth.NativeClientId, ClientSecret: auth.NativeClientSecret, RefreshToken: tokens.RefreshToken }));
    expect(await verifiedWithJwks(viaGetTokens.AuthenticationResult!.AccessToken!)).toBe(true);

    await appClient.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'name', Value: 'Ben' }] }));
    expect((await appClient.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).UserAttributes).toContainEqual({ Name: 'name', Value: 'Ben' });

    await appClient.send(new RevokeTokenCommand({ ClientId: auth.NativeClientId, ClientSecret: auth.NativeClientSecret, Token: tokens.RefreshToken }));
    expect(await cognitoError(appClient.send(new GetTokensFromRefreshTokenCommand({ ClientId: auth.NativeClientId, ClientSecret: auth.NativeClientSecret, RefreshToken: tokens.RefreshToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    expect(await cognitoError(appClient.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });

    const again = await appClient.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: 'ben-password1', SECRET_HASH: secretHash } }),
    );
    await appClient.send(new GlobalSignOutCommand({ AccessToken: again.AuthenticationResult!.AccessToken }));
    expect((await cognitoError(appClient.send(new GetUserCommand({ AccessToken: again.AuthenticationResult!.AccessToken })))).name).toBe('NotAuthorizedException');
    const third = await appClient.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: 'ben-password1', SECRET_HASH: secretHash } }),
    );
    await signedClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: auth.UserPoolId, Username: email }));
    expect(await cognitoError(appClient.send(new GetUserCommand({ AccessToken: third.AuthenticationResult!.AccessToken })))).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('refuses wrong passwords, forged tokens, unknown clients, missing secret hashes and flows a client does not allow', async () => {
    const email = 'cleo@example.com';
    await signUpConfirmed(email, 'cleo-password1');
    const secretHash = crypto.createHmac('sha256', auth.NativeClientSecret).update(email + auth.NativeClientId).digest('base64');
    const initiate = (clientId: string, parameters: Record<string, string>) =>
      appClient.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: parameters }));
    expect(await cognitoError(initiate(auth.NativeClientId, { USERNAME: email, PASSWORD: 'nope-nope1', SECRET_HASH: secretHash }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await cognitoError(initiate(auth.NativeClientId, { USERNAME: email, PASSWORD: 'cleo-password1' }))).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${auth.NativeClientId} is configured with secret but SECRET_HASH was not received`,
    });
    expect(await cognitoError(initiate('nosuchclient0000000000000', { USERNAME: email, PASSWORD: 'cleo-password1' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient0000000000000 does not exist.',
    });
    expect(await cognitoError(initiate(auth.WebClientId, { USERNAME: email, PASSWORD: 'cleo-password1' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    expect(await cognitoError(initiate(auth.NativeClientId, { USERNAME: 'nobody@example.com', PASSWORD: 'x', SECRET_HASH: 'x' }))).toMatchObject({ name: 'UserNotFoundException' });

    const { AuthenticationResult } = await initiate(auth.NativeClientId, { USERNAME: email, PASSWORD: 'cleo-password1', SECRET_HASH: secretHash });
    const [header, payload, signature] = AuthenticationResult!.AccessToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, username: 'someone-else' })).toString('base64url')}.${signature}`;
    expect(await cognitoError(appClient.send(new GetUserCommand({ AccessToken: forged })))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    // Signed by a key of our own: the pool's JWKS does not know it.
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const selfSigned = `${header}.${payload}.${crypto.sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`;
    expect(await cognitoError(appClient.send(new GetUserCommand({ AccessToken: selfSigned })))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect(await verifiedWithJwks(selfSigned)).toBe(false);
  });

  it('enforces the password policy and refuses taken addresses and sign-ups without the required attributes', async () => {
    const signUp = (username: string, password: string, attributes = [{ Name: 'email', Value: username }]) =>
      appClient.send(new SignUpCommand({ ClientId: auth.WebClientId, Username: username, Password: password, UserAttributes: attributes }));
    expect(await cognitoError(signUp('dan@example.com', 'short1'))).toEqual({ name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    expect(await cognitoError(signUp('dan@example.com', 'no-numbers-here'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have numeric characters',
    });
    expect(await cognitoError(signUp('not-an-email', 'long-enough1'))).toEqual({ name: 'InvalidParameterException', message: 'Username should be an email.' });
    await signUp('dan@example.com', 'long-enough1');
    expect(await cognitoError(signUp('DAN@example.com', 'long-enough1'))).toEqual({ name: 'UsernameExistsException', message: 'An account with the given email already exists.' });
    expect((await cognitoError(signUp('eve@example.com', 'long-enough1', [{ Name: 'shoe_size', Value: '9' }]))).name).toBe('InvalidParameterException');
    await appClient.send(new ResendConfirmationCodeCommand({ ClientId: auth.WebClientId, Username: 'dan@example.com' }));
    expect(readMessages(cloud.dataDir).filter((entry) => entry.destination === 'dan@example.com').map((entry) => entry.kind)).toEqual(['SignUp', 'ResendCode']);
  });

  it('resets a forgotten password with the recorded code, and changes a password with the old one', async () => {
    const email = 'fay@example.com';
    await signUpConfirmed(email, 'fay-password1');
    const forgot = await appClient.send(new ForgotPasswordCommand({ ClientId: auth.WebClientId, Username: email }));
    expect(forgot.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const message = readMessages(cloud.dataDir).pop()!;
    expect(message).toMatchObject({ kind: 'ForgotPassword', destination: email });
    await appClient.send(new ConfirmForgotPasswordCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: message.code, Password: 'fay-new-password2' }));
    expect((await cognitoError(appClient.send(new ConfirmForgotPasswordCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: message.code, Password: 'x-password3' })))).name).toBe(
      'CodeMismatchException',
    );
    configureAmplify();
    await signIn({ username: email, password: 'fay-new-password2' });
    const session = await fetchAuthSession();
    await appClient.send(new ChangePasswordCommand({ AccessToken: session.tokens!.accessToken.toString(), PreviousPassword: 'fay-new-password2', ProposedPassword: 'fay-third-password3' }));
    expect(
      (await cognitoError(appClient.send(new ChangePasswordCommand({ AccessToken: session.tokens!.accessToken.toString(), PreviousPassword: 'wrong-one1', ProposedPassword: 'fay-fourth-4' })))).name,
    ).toBe('NotAuthorizedException');
    await signOut();
    await signIn({ username: email, password: 'fay-third-password3' });
    await signOut();
  });

  it('creates users as an administrator: invitation with a temporary password, NEW_PASSWORD_REQUIRED, groups in the tokens', async () => {
    const email = 'gil@example.com';
    const created = await signedClient.send(new AdminCreateUserCommand({ UserPoolId: auth.UserPoolId, Username: email, UserAttributes: [{ Name: 'email', Value: email }] }));
    expect(created.User).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    const invitation = readMessages(cloud.dataDir).pop()!;
    expect(invitation).toMatchObject({ kind: 'AdminCreateUser', destination: email });
    await signedClient.send(new AdminAddUserToGroupCommand({ UserPoolId: auth.UserPoolId, Username: email, GroupName: 'admin' }));
    expect((await signedClient.send(new AdminListGroupsForUserCommand({ UserPoolId: auth.UserPoolId, Username: email }))).Groups!.map((group) => group.GroupName)).toEqual(['admin']);

    configureAmplify();
    const first = await signIn({ username: email, password: invitation.code });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const done = await confirmSignIn({ challengeResponse: 'gil-own-password1' });
    expect(done.isSignedIn).toBe(true);
    const session = await fetchAuthSession();
    const id = claimsOf(session.tokens!.idToken!.toString());
    expect(id['cognito:groups']).toEqual(['admin']);
    expect(id['cognito:preferred_role']).toBe(auth.AdminGroupRoleArn);
    await signOut();

    expect((await signedClient.send(new AdminGetUserCommand({ UserPoolId: auth.UserPoolId, Username: email }))).UserStatus).toBe('CONFIRMED');
    await signedClient.send(new AdminDeleteUserCommand({ UserPoolId: auth.UserPoolId, Username: email }));
    expect(await cognitoError(signedClient.send(new AdminGetUserCommand({ UserPoolId: auth.UserPoolId, Username: email })))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('confirms sign-ups and manages groups as an administrator, and refuses those calls unsigned', async () => {
    const email = 'hal@example.com';
    await appClient.send(new SignUpCommand({ ClientId: auth.WebClientId, Username: email, Password: 'hal-password1', UserAttributes: [{ Name: 'email', Value: email }] }));
    await signedClient.send(new AdminConfirmSignUpCommand({ UserPoolId: auth.UserPoolId, Username: email }));
    await signedClient.send(new CreateGroupCommand({ UserPoolId: auth.UserPoolId, GroupName: 'editors', Description: 'Edit things' }));
    expect(await cognitoError(signedClient.send(new CreateGroupCommand({ UserPoolId: auth.UserPoolId, GroupName: 'editors' })))).toMatchObject({ name: 'GroupExistsException' });
    expect((await signedClient.send(new ListGroupsCommand({ UserPoolId: auth.UserPoolId }))).Groups!.map((group) => group.GroupName)).toEqual(['admin', 'editors']);
    expect(await cognitoError(signedClient.send(new ListGroupsCommand({ UserPoolId: 'us-east-1_nosuchpoo' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nosuchpoo does not exist.',
    });
    // The same admin call without a signature: what a page or an app could send.
    const unsigned = await rawRequest(`${cloud.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminConfirmSignUp' },
      body: JSON.stringify({ UserPoolId: auth.UserPoolId, Username: email }),
    });
    expect(unsigned.status).toBe(400);
    expect(JSON.parse(unsigned.body)).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('describes the pools and clients the stack declared, with their settings', async () => {
    const { UserPool } = await signedClient.send(new DescribeUserPoolCommand({ UserPoolId: auth.UserPoolId }));
    expect(UserPool).toMatchObject({
      Id: auth.UserPoolId,
      Name: 'app-users',
      Arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${auth.UserPoolId}`,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OFF',
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireLowercase: true, RequireUppercase: false, RequireNumbers: true, RequireSymbols: false } },
    });
    expect(UserPool!.CreationDate).toBeInstanceOf(Date);
    const pools = await signedClient.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools!.map((pool) => pool.Name)).toEqual(expect.arrayContaining(['app-users', 'other']));
    const { UserPoolClient } = await signedClient.send(new DescribeUserPoolClientCommand({ UserPoolId: auth.UserPoolId, ClientId: auth.NativeClientId }));
    expect(UserPoolClient).toMatchObject({ ClientName: 'native', ClientSecret: auth.NativeClientSecret, ExplicitAuthFlows: expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH']) });
    const clients = await signedClient.send(new ListUserPoolClientsCommand({ UserPoolId: auth.UserPoolId }));
    expect(clients.UserPoolClients!.map((client) => client.ClientName).sort()).toEqual(['native', 'web']);
    expect((await cognitoError(signedClient.send(new DescribeUserPoolClientCommand({ UserPoolId: auth.UserPoolId, ClientId: auth.OtherClientId })))).name).toBe('ResourceNotFoundException');
  });

  it('answers browsers for the public operations (CORS) and refuses them the admin ones', async () => {
    const origin = 'http://localhost:3000';
    const preflight = await rawRequest(`${cloud.endpoint}/`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type,x-amz-target,x-amz-user-agent');
    const call = (target: string, body: object) =>
      rawRequest(`${cloud.endpoint}/`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
        body: JSON.stringify(body),
      });
    const signUp = await call('SignUp', { ClientId: auth.WebClientId, Username: 'ivy@example.com', Password: 'ivy-password1', UserAttributes: [{ Name: 'email', Value: 'ivy@example.com' }] });
    expect(signUp.status).toBe(200);
    expect(signUp.headers['access-control-allow-origin']).toBe(origin);
    const admin = await call('AdminConfirmSignUp', { UserPoolId: auth.UserPoolId, Username: 'ivy@example.com' });
    expect(admin.status).toBe(400);
    expect(JSON.parse(admin.body).__type).toBe('AccessDeniedException');
    const jwks = await rawRequest(`${cloud.endpoint}/${auth.UserPoolId}/.well-known/jwks.json`, { headers: { origin } });
    expect(jwks.status).toBe(200);
    expect(JSON.parse(jwks.body).keys[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
    expect((await rawRequest(`${cloud.endpoint}/us-east-1_nosuchpoo/.well-known/jwks.json`)).status).toBe(404);
  });
});

describe('account changes', () => {
  it('keeps a verified email until the new one is verified, disables and enables users, signs in as an administrator, filters users', async () => {
    const email = 'wes@example.com';
    await signUpConfirmed(email, 'wes-password1');
    const hash = (name: string) => crypto.createHmac('sha256', auth.NativeClientSecret).update(name + auth.NativeClientId).digest('base64');
    const signIn = (name: string) =>
      appClient.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: name, PASSWORD: 'wes-password1', SECRET_HASH: hash(name) } }));
    const { AccessToken } = (await signIn(email)).AuthenticationResult!;
    const attributesOf = async () => Object.fromEntries((await appClient.send(new GetUserCommand({ AccessToken }))).UserAttributes!.map((a) => [a.Name, a.Value]));

    const update = await appClient.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'wes.new@example.com' }] }));
    expect(update.CodeDeliveryDetailsList).toEqual([{ Destination: 'w***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect(await attributesOf()).toMatchObject({ email, email_verified: 'true' });
    const code = readMessages(cloud.dataDir).pop()!;
    expect(code).toMatchObject({ kind: 'UpdateUserAttribute', destination: 'wes.new@example.com' });
    await appClient.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: code.code }));
    expect(await attributesOf()).toMatchObject({ email: 'wes.new@example.com', email_verified: 'true' });

    await signedClient.send(new AdminDisableUserCommand({ UserPoolId: auth.UserPoolId, Username: 'wes.new@example.com' }));
    expect(await cognitoError(appClient.send(new GetUserCommand({ AccessToken })))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(await cognitoError(signIn('wes.new@example.com'))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    await signedClient.send(new AdminEnableUserCommand({ UserPoolId: auth.UserPoolId, Username: 'wes.new@example.com' }));
    const adminSignIn = await signedClient.send(
      new AdminInitiateAuthCommand({
        UserPoolId: auth.UserPoolId,
        ClientId: auth.NativeClientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'wes.new@example.com', PASSWORD: 'wes-password1', SECRET_HASH: hash('wes.new@example.com') },
      }),
    );
    expect(await verifiedWithJwks(adminSignIn.AuthenticationResult!.IdToken!)).toBe(true);

    const listed = await signedClient.send(new ListUsersCommand({ UserPoolId: auth.UserPoolId, Filter: 'email = "wes.new@example.com"' }));
    expect(listed.Users!.map((user) => user.Username)).toEqual([claimsOf(adminSignIn.AuthenticationResult!.IdToken!).sub]);
    expect((await signedClient.send(new ListUsersCommand({ UserPoolId: auth.UserPoolId, Filter: 'email ^= "wes."' }))).Users).toHaveLength(1);
    expect((await cognitoError(signedClient.send(new ListUsersCommand({ UserPoolId: auth.UserPoolId, Filter: 'email contains wes' })))).name).toBe('InvalidParameterException');
  });

  it('makes a user reset a password an administrator reset, and deletes a user who asks', async () => {
    const email = 'xia@example.com';
    await signUpConfirmed(email, 'xia-password1');
    await signedClient.send(new AdminResetUserPasswordCommand({ UserPoolId: auth.UserPoolId, Username: email }));
    const hash = crypto.createHmac('sha256', auth.NativeClientSecret).update(email + auth.NativeClientId).digest('base64');
    const signIn = (password: string) =>
      appClient.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: password, SECRET_HASH: hash } }));
    expect(await cognitoError(signIn('xia-password1'))).toEqual({ name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
    const reset = readMessages(cloud.dataDir).pop()!;
    expect(reset).toMatchObject({ kind: 'ForgotPassword', destination: email });
    await appClient.send(new ConfirmForgotPasswordCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: reset.code, Password: 'xia-password2' }));
    const { AccessToken } = (await signIn('xia-password2')).AuthenticationResult!;
    await appClient.send(new DeleteUserCommand({ AccessToken }));
    expect((await cognitoError(signedClient.send(new AdminGetUserCommand({ UserPoolId: auth.UserPoolId, Username: email })))).name).toBe('UserNotFoundException');
  });
});

describe('user pools through stack updates and deletion', () => {
  it('applies changed settings on update, keeping ids and users, and removes pools, clients and identity pools with the stack', async () => {
    const outputs = await deployAuthStack(cloud, 'changing-auth');
    const signUp = (email: string, password: string) =>
      appClient.send(new SignUpCommand({ ClientId: outputs.WebClientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }));
    await signUp('ora@example.com', 'eight-ch1');
    const stricter = authTemplate({ userPool: { Policies: { PasswordPolicy: { MinimumLength: 12, RequireNumbers: true } } } });
    await cloud.cfn.send(new UpdateStackCommand({ StackName: 'changing-auth', TemplateBody: stricter, Capabilities: ['CAPABILITY_IAM'] }));
    expect((await cloud.waitForStack('changing-auth')).StackStatus).toBe('UPDATE_COMPLETE');
    expect(await cognitoError(signUp('pam@example.com', 'eight-ch1'))).toEqual({ name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    await signUp('pam@example.com', 'twelve-chars-1');
    expect((await cognitoError(signUp('ora@example.com', 'twelve-chars-1'))).name).toBe('UsernameExistsException');

    const stackId = (await cloud.waitForStack('changing-auth')).StackId!;
    await cloud.cfn.send(new DeleteStackCommand({ StackName: 'changing-auth' }));
    expect((await cloud.waitForStack(stackId)).StackStatus).toBe('DELETE_COMPLETE');
    expect(await cognitoError(signUp('quin@example.com', 'twelve-chars-1'))).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool client ${outputs.WebClientId} does not exist.`,
    });
    expect(await cognitoError(signedClient.send(new ListGroupsCommand({ UserPoolId: outputs.UserPoolId })))).toMatchObject({ name: 'ResourceNotFoundException' });
    const identities = new CognitoIdentityClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'none', secretAccessKey: 'none' } });
    await expect(identities.send(new GetIdCommand({ IdentityPoolId: outputs.IdentityPoolId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    identities.destroy();
  });
});
