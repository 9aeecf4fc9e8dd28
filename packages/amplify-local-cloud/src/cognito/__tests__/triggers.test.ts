import * as crypto from 'crypto';
import {
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { readMessages } from '../message-log';
import { deployAuthStack, type AuthOutputs } from './helpers/auth-stack';

const cloud = useCfnTestCloud();
let auth: AuthOutputs;
let app: CognitoIdentityProviderClient;
let admin: CognitoIdentityProviderClient;

const fn = (code: string) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 10, Role: 'arn:aws:iam::123456789012:role/triggers', Code: { ZipFile: code } },
});

const PRE_SIGN_UP = `exports.handler = async (event) => {
  const email = event.request.userAttributes.email;
  if (email.endsWith('@blocked.test')) throw new Error('Blocked domain');
  if (email.endsWith('@auto.test')) {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};`;

// Amplify's add-to-group trigger does this: an admin call signed with the function's own credentials.
const POST_CONFIRMATION = `const { CognitoIdentityProviderClient, AdminAddUserToGroupCommand } = require('@aws-sdk/client-cognito-identity-provider');
exports.handler = async (event) => {
  const client = new CognitoIdentityProviderClient({});
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: 'admin' }));
  return event;
};`;

const PRE_TOKEN = `exports.handler = (event, context, callback) => {
  event.response.claimsOverrideDetails = { claimsToAddOrOverride: { tier: 'gold', source: event.triggerSource }, claimsToSuppress: ['email_verified'] };
  callback(null, event);
};`;

const CUSTOM_MESSAGE = `exports.handler = async (event) => {
  if (event.triggerSource === 'CustomMessage_SignUp') {
    event.response.emailSubject = 'Welcome aboard';
    event.response.emailMessage = 'Hello ' + event.request.userAttributes.email + ', your code is ' + event.request.codeParameter;
  }
  return event;
};`;

beforeAll(async () => {
  auth = await deployAuthStack(cloud, 'triggered-auth', {
    resources: { PreSignUpFn: fn(PRE_SIGN_UP), PostConfirmationFn: fn(POST_CONFIRMATION), PreTokenFn: fn(PRE_TOKEN), CustomMessageFn: fn(CUSTOM_MESSAGE) },
    userPool: {
      LambdaConfig: {
        PreSignUp: { 'Fn::GetAtt': ['PreSignUpFn', 'Arn'] },
        PostConfirmation: { 'Fn::GetAtt': ['PostConfirmationFn', 'Arn'] },
        PreTokenGeneration: { 'Fn::GetAtt': ['PreTokenFn', 'Arn'] },
        CustomMessage: { 'Fn::GetAtt': ['CustomMessageFn', 'Arn'] },
      },
    },
  });
  app = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'none', secretAccessKey: 'none' } });
  admin = new CognitoIdentityProviderClient(cloud.config);
});
afterAll(() => {
  app.destroy();
  admin.destroy();
});

const signUp = (email: string) => app.send(new SignUpCommand({ ClientId: auth.WebClientId, Username: email, Password: 'trigger-pass1', UserAttributes: [{ Name: 'email', Value: email }] }));

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Lambda triggers declared on the user pool', () => {
  it('runs PreSignUp (auto-confirming and verifying) and PreTokenGeneration (claims added and suppressed)', async () => {
    const email = 'olga@auto.test';
    const result = await signUp(email);
    expect(result.UserConfirmed).toBe(true);
    expect(readMessages(cloud.dataDir).filter((message) => message.destination === email)).toEqual([]);
    const secretHash = crypto.createHmac('sha256', auth.NativeClientSecret).update(email + auth.NativeClientId).digest('base64');
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: 'trigger-pass1', SECRET_HASH: secretHash } }),
    );
    const id = claimsOf(AuthenticationResult!.IdToken!);
    expect(id).toMatchObject({ tier: 'gold', source: 'TokenGeneration_Authentication', email });
    expect(id).not.toHaveProperty('email_verified');
  });

  it('runs CustomMessage for the confirmation code, and PostConfirmation on confirming (an admin call signed with the function credentials)', async () => {
    const email = 'pia@example.com';
    await signUp(email);
    const message = readMessages(cloud.dataDir).filter((entry) => entry.destination === email).pop()!;
    expect(message).toMatchObject({ kind: 'SignUp', subject: 'Welcome aboard', message: `Hello ${email}, your code is ${message.code}` });
    await app.send(new ConfirmSignUpCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: message.code }));
    const groups = await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: auth.UserPoolId, Username: email }));
    expect(groups.Groups!.map((group) => group.GroupName)).toEqual(['admin']);
  });

  it('refuses the sign-up a PreSignUp function fails, with its message', async () => {
    let error: unknown;
    try {
      await signUp('quinn@blocked.test');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CognitoIdentityProviderServiceException);
    expect(error).toMatchObject({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Blocked domain.' });
  });
});
