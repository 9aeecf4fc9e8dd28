import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as Forge from 'node-forge';

/** The TLS material of a data directory: the CA clients trust, and the certificate the HTTPS listener serves. */
export interface TlsMaterial {
  /** The CA certificate's PEM file: what `NODE_EXTRA_CA_CERTS` or a browser's trust store takes. */
  caCertificateFile: string;
  /** The server's key and certificate (PEM) for `https.createServer`. */
  key: string;
  cert: string;
}

export const TLS_DIR = 'tls';
const CA_CERT = 'ca.pem';
const CA_KEY = 'ca-key.pem';
const SERVER_CERT = 'server.pem';
const SERVER_KEY = 'server-key.pem';

const CA_LIFETIME_DAYS = 3650;
/** Under the 825 days macOS accepts for certificates of a user-trusted CA. */
const SERVER_LIFETIME_DAYS = 365;
/** A server certificate this close to its end is renewed at start. */
const RENEW_BEFORE_DAYS = 30;

/**
 * The names the server certificate covers: loopback addresses, `localhost`, its sub-domains one level down
 * (`<bucket>.localhost`) and `<bucket>.s3.localhost` (clients reject a wildcard directly under a top-level name).
 */
const DNS_NAMES = ['localhost', '*.localhost', 's3.localhost', '*.s3.localhost'];
const IP_ADDRESSES = ['127.0.0.1', '::1'];

/**
 * The CA and server certificate of a data directory under `<dataDir>/tls/`: made on first start (private keys mode
 * 0600, the CA never leaves the directory), the server certificate renewed when it nears its end. The CA is
 * name-constrained to loopback names and addresses, so trusting it cannot make any other site trusted, even if its
 * key were taken.
 */
export function ensureTlsMaterial(dataDir: string, now: Date = new Date()): TlsMaterial {
  const directory = path.join(dataDir, TLS_DIR);
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(directory, name);
  const forge = require('node-forge') as typeof Forge;
  let caCert: Forge.pki.Certificate;
  let caKey: Forge.pki.rsa.PrivateKey;
  if (fs.existsSync(file(CA_CERT)) && fs.existsSync(file(CA_KEY))) {
    caCert = forge.pki.certificateFromPem(fs.readFileSync(file(CA_CERT), 'utf8'));
    caKey = forge.pki.privateKeyFromPem(fs.readFileSync(file(CA_KEY), 'utf8')) as Forge.pki.rsa.PrivateKey;
  } else {
    const keys = newKeyPair(forge);
    caKey = keys.privateKey;
    caCert = newCaCertificate(forge, keys, now);
    writePrivate(file(CA_KEY), forge.pki.privateKeyToPem(caKey));
    fs.writeFileSync(file(CA_CERT), forge.pki.certificateToPem(caCert));
    // A new CA invalidates any server certificate an earlier one signed.
    fs.rmSync(file(SERVER_CERT), { force: true });
  }
  if (!serverCertificateUsable(forge, file(SERVER_CERT), file(SERVER_KEY), caCert, now)) {
    const keys = newKeyPair(forge);
    const cert = newServerCertificate(forge, keys, caCert, caKey, now);
    writePrivate(file(SERVER_KEY), forge.pki.privateKeyToPem(keys.privateKey));
    fs.writeFileSync(file(SERVER_CERT), forge.pki.certificateToPem(cert));
  }
  return { caCertificateFile: file(CA_CERT), key: fs.readFileSync(file(SERVER_KEY), 'utf8'), cert: fs.readFileSync(file(SERVER_CERT), 'utf8') };
}

/** Where a data directory's CA certificate is (whether or not it was made yet). */
export function caCertificateFile(dataDir: string): string {
  return path.join(dataDir, TLS_DIR, CA_CERT);
}

/** RSA keys made by Node's native code (node-forge's own generator is pure JavaScript and slow), used by forge. */
function newKeyPair(forge: typeof Forge): { privateKey: Forge.pki.rsa.PrivateKey; publicKey: Forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as Forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()) as Forge.pki.rsa.PublicKey,
  };
}

function writePrivate(file: string, pem: string): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, pem, { mode: 0o600 });
}

function validity(cert: Forge.pki.Certificate, now: Date, days: number): void {
  // An hour back: a client whose clock is a little behind still accepts a certificate made just now.
  cert.validity.notBefore = new Date(now.getTime() - 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + days * 86400 * 1000);
  // Positive (top bit clear) and unique: RFC 5280 serial numbers.
  cert.serialNumber = `01${crypto.randomBytes(15).toString('hex')}`;
}

function newCaCertificate(forge: typeof Forge, keys: { privateKey: Forge.pki.rsa.PrivateKey; publicKey: Forge.pki.rsa.PublicKey }, now: Date): Forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  validity(cert, now, CA_LIFETIME_DAYS);
  const subject = [
    { name: 'commonName', value: `Amplify local cloud CA (${os.hostname()}, ${now.toISOString().slice(0, 10)})` },
    { name: 'organizationName', value: 'Amplify local cloud' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { id: '2.5.29.30', critical: true, value: loopbackNameConstraints(forge) },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return cert;
}

function newServerCertificate(
  forge: typeof Forge,
  keys: { privateKey: Forge.pki.rsa.PrivateKey; publicKey: Forge.pki.rsa.PublicKey },
  caCert: Forge.pki.Certificate,
  caKey: Forge.pki.rsa.PrivateKey,
  now: Date,
): Forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  validity(cert, now, SERVER_LIFETIME_DAYS);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...DNS_NAMES.map((value) => ({ type: 2, value })), ...IP_ADDRESSES.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return cert;
}

/**
 * NameConstraints (RFC 5280 4.2.1.10), permitted subtrees only: the DNS name `localhost` (and names under it),
 * 127.0.0.0/8 and ::1/128. DER bytes, as node-forge takes an extension value it does not encode itself.
 */
function loopbackNameConstraints(forge: typeof Forge): string {
  const { asn1 } = forge;
  const subtree = (tag: number, bytes: string) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, bytes)]);
  const ipv4 = String.fromCharCode(127, 0, 0, 0, 255, 0, 0, 0);
  const ipv6 = String.fromCharCode(...new Array(15).fill(0), 1, ...new Array(16).fill(255));
  const permitted = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [subtree(2, 'localhost'), subtree(7, ipv4), subtree(7, ipv6)]);
  return asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [permitted])).getBytes();
}

/** Whether the stored server certificate is signed by this CA, covers today plus the renewal margin, and has its key. */
function serverCertificateUsable(forge: typeof Forge, certFile: string, keyFile: string, caCert: Forge.pki.Certificate, now: Date): boolean {
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return false;
  try {
    const cert = forge.pki.certificateFromPem(fs.readFileSync(certFile, 'utf8'));
    const renewAt = cert.validity.notAfter.getTime() - RENEW_BEFORE_DAYS * 86400 * 1000;
    return caCert.verify(cert) && cert.validity.notBefore.getTime() <= now.getTime() && now.getTime() < renewAt;
  } catch {
    return false;
  }
}
