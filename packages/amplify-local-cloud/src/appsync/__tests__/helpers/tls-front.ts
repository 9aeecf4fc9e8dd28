import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as tls from 'tls';

const TLS_DIR = path.join(__dirname, '..', 'fixtures', 'tls');
/** A certificate for 127.0.0.1 and localhost, valid until 2126: trusted by the test's WebSocket client only. */
export const TEST_CERTIFICATE = fs.readFileSync(path.join(TLS_DIR, 'localhost-cert.pem'));
const TEST_KEY = fs.readFileSync(path.join(TLS_DIR, 'localhost-key.pem'));

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

/**
 * One port that answers plain HTTP and TLS alike, forwarding both to `upstreamPort`: what aws-amplify needs to
 * reach a plain-HTTP endpoint for queries and the same host and port over `wss://` for subscriptions, until the
 * local cloud serves TLS itself. TLS connections (their first byte is a handshake record, 22) go through an inner
 * TLS server that decrypts them.
 */
export async function startTlsFront(upstreamPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  };
  const join = (a: net.Socket, b: net.Socket) => {
    a.pipe(b).pipe(a);
    a.once('close', () => b.destroy());
    b.once('close', () => a.destroy());
  };
  const decrypting = tls.createServer({ key: TEST_KEY, cert: TEST_CERTIFICATE }, (secure) => join(track(secure), track(net.connect(upstreamPort, '127.0.0.1'))));
  const tlsPort = await listen(decrypting);
  const front = net.createServer((socket) => {
    track(socket);
    socket.once('data', (first) => {
      const target = track(net.connect(first[0] === 0x16 ? tlsPort : upstreamPort, '127.0.0.1'));
      target.write(first);
      join(socket, target);
    });
  });
  const port = await listen(front);
  return {
    port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([front, decrypting].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
