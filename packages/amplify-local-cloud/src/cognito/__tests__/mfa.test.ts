import * as crypto from 'crypto';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchMFAPreference, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth';
import { ConsoleLogger } from 'aws-amplify/utils';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { deployAuthStack, type AuthOutputs } from './helpers/auth-stack';

const cloud = useCfnTestCloud();
let optional: AuthOutputs;
let required: AuthOutputs;
let admin: CognitoIdentityProviderClient;

beforeAll(async () => {
  optional = await deployAuthStack(cloud, 'mfa-optional', { userPool: { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] } });
  required = await deployAuthStack(cloud, 'mfa-required', { userPool: { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] } });
  admin = new CognitoIdentityProviderClient(cloud.config);
  ConsoleLogger.LOG_LEVEL = 'ERROR';
});
afterAll(() => admin.destroy());

/** What an authenticator app shows for a base32 secret (RFC 6238), computed here independently of the server. */
function authenticatorCode(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret].map((character) => alphabet.indexOf(character).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const digest = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = digest[19] & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function confirmedUser(outputs: AuthOutputs, email: string): Promise<void> {
  await admin.send(new AdminCreateUserCommand({ UserPoolId: outputs.UserPoolId, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }] }));
  await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: outputs.UserPoolId, Username: email, Password: 'mfa-password1', Permanent: true }));
}

function configure(outputs: AuthOutputs): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: outputs.UserPoolId, userPoolClientId: outputs.WebClientId, userPoolEndpoint: cloud.endpoint } } });
}

describe('MFA with an authenticator app (aws-amplify 6)', () => {
  it('lets a user of an OPTIONAL pool turn it on, then asks for the code at sign-in and refuses a wrong one', async () => {
    configure(optional);
    await confirmedUser(optional, 'zed@example.com');
    expect((await signIn({ username: 'zed@example.com', password: 'mfa-password1' })).isSignedIn).toBe(true);
    const { sharedSecret } = await setUpTOTP();
    await expect(verifyTOTPSetup({ code: authenticatorCode(sharedSecret, Date.now() + 5 * 60 * 1000) })).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    await verifyTOTPSetup({ code: authenticatorCode(sharedSecret) });
    await updateMFAPreference({ totp: 'PREFERRED' });
    expect(await fetchMFAPreference()).toMatchObject({ enabled: ['TOTP'], preferred: 'TOTP' });
    await signOut();

    const first = await signIn({ username: 'zed@example.com', password: 'mfa-password1' });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    await expect(confirmSignIn({ challengeResponse: authenticatorCode(sharedSecret, Date.now() - 5 * 60 * 1000) })).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect((await confirmSignIn({ challengeResponse: authenticatorCode(sharedSecret) })).isSignedIn).toBe(true);
    await signOut();
  });

  it('makes a user of an ON pool set up the app during the first sign-in', async () => {
    configure(required);
    await confirmedUser(required, 'amy@example.com');
    const first = await signIn({ username: 'amy@example.com', password: 'mfa-password1' });
    expect(first.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    const { sharedSecret } = (first.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails;
    expect((await confirmSignIn({ challengeResponse: authenticatorCode(sharedSecret) })).isSignedIn).toBe(true);
    await signOut();
    expect((await signIn({ username: 'amy@example.com', password: 'mfa-password1' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  });
});
