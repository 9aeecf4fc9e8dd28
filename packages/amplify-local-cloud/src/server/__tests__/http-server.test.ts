import { listenHttp, type HttpServer } from '../http-server';
import { rawRequest } from '../../__tests__/test-cloud';

let server: HttpServer;
let seen: number[];
beforeAll(async () => {
  seen = [];
  server = await listenHttp(
    '127.0.0.1',
    0,
    async (request) => {
      seen.push(request.body.length);
      if (request.path === '/throw') {
        throw new Error('handler bug');
      }
      return { status: 200, body: `got ${request.body.length}` };
    },
    { maxBodyBytes: 1024 },
  );
});
afterAll(async () => {
  await server.close();
});

describe('listenHttp', () => {
  it('hands whole bodies up to the limit to the handler', async () => {
    const response = await rawRequest(`http://127.0.0.1:${server.port}/`, { method: 'PUT', body: Buffer.alloc(1024, 1) });
    expect(response).toMatchObject({ status: 200, body: 'got 1024' });
  });

  it('refuses a larger body with EntityTooLarge without calling the handler', async () => {
    const before = seen.length;
    const response = await rawRequest(`http://127.0.0.1:${server.port}/`, { method: 'PUT', body: Buffer.alloc(64 * 1024, 1) }).catch((error: NodeJS.ErrnoException) => ({
      status: 0,
      body: error.code ?? '',
      headers: {},
    }));
    // The server closes the socket after answering, so a client still sending may see the reset instead of the
    // answer; either way nothing reached the handler.
    if (response.status === 0) {
      expect(['ECONNRESET', 'EPIPE']).toContain(response.body);
    } else {
      expect(response.status).toBe(400);
      expect(response.body).toContain('<Code>EntityTooLarge</Code>');
    }
    expect(seen.length).toBe(before);
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
