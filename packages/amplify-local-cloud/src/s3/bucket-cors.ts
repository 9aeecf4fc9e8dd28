import type { BrowserAccess, CorsDecision, PreflightRequest, ServiceResponse } from '../contracts';
import { childElements, childText, parseXml, type XmlElement } from '../xml/xml-reader';
import { toXml } from '../xml/xml-writer';
import { resolveS3Address } from './s3-address';
import type { S3Store } from './s3-store';

interface CorsRule {
  origins: string[];
  methods: string[];
  headers: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: string;
}

/** ListObjects parameters: a bucket-level GET with only these is the app listing files, not bucket administration. */
const LIST_PARAMETERS = new Set(['list-type', 'prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type', 'continuation-token', 'start-after', 'fetch-owner']);

const NOT_ALLOWED =
  'CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource\'s CORS spec.';

/**
 * S3's browser access: object operations and object listing answer CORS from the bucket's stored CORS
 * configuration, as S3 does; bucket administration (ListBuckets, create and delete, sub-resources) stays control plane.
 */
export function createS3BrowserAccess(store: S3Store): BrowserAccess {
  return {
    preflight(request: PreflightRequest): ServiceResponse | undefined {
      const requestedMethod = single(request.headers['access-control-request-method']) ?? '';
      const target = dataPlaneBucket(request, requestedMethod);
      if (target === undefined) {
        return undefined;
      }
      const origin = single(request.headers.origin) ?? '';
      const requestedHeaders = (single(request.headers['access-control-request-headers']) ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
      const rules = corsRules(store, target);
      if (rules === undefined) {
        return forbidden('CORSResponse: CORS is not enabled for this bucket.', requestedMethod);
      }
      const headersAllowed = (rule: CorsRule) => requestedHeaders.every((name) => rule.headers.some((allowed) => wildcard(allowed.toLowerCase(), name)));
      const rule = rules.find((candidate) => matches(candidate, origin, requestedMethod) && headersAllowed(candidate));
      if (rule === undefined) {
        return forbidden(NOT_ALLOWED, requestedMethod);
      }
      const headers = allowHeaders(rule, origin);
      if (requestedHeaders.length > 0) {
        headers['Access-Control-Allow-Headers'] = requestedHeaders.join(', ');
      }
      if (rule.maxAgeSeconds !== undefined) {
        headers['Access-Control-Max-Age'] = rule.maxAgeSeconds;
      }
      return { status: 200, headers };
    },

    cors(request, origin): CorsDecision {
      const target = dataPlaneBucket(request, request.method);
      if (target === undefined) {
        return { type: 'refuse', response: forbidden(`S3 bucket administration (${request.method} ${request.path}) cannot be called from a web page.`, request.method) };
      }
      if (origin === undefined) {
        // No-CORS requests (images, downloads) read nothing cross-origin; S3 serves them without CORS headers.
        return { type: 'allow', headers: {} };
      }
      const rule = corsRules(store, target)?.find((candidate) => matches(candidate, origin, request.method));
      if (rule === undefined) {
        return { type: 'refuse', response: forbidden(NOT_ALLOWED, request.method) };
      }
      return { type: 'allow', headers: allowHeaders(rule, origin) };
    },
  };
}

/** The bucket a data-plane request addresses, or `undefined` for bucket administration. */
function dataPlaneBucket(request: PreflightRequest, method: string): string | undefined {
  let address;
  try {
    address = resolveS3Address(single(request.headers.host), request.path);
  } catch {
    return undefined;
  }
  if (address.bucket === undefined) {
    return undefined;
  }
  if (address.key !== undefined) {
    return address.bucket;
  }
  const listing = (method === 'GET' || method === 'HEAD') && [...request.query.keys()].every((name) => LIST_PARAMETERS.has(name));
  return listing ? address.bucket : undefined;
}

/** The bucket's CORS rules, or `undefined` when it has none (or does not exist). */
function corsRules(store: S3Store, bucket: string): CorsRule[] | undefined {
  if (!store.bucketExists(bucket)) {
    return undefined;
  }
  const document = store.getConfig(bucket, 'cors');
  if (document === undefined) {
    return undefined;
  }
  const root = parseXml(document, 'CORSConfiguration', ['CORSRule', 'AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader']);
  return childElements(root, 'CORSRule').map((rule: XmlElement) => ({
    origins: texts(rule, 'AllowedOrigin'),
    methods: texts(rule, 'AllowedMethod'),
    headers: texts(rule, 'AllowedHeader'),
    exposeHeaders: texts(rule, 'ExposeHeader'),
    maxAgeSeconds: childText(rule, 'MaxAgeSeconds'),
  }));
}

function texts(element: XmlElement, name: string): string[] {
  return childElements(element, name).filter((child): child is string => typeof child === 'string').map((text) => text.trim());
}

function matches(rule: CorsRule, origin: string, method: string): boolean {
  return rule.origins.some((allowed) => wildcard(allowed, origin)) && rule.methods.includes(method);
}

/** S3 patterns allow one `*`, matching any run of characters. */
function wildcard(pattern: string, value: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) {
    return pattern === value;
  }
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
}

function allowHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.origins.includes('*');
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': anyOrigin ? '*' : origin,
    'Access-Control-Allow-Methods': rule.methods.join(', '),
    Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) {
    headers['Access-Control-Allow-Credentials'] = 'true';
  }
  if (rule.exposeHeaders.length > 0) {
    headers['Access-Control-Expose-Headers'] = rule.exposeHeaders.join(', ');
  }
  return headers;
}

function forbidden(message: string, method: string): ServiceResponse {
  return {
    status: 403,
    headers: { 'Content-Type': 'application/xml' },
    body: toXml('Error', { Code: 'AccessForbidden', Message: message, Method: method, ResourceType: 'OBJECT' }),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
