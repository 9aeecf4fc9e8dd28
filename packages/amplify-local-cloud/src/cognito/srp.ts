import * as crypto from 'crypto';

/**
 * The server side of Cognito's SRP-6a sign-in (`USER_SRP_AUTH` then the `PASSWORD_VERIFIER` challenge), as the
 * Amplify libraries compute the client side: the RFC 5054 3072-bit group, g = 2, SHA-256, numbers hashed in their
 * shortest two's-complement hex form, and a session key derived with one HKDF block ("Caldera Derived Key").
 */

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const G = 2n;
const N_HEX_LENGTH = 768;
const N_BYTES = Buffer.from(N.toString(16), 'hex');
const G_BYTES = Buffer.from([2]);

/** Hex of a non-negative number as the clients hash it: even length, a leading `00` when the top bit is set. */
export function paddedHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function hashHex(hex: string): string {
  return crypto.createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
}

const K = BigInt(`0x${hashHex(paddedHex(N) + paddedHex(G))}`);

/** The salt (hex) and verifier (hex) that let the server check a password it does not keep. */
export interface SrpVerifier {
  salt: string;
  verifier: string;
}

/** `poolName` is the user pool id after its `_`; `userId` the `USER_ID_FOR_SRP` the challenge names. */
export function createVerifier(poolName: string, userId: string, password: string): SrpVerifier {
  const salt = crypto.randomBytes(16).toString('hex');
  return { salt, verifier: BigInt(`0x${powerOfG(privateValue(poolName, userId, password, salt))}`).toString(16) };
}

function privateValue(poolName: string, userId: string, password: string, saltHex: string): bigint {
  const identityHash = crypto.createHash('sha256').update(`${poolName}${userId}:${password}`, 'utf8').digest('hex');
  return BigInt(`0x${hashHex(paddedHex(BigInt(`0x${saltHex}`)) + identityHash)}`);
}

/** The server's half of one sign-in: B goes to the client, b stays here until the client's answer. */
export interface SrpServerSession {
  /** B, hex, as `SRP_B`. */
  publicValue: string;
  secretValue: bigint;
}

/**
 * The server's secret exponent b is 256 bits: twice the 128-bit strength of the 3072-bit group, as RFC 7919 §5.2
 * asks of short exponents, and a power with it costs a quarter of one with a full 1024-bit exponent.
 */
const SECRET_BYTES = 32;

export function startServerSession(verifierHex: string): SrpServerSession {
  const kv = (K * BigInt(`0x${verifierHex}`)) % N;
  for (;;) {
    const secret = crypto.randomBytes(SECRET_BYTES);
    const b = BigInt(`0x${secret.toString('hex')}`);
    if (b === 0n) continue;
    const B = (kv + BigInt(`0x${powerOfG(b)}`)) % N;
    if (B !== 0n) return { publicValue: B.toString(16), secretValue: b };
  }
}

/** g^exponent mod N (hex) by OpenSSL: Diffie-Hellman's public key for that private key. */
function powerOfG(exponent: bigint): string {
  const exchange = crypto.createDiffieHellman(N_BYTES, G_BYTES);
  exchange.setPrivateKey(Buffer.from(paddedHex(exponent), 'hex'));
  return exchange.generateKeys('hex');
}

/** base^exponent mod N by OpenSSL (Diffie-Hellman's "shared secret" is that power): several times faster than BigInt. */
function powerModN(base: bigint, exponent: bigint): bigint {
  const exchange = crypto.createDiffieHellman(N_BYTES, G_BYTES);
  exchange.setPrivateKey(Buffer.from(paddedHex(exponent), 'hex'));
  return BigInt(`0x${exchange.computeSecret(Buffer.from(base.toString(16).padStart(N_HEX_LENGTH, '0'), 'hex')).toString('hex')}`);
}

/** Whether the client's `SRP_A` is acceptable: a number that is not 0 modulo N. */
export function isValidClientValue(aHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(aHex)) return false;
  return BigInt(`0x${aHex}`) % N !== 0n;
}

export interface PasswordClaim {
  poolName: string;
  userId: string;
  verifier: string;
  clientValue: string;
  session: SrpServerSession;
  /** The SECRET_BLOCK as sent to the client (base64). */
  secretBlock: string;
  timestamp: string;
  /** PASSWORD_CLAIM_SIGNATURE (base64). */
  signature: string;
}

/** Whether the client's signature proves it knows the password behind the verifier. */
export function verifyPasswordClaim(claim: PasswordClaim): boolean {
  const A = BigInt(`0x${claim.clientValue}`);
  const B = BigInt(`0x${claim.session.publicValue}`);
  const v = BigInt(`0x${claim.verifier}`);
  const u = BigInt(`0x${hashHex(paddedHex(A) + paddedHex(B))}`);
  if (u === 0n) return false;
  const base = (A * powerModN(v, u)) % N;
  // OpenSSL refuses a "public key" of 0, 1 or N - 1; their powers are trivial, and no real client sends them.
  if (base <= 1n || base === N - 1n) return false;
  const S = powerModN(base, claim.session.secretValue);
  const key = sessionKey(S, u);
  const expected = crypto
    .createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(claim.poolName, 'utf8'), Buffer.from(claim.userId, 'utf8'), Buffer.from(claim.secretBlock, 'base64'), Buffer.from(claim.timestamp, 'utf8')]))
    .digest();
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** HKDF-SHA256 (one block, 16 bytes) of the shared secret S, salted with u. */
function sessionKey(S: bigint, u: bigint): Buffer {
  const prk = crypto.createHmac('sha256', Buffer.from(paddedHex(u), 'hex')).update(Buffer.from(paddedHex(S), 'hex')).digest();
  return crypto
    .createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
}
