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

export interface TemporaryCredentials extends Required<SigningCredentials> {
  expiration: Date;
}

/**
 * The IAM role temporary credentials stand for, when an app user got them from a Cognito identity pool: what
 * IAM-authorised data-plane calls (AppSync, API Gateway, S3 prefixes) check the caller against.
 */
export interface AssumedRole {
  roleArn: string;
  identityPoolId: string;
  identityId: string;
  authenticated: boolean;
}

/**
 * The instance's own key pair plus temporary keys issued while the server runs (by the local STS or Cognito
 * identity pools). Temporary keys live in memory only: like STS credentials they die with their issuer's session.
 */
export class LocalCredentialStore implements CredentialStore {
  private readonly temporary = new Map<string, TemporaryCredentials>();
  private readonly roles = new Map<string, AssumedRole>();

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
   * New temporary credentials, valid for `lifetimeSeconds`; requests signed with them must send their session token.
   * `role`: the role an identity pool gave them (see `assumedRole`).
   */
  issueTemporary(lifetimeSeconds: number, role?: AssumedRole): TemporaryCredentials {
    const credentials: TemporaryCredentials = {
      accessKeyId: newAccessKeyId('ASIA'),
      secretAccessKey: newSecretAccessKey(),
      sessionToken: crypto.randomBytes(48).toString('base64'),
      expiration: new Date(this.now().getTime() + lifetimeSeconds * 1000),
    };
    this.temporary.set(credentials.accessKeyId, credentials);
    if (role !== undefined) this.roles.set(credentials.accessKeyId, role);
    return credentials;
  }

  /** The role of live identity-pool credentials; `undefined` for other keys (the instance's, functions') and dead ones. */
  assumedRole(accessKeyId: string): AssumedRole | undefined {
    return this.find(accessKeyId) === undefined ? undefined : this.roles.get(accessKeyId);
  }

  /** Ends temporary credentials before they expire (their holder is done). */
  revoke(accessKeyId: string): void {
    this.temporary.delete(accessKeyId);
    this.roles.delete(accessKeyId);
  }
}

/** Equal strings in time independent of where they differ, so a signature cannot be guessed byte by byte. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  // Hashing first gives equal lengths, which timingSafeEqual requires, without leaking the lengths themselves.
  return crypto.timingSafeEqual(left, right);
}
