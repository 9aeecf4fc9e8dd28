import type { IncomingHttpHeaders } from 'http';

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Whether a Host header names this machine: 127.0.0.0/8, `localhost`, `<bucket>.localhost` (virtual-hosted S3) or
 * `[::1]`, with or without a port. Anything else is a page that resolved its own name to 127.0.0.1 (DNS
 * rebinding) or a proxy forwarding outside traffic: neither may reach the local cloud.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) {
    return false;
  }
  const name = host.toLowerCase().replace(/:\d{1,5}$/, '');
  if (name === '[::1]' || name === 'localhost' || (name.endsWith('.localhost') && /^[a-z0-9.-]+$/.test(name))) {
    return true;
  }
  const ipv4 = IPV4_LOOPBACK.exec(name);
  return ipv4 !== null && ipv4.slice(1).every((octet) => Number(octet) <= 255);
}

/** How a request came from a web page, if it did. */
export type BrowserContext = { type: 'none' } | { type: 'browser'; origin?: string };

/**
 * Browsers add `Origin` to cross-origin requests (and to every POST) and `Sec-Fetch-Site` to all of theirs; SDKs
 * and command-line tools send neither. `Sec-Fetch-Site: cross-site` without an Origin is a no-CORS request such as
 * an `<img src>` of a presigned URL.
 */
export function browserContext(headers: IncomingHttpHeaders): BrowserContext {
  const origin = single(headers.origin);
  const site = single(headers['sec-fetch-site']);
  if (origin !== undefined) {
    return { type: 'browser', origin };
  }
  return site === 'cross-site' || site === 'same-site' ? { type: 'browser' } : { type: 'none' };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
