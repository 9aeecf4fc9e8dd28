import * as crypto from 'crypto';
import { LOCAL_ACCOUNT_ID } from '../contracts';
import { constantTimeEqual } from '../server/credential-store';
import { CognitoError, invalidParameter, notAuthorized } from './cognito-error';
import { newSigningKey, signJwt, unverifiedClaims, verifyJwt, type Claims } from './jwt';
import type { SentMessage } from './message-log';
import { checkPasswordPolicy, hashPassword, newCode, passwordMatches, temporaryPassword } from './passwords';
import { createVerifier, isValidClientValue, startServerSession, verifyPasswordClaim, type SrpServerSession } from './srp';
import { newTotpSecret, totpMatches } from './totp';
import { runTrigger, type FunctionInvoker, type TriggerContext } from './triggers';
import { attributeList, maskedDestination, readAttributes, requireAttributes } from './user-attributes';
import { clientSettings, userPoolSettings, type ClientSettings, type UserPoolSettings } from './user-pool-settings';
import { attributeMap, groupType, optionalString, readable, requiredString, userFilter, userType } from './user-pool-shapes';
import type { ClientRecord, GroupRecord, PoolRecord, UserPoolStore, UserRecord } from './user-pool-store';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const CODE_LIFETIME_MS = 24 * 3600 * 1000;
const FORGOT_CODE_LIFETIME_MS = 3600 * 1000;
/** How long a sign-in may sit between its steps (SRP's B and b, a NEW_PASSWORD_REQUIRED session): AWS allows 3 minutes. */
const CHALLENGE_LIFETIME_MS = 3 * 60 * 1000;
const INCORRECT = 'Incorrect username or password.';
const INVALID_SESSION = 'Invalid session for the user, session is expired.';
const MAX_FAILED_ATTEMPTS = 5;

interface PoolContext {
  pool: PoolRecord;
  settings: UserPoolSettings;
}

interface ClientContext extends PoolContext {
  client: ClientRecord;
  clientSettings: ClientSettings;
}

/** A sign-in between two of its steps: which step it waits for, and what that step needs. */
type PendingStep =
  | { step: 'password-verifier'; srp: SrpServerSession; clientValue: string }
  | { step: 'new-password' }
  | { step: 'software-token' }
  | { step: 'mfa-setup'; verified: boolean };

interface ChallengeIdentity {
  poolId: string;
  clientId: string;
  username: string;
}

type PendingChallenge = PendingStep & ChallengeIdentity & { expiresAt: number };

/** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of the pool's tokens, as clients derive it. */
export function issuerOf(pool: { poolId: string; region: string }): string {
  return `https://cognito-idp.${pool.region}.amazonaws.com/${pool.poolId}`;
}

/**
 * Cognito user pools: the pools, clients and groups CloudFormation declared, and the users who sign up to them.
 * Operations take the JSON input of the AWS API and answer its JSON output, or throw `CognitoError`s in AWS's words.
 */
export class UserPoolService {
  /** Sign-ins between their steps, by SECRET_BLOCK or Session: short-lived, so memory is where they belong. */
  private readonly challenges = new Map<string, PendingChallenge>();
  /** Consecutive wrong passwords by user, and when the lockout they earned ends (Cognito's: 1 s, doubling). */
  private readonly passwordFailures = new Map<string, { count: number; lockedUntil: number }>();
  /** Wrong guesses at each code: a code dies after five, so six digits cannot be tried through. */
  private readonly codeFailures = new Map<string, number>();

  constructor(
    private readonly store: UserPoolStore,
    private readonly functions: FunctionInvoker,
    /** Where messages AWS would send (codes, invitations) go instead. */
    private readonly sendMessage: (message: SentMessage) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ---- resources declared by stacks ----

  /** Creates the pool (with its signing key) or updates its settings; the key never changes. */
  async putUserPool(poolId: string, region: string, properties: Record<string, unknown>): Promise<void> {
    if (this.store.pool(poolId) === undefined) {
      const key = await newSigningKey();
      this.store.insertPool(poolId, region, properties, key, this.now().toISOString());
    } else {
      this.store.updatePool(poolId, properties, this.now().toISOString());
    }
  }

  deleteUserPool(poolId: string): void {
    this.store.deletePool(poolId);
  }

  putUserPoolClient(poolId: string, clientId: string, properties: Record<string, unknown>, secret: string | undefined): void {
    if (this.store.pool(poolId) === undefined) throw new Error(`User pool ${poolId} does not exist.`);
    this.store.putClient({ clientId, poolId, properties, secret });
  }

  deleteUserPoolClient(clientId: string): void {
    this.store.deleteClient(clientId);
  }

  putUserPoolGroup(poolId: string, groupName: string, properties: Record<string, unknown>): void {
    if (this.store.pool(poolId) === undefined) throw new Error(`User pool ${poolId} does not exist.`);
    const precedence = properties.Precedence === undefined ? undefined : Number(properties.Precedence);
    this.store.putGroup(
      { poolId, groupName, description: optionalString(properties.Description), precedence, roleArn: optionalString(properties.RoleArn) },
      this.now().toISOString(),
    );
  }

  deleteUserPoolGroup(poolId: string, groupName: string): void {
    this.store.deleteGroup(poolId, groupName);
  }

  /** The public keys of a pool, as `/<poolId>/.well-known/jwks.json` serves them; `undefined` for an unknown pool. */
  signingKey(poolId: string): PoolRecord['key'] | undefined {
    return this.store.pool(poolId)?.key;
  }

  /**
   * The claims of a valid id token of the pool (signature, expiry, `token_use`); why not otherwise. Identity pools
   * use it to check `Logins`.
   */
  verifyIdToken(poolId: string, token: string): { type: 'valid'; claims: Claims } | { type: 'invalid'; message: string } {
    const pool = this.store.pool(poolId);
    if (pool === undefined) return { type: 'invalid', message: `User pool ${poolId} does not exist.` };
    const checked = verifyJwt(token, (keyId) => (keyId === pool.key.keyId ? pool.key : undefined), this.now());
    if (checked.type === 'expired') return { type: 'invalid', message: 'Invalid login token. Token expired: the id token has expired.' };
    if (checked.type === 'invalid') return { type: 'invalid', message: `Invalid login token. ${checked.reason === 'bad signature' ? 'Signature verification failed.' : 'Not a valid OpenId Connect identity token.'}` };
    if (checked.claims.token_use !== 'id' || checked.claims.iss !== issuerOf(pool)) return { type: 'invalid', message: 'Invalid login token. Not a valid OpenId Connect identity token.' };
    return { type: 'valid', claims: checked.claims };
  }

  /**
   * The claims of a valid id or access token of the pool, as an API authorising by user pool checks it (AppSync,
   * API Gateway): signature, expiry, issuer, `token_use`, and for access tokens a session not revoked. Why not
   * otherwise, in words for an `UnauthorizedException`.
   */
  verifyToken(poolId: string, token: string): { type: 'valid'; claims: Claims } | { type: 'invalid' | 'expired'; message: string } {
    const pool = this.store.pool(poolId);
    if (pool === undefined) return { type: 'invalid', message: `User pool ${poolId} does not exist.` };
    const checked = verifyJwt(token, (keyId) => (keyId === pool.key.keyId ? pool.key : undefined), this.now());
    if (checked.type === 'expired') return { type: 'expired', message: 'Token has expired.' };
    if (checked.type === 'invalid') return { type: 'invalid', message: 'Valid authorization header not provided.' };
    const { claims } = checked;
    if (claims.iss !== issuerOf(pool) || (claims.token_use !== 'id' && claims.token_use !== 'access')) return { type: 'invalid', message: 'Valid authorization header not provided.' };
    if (claims.token_use === 'access' && this.store.session(String(claims.origin_jti ?? ''))?.revoked !== false) return { type: 'invalid', message: 'Token has been revoked.' };
    return { type: 'valid', claims };
  }

  /** Whether the client belongs to the pool. */
  isClientOf(poolId: string, clientId: string): boolean {
    return this.store.client(clientId)?.poolId === poolId;
  }

  // ---- public (unsigned) operations ----

  async signUp(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const { pool, settings } = context;
    if (settings.adminCreateUserOnly) throw notAuthorized('SignUp is not permitted for this user pool');
    const givenName = requiredString(input, 'Username');
    const password = requiredString(input, 'Password');
    this.checkSecretHash(context, givenName, input.SecretHash);
    const attributes = readAttributes(input.UserAttributes, settings);
    const identity = this.newIdentity(context, givenName, attributes);
    requireAttributes(attributes, settings);
    checkPasswordPolicy(password, settings.passwordPolicy);
    const trigger = this.triggerContext(context, identity.username);
    const decided = await runTrigger(
      this.functions,
      'PreSignUp',
      trigger,
      'PreSignUp_SignUp',
      { userAttributes: attributes, validationData: attributeMap(input.ValidationData), clientMetadata: input.ClientMetadata ?? {} },
      { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    );
    if (decided?.autoVerifyEmail === true && attributes.email) attributes.email_verified = 'true';
    if (decided?.autoVerifyPhone === true && attributes.phone_number) attributes.phone_number_verified = 'true';
    const user = this.newUser(pool, identity, attributes, password, decided?.autoConfirmUser === true ? 'CONFIRMED' : 'UNCONFIRMED');
    this.store.putUser(user);
    const result: Output = { UserConfirmed: user.status === 'CONFIRMED', UserSub: user.sub };
    if (user.status === 'UNCONFIRMED') {
      const delivery = await this.sendCode(context, user, 'signup', 'SignUp', CODE_LIFETIME_MS);
      if (delivery !== undefined) result.CodeDeliveryDetails = delivery;
    }
    return result;
  }

  async confirmSignUp(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.checkSecretHash(context, String(input.Username), input.SecretHash);
    if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    this.checkCode(context.pool.poolId, user, 'signup', requiredString(input, 'ConfirmationCode'));
    await this.confirm(context, user, input.ClientMetadata);
    return {};
  }

  async resendConfirmationCode(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.checkSecretHash(context, String(input.Username), input.SecretHash);
    if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
    const delivery = await this.sendCode(context, user, 'signup', 'ResendCode', CODE_LIFETIME_MS);
    if (delivery === undefined) throw invalidParameter('Cannot resend codes. Auto verification not turned on.');
    return { CodeDeliveryDetails: delivery };
  }

  async initiateAuth(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const flow = requiredString(input, 'AuthFlow');
    const parameters = attributeMap(input.AuthParameters);
    switch (flow) {
      case 'USER_SRP_AUTH': {
        this.requireFlow(context, flow, 'ALLOW_USER_SRP_AUTH');
        const name = parameters.USERNAME;
        if (!name) throw invalidParameter('Missing required parameter USERNAME');
        const clientValue = parameters.SRP_A;
        if (!clientValue) throw invalidParameter('Missing required parameter SRP_A');
        if (!isValidClientValue(clientValue)) throw invalidParameter('SRP_A is not a valid number.');
        const user = this.requireUser(context, name);
        this.checkSecretHash(context, name, parameters.SECRET_HASH);
        const srp = startServerSession(user.srpVerifier);
        const secretBlock = crypto.randomBytes(64).toString('base64');
        this.rememberChallenge(secretBlock, { step: 'password-verifier', poolId: context.pool.poolId, clientId: context.client.clientId, username: user.username, srp, clientValue });
        return {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: { SALT: user.srpSalt, SECRET_BLOCK: secretBlock, SRP_B: srp.publicValue, USERNAME: user.username, USER_ID_FOR_SRP: user.username },
        };
      }
      case 'USER_PASSWORD_AUTH': {
        this.requireFlow(context, flow, 'ALLOW_USER_PASSWORD_AUTH');
        const name = parameters.USERNAME;
        if (!name) throw invalidParameter('Missing required parameter USERNAME');
        const user = this.requireUser(context, name);
        this.checkSecretHash(context, name, parameters.SECRET_HASH);
        this.checkPassword(user, passwordMatches(parameters.PASSWORD ?? '', user.passwordHash));
        return this.passwordVerified(context, user, input.ClientMetadata);
      }
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN': {
        const token = parameters.REFRESH_TOKEN;
        if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
        const checkSecret = (username: string) => this.checkSecretHash(context, username, parameters.SECRET_HASH);
        return { ChallengeParameters: {}, AuthenticationResult: await this.refresh(context, token, checkSecret, input.ClientMetadata) };
      }
      default:
        throw invalidParameter(`Unsupported authentication flow ${flow}: the local cloud serves USER_SRP_AUTH, USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH.`);
    }
  }

  async respondToAuthChallenge(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const name = requiredString(input, 'ChallengeName');
    const responses = attributeMap(input.ChallengeResponses);
    switch (name) {
      case 'PASSWORD_VERIFIER': {
        const secretBlock = responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '';
        const pending = this.takeChallenge(secretBlock, context);
        if (pending?.step !== 'password-verifier') throw notAuthorized(INCORRECT);
        const user = this.store.user(context.pool.poolId, pending.username);
        if (user === undefined) throw notAuthorized(INCORRECT);
        this.checkSecretHash(context, responses.USERNAME ?? user.username, responses.SECRET_HASH);
        const proven = verifyPasswordClaim({
          poolName: context.pool.poolId.split('_')[1] ?? '',
          userId: user.username,
          verifier: user.srpVerifier,
          clientValue: pending.clientValue,
          session: pending.srp,
          secretBlock,
          timestamp: responses.TIMESTAMP ?? '',
          signature: responses.PASSWORD_CLAIM_SIGNATURE ?? '',
        });
        this.checkPassword(user, proven);
        return this.passwordVerified(context, user, input.ClientMetadata);
      }
      case 'NEW_PASSWORD_REQUIRED': {
        const pending = this.takeChallenge(String(input.Session ?? ''), context);
        if (pending?.step !== 'new-password') throw notAuthorized(INVALID_SESSION);
        const user = this.store.user(context.pool.poolId, pending.username);
        if (user === undefined) throw notAuthorized(INVALID_SESSION);
        const password = responses.NEW_PASSWORD;
        if (!password) throw invalidParameter('Missing required parameter NEW_PASSWORD');
        checkPasswordPolicy(password, context.settings.passwordPolicy);
        const attributes = { ...user.attributes };
        for (const [key, value] of Object.entries(responses)) {
          if (key.startsWith('userAttributes.')) attributes[key.slice('userAttributes.'.length)] = value;
        }
        requireAttributes(attributes, context.settings);
        const updated = { ...this.withPassword(context.pool, user, password), attributes, status: 'CONFIRMED' as const, temporaryPasswordExpiresAt: undefined };
        this.store.putUser(updated);
        return { ChallengeParameters: {}, AuthenticationResult: await this.newSession(context, updated, 'TokenGeneration_NewPasswordChallenge', input.ClientMetadata) };
      }
      case 'SOFTWARE_TOKEN_MFA': {
        const session = String(input.Session ?? '');
        const pending = this.takeChallenge(session, context);
        const user = pending?.step === 'software-token' ? this.store.user(context.pool.poolId, pending.username) : undefined;
        if (pending === undefined || user?.mfa.totpSecret === undefined) throw notAuthorized(INVALID_SESSION);
        if (!totpMatches(user.mfa.totpSecret, responses.SOFTWARE_TOKEN_MFA_CODE ?? '', this.now())) {
          // The same session may try again, as long as it lives.
          this.challenges.set(session, pending);
          throw new CognitoError('CodeMismatchException', 'Invalid code received for user');
        }
        return this.signedIn(context, user, input.ClientMetadata);
      }
      case 'MFA_SETUP': {
        const pending = this.takeChallenge(String(input.Session ?? ''), context);
        const user = pending?.step === 'mfa-setup' && pending.verified ? this.store.user(context.pool.poolId, pending.username) : undefined;
        if (user === undefined) throw notAuthorized(INVALID_SESSION);
        const enabled = { ...user, mfa: { ...user.mfa, totpEnabled: true }, updatedAt: this.now().toISOString() };
        this.store.putUser(enabled);
        return this.signedIn(context, enabled, input.ClientMetadata);
      }
      default:
        throw invalidParameter(`Unsupported challenge ${name}: the local cloud answers PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA and MFA_SETUP.`);
    }
  }

  async getTokensFromRefreshToken(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const token = requiredString(input, 'RefreshToken');
    if (context.client.secret !== undefined && input.ClientSecret !== context.client.secret) {
      throw notAuthorized(`Unable to verify secret hash for client ${context.client.clientId}`);
    }
    return { AuthenticationResult: await this.refresh(context, token, () => undefined, input.ClientMetadata) };
  }

  getUser(input: Input): Output {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    const mfa = user.mfa.totpEnabled ? { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } : {};
    return { Username: user.username, UserAttributes: attributeList(readable(user.attributes, context.clientSettings)), ...mfa };
  }

  async updateUserAttributes(input: Input): Promise<Output> {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    const changes = readAttributes(input.UserAttributes, context.settings);
    const writable = context.clientSettings.writeAttributes;
    for (const name of Object.keys(changes)) {
      if (name.endsWith('_verified')) throw invalidParameter(`Cannot modify the attribute ${name}: only an administrator may set it.`);
      if (writable !== undefined && !writable.includes(name)) throw notAuthorized('A client attempted to write unauthorized attribute');
    }
    const attributes = { ...user.attributes, ...changes };
    const reverify = (['email', 'phone_number'] as const).filter((name) => name in changes && changes[name] !== user.attributes[name] && context.settings.autoVerifiedAttributes.includes(name));
    const pending: Partial<Record<'email' | 'phone_number', string>> = {};
    for (const name of reverify) {
      if (context.settings.verifyBeforeUpdate.includes(name) && user.attributes[`${name}_verified`] === 'true') {
        // The verified address stays in use until the new one is verified.
        pending[name] = changes[name];
        attributes[name] = user.attributes[name];
      } else {
        attributes[`${name}_verified`] = 'false';
      }
    }
    const updated = { ...user, attributes, updatedAt: this.now().toISOString() };
    this.store.putUser(updated);
    const deliveries: Output[] = [];
    for (const name of reverify) {
      const delivery = await this.sendCode(context, updated, `verify:${name}`, 'UpdateUserAttribute', CODE_LIFETIME_MS, name, pending[name]);
      if (delivery !== undefined) deliveries.push(delivery);
    }
    return deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries } : {};
  }

  async getUserAttributeVerificationCode(input: Input): Promise<Output> {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    const name = requiredString(input, 'AttributeName');
    if ((name !== 'email' && name !== 'phone_number') || !user.attributes[name]) throw invalidParameter(`The user has no ${name} to verify.`);
    const pending = this.store.code(context.pool.poolId, user.username, `verify:${name}`)?.pendingValue;
    return { CodeDeliveryDetails: await this.sendCode(context, user, `verify:${name}`, 'VerifyUserAttribute', CODE_LIFETIME_MS, name, pending) };
  }

  verifyUserAttribute(input: Input): Output {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    const name = requiredString(input, 'AttributeName');
    const verified = this.checkCode(context.pool.poolId, user, `verify:${name}`, requiredString(input, 'Code'));
    const value = verified.pendingValue ?? user.attributes[name];
    this.store.putUser({ ...user, attributes: { ...user.attributes, [name]: value, [`${name}_verified`]: 'true' }, updatedAt: this.now().toISOString() });
    return {};
  }

  /**
   * A new authenticator-app secret for the user: signed in (AccessToken), or in the MFA_SETUP step of a sign-in
   * (Session). It takes effect once VerifySoftwareToken proves the app has it.
   */
  associateSoftwareToken(input: Input): Output {
    const secret = newTotpSecret();
    if (typeof input.Session === 'string' && input.Session !== '') {
      const pending = this.peekChallenge(input.Session);
      const user = pending?.step === 'mfa-setup' ? this.store.user(pending.poolId, pending.username) : undefined;
      if (user === undefined) throw notAuthorized(INVALID_SESSION);
      this.store.putUser({ ...user, mfa: { ...user.mfa, pendingTotpSecret: secret }, updatedAt: this.now().toISOString() });
      return { SecretCode: secret, Session: input.Session };
    }
    const { user } = this.userOfAccessToken(input.AccessToken);
    this.store.putUser({ ...user, mfa: { ...user.mfa, pendingTotpSecret: secret }, updatedAt: this.now().toISOString() });
    return { SecretCode: secret };
  }

  verifySoftwareToken(input: Input): Output {
    const code = requiredString(input, 'UserCode');
    const session = typeof input.Session === 'string' && input.Session !== '' ? input.Session : undefined;
    const pending = session === undefined ? undefined : this.peekChallenge(session);
    let user: UserRecord | undefined;
    if (session !== undefined) {
      user = pending?.step === 'mfa-setup' ? this.store.user(pending.poolId, pending.username) : undefined;
      if (user === undefined) throw notAuthorized(INVALID_SESSION);
    } else {
      user = this.userOfAccessToken(input.AccessToken).user;
    }
    const secret = user.mfa.pendingTotpSecret;
    if (secret === undefined) throw invalidParameter('No software token is being set up for the user: call AssociateSoftwareToken first.');
    if (!totpMatches(secret, code, this.now())) throw new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch');
    this.store.putUser({ ...user, mfa: { ...user.mfa, pendingTotpSecret: undefined, totpSecret: secret }, updatedAt: this.now().toISOString() });
    if (session !== undefined && pending?.step === 'mfa-setup') {
      pending.verified = true;
      return { Status: 'SUCCESS', Session: session };
    }
    return { Status: 'SUCCESS' };
  }

  setUserMfaPreference(input: Input): Output {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    const software = (input.SoftwareTokenMfaSettings ?? {}) as { Enabled?: boolean };
    const sms = (input.SMSMfaSettings ?? {}) as { Enabled?: boolean };
    if (sms.Enabled === true) throw invalidParameter('SMS MFA is not emulated by the local cloud: use an authenticator app (software token).');
    if (software.Enabled === undefined) return {};
    if (software.Enabled && context.settings.mfa === 'OFF') throw invalidParameter('MFA is not enabled for this user pool (MfaConfiguration OFF).');
    if (software.Enabled && !context.settings.enabledMfas.includes('SOFTWARE_TOKEN_MFA')) throw invalidParameter('Software token MFA is not enabled for this user pool.');
    if (software.Enabled && user.mfa.totpSecret === undefined) throw invalidParameter('User has not verified software token mfa');
    this.store.putUser({ ...user, mfa: { ...user.mfa, totpEnabled: software.Enabled }, updatedAt: this.now().toISOString() });
    return {};
  }

  deleteUser(input: Input): Output {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    this.store.deleteUser(context.pool.poolId, user.username);
    return {};
  }

  async forgotPassword(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.checkSecretHash(context, String(input.Username), input.SecretHash);
    const verified = (['email', 'phone_number'] as const).find((name) => user.attributes[name] && user.attributes[`${name}_verified`] === 'true');
    if (verified === undefined) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
    const delivery = await this.sendCode(context, user, 'forgot', 'ForgotPassword', FORGOT_CODE_LIFETIME_MS, verified);
    return { CodeDeliveryDetails: delivery };
  }

  async confirmForgotPassword(input: Input): Promise<Output> {
    const context = this.clientContext(input.ClientId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.checkSecretHash(context, String(input.Username), input.SecretHash);
    const password = requiredString(input, 'Password');
    this.checkCode(context.pool.poolId, user, 'forgot', requiredString(input, 'ConfirmationCode'));
    checkPasswordPolicy(password, context.settings.passwordPolicy);
    const updated: UserRecord = { ...this.withPassword(context.pool, user, password), status: user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED' };
    this.store.putUser(updated);
    await runTrigger(this.functions, 'PostConfirmation', this.triggerContext(context, user.username), 'PostConfirmation_ConfirmForgotPassword', {
      userAttributes: updated.attributes,
      clientMetadata: input.ClientMetadata ?? {},
    });
    return {};
  }

  changePassword(input: Input): Output {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    const proposed = requiredString(input, 'ProposedPassword');
    this.checkPassword(user, passwordMatches(String(input.PreviousPassword ?? ''), user.passwordHash));
    checkPasswordPolicy(proposed, context.settings.passwordPolicy);
    this.store.putUser(this.withPassword(context.pool, user, proposed));
    return {};
  }

  revokeToken(input: Input): Output {
    const context = this.clientContext(input.ClientId);
    if (context.client.secret !== undefined && input.ClientSecret !== context.client.secret) throw notAuthorized(`Unable to verify secret hash for client ${context.client.clientId}`);
    const token = requiredString(input, 'Token');
    if (unverifiedClaims(token)?.token_use !== undefined) throw new CognitoError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
    const session = this.store.sessionByRefreshToken(hashToken(token));
    if (session !== undefined) {
      if (session.clientId !== context.client.clientId) throw notAuthorized('Invalid client id.');
      this.store.revokeSession(session.originJti);
    }
    return {};
  }

  globalSignOut(input: Input): Output {
    const { context, user } = this.userOfAccessToken(input.AccessToken);
    this.store.revokeSessionsOf(context.pool.poolId, user.username);
    return {};
  }

  // ---- administrative (signed) operations ----

  async adminCreateUser(input: Input): Promise<Output> {
    const context = this.poolContext(input.UserPoolId);
    const { pool, settings } = context;
    const givenName = requiredString(input, 'Username');
    const attributes = readAttributes(input.UserAttributes, settings);
    const action = input.MessageAction;
    if (action === 'RESEND') {
      const existing = this.findUser(context, givenName);
      if (existing === undefined) throw new CognitoError('UserNotFoundException', 'User does not exist.');
      if (existing.status !== 'FORCE_CHANGE_PASSWORD') throw new CognitoError('UnsupportedUserStateException', 'Resend not possible. User status is not FORCE_CHANGE_PASSWORD.');
      const password = temporaryPassword(settings.passwordPolicy);
      const updated = this.temporaryUser(context, existing, password);
      this.store.putUser(updated);
      await this.sendInvite(context, updated, password);
      return { User: userType(updated) };
    }
    if (action !== undefined && action !== 'SUPPRESS') throw invalidParameter(`MessageAction must be RESEND or SUPPRESS, not ${String(action)}.`);
    const identity = this.newIdentity(context, givenName, attributes);
    requireAttributes(attributes, settings);
    const password = typeof input.TemporaryPassword === 'string' ? input.TemporaryPassword : temporaryPassword(settings.passwordPolicy);
    checkPasswordPolicy(password, settings.passwordPolicy);
    await runTrigger(this.functions, 'PreSignUp', this.triggerContext(context, identity.username), 'PreSignUp_AdminCreateUser', {
      userAttributes: attributes,
      validationData: attributeMap(input.ValidationData),
      clientMetadata: input.ClientMetadata ?? {},
    }, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    const user = this.temporaryUser(context, this.newUser(pool, identity, attributes, password, 'FORCE_CHANGE_PASSWORD'), password);
    this.store.putUser(user);
    if (action !== 'SUPPRESS') await this.sendInvite(context, user, password);
    return { User: userType(user) };
  }

  async adminConfirmSignUp(input: Input): Promise<Output> {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    await this.confirm(context, user, input.ClientMetadata);
    return {};
  }

  adminGetUser(input: Input): Output {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    const { Attributes, ...rest } = userType(user);
    return { ...rest, UserAttributes: Attributes };
  }

  adminDeleteUser(input: Input): Output {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.store.deleteUser(context.pool.poolId, user.username);
    return {};
  }

  adminSetUserPassword(input: Input): Output {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    const password = requiredString(input, 'Password');
    checkPasswordPolicy(password, context.settings.passwordPolicy);
    const updated = input.Permanent === true ? { ...this.withPassword(context.pool, user, password), status: 'CONFIRMED' as const } : this.temporaryUser(context, user, password);
    this.store.putUser(updated);
    return {};
  }

  async adminInitiateAuth(input: Input): Promise<Output> {
    const context = this.adminClientContext(input);
    const flow = requiredString(input, 'AuthFlow');
    const parameters = attributeMap(input.AuthParameters);
    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') return this.initiateAuth(input);
    if (flow !== 'ADMIN_USER_PASSWORD_AUTH' && flow !== 'ADMIN_NO_SRP_AUTH') {
      throw invalidParameter(`Unsupported authentication flow ${flow}: the local cloud serves ADMIN_USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH here.`);
    }
    this.requireFlow(context, flow, 'ALLOW_ADMIN_USER_PASSWORD_AUTH');
    const name = parameters.USERNAME;
    if (!name) throw invalidParameter('Missing required parameter USERNAME');
    const user = this.requireUser(context, name);
    this.checkSecretHash(context, name, parameters.SECRET_HASH);
    this.checkPassword(user, passwordMatches(parameters.PASSWORD ?? '', user.passwordHash));
    return this.passwordVerified(context, user, input.ClientMetadata);
  }

  adminRespondToAuthChallenge(input: Input): Promise<Output> {
    this.adminClientContext(input);
    return this.respondToAuthChallenge(input);
  }

  adminUserGlobalSignOut(input: Input): Output {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.store.revokeSessionsOf(context.pool.poolId, user.username);
    return {};
  }

  adminDisableUser(input: Input): Output {
    return this.adminUpdateUser(input, (user) => ({ ...user, enabled: false }));
  }

  adminEnableUser(input: Input): Output {
    return this.adminUpdateUser(input, (user) => ({ ...user, enabled: true }));
  }

  adminUpdateUserAttributes(input: Input): Output {
    const { settings } = this.poolContext(input.UserPoolId);
    const changes = readAttributes(input.UserAttributes, settings);
    return this.adminUpdateUser(input, (user) => ({ ...user, attributes: { ...user.attributes, ...changes } }));
  }

  async adminResetUserPassword(input: Input): Promise<Output> {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    const verified = (['email', 'phone_number'] as const).find((name) => user.attributes[name] && user.attributes[`${name}_verified`] === 'true');
    if (verified === undefined) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
    const reset: UserRecord = { ...user, status: 'RESET_REQUIRED', updatedAt: this.now().toISOString() };
    this.store.putUser(reset);
    this.store.revokeSessionsOf(context.pool.poolId, user.username);
    await this.sendCode(context, reset, 'forgot', 'ForgotPassword', FORGOT_CODE_LIFETIME_MS, verified);
    return {};
  }

  adminAddUserToGroup(input: Input): Output {
    const { poolId, username, groupName } = this.membership(input);
    this.store.addToGroup(poolId, username, groupName);
    return {};
  }

  adminRemoveUserFromGroup(input: Input): Output {
    const { poolId, username, groupName } = this.membership(input);
    this.store.removeFromGroup(poolId, username, groupName);
    return {};
  }

  adminListGroupsForUser(input: Input): Output {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    return { Groups: this.store.groupsOfUser(context.pool.poolId, user.username).map(groupType) };
  }

  createGroup(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    const groupName = requiredString(input, 'GroupName');
    if (this.store.group(pool.poolId, groupName) !== undefined) throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
    this.putUserPoolGroup(pool.poolId, groupName, input);
    return { Group: groupType(this.store.group(pool.poolId, groupName) as GroupRecord) };
  }

  getGroup(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    return { Group: groupType(this.requireGroup(pool.poolId, requiredString(input, 'GroupName'))) };
  }

  deleteGroup(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    this.store.deleteGroup(pool.poolId, this.requireGroup(pool.poolId, requiredString(input, 'GroupName')).groupName);
    return {};
  }

  listGroups(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    return { Groups: this.store.groups(pool.poolId).map(groupType) };
  }

  listUsersInGroup(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    const group = this.requireGroup(pool.poolId, requiredString(input, 'GroupName'));
    return { Users: this.store.usersInGroup(pool.poolId, group.groupName).map(userType) };
  }

  listUsers(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    const matches = userFilter(input.Filter);
    return { Users: this.store.users(pool.poolId).filter(matches).map(userType) };
  }

  describeUserPool(input: Input): Output {
    const { pool, settings } = this.poolContext(input.UserPoolId);
    const { UserPoolName: _name, Policies, Schema, ...declared } = pool.properties;
    return {
      UserPool: {
        ...declared,
        Id: pool.poolId,
        Name: settings.name,
        Arn: `arn:aws:cognito-idp:${pool.region}:${LOCAL_ACCOUNT_ID}:userpool/${pool.poolId}`,
        Policies: {
          PasswordPolicy: {
            MinimumLength: settings.passwordPolicy.minimumLength,
            RequireLowercase: settings.passwordPolicy.requireLowercase,
            RequireUppercase: settings.passwordPolicy.requireUppercase,
            RequireNumbers: settings.passwordPolicy.requireNumbers,
            RequireSymbols: settings.passwordPolicy.requireSymbols,
            TemporaryPasswordValidityDays: settings.passwordPolicy.temporaryPasswordValidityDays,
          },
        },
        SchemaAttributes: Array.isArray(Schema) ? Schema : [],
        MfaConfiguration: settings.mfa,
        EstimatedNumberOfUsers: this.store.users(pool.poolId).length,
        CreationDate: Date.parse(pool.createdAt) / 1000,
        LastModifiedDate: Date.parse(pool.updatedAt) / 1000,
      },
    };
  }

  listUserPools(input: Input): Output {
    if (typeof input.MaxResults !== 'number' || input.MaxResults < 1 || input.MaxResults > 60) {
      throw invalidParameter("1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 60");
    }
    const pools = this.store.pools().slice(0, input.MaxResults);
    return {
      UserPools: pools.map((pool) => ({
        Id: pool.poolId,
        Name: userPoolSettings(pool.properties, pool.poolId).name,
        LambdaConfig: pool.properties.LambdaConfig ?? {},
        CreationDate: Date.parse(pool.createdAt) / 1000,
        LastModifiedDate: Date.parse(pool.updatedAt) / 1000,
      })),
    };
  }

  describeUserPoolClient(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    const client = this.store.client(requiredString(input, 'ClientId'));
    if (client === undefined || client.poolId !== pool.poolId) throw new CognitoError('ResourceNotFoundException', `User pool client ${String(input.ClientId)} does not exist.`);
    const { UserPoolId: _pool, GenerateSecret: _generate, ...declared } = client.properties;
    const settings = clientSettings(client.properties, client.clientId);
    return {
      UserPoolClient: {
        ...declared,
        UserPoolId: pool.poolId,
        ClientId: client.clientId,
        ClientName: settings.name,
        ExplicitAuthFlows: settings.explicitAuthFlows,
        ...(client.secret === undefined ? {} : { ClientSecret: client.secret }),
      },
    };
  }

  listUserPoolClients(input: Input): Output {
    const { pool } = this.poolContext(input.UserPoolId);
    return {
      UserPoolClients: this.store.clientsOf(pool.poolId).map((client) => ({ ClientId: client.clientId, UserPoolId: pool.poolId, ClientName: clientSettings(client.properties, client.clientId).name })),
    };
  }

  // ---- helpers ----

  /** The client an admin call names, which must belong to the pool it names. */
  private adminClientContext(input: Input): ClientContext {
    const context = this.clientContext(input.ClientId);
    const { pool } = this.poolContext(input.UserPoolId);
    if (context.pool.poolId !== pool.poolId) throw invalidParameter(`User pool client ${context.client.clientId} does not belong to user pool ${pool.poolId}.`);
    return context;
  }

  private adminUpdateUser(input: Input, change: (user: UserRecord) => UserRecord): Output {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    this.store.putUser({ ...change(user), updatedAt: this.now().toISOString() });
    return {};
  }

  private poolContext(poolId: unknown): PoolContext {
    if (typeof poolId !== 'string' || poolId === '') throw invalidParameter('1 validation error detected: Value null at \'userPoolId\' failed to satisfy constraint: Member must not be null');
    const pool = this.store.pool(poolId);
    if (pool === undefined) throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
    return { pool, settings: userPoolSettings(pool.properties, pool.poolId) };
  }

  private clientContext(clientId: unknown): ClientContext {
    if (typeof clientId !== 'string' || clientId === '') throw invalidParameter('1 validation error detected: Value null at \'clientId\' failed to satisfy constraint: Member must not be null');
    const client = this.store.client(clientId);
    if (client === undefined) throw new CognitoError('ResourceNotFoundException', 'User pool client ' + clientId + ' does not exist.');
    return { ...this.poolContext(client.poolId), client, clientSettings: clientSettings(client.properties, clientId) };
  }

  private requireFlow(context: ClientContext, flow: string, allowance: string): void {
    if (!context.clientSettings.explicitAuthFlows.includes(allowance)) throw invalidParameter(`${flow} flow not enabled for this client`);
  }

  private checkSecretHash(context: ClientContext, username: string, given: unknown): void {
    const secret = context.client.secret;
    if (secret === undefined) return;
    if (typeof given !== 'string' || given === '') throw notAuthorized(`Client ${context.client.clientId} is configured with secret but SECRET_HASH was not received`);
    const expected = crypto.createHmac('sha256', secret).update(username + context.client.clientId).digest('base64');
    if (given !== expected) throw notAuthorized(`Unable to verify secret hash for client ${context.client.clientId}`);
  }

  /** The user a sign-in name means: the user name, or an email/phone that signs in like one. */
  private findUser(context: PoolContext, name: string): UserRecord | undefined {
    const { pool, settings } = context;
    const direct = this.store.user(pool.poolId, name, settings.caseSensitiveUsernames);
    if (direct !== undefined) return direct;
    for (const attribute of settings.usernameAttributes) {
      const found = this.store.usersByAttribute(pool.poolId, attribute, name);
      if (found.length > 0) return found.find((user) => user.status === 'CONFIRMED') ?? found[found.length - 1];
    }
    for (const attribute of settings.aliasAttributes) {
      const found = this.store.usersByAttribute(pool.poolId, attribute, name).find((user) => attribute === 'preferred_username' || user.attributes[`${attribute}_verified`] === 'true');
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private requireUser(context: PoolContext | ClientContext, name: string): UserRecord {
    const user = this.findUser(context, name);
    if (user !== undefined) return user;
    // A client that prevents user existence errors answers as for a wrong password.
    if ('clientSettings' in context && context.clientSettings.preventUserExistenceErrors) throw notAuthorized(INCORRECT);
    throw new CognitoError('UserNotFoundException', 'User does not exist.');
  }

  private requireGroup(poolId: string, groupName: string): GroupRecord {
    const group = this.store.group(poolId, groupName);
    if (group === undefined) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
    return group;
  }

  private membership(input: Input): { poolId: string; username: string; groupName: string } {
    const context = this.poolContext(input.UserPoolId);
    const user = this.requireUser(context, requiredString(input, 'Username'));
    const group = this.requireGroup(context.pool.poolId, requiredString(input, 'GroupName'));
    return { poolId: context.pool.poolId, username: user.username, groupName: group.groupName };
  }

  /**
   * The internal user name and `sub` of a new user: the given name, or, in pools that sign in with email or phone,
   * the `sub` (a UUID) with the email/phone kept as the attribute. Taken names and addresses are refused as Cognito
   * refuses them.
   */
  private newIdentity(context: PoolContext, givenName: string, attributes: Record<string, string>): { username: string; sub: string } {
    const { pool, settings } = context;
    if (settings.usernameAttributes.length > 0) {
      const attribute = givenName.includes('@') ? 'email' : 'phone_number';
      if (!settings.usernameAttributes.includes(attribute)) {
        throw invalidParameter(settings.usernameAttributes.includes('email') ? 'Username should be an email.' : 'Username should be a phone number.');
      }
      if (attributes[attribute] !== undefined && attributes[attribute].toLowerCase() !== givenName.toLowerCase()) {
        throw invalidParameter(`The ${attribute} attribute must equal the user name in this pool.`);
      }
      attributes[attribute] = givenName;
      if (this.store.usersByAttribute(pool.poolId, attribute, givenName).length > 0) {
        throw new CognitoError('UsernameExistsException', `An account with the given ${attribute === 'email' ? 'email' : 'phone_number'} already exists.`);
      }
      const sub = crypto.randomUUID();
      return { username: sub, sub };
    }
    if (/\s/.test(givenName) || givenName.length > 128) throw invalidParameter('Username cannot contain whitespace and must be at most 128 characters.');
    if (this.store.user(pool.poolId, givenName, settings.caseSensitiveUsernames) !== undefined) throw new CognitoError('UsernameExistsException', 'User already exists');
    return { username: givenName, sub: crypto.randomUUID() };
  }

  private newUser(pool: PoolRecord, { username, sub }: { username: string; sub: string }, attributes: Record<string, string>, password: string, status: UserRecord['status']): UserRecord {
    const now = this.now().toISOString();
    const withDefaults: Record<string, string> = { sub, ...attributes };
    if (withDefaults.email !== undefined) withDefaults.email_verified ??= 'false';
    if (withDefaults.phone_number !== undefined) withDefaults.phone_number_verified ??= 'false';
    const user: UserRecord = {
      poolId: pool.poolId,
      username,
      sub,
      status,
      enabled: true,
      attributes: withDefaults,
      passwordHash: '',
      srpSalt: '',
      srpVerifier: '',
      temporaryPasswordExpiresAt: undefined,
      mfa: { totpEnabled: false },
      createdAt: now,
      updatedAt: now,
    };
    return this.withPassword(pool, user, password);
  }

  /** The user with a new password: its scrypt hash for password sign-in, its SRP verifier for SRP sign-in. */
  private withPassword(pool: PoolRecord, user: UserRecord, password: string): UserRecord {
    const { salt, verifier } = createVerifier(pool.poolId.split('_')[1] ?? '', user.username, password);
    return { ...user, passwordHash: hashPassword(password), srpSalt: salt, srpVerifier: verifier, updatedAt: this.now().toISOString() };
  }

  private temporaryUser(context: PoolContext, user: UserRecord, password: string): UserRecord {
    const expires = new Date(this.now().getTime() + context.settings.passwordPolicy.temporaryPasswordValidityDays * 86400 * 1000).toISOString();
    return { ...this.withPassword(context.pool, user, password), status: 'FORCE_CHANGE_PASSWORD', temporaryPasswordExpiresAt: expires };
  }

  private async confirm(context: PoolContext | ClientContext, user: UserRecord, clientMetadata: unknown): Promise<void> {
    const attributes = { ...user.attributes };
    const delivered = this.deliveryAttribute(context.settings, user);
    if (delivered !== undefined) attributes[`${delivered}_verified`] = 'true';
    const confirmed: UserRecord = { ...user, status: 'CONFIRMED', attributes, updatedAt: this.now().toISOString() };
    this.store.putUser(confirmed);
    this.store.deleteCode(context.pool.poolId, user.username, 'signup');
    await runTrigger(this.functions, 'PostConfirmation', this.triggerContext(context, user.username), 'PostConfirmation_ConfirmSignUp', {
      userAttributes: attributes,
      clientMetadata: clientMetadata ?? {},
    });
  }

  /** Checks and uses up a code; answers what it was stored with. */
  private checkCode(poolId: string, user: UserRecord, purpose: string, given: string): { pendingValue: string | undefined } {
    const stored = this.store.code(poolId, user.username, purpose);
    const key = `${poolId}/${user.username}/${purpose}/${stored?.code ?? ''}`;
    if (stored === undefined || !constantTimeEqual(stored.code, given)) {
      const failures = (this.codeFailures.get(key) ?? 0) + 1;
      this.codeFailures.set(key, failures);
      if (stored !== undefined && failures >= MAX_FAILED_ATTEMPTS) {
        this.store.deleteCode(poolId, user.username, purpose);
        this.codeFailures.delete(key);
        throw new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
      }
      throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    }
    this.codeFailures.delete(key);
    if (Date.parse(stored.expiresAt) <= this.now().getTime()) throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    this.store.deleteCode(poolId, user.username, purpose);
    return stored;
  }

  /**
   * Refuses a wrong password, counting it: from the fifth in a row the user is locked out, for a second that doubles
   * with each further failure (up to 15 minutes), as Cognito does; while locked out even the right one is refused.
   */
  private checkPassword(user: UserRecord, matches: boolean): void {
    const key = `${user.poolId}/${user.username}`;
    const failures = this.passwordFailures.get(key);
    const now = this.now().getTime();
    if (failures !== undefined && failures.lockedUntil > now) throw notAuthorized('Password attempts exceeded');
    if (matches) {
      this.passwordFailures.delete(key);
      return;
    }
    const count = (failures?.count ?? 0) + 1;
    const lockout = count < MAX_FAILED_ATTEMPTS ? 0 : Math.min(900, 2 ** (count - MAX_FAILED_ATTEMPTS)) * 1000;
    this.passwordFailures.set(key, { count, lockedUntil: now + lockout });
    throw notAuthorized(INCORRECT);
  }

  /** The attribute codes go to: the auto-verified email, else the auto-verified phone number. */
  private deliveryAttribute(settings: UserPoolSettings, user: UserRecord): 'email' | 'phone_number' | undefined {
    if (settings.autoVerifiedAttributes.includes('email') && user.attributes.email) return 'email';
    if (settings.autoVerifiedAttributes.includes('phone_number') && user.attributes.phone_number) return 'phone_number';
    return undefined;
  }

  /**
   * Makes a code, records the message AWS would send with it (through the CustomMessage trigger when the pool has
   * one) and answers its CodeDeliveryDetails; `undefined` when the user has nowhere to receive it.
   */
  private async sendCode(
    context: PoolContext | ClientContext,
    user: UserRecord,
    purpose: string,
    kind: string,
    lifetimeMs: number,
    attribute = this.deliveryAttribute(context.settings, user),
    pendingValue?: string,
  ): Promise<Output | undefined> {
    const destination = pendingValue ?? (attribute === undefined ? undefined : user.attributes[attribute]);
    if (attribute === undefined || !destination) return undefined;
    const code = newCode();
    this.store.putCode(context.pool.poolId, user.username, purpose, code, new Date(this.now().getTime() + lifetimeMs).toISOString(), pendingValue);
    const medium = attribute === 'email' ? 'EMAIL' : 'SMS';
    const { settings } = context;
    await this.recordMessage(context, user, kind, medium, destination, code, {
      subject: settings.emailVerificationSubject,
      text: medium === 'EMAIL' ? settings.emailVerificationMessage : settings.smsVerificationMessage,
    });
    return { Destination: maskedDestination(medium, destination), DeliveryMedium: medium, AttributeName: attribute };
  }

  private async sendInvite(context: PoolContext, user: UserRecord, password: string): Promise<void> {
    const medium = user.attributes.email ? 'EMAIL' : user.attributes.phone_number ? 'SMS' : undefined;
    if (medium === undefined) return;
    const destination = medium === 'EMAIL' ? user.attributes.email : user.attributes.phone_number;
    await this.recordMessage(context, user, 'AdminCreateUser', medium, destination, password, { subject: context.settings.inviteEmailSubject, text: context.settings.inviteEmailMessage });
  }

  private async recordMessage(
    context: PoolContext | ClientContext,
    user: UserRecord,
    kind: string,
    medium: 'EMAIL' | 'SMS',
    destination: string,
    code: string,
    template: { subject: string; text: string },
  ): Promise<void> {
    const custom = await runTrigger(
      this.functions,
      'CustomMessage',
      this.triggerContext(context, user.username),
      `CustomMessage_${kind}`,
      { userAttributes: user.attributes, codeParameter: '{####}', usernameParameter: kind === 'AdminCreateUser' ? '{username}' : null, linkParameter: '{##Click Here##}' },
      { smsMessage: null, emailMessage: null, emailSubject: null },
    );
    const text = String((medium === 'EMAIL' ? custom?.emailMessage : custom?.smsMessage) ?? template.text);
    const subject = medium === 'EMAIL' ? String(custom?.emailSubject ?? template.subject) : undefined;
    this.sendMessage({
      userPoolId: context.pool.poolId,
      username: user.username,
      kind,
      medium,
      destination,
      code,
      ...(subject === undefined ? {} : { subject }),
      message: text.split('{####}').join(code).split('{username}').join(user.username),
      time: this.now().toISOString(),
    });
  }

  private triggerContext(context: PoolContext | ClientContext, username: string): TriggerContext {
    return {
      poolId: context.pool.poolId,
      region: context.pool.region,
      settings: context.settings,
      username,
      clientId: 'client' in context ? context.client.clientId : undefined,
    };
  }

  private rememberChallenge(key: string, challenge: PendingStep & ChallengeIdentity): void {
    const now = this.now().getTime();
    for (const [other, pending] of this.challenges) if (pending.expiresAt <= now) this.challenges.delete(other);
    this.challenges.set(key, { ...challenge, expiresAt: now + CHALLENGE_LIFETIME_MS });
  }

  /** The pending sign-in step of that key, left in place (the MFA_SETUP calls that come with only a Session). */
  private peekChallenge(key: string): PendingChallenge | undefined {
    const pending = this.challenges.get(key);
    return pending !== undefined && pending.expiresAt > this.now().getTime() ? pending : undefined;
  }

  /** The pending sign-in step of that key for this client, used up. */
  private takeChallenge(key: string, context: ClientContext): PendingChallenge | undefined {
    const pending = this.challenges.get(key);
    if (pending === undefined) return undefined;
    this.challenges.delete(key);
    if (pending.expiresAt <= this.now().getTime() || pending.clientId !== context.client.clientId) return undefined;
    return pending;
  }

  /** After a proven password: the user's state decides between tokens, a challenge and a refusal. */
  private async passwordVerified(context: ClientContext, user: UserRecord, clientMetadata: unknown): Promise<Output> {
    if (!user.enabled) throw notAuthorized('User is disabled.');
    switch (user.status) {
      case 'UNCONFIRMED':
        throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
      case 'RESET_REQUIRED':
        throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
      case 'FORCE_CHANGE_PASSWORD': {
        if (user.temporaryPasswordExpiresAt !== undefined && Date.parse(user.temporaryPasswordExpiresAt) <= this.now().getTime()) {
          throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
        }
        const session = newSessionKey();
        this.rememberChallenge(session, { step: 'new-password', poolId: context.pool.poolId, clientId: context.client.clientId, username: user.username });
        const { sub: _sub, email_verified: _ev, phone_number_verified: _pv, ...visible } = user.attributes;
        return {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeParameters: {
            USER_ID_FOR_SRP: user.username,
            requiredAttributes: JSON.stringify(context.settings.requiredAttributes.filter((name) => !user.attributes[name]).map((name) => `userAttributes.${name}`)),
            userAttributes: JSON.stringify(visible),
          },
        };
      }
      case 'CONFIRMED':
        break;
    }
    await runTrigger(this.functions, 'PreAuthentication', this.triggerContext(context, user.username), 'PreAuthentication_Authentication', {
      userAttributes: user.attributes,
      validationData: {},
      userNotFound: false,
    });
    const { settings } = context;
    const identity = { poolId: context.pool.poolId, clientId: context.client.clientId, username: user.username };
    if (settings.mfa !== 'OFF' && user.mfa.totpEnabled && user.mfa.totpSecret !== undefined) {
      const session = newSessionKey();
      this.rememberChallenge(session, { step: 'software-token', ...identity });
      return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeParameters: { USER_ID_FOR_SRP: user.username } };
    }
    if (settings.mfa === 'ON') {
      if (!settings.enabledMfas.includes('SOFTWARE_TOKEN_MFA')) {
        throw invalidParameter('This user pool requires SMS MFA, which the local cloud does not emulate: add SOFTWARE_TOKEN_MFA to EnabledMfas, or set MfaConfiguration to OPTIONAL or OFF for local use.');
      }
      const session = newSessionKey();
      this.rememberChallenge(session, { step: 'mfa-setup', verified: false, ...identity });
      return { ChallengeName: 'MFA_SETUP', Session: session, ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) } };
    }
    return this.signedIn(context, user, clientMetadata);
  }

  /** The end of a sign-in: a new session's tokens, then the PostAuthentication trigger. */
  private async signedIn(context: ClientContext, user: UserRecord, clientMetadata: unknown): Promise<Output> {
    const result = await this.newSession(context, user, 'TokenGeneration_Authentication', clientMetadata);
    await runTrigger(this.functions, 'PostAuthentication', this.triggerContext(context, user.username), 'PostAuthentication_Authentication', {
      userAttributes: user.attributes,
      newDeviceUsed: false,
      clientMetadata: clientMetadata ?? {},
    });
    return { ChallengeParameters: {}, AuthenticationResult: result };
  }

  private async newSession(context: ClientContext, user: UserRecord, source: string, clientMetadata: unknown): Promise<Output> {
    const now = this.now();
    const originJti = crypto.randomUUID();
    const refreshToken = newRefreshToken();
    const authTime = Math.floor(now.getTime() / 1000);
    this.store.insertSession(
      {
        originJti,
        poolId: context.pool.poolId,
        clientId: context.client.clientId,
        username: user.username,
        authTime,
        expiresAt: new Date(now.getTime() + context.clientSettings.refreshTokenSeconds * 1000).toISOString(),
      },
      hashToken(refreshToken),
    );
    const tokens = await this.tokens(context, user, originJti, authTime, source, clientMetadata);
    return { ...tokens, RefreshToken: refreshToken };
  }

  /** `checkSecret` refuses a caller that does not prove the client's secret (for the user, when SECRET_HASH proves it). */
  private async refresh(context: ClientContext, token: string, checkSecret: (username: string) => void, clientMetadata: unknown): Promise<Output> {
    const session = this.store.sessionByRefreshToken(hashToken(token));
    if (session === undefined || session.clientId !== context.client.clientId) throw notAuthorized('Invalid Refresh Token');
    if (session.revoked) throw notAuthorized('Refresh Token has been revoked');
    if (Date.parse(session.expiresAt) <= this.now().getTime()) throw notAuthorized('Refresh Token has expired');
    const user = this.store.user(session.poolId, session.username);
    if (user === undefined) throw notAuthorized('Invalid Refresh Token');
    checkSecret(user.username);
    if (!user.enabled) throw notAuthorized('User is disabled.');
    return this.tokens(context, user, session.originJti, session.authTime, 'TokenGeneration_RefreshTokens', clientMetadata);
  }

  /** Id and access tokens with Cognito's claims, after the PreTokenGeneration trigger had its say. */
  private async tokens(context: ClientContext, user: UserRecord, originJti: string, authTime: number, source: string, clientMetadata: unknown): Promise<Output> {
    const now = Math.floor(this.now().getTime() / 1000);
    const groups = this.store.groupsOfUser(context.pool.poolId, user.username);
    let groupNames = groups.map((group) => group.groupName);
    let roles = groups.flatMap((group) => (group.roleArn ? [group.roleArn] : []));
    let preferredRole = roles[0];
    const override = await runTrigger(
      this.functions,
      'PreTokenGeneration',
      this.triggerContext(context, user.username),
      source,
      { userAttributes: user.attributes, groupConfiguration: { groupsToOverride: groupNames, iamRolesToOverride: roles, preferredRole: preferredRole ?? null }, clientMetadata: clientMetadata ?? {} },
      { claimsOverrideDetails: null },
    );
    const details = (override?.claimsOverrideDetails ?? {}) as { claimsToAddOrOverride?: Record<string, unknown>; claimsToSuppress?: string[]; groupOverrideDetails?: { groupsToOverride?: string[]; iamRolesToOverride?: string[]; preferredRole?: string } } | null;
    if (details?.groupOverrideDetails) {
      groupNames = details.groupOverrideDetails.groupsToOverride ?? groupNames;
      roles = details.groupOverrideDetails.iamRolesToOverride ?? roles;
      preferredRole = details.groupOverrideDetails.preferredRole ?? preferredRole;
    }
    const issuer = issuerOf(context.pool);
    const eventId = crypto.randomUUID();
    const common: Claims = { sub: user.sub };
    if (groupNames.length > 0) common['cognito:groups'] = groupNames;
    const idClaims: Claims = { ...common };
    if (roles.length > 0) {
      idClaims['cognito:roles'] = roles;
      if (preferredRole) idClaims['cognito:preferred_role'] = preferredRole;
    }
    for (const [name, value] of Object.entries(readable(user.attributes, context.clientSettings))) {
      if (name === 'sub') continue;
      idClaims[name] = name.endsWith('_verified') ? value === 'true' : value;
    }
    Object.assign(idClaims, {
      iss: issuer,
      'cognito:username': user.username,
      origin_jti: originJti,
      aud: context.client.clientId,
      event_id: eventId,
      token_use: 'id',
      auth_time: authTime,
    });
    for (const [name, value] of Object.entries(details?.claimsToAddOrOverride ?? {})) idClaims[name] = value;
    for (const name of details?.claimsToSuppress ?? []) delete idClaims[name];
    Object.assign(idClaims, { exp: now + context.clientSettings.idTokenSeconds, iat: now, jti: crypto.randomUUID() });
    const accessClaims: Claims = {
      ...common,
      iss: issuer,
      client_id: context.client.clientId,
      origin_jti: originJti,
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: authTime,
      exp: now + context.clientSettings.accessTokenSeconds,
      iat: now,
      jti: crypto.randomUUID(),
      username: user.username,
    };
    return {
      AccessToken: signJwt(context.pool.key, accessClaims),
      ExpiresIn: context.clientSettings.accessTokenSeconds,
      TokenType: 'Bearer',
      IdToken: signJwt(context.pool.key, idClaims),
    };
  }

  /** The user an access token stands for, refusing forged, expired and revoked tokens as Cognito does. */
  private userOfAccessToken(token: unknown): { context: ClientContext; user: UserRecord } {
    if (typeof token !== 'string' || token === '') throw invalidParameter('Missing required parameter AccessToken');
    const claims = unverifiedClaims(token);
    const issuer = typeof claims?.iss === 'string' ? claims.iss : '';
    const pool = this.store.pool(issuer.slice(issuer.lastIndexOf('/') + 1));
    if (pool === undefined || issuer !== issuerOf(pool)) throw notAuthorized('Invalid Access Token');
    const checked = verifyJwt(token, (keyId) => (keyId === pool.key.keyId ? pool.key : undefined), this.now());
    if (checked.type === 'invalid' || checked.claims.token_use !== 'access') throw notAuthorized('Invalid Access Token');
    if (checked.type === 'expired') throw notAuthorized('Access Token has expired');
    const session = this.store.session(String(checked.claims.origin_jti ?? ''));
    if (session === undefined || session.revoked) throw notAuthorized('Access Token has been revoked');
    const context = this.clientContext(checked.claims.client_id);
    const user = this.store.user(pool.poolId, String(checked.claims.username ?? ''));
    if (user === undefined) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    if (!user.enabled) throw notAuthorized('User is disabled.');
    return { context, user };
  }
}

/** An opaque refresh token, shaped like Cognito's (five base64url parts); only its hash is stored. */
function newRefreshToken(): string {
  const part = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');
  return [Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url'), part(256), part(12), part(512), part(16)].join('.');
}

/** The `Session` a challenge answer must bring back. */
function newSessionKey(): string {
  return crypto.randomBytes(96).toString('base64');
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
