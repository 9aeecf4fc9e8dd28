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
const IP_ADDRESSES = [Buffer.from([127, 0, 0, 1]), Buffer.from([...new Array<number>(15).fill(0), 1])];

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  nameConstraints: '2.5.29.30',
};

/**
 * The CA and server certificate of a data directory under `<dataDir>/tls/`: made on first start (private keys mode
 * 0600, the CA never leaves the directory), the server certificate renewed when it nears its end. The CA is
 * name-constrained to loopback names and addresses, so trusting it cannot make any other site trusted, even if its
 * key were taken.
 *
 * Keys are ECDSA P-256, made and used by Node's own crypto (an RSA key takes the better part of a second to make,
 * which every fresh data directory would pay); node-forge contributes only its DER encoder, since Node cannot
 * encode a certificate.
 */
export function ensureTlsMaterial(dataDir: string, now: Date = new Date()): TlsMaterial {
  const directory = path.join(dataDir, TLS_DIR);
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(directory, name);
  let caCert: crypto.X509Certificate;
  let caKey: crypto.KeyObject;
  if (fs.existsSync(file(CA_CERT)) && fs.existsSync(file(CA_KEY))) {
    caCert = new crypto.X509Certificate(fs.readFileSync(file(CA_CERT)));
    caKey = crypto.createPrivateKey(fs.readFileSync(file(CA_KEY)));
  } else {
    const keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const subject = [
      [OID.commonName, `Amplify local cloud CA (${os.hostname()}, ${now.toISOString().slice(0, 10)})`],
      [OID.organizationName, 'Amplify local cloud'],
    ];
    const pem = certificatePem({ subject, publicKey: keys.publicKey, signingKey: keys.privateKey, issuerPublicKey: keys.publicKey, now, days: CA_LIFETIME_DAYS, ca: true });
    writePrivate(file(CA_KEY), keys.privateKey);
    fs.writeFileSync(file(CA_CERT), pem);
    // A new CA invalidates any server certificate an earlier one signed.
    fs.rmSync(file(SERVER_CERT), { force: true });
    caCert = new crypto.X509Certificate(pem);
    caKey = keys.privateKey;
  }
  if (!serverCertificateUsable(file(SERVER_CERT), file(SERVER_KEY), caCert, now)) {
    const keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = certificatePem({
      subject: [[OID.commonName, 'localhost']],
      issuerCertificate: caCert,
      publicKey: keys.publicKey,
      signingKey: caKey,
      issuerPublicKey: caCert.publicKey,
      now,
      days: SERVER_LIFETIME_DAYS,
      ca: false,
    });
    writePrivate(file(SERVER_KEY), keys.privateKey);
    fs.writeFileSync(file(SERVER_CERT), pem);
  }
  return { caCertificateFile: file(CA_CERT), key: fs.readFileSync(file(SERVER_KEY), 'utf8'), cert: fs.readFileSync(file(SERVER_CERT), 'utf8') };
}

/** Where a data directory's CA certificate is (whether or not it was made yet). */
export function caCertificateFile(dataDir: string): string {
  return path.join(dataDir, TLS_DIR, CA_CERT);
}

function writePrivate(file: string, key: crypto.KeyObject): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
}

interface CertificateRequest {
  subject: string[][];
  /** The issuer's certificate; none for the self-signed CA. */
  issuerCertificate?: crypto.X509Certificate;
  publicKey: crypto.KeyObject;
  signingKey: crypto.KeyObject;
  issuerPublicKey: crypto.KeyObject;
  now: Date;
  days: number;
  ca: boolean;
}

/** An X.509 v3 certificate (RFC 5280), DER-encoded with node-forge's ASN.1 writer and signed by Node (ECDSA SHA-256). */
function certificatePem(request: CertificateRequest): string {
  const forge = require('node-forge') as typeof Forge;
  const { asn1 } = forge;
  const { Class, Type } = asn1;
  const sequence = (items: Forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
  const oid = (value: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(value).getBytes());
  const bytes = (buffer: Buffer) => buffer.toString('binary');
  const fromDer = (buffer: Buffer) => asn1.fromDer(forge.util.createBuffer(bytes(buffer)));
  const octets = (value: string) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, value);
  const bitString = (value: string, unusedBits = 0) => asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(unusedBits) + value);
  const name = (attributes: string[][]) =>
    sequence(attributes.map(([type, value]) => asn1.create(Class.UNIVERSAL, Type.SET, true, [sequence([oid(type), asn1.create(Class.UNIVERSAL, Type.UTF8, false, forge.util.encodeUtf8(value))])])));
  const extension = (id: string, critical: boolean, value: Forge.asn1.Asn1) =>
    sequence([oid(id), ...(critical ? [asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff')] : []), octets(asn1.toDer(value).getBytes())]);
  const keyIdentifier = (key: crypto.KeyObject) => {
    // RFC 5280's method 1: SHA-1 of the subjectPublicKey bits (the BIT STRING of the SPKI, without its unused-bits byte).
    const spki = fromDer(key.export({ type: 'spki', format: 'der' }));
    const bits = String((spki.value as Forge.asn1.Asn1[])[1].value).slice(1);
    return crypto.createHash('sha1').update(Buffer.from(bits, 'binary')).digest().toString('binary');
  };
  const signatureAlgorithm = sequence([oid(OID.ecdsaWithSha256)]);
  const subjectOf = (certificate: crypto.X509Certificate) => ((fromDer(certificate.raw).value as Forge.asn1.Asn1[])[0].value as Forge.asn1.Asn1[])[5];
  const notBefore = new Date(request.now.getTime() - 3600 * 1000);
  const notAfter = new Date(request.now.getTime() + request.days * 86400 * 1000);
  // Positive (top bit clear) and unique: RFC 5280 serial numbers.
  const serial = `\x01${crypto.randomBytes(15).toString('binary')}`;

  const extensions = request.ca
    ? [
        extension(OID.basicConstraints, true, sequence([asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff'), asn1.create(Class.UNIVERSAL, Type.INTEGER, false, '\x00')])),
        // keyCertSign (bit 5) and cRLSign (bit 6).
        extension(OID.keyUsage, true, bitString('\x06', 1)),
        extension(OID.subjectKeyIdentifier, false, octets(keyIdentifier(request.publicKey))),
        extension(OID.nameConstraints, true, loopbackNameConstraints(forge)),
      ]
    : [
        extension(OID.basicConstraints, true, sequence([])),
        // digitalSignature (bit 0): what an ECDSA key does in a TLS handshake.
        extension(OID.keyUsage, true, bitString('\x80', 7)),
        extension(OID.extKeyUsage, false, sequence([oid(OID.serverAuth)])),
        extension(
          OID.subjectAltName,
          false,
          sequence([
            ...DNS_NAMES.map((dns) => asn1.create(Class.CONTEXT_SPECIFIC, 2, false, dns)),
            ...IP_ADDRESSES.map((ip) => asn1.create(Class.CONTEXT_SPECIFIC, 7, false, bytes(ip))),
          ]),
        ),
        extension(OID.subjectKeyIdentifier, false, octets(keyIdentifier(request.publicKey))),
        extension(OID.authorityKeyIdentifier, false, sequence([asn1.create(Class.CONTEXT_SPECIFIC, 0, false, keyIdentifier(request.issuerPublicKey))])),
      ];
  const tbs = sequence([
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [asn1.create(Class.UNIVERSAL, Type.INTEGER, false, '\x02')]),
    asn1.create(Class.UNIVERSAL, Type.INTEGER, false, serial),
    signatureAlgorithm,
    // The issuer as its certificate encodes its subject: chains are matched byte for byte.
    request.issuerCertificate === undefined ? name(request.subject) : subjectOf(request.issuerCertificate),
    sequence([asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(notBefore)), asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(notAfter))]),
    name(request.subject),
    fromDer(request.publicKey.export({ type: 'spki', format: 'der' })),
    asn1.create(Class.CONTEXT_SPECIFIC, 3, true, [sequence(extensions)]),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = crypto.sign('sha256', tbsDer, request.signingKey);
  const der = Buffer.from(asn1.toDer(sequence([tbs, sequence([oid(OID.ecdsaWithSha256)]), bitString(bytes(signature))])).getBytes(), 'binary');
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** NameConstraints (RFC 5280 4.2.1.10), permitted subtrees only: the DNS name `localhost` (and names under it), 127.0.0.0/8 and ::1/128. */
function loopbackNameConstraints(forge: typeof Forge): Forge.asn1.Asn1 {
  const { asn1 } = forge;
  const subtree = (tag: number, value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, value)]);
  const ipv4 = String.fromCharCode(127, 0, 0, 0, 255, 0, 0, 0);
  const ipv6 = String.fromCharCode(...new Array<number>(15).fill(0), 1, ...new Array<number>(16).fill(255));
  const permitted = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [subtree(2, 'localhost'), subtree(7, ipv4), subtree(7, ipv6)]);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [permitted]);
}

/** Whether the stored server certificate is signed by this CA, covers today plus the renewal margin, and has its key. */
function serverCertificateUsable(certFile: string, keyFile: string, caCert: crypto.X509Certificate, now: Date): boolean {
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return false;
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(certFile));
    const renewAt = Date.parse(cert.validTo) - RENEW_BEFORE_DAYS * 86400 * 1000;
    return cert.verify(caCert.publicKey) && cert.checkPrivateKey(crypto.createPrivateKey(fs.readFileSync(keyFile))) && Date.parse(cert.validFrom) <= now.getTime() && now.getTime() < renewAt;
  } catch {
    return false;
  }
}
