import * as crypto from 'crypto';
import { createVerifier, isValidClientValue, startServerSession, verifyPasswordClaim, type PasswordClaim } from '../srp';

// An independent BigInt model of SRP-6a as the Amplify clients compute it: the server's OpenSSL powers must agree
// with it on random inputs, leading zeros included.
const N = crypto.getDiffieHellman('modp15').getPrime();
const bigN = BigInt(`0x${N.toString('hex')}`);
const g = 2n;

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let square = base % bigN;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % bigN;
    square = (square * square) % bigN;
  }
  return result;
}

function padded(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest();
const hashOfHex = (hex: string) => BigInt(`0x${sha256(Buffer.from(hex, 'hex')).toString('hex')}`);
const k = hashOfHex(padded(bigN) + padded(g));

function randomBelowN(): bigint {
  return BigInt(`0x${crypto.randomBytes(384).toString('hex')}`) % bigN;
}

const SECRET_BLOCK = 'c2VjcmV0LWJsb2Nr';
const TIMESTAMP = 'Sun Dec 6 11:30:00 UTC 2026';

interface Client {
  poolName: string;
  userId: string;
  password: string;
  a: bigint;
  A: bigint;
}

function newClient(password: string): Client {
  const a = BigInt(`0x${crypto.randomBytes(128).toString('hex')}`);
  return { poolName: 'AbCdEf123', userId: 'ana', password, a, A: modPow(g, a) };
}

/** What aws-amplify signs for PASSWORD_VERIFIER, from the challenge's SALT and SRP_B. */
function clientSignature(client: Client, salt: string, B: bigint, secretBlock: string, timestamp: string): string {
  const u = hashOfHex(padded(client.A) + padded(B));
  const identity = sha256(`${client.poolName}${client.userId}:${client.password}`).toString('hex');
  const x = hashOfHex(padded(BigInt(`0x${salt}`)) + identity);
  const base = (((B - k * modPow(g, x)) % bigN) + bigN) % bigN;
  const S = modPow(base, client.a + u * x);
  const prk = crypto.createHmac('sha256', Buffer.from(padded(u), 'hex')).update(Buffer.from(padded(S), 'hex')).digest();
  const key = crypto.createHmac('sha256', prk).update(Buffer.from('Caldera Derived Key\u0001', 'utf8')).digest().subarray(0, 16);
  return crypto
    .createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(client.poolName), Buffer.from(client.userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
    .digest('base64');
}

function claimOf(client: Client, verifier: string, session: ReturnType<typeof startServerSession>, signature: string): PasswordClaim {
  return {
    poolName: client.poolName,
    userId: client.userId,
    verifier,
    clientValue: client.A.toString(16),
    session,
    secretBlock: SECRET_BLOCK,
    timestamp: TIMESTAMP,
    signature,
  };
}

describe('SRP server side', () => {
  it('makes the verifier g^x of the salted password hash', () => {
    const { salt, verifier } = createVerifier('AbCdEf123', 'ana', 'secret-pass1');
    const identity = sha256('AbCdEf123ana:secret-pass1').toString('hex');
    expect(BigInt(`0x${verifier}`)).toBe(modPow(g, hashOfHex(padded(BigInt(`0x${salt}`)) + identity)));
  });

  it('computes B = k·v + g^b mod N as the BigInt model does, on random verifiers', () => {
    for (let run = 0; run < 20; run += 1) {
      const verifier = randomBelowN();
      const session = startServerSession(verifier.toString(16));
      expect(session.secretValue).toBeGreaterThan(0n);
      expect(BigInt(`0x${session.publicValue}`)).toBe((k * verifier + modPow(g, session.secretValue)) % bigN);
    }
  });

  it("accepts the client's proof of the right password and refuses a wrong one, whatever leading zeros the numbers have", () => {
    const { salt, verifier } = createVerifier('AbCdEf123', 'ana', 'secret-pass1');
    // Until B has come out shorter than N (a leading zero byte or nibble, about one session in 16).
    let sawShortB = false;
    for (let run = 0; run < 6 || !sawShortB; run += 1) {
      expect(run).toBeLessThan(300);
      const session = startServerSession(verifier);
      const B = BigInt(`0x${session.publicValue}`);
      sawShortB ||= session.publicValue.length < 768;
      const right = newClient('secret-pass1');
      expect(verifyPasswordClaim(claimOf(right, verifier, session, clientSignature(right, salt, B, SECRET_BLOCK, TIMESTAMP)))).toBe(true);
      if (run < 3) {
        const wrong = newClient('secret-pass2');
        expect(verifyPasswordClaim(claimOf(wrong, verifier, session, clientSignature(wrong, salt, B, SECRET_BLOCK, TIMESTAMP)))).toBe(false);
      }
    }
  });

  it('refuses an A that is 0 modulo N, and answers a claim with a degenerate A with a refusal, not a fault', () => {
    expect(isValidClientValue('0')).toBe(false);
    expect(isValidClientValue(N.toString('hex'))).toBe(false);
    expect(isValidClientValue((2n * bigN).toString(16))).toBe(false);
    expect(isValidClientValue('xyz')).toBe(false);
    expect(isValidClientValue('2')).toBe(true);
    const { verifier } = createVerifier('AbCdEf123', 'ana', 'secret-pass1');
    const session = startServerSession(verifier);
    const client = newClient('secret-pass1');
    // A ≡ 0 makes the base 0, which OpenSSL would refuse to raise: the claim is refused instead.
    for (const A of [bigN, 2n * bigN, 1n, bigN - 1n]) {
      expect(verifyPasswordClaim({ ...claimOf(client, verifier, session, 'AAAA'), clientValue: A.toString(16) })).toBe(false);
    }
  });
});
