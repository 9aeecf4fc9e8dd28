/** Where this project's bucket lives on AWS and which local cloud serves it instead. */
export interface LocalStorageRoute {
  bucket: string;
  region: string;
  /** The local cloud's https origin, e.g. `https://127.0.0.1:4581`. */
  endpoint: string;
}

/** The globals the route wraps: the app's global object, or a stand-in in tests. */
export interface RouteScope {
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  XMLHttpRequest?: { prototype: { open: (...args: never[]) => void } };
  Request?: typeof Request;
  Headers?: typeof Headers;
}

/**
 * Sends the app's S3 requests for the routed bucket to the local cloud: `fetch` (aws-amplify's Node transfers and
 * every non-progress call) and `XMLHttpRequest.prototype.open` (its browser uploads and downloads) rewrite
 * `https://<bucket>.s3.<region>.amazonaws.com/<path>` and `https://s3.<region>.amazonaws.com/<bucket>/<path>` to
 * `<endpoint>/_s3/<original host>/<path>` with the query unchanged; the local cloud reads the original host from
 * the path to check the SigV4 signature the client computed for it. Every other URL passes through untouched.
 *
 * Rendered into the generated aws-exports.js with `Function.prototype.toString`, so it must stay self-contained:
 * no imports, no helpers from outside its body. Installing again (a second import, a second config) adds the route
 * to the same wrappers instead of wrapping twice.
 */
export function installLocalCloudStorageRoute(route: LocalStorageRoute, scope: RouteScope = globalThis as RouteScope): void {
  type RouteState = { routes: Map<string, LocalStorageRoute> };
  const stateKey = Symbol.for('amplify-cli.localCloudStorageRoutes');
  const holder = scope as RouteScope & { [key: symbol]: RouteState | undefined };
  const existing = holder[stateKey];
  const state: RouteState = existing ?? { routes: new Map() };
  state.routes.set(`${route.bucket}.s3.${route.region}`, route);
  if (existing !== undefined) return;
  holder[stateKey] = state;

  const localUrl = (address: string | URL): string | undefined => {
    let url: URL;
    try {
      url = new URL(String(address));
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:') return undefined;
    for (const { bucket, region, endpoint } of state.routes.values()) {
      const virtualHosted = url.host === `${bucket}.s3.${region}.amazonaws.com`;
      const pathStyle = url.host === `s3.${region}.amazonaws.com` && (url.pathname === `/${bucket}` || url.pathname.startsWith(`/${bucket}/`));
      if (virtualHosted || pathStyle) return `${endpoint}/_s3/${url.host}${url.pathname}${url.search}`;
    }
    return undefined;
  };

  // Node's fetch would send a `host` header the client set for signing; the local cloud answers loopback hosts only.
  const withoutHost = (headers: ConstructorParameters<typeof Headers>[0], HeadersClass: typeof Headers): Headers => {
    const copy = new HeadersClass(headers);
    copy.delete('host');
    return copy;
  };

  const originalFetch = scope.fetch;
  if (originalFetch !== undefined) {
    const HeadersClass = scope.Headers ?? Headers;
    const RequestClass = scope.Request ?? Request;
    scope.fetch = async (input, init) => {
      const isRequest = typeof input === 'object' && !(input instanceof URL);
      const target = localUrl(isRequest ? input.url : input);
      if (target === undefined) return originalFetch.call(scope, input, init);
      if (!isRequest) return originalFetch.call(scope, target, { ...init, headers: withoutHost(init?.headers, HeadersClass) });
      const request = new RequestClass(input, init);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      return originalFetch.call(scope, target, {
        method: request.method,
        headers: withoutHost(request.headers, HeadersClass),
        body,
        signal: request.signal,
        credentials: request.credentials,
        cache: request.cache,
        redirect: request.redirect,
      });
    };
  }

  const XhrClass = scope.XMLHttpRequest;
  if (XhrClass !== undefined) {
    const originalOpen = XhrClass.prototype.open as (this: unknown, method: string, url: string | URL, ...rest: unknown[]) => void;
    // The rest arguments keep the caller's arity: `open(m, u)` is asynchronous, `open(m, u, undefined)` is not.
    XhrClass.prototype.open = function open(this: unknown, method: string, url: string | URL, ...rest: unknown[]): void {
      originalOpen.call(this, method, localUrl(url) ?? url, ...rest);
    } as never;
  }
}
