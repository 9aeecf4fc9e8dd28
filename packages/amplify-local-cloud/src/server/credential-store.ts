import * as crypto from 'crypto';
import { newAccessKeyId, newSecretAccessKey } from '../instance/instance-credentials';

/** A key pair the local cloud accepts signatures from; temporary keys also carry the session token they need. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What the signature verifier asks: the secret of an access key id, or `undefined` for a key nobody issued. */
export interface CredentialStore {
  find(accessKeyId: string): SigningCredentials | undefined;
}

/**
 * Who holds temporary keys: the role session they act for and, for keys an identity pool issued, the Cognito
 * identity. What IAM-authorised data-plane calls (AppSync, API Gateway) check the caller against.
 */
export interface RoleSession {
  roleArn: string;
  /** The session name in the caller's assumed-role ARN (`CognitoIdentityCredentials` for identity pools). */
  sessionName?: string;
  cognitoIdentity?: {
    identityId: string;
    identityPoolId: string;
    authenticationType: 'authenticated' | 'unauthenticated';
    /** `cognito-idp.<region>.amazonaws.com/<poolId>,cognito-idp.<region>.amazonaws.com/<poolId>:CognitoSignIn:<sub>` for signed-in users. */
    authenticationProvider?: string;
  };
}

export interface TemporaryCredentials extends Required<SigningCredentials> {
  expiration: Date;
  /** The role session the keys act for, when they were issued for one. */
  session?: RoleSession;
}

/**
 * The instance's own key pair plus temporary keys issued while the server runs (by the local STS or Cognito
 * identity pools). Temporary keys live in memory only: like STS credentials they die with their issuer's session.
 */
export class LocalCredentialStore implements CredentialStore {
  private readonly temporary = new Map<string, TemporaryCredentials>();

  constructor(
    private readonly instance: SigningCredentials,
    private readonly now: () => Date = () => new Date(),
  ) {}

  find(accessKeyId: string): SigningCredentials | undefined {
    if (accessKeyId === this.instance.accessKeyId) {
      return this.instance;
    }
    const issued = this.temporary.get(accessKeyId);
    if (issued !== undefined && issued.expiration.getTime() <= this.now().getTime()) {
      this.revoke(accessKeyId);
      return undefined;
    }
    return issued;
  }

  /**
   * New temporary credentials, valid for `lifetimeSeconds`, acting for a role session when given; requests signed
   * with them must send their session token.
   */
  issueTemporary(lifetimeSeconds: number, session?: RoleSession): TemporaryCredentials {
    const credentials: TemporaryCredentials = {
      accessKeyId: newAccessKeyId('ASIA'),
      secretAccessKey: newSecretAccessKey(),
      sessionToken: crypto.randomBytes(48).toString('base64'),
      expiration: new Date(this.now().getTime() + lifetimeSeconds * 1000),
      ...(session === undefined ? {} : { session }),
    };
    this.temporary.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  /** Who signs with the key: the developer (the instance's own key), a role's session, or nobody known. */
  principalOf(accessKeyId: string): { type: 'instance' } | ({ type: 'role' } & RoleSession) | { type: 'unknown' } {
    if (accessKeyId === this.instance.accessKeyId) return { type: 'instance' };
    const issued = this.find(accessKeyId) as TemporaryCredentials | undefined;
    return issued?.session === undefined ? { type: 'unknown' } : { type: 'role', ...issued.session };
  }

  /** The role session of live temporary keys; `undefined` for the instance's key, keys issued for no role and dead ones. */
  roleSessionOf(accessKeyId: string): RoleSession | undefined {
    return (this.find(accessKeyId) as TemporaryCredentials | undefined)?.session;
  }

  /** Ends temporary credentials before they expire (their holder is done). */
  revoke(accessKeyId: string): void {
    this.temporary.delete(accessKeyId);
  }
}

/** Equal strings in time independent of where they differ, so a signature cannot be guessed byte by byte. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  // Hashing first gives equal lengths, which timingSafeEqual requires, without leaking the lengths themselves.
  return crypto.timingSafeEqual(left, right);
}
