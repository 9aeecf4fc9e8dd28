import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vm from 'vm';
import { installLocalCloudStorageRoute, type RouteScope } from '../local-storage-route';
import { renderStorageRouteBlock, withoutStorageRouteBlock } from '../storage-route-block';

const ROUTE = { bucket: 'notes-files123-dev', region: 'us-east-1', endpoint: 'https://127.0.0.1:4581' };
const LOCAL = `${ROUTE.endpoint}/_s3/`;

/** A global object whose fetch and XMLHttpRequest record what they were asked. */
function fakeScope() {
  const fetched: Array<{ url: string; init?: RequestInit }> = [];
  const opened: unknown[][] = [];
  class FakeXhr {
    open(...args: unknown[]): void {
      opened.push(args);
    }
  }
  const scope: RouteScope = {
    fetch: async (input, init) => {
      fetched.push({ url: String(input), init });
      return new Response('ok');
    },
    XMLHttpRequest: FakeXhr as unknown as RouteScope['XMLHttpRequest'],
  };
  return { scope, fetched, opened, FakeXhr };
}

describe('installLocalCloudStorageRoute', () => {
  it('sends fetches of the bucket (virtual-hosted and path style) to the local cloud, path and query as signed', async () => {
    const { scope, fetched } = fakeScope();
    installLocalCloudStorageRoute(ROUTE, scope);
    await scope.fetch!('https://notes-files123-dev.s3.us-east-1.amazonaws.com/public/a%20b.txt?x-id=PutObject', { method: 'PUT' });
    await scope.fetch!(new URL('https://s3.us-east-1.amazonaws.com/notes-files123-dev/public/?list-type=2'));
    expect(fetched.map((call) => call.url)).toEqual([
      `${LOCAL}notes-files123-dev.s3.us-east-1.amazonaws.com/public/a%20b.txt?x-id=PutObject`,
      `${LOCAL}s3.us-east-1.amazonaws.com/notes-files123-dev/public/?list-type=2`,
    ]);
    expect(fetched[0].init?.method).toBe('PUT');
  });

  it('leaves every other URL alone: other buckets, regions, services, plain http and the local cloud itself', async () => {
    const { scope, fetched } = fakeScope();
    installLocalCloudStorageRoute(ROUTE, scope);
    const others = [
      'https://other-bucket.s3.us-east-1.amazonaws.com/public/a.txt',
      'https://notes-files123-dev.s3.eu-west-1.amazonaws.com/public/a.txt',
      'https://s3.us-east-1.amazonaws.com/notes-files123-devx/a.txt',
      'https://cognito-idp.us-east-1.amazonaws.com/',
      'http://notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt',
      'https://notes-files123-dev.s3.us-east-1.amazonaws.com.evil.example/a.txt',
      `${ROUTE.endpoint}/graphql`,
      'not a url',
    ];
    for (const url of others) await scope.fetch!(url);
    expect(fetched.map((call) => call.url)).toEqual(others);
  });

  it('drops the host header the signer set, keeping the others', async () => {
    const { scope, fetched } = fakeScope();
    installLocalCloudStorageRoute(ROUTE, scope);
    await scope.fetch!('https://notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt', {
      headers: { host: 'notes-files123-dev.s3.us-east-1.amazonaws.com', authorization: 'AWS4-HMAC-SHA256 x' },
    });
    const headers = fetched[0].init?.headers as Headers;
    expect([headers.get('host'), headers.get('authorization')]).toEqual([null, 'AWS4-HMAC-SHA256 x']);
  });

  it('rewrites a Request object, body included', async () => {
    const { scope, fetched } = fakeScope();
    installLocalCloudStorageRoute(ROUTE, scope);
    await scope.fetch!(new Request('https://notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt', { method: 'PUT', body: 'hello' }));
    expect(fetched[0].url).toBe(`${LOCAL}notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt`);
    expect(Buffer.from(fetched[0].init?.body as ArrayBuffer).toString()).toBe('hello');
  });

  it("rewrites XMLHttpRequest.open's URL and keeps the caller's arguments", () => {
    const { scope, opened, FakeXhr } = fakeScope();
    installLocalCloudStorageRoute(ROUTE, scope);
    new FakeXhr().open('GET', 'https://notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt?x-id=GetObject');
    new FakeXhr().open('GET', 'https://example.com/', false);
    expect(opened).toEqual([
      ['GET', `${LOCAL}notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt?x-id=GetObject`],
      ['GET', 'https://example.com/', false],
    ]);
  });

  it('is installed once: a second install adds its bucket to the same wrappers', async () => {
    const { scope, fetched, opened, FakeXhr } = fakeScope();
    installLocalCloudStorageRoute(ROUTE, scope);
    const wrapped = scope.fetch;
    installLocalCloudStorageRoute(ROUTE, scope);
    installLocalCloudStorageRoute({ ...ROUTE, bucket: 'second' }, scope);
    expect(scope.fetch).toBe(wrapped);
    await scope.fetch!('https://notes-files123-dev.s3.us-east-1.amazonaws.com/a');
    await scope.fetch!('https://second.s3.us-east-1.amazonaws.com/a');
    new FakeXhr().open('GET', 'https://second.s3.us-east-1.amazonaws.com/b');
    expect(fetched.map((call) => call.url)).toEqual([`${LOCAL}notes-files123-dev.s3.us-east-1.amazonaws.com/a`, `${LOCAL}second.s3.us-east-1.amazonaws.com/a`]);
    expect(opened).toEqual([['GET', `${LOCAL}second.s3.us-east-1.amazonaws.com/b`]]);
  });

  it("wraps only what the scope has (Node 20 has no XMLHttpRequest)", () => {
    const scope: RouteScope = {};
    installLocalCloudStorageRoute(ROUTE, scope);
    expect(Object.keys(scope)).toEqual([]);
  });
});

describe('the rendered block', () => {
  it('runs on its own (no outside references) and routes Node 20 fetch to a server, without a host header', async () => {
    const seen: Array<{ url?: string; host?: string }> = [];
    const server = http.createServer((request, response) => {
      seen.push({ url: request.url, host: request.headers.host });
      response.end('from the server');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // The block routes https URLs only; the stand-in endpoint is plain http so the test needs no certificate.
      const context = vm.createContext({ fetch, Headers, Request, URL, Symbol, Map, String });
      vm.runInContext(renderStorageRouteBlock({ ...ROUTE, endpoint }), context);
      vm.runInContext(renderStorageRouteBlock({ ...ROUTE, endpoint }), context);
      const fetchInContext = context.fetch as typeof fetch;
      const response = await fetchInContext('https://notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt?x-id=GetObject', {
        headers: { host: 'notes-files123-dev.s3.us-east-1.amazonaws.com' },
      });
      expect(await response.text()).toBe('from the server');
      expect(seen).toEqual([{ url: '/_s3/notes-files123-dev.s3.us-east-1.amazonaws.com/public/a.txt?x-id=GetObject', host: new URL(endpoint).host }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is removed whole by withoutStorageRouteBlock, and only it', () => {
    const text = `const a = {};\n\n${renderStorageRouteBlock(ROUTE)}\nexport default a;\n`;
    expect(withoutStorageRouteBlock(text)).toBe('const a = {};\n\n\nexport default a;\n');
    expect(withoutStorageRouteBlock('const a = {};\n')).toBe('const a = {};\n');
    expect(withoutStorageRouteBlock(text.replace(/\n/g, '\r\n'))).toBe('const a = {};\r\n\r\n\r\nexport default a;\r\n');
  });
});
