import * as crypto from 'crypto';
import { LOCAL_ACCOUNT_ID } from '../contracts';
import { CognitoError, invalidParameter, notAuthorized } from '../cognito/cognito-error';
import { signJwt, type Claims } from '../cognito/jwt';
import type { RoleSession, TemporaryCredentials } from '../server/credential-store';
import type { IdentityPoolRecord, IdentityPoolStore, IdentityRecord } from './identity-pool-store';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

/** How long identity pool credentials live: an hour, as on AWS. */
const CREDENTIALS_LIFETIME_SECONDS = 3600;
const OPEN_ID_TOKEN_LIFETIME_SECONDS = 600;
const USER_POOL_PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)$/;
const LOGINS_MISMATCH = "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/** What identity pools need from user pools: id tokens checked and clients known. */
export interface IdTokenVerifier {
  verifyIdToken(poolId: string, token: string): { type: 'valid'; claims: Claims } | { type: 'invalid'; message: string };
  isClientOf(poolId: string, clientId: string): boolean;
}

/** Issues temporary keys standing for a role (the local cloud's credential store). */
export interface RoleCredentialIssuer {
  issueTemporary(lifetimeSeconds: number, session: RoleSession): TemporaryCredentials;
}

interface VerifiedLogin {
  /** `<provider>:<sub>`, what ties an identity to a user. */
  key: string;
  claims: Claims;
}

/**
 * Cognito identity pools: identities for guests (when the pool allows them) and for users signed in to the user
 * pools the pool lists, and temporary credentials for the role its attachment names for each.
 */
export class IdentityPoolService {
  constructor(
    private readonly store: IdentityPoolStore,
    private readonly userPools: IdTokenVerifier,
    private readonly credentials: RoleCredentialIssuer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  putIdentityPool(poolId: string, region: string, properties: Record<string, unknown>): void {
    this.store.putPool({ poolId, region, properties });
  }

  deleteIdentityPool(poolId: string): void {
    this.store.deletePool(poolId);
  }

  putRoleAttachment(attachmentId: string, poolId: string, properties: Record<string, unknown>): void {
    this.store.putRoleAttachment(attachmentId, poolId, properties);
  }

  deleteRoleAttachment(attachmentId: string): void {
    this.store.deleteRoleAttachment(attachmentId);
  }

  getId(input: Input): Output {
    const pool = this.requirePool(input.IdentityPoolId);
    const login = this.verifyLogins(pool, input.Logins);
    if (login === undefined) {
      this.requireGuestsAllowed(pool);
      return { IdentityId: this.newIdentity(pool, undefined).identityId };
    }
    const existing = this.store.identityByLogin(pool.poolId, login.key);
    return { IdentityId: (existing ?? this.newIdentity(pool, login.key)).identityId };
  }

  getCredentialsForIdentity(input: Input): Output {
    const { identity, pool, login } = this.identityWithLogins(input);
    const roles = this.attachedRoles(pool);
    let roleArn: string | undefined;
    if (login === undefined) {
      roleArn = roles.unauthenticated;
    } else {
      roleArn = this.authenticatedRole(pool, login, roles.authenticated, input.CustomRoleArn);
    }
    if (roleArn === undefined) {
      throw new CognitoError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    }
    const issued = this.credentials.issueTemporary(CREDENTIALS_LIFETIME_SECONDS, {
      roleArn,
      sessionName: 'CognitoIdentityCredentials',
      cognitoIdentity: {
        identityId: identity.identityId,
        identityPoolId: pool.poolId,
        authenticationType: login === undefined ? 'unauthenticated' : 'authenticated',
        ...(login === undefined ? {} : { authenticationProvider: authenticationProvider(login.key) }),
      },
    });
    return {
      IdentityId: identity.identityId,
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        Expiration: Math.floor(issued.expiration.getTime() / 1000),
      },
    };
  }

  async getOpenIdToken(input: Input): Promise<Output> {
    const { identity, pool, login } = this.identityWithLogins(input);
    const now = Math.floor(this.now().getTime() / 1000);
    const provider = login?.key.slice(0, login.key.lastIndexOf(':'));
    const claims: Claims = {
      sub: identity.identityId,
      aud: pool.poolId,
      amr: login === undefined ? ['unauthenticated'] : ['authenticated', provider, `${provider}:${String(login.claims.aud)}:${String(login.claims.sub)}`],
      iss: 'https://cognito-identity.amazonaws.com',
      'https://cognito-identity.amazonaws.com/identity-pool-arn': `arn:aws:cognito-identity:${pool.region}:${LOCAL_ACCOUNT_ID}:identitypool/${pool.poolId}`,
      exp: now + OPEN_ID_TOKEN_LIFETIME_SECONDS,
      iat: now,
    };
    return { IdentityId: identity.identityId, Token: signJwt(await this.store.signingKey(), claims) };
  }

  private requirePool(poolId: unknown): IdentityPoolRecord {
    if (typeof poolId !== 'string' || poolId === '') throw invalidParameter("1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null");
    const pool = this.store.pool(poolId);
    if (pool === undefined) throw new CognitoError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
    return pool;
  }

  private requireGuestsAllowed(pool: IdentityPoolRecord): void {
    const allowed = pool.properties.AllowUnauthenticatedIdentities;
    if (allowed !== true && allowed !== 'true') throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
  }

  private newIdentity(pool: IdentityPoolRecord, login: string | undefined): IdentityRecord {
    const identity = { identityId: `${pool.region}:${crypto.randomUUID()}`, poolId: pool.poolId, login };
    this.store.insertIdentity(identity, this.now().toISOString());
    return identity;
  }

  /** The identity of the call, checked against the logins it brings: a signed-in identity needs its login. */
  private identityWithLogins(input: Input): { identity: IdentityRecord; pool: IdentityPoolRecord; login: VerifiedLogin | undefined } {
    const identityId = input.IdentityId;
    if (typeof identityId !== 'string' || identityId === '') throw invalidParameter("1 validation error detected: Value null at 'identityId' failed to satisfy constraint: Member must not be null");
    const identity = this.store.identity(identityId);
    if (identity === undefined) throw new CognitoError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
    const pool = this.requirePool(identity.poolId);
    const login = this.verifyLogins(pool, input.Logins);
    if (login === undefined) {
      if (identity.login !== undefined) throw notAuthorized(LOGINS_MISMATCH);
      this.requireGuestsAllowed(pool);
      return { identity, pool, login };
    }
    if (identity.login === undefined) {
      // A guest who signs in keeps the identity, unless the login already has one of its own.
      if (this.store.identityByLogin(pool.poolId, login.key) !== undefined) throw notAuthorized(LOGINS_MISMATCH);
      this.store.setLogin(identity.identityId, login.key);
      return { identity: { ...identity, login: login.key }, pool, login };
    }
    if (identity.login !== login.key) throw notAuthorized(LOGINS_MISMATCH);
    return { identity, pool, login };
  }

  /**
   * `Logins` as `{"cognito-idp.<region>.amazonaws.com/<poolId>": idToken}`: the provider must be one the identity
   * pool lists, the token a valid id token of that user pool for one of the listed clients.
   */
  private verifyLogins(pool: IdentityPoolRecord, logins: unknown): VerifiedLogin | undefined {
    if (logins === undefined || logins === null) return undefined;
    if (typeof logins !== 'object' || Array.isArray(logins)) throw invalidParameter('Logins must be a map of provider name to token.');
    const entries = Object.entries(logins as Record<string, unknown>);
    if (entries.length === 0) return undefined;
    if (entries.length > 1) throw invalidParameter('The local cloud accepts one login per call: the user pool the user signed in to.');
    const [provider, token] = entries[0];
    const match = USER_POOL_PROVIDER.exec(provider);
    const listed = identityProviders(pool).filter((entry) => entry.providerName === provider);
    if (match === null || listed.length === 0) throw notAuthorized(`Invalid login token. Token is not from a supported provider of this identity pool (${provider}).`);
    const checked = this.userPools.verifyIdToken(match[2], String(token));
    if (checked.type === 'invalid') throw notAuthorized(checked.message);
    if (`https://${provider}` !== checked.claims.iss) throw notAuthorized("Invalid login token. Issuer doesn't match providerName");
    const audience = String(checked.claims.aud);
    if (!listed.some((entry) => entry.clientId === audience) || !this.userPools.isClientOf(match[2], audience)) {
      throw notAuthorized('Invalid login token. Incorrect client id.');
    }
    return { key: `${provider}:${String(checked.claims.sub)}`, claims: checked.claims };
  }

  private attachedRoles(pool: IdentityPoolRecord): { authenticated?: string; unauthenticated?: string } {
    const roles = this.store.roleAttachment(pool.poolId)?.Roles;
    if (typeof roles !== 'object' || roles === null) return {};
    const { authenticated, unauthenticated } = roles as Record<string, unknown>;
    return { authenticated: typeof authenticated === 'string' ? authenticated : undefined, unauthenticated: typeof unauthenticated === 'string' ? unauthenticated : undefined };
  }

  /**
   * The role of a signed-in user: with a `Token` role mapping for the provider, the token's preferred role (or the
   * requested one among its roles); otherwise, or when the token names none, the pool's authenticated role.
   */
  private authenticatedRole(pool: IdentityPoolRecord, login: VerifiedLogin, authenticated: string | undefined, customRoleArn: unknown): string | undefined {
    const provider = login.key.slice(0, login.key.lastIndexOf(':'));
    const mappings = this.store.roleAttachment(pool.poolId)?.RoleMappings;
    const mapping = Object.values(typeof mappings === 'object' && mappings !== null ? (mappings as Record<string, Record<string, unknown>>) : {}).find(
      (entry) => entry.IdentityProvider === `${provider}:${String(login.claims.aud)}`,
    );
    const tokenRoles = Array.isArray(login.claims['cognito:roles']) ? (login.claims['cognito:roles'] as string[]) : [];
    if (typeof customRoleArn === 'string' && customRoleArn !== '') {
      if (mapping?.Type !== 'Token' || !tokenRoles.includes(customRoleArn)) throw invalidParameter(`The role ${customRoleArn} is not one this identity may assume.`);
      return customRoleArn;
    }
    if (mapping?.Type === 'Token') {
      const preferred = login.claims['cognito:preferred_role'];
      if (typeof preferred === 'string') return preferred;
      if (mapping.AmbiguousRoleResolution === 'Deny') throw notAuthorized('Ambiguous role resolution is set to Deny and the token names no role.');
    }
    return authenticated;
  }
}

function identityProviders(pool: IdentityPoolRecord): { providerName: string; clientId: string }[] {
  const providers = pool.properties.CognitoIdentityProviders;
  if (!Array.isArray(providers)) return [];
  return providers.map((entry: Record<string, unknown>) => ({ providerName: String(entry?.ProviderName ?? ''), clientId: String(entry?.ClientId ?? '') }));
}

/**
 * The provider string Lambda and API Gateway report for a signed-in identity, from its login key
 * `cognito-idp.<region>.amazonaws.com/<poolId>:<sub>`.
 */
function authenticationProvider(loginKey: string): string {
  const separator = loginKey.lastIndexOf(':');
  const provider = loginKey.slice(0, separator);
  return `${provider},${provider}:CognitoSignIn:${loginKey.slice(separator + 1)}`;
}
