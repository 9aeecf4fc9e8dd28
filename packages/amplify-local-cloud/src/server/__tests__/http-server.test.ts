import * as net from 'net';
import { listenHttp, type HttpServer } from '../http-server';
import { BodyError } from '../body-error';
import { rawRequest } from '../../__tests__/test-cloud';

const LIMIT = 1024;
const TIMEOUT_MS = 300;

let server: HttpServer;
let read: number[];
beforeAll(async () => {
  server = await listenHttp(
    '127.0.0.1',
    0,
    async (request) => {
      if (request.path === '/throw') {
        throw new Error('handler bug');
      }
      try {
        const body = await request.body.read(LIMIT);
        read.push(body.length);
        return { status: 200, body: `got ${body.length}` };
      } catch (error) {
        if (error instanceof BodyError) return { status: 400, body: `${error.code} ${error.message}` };
        throw error;
      }
    },
    { bodyIdleTimeoutMs: TIMEOUT_MS, headersTimeoutMs: TIMEOUT_MS },
  );
});
beforeEach(() => {
  read = [];
});
afterAll(async () => {
  await server.close();
});

/** Writes `head` (and nothing more unless told) on a raw socket; resolves with all the server sent until it closed. */
function rawExchange(head: string, options: { after100?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (options.after100 !== undefined && received.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        socket.write(options.after100);
        options.after100 = undefined;
      }
    });
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(head);
  });
}

describe('listenHttp', () => {
  it('hands bodies up to the limit the handler reads with', async () => {
    const response = await rawRequest(`http://127.0.0.1:${server.port}/`, { method: 'PUT', body: Buffer.alloc(LIMIT, 1) });
    expect(response).toMatchObject({ status: 200, body: `got ${LIMIT}` });
  });

  it('refuses a declared size over the limit at once: no 100 Continue, no byte read, connection closed', async () => {
    const threeGiB = 3 * 1024 * 1024 * 1024;
    const answer = await rawExchange(`PUT / HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${threeGiB}\r\nExpect: 100-continue\r\n\r\n`);
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Connection: close');
    expect(answer).toContain('EntityTooLarge');
    expect(read).toEqual([]);
  });

  it('sends 100 Continue when the handler reads an acceptable body, then reads it', async () => {
    const answer = await rawExchange('PUT / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n', { after100: 'hello' });
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(answer).toContain('got 5');
  });

  it('refuses a body without a declared size once it passes the limit', async () => {
    const chunk = 'x'.repeat(LIMIT + 1);
    const answer = await rawExchange(`PUT / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('EntityTooLarge');
  });

  it('answers RequestTimeout when a body stalls, and closes the connection', async () => {
    const answer = await rawExchange('PUT / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nonly a part');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('RequestTimeout Your socket connection to the server was not read from or written to within the timeout period.');
    expect(answer).toContain('Connection: close');
  });

  it('drops a client that never finishes its headers', async () => {
    const answer = await rawExchange('PUT / HTTP/1.1\r\nHost: localh');
    // Node answers 408 when it can; either way the connection ends instead of waiting for ever.
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('answers a handler that throws with a 500 and keeps serving', async () => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const failed = await rawRequest(`http://127.0.0.1:${server.port}/throw`);
      expect(failed.status).toBe(500);
      expect(failed.body).toContain('handler bug');
    } finally {
      spy.mockRestore();
    }
    expect((await rawRequest(`http://127.0.0.1:${server.port}/`)).status).toBe(200);
  });
});
