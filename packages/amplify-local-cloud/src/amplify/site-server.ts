import * as fs from 'fs';
import * as path from 'path';
import type { ServiceResponse } from '../contracts';
import { PathOutsideRootError, resolveInside } from '../store/confined-path';
import { escapeXml } from '../xml/xml-writer';

/** A rewrite or redirect rule of the app (`customRules`). */
export interface SiteRule {
  source: string;
  target: string;
  status?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

/**
 * Serves a deployed site from its folder as Amplify Hosting serves a branch: `/` and folders get their
 * `index.html`; the app's rules are applied in order (200 rewrites, 301/302 redirects, and 404 / 404-200 for
 * paths no file answers); anything else is a 404. `sitePath` is the request path below the branch's root, still
 * percent-encoded.
 */
export function serveSite(siteDir: string, sitePath: string, rules: readonly SiteRule[], method: string): ServiceResponse {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, body: `${method} is not allowed on a hosted site.` };
  }
  let requestPath: string;
  try {
    requestPath = `/${decodeURIComponent(sitePath)}`;
  } catch {
    return notFound(method);
  }
  for (const rule of rules) {
    const target = applyRule(rule, requestPath);
    if (target === undefined) continue;
    const status = rule.status ?? '200';
    if (status === '301' || status === '302') {
      return { status: Number(status), headers: { Location: target } };
    }
    if (status === '200') {
      const file = findFile(siteDir, target);
      if (file !== undefined) return sendFile(file, 200, method);
      continue;
    }
    // 404 and 404-200 apply only when no file answers the request itself.
    if (findFile(siteDir, requestPath) !== undefined) break;
    const file = findFile(siteDir, target);
    if (file !== undefined) return sendFile(file, status === '404' ? 404 : 200, method);
  }
  const file = findFile(siteDir, requestPath);
  return file === undefined ? notFound(method) : sendFile(file, 200, method);
}

/** The rule's target for this path, or `undefined` when its source does not match. */
export function applyRule(rule: SiteRule, requestPath: string): string | undefined {
  const regexSource = /^<\/(.*)\/>$/.exec(rule.source);
  if (regexSource !== null) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(regexSource[1]);
    } catch {
      return undefined;
    }
    return pattern.test(requestPath) ? rule.target : undefined;
  }
  const names: string[] = [];
  const pattern = rule.source
    .split(/(<[^<>]+>)/)
    .map((part) => {
      const placeholder = /^<([^<>]+)>$/.exec(part);
      if (placeholder === null) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(placeholder[1]);
      return placeholder[1] === '*' ? '(.*)' : '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(requestPath);
  if (match === null) return undefined;
  return names.reduce((target, name, index) => target.split(`<${name}>`).join(match[index + 1]), rule.target);
}

/** The file a site path names (a folder's `index.html`), confined to the site's folder. */
function findFile(siteDir: string, sitePath: string): string | undefined {
  const withoutQuery = sitePath.split(/[?#]/)[0];
  const segments = withoutQuery.split('/').filter((segment) => segment !== '');
  let candidate: string;
  try {
    candidate = segments.length === 0 ? path.join(siteDir, 'index.html') : resolveInside(siteDir, ...segments);
  } catch (error) {
    if (error instanceof PathOutsideRootError) return undefined;
    throw error;
  }
  const stat = fs.statSync(candidate, { throwIfNoEntry: false });
  if (stat?.isFile()) return candidate;
  if (stat?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    return fs.statSync(index, { throwIfNoEntry: false })?.isFile() ? index : undefined;
  }
  return undefined;
}

function sendFile(file: string, status: number, method: string): ServiceResponse {
  const body = fs.readFileSync(file);
  return {
    status,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-cache',
    },
    body: method === 'HEAD' ? undefined : body,
  };
}

function notFound(method: string): ServiceResponse {
  const body = `<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>${escapeXml('No file of this deployment answers the path.')}</p></body></html>`;
  return { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: method === 'HEAD' ? undefined : body };
}
