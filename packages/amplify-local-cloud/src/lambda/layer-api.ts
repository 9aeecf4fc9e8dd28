import type { ServiceRequest } from '../contracts';
import { LayerError, type LayerStore, type LayerVersionRecord, describeLayerVersion, layerNameOf, parseLayerVersionArn } from './layer-store';

/** A layer API answer before the service adds its headers: status and JSON body (none for 204). */
export interface LayerApiResult {
  status: 200 | 201 | 204;
  body?: unknown;
}

export interface LayerApiContext {
  store: LayerStore;
  accountId: string;
  region: string;
  /** A zip in the local S3 (PublishLayerVersion with `Content.S3Bucket`/`S3Key`), or `undefined`. */
  s3Object?(bucket: string, key: string): Buffer | undefined;
}

/** A refusal with Lambda's code and HTTP status; the service renders it as it renders Invoke's. */
export class LayerApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'LayerApiError';
  }
}

const LAYERS_PATH = /^\/2018-10-31\/layers(?:\/([^/]+)\/versions(?:\/([^/]+)(?:\/(policy)(?:\/([^/]+))?)?)?)?$/;
const STATUS_OF: Record<LayerError['code'], number> = {
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  PreconditionFailedException: 412,
  InvalidParameterValueException: 400,
};

/** Whether a path is one of the layer operations (`/2018-10-31/layers...`). */
export function isLayerPath(path: string): boolean {
  return LAYERS_PATH.test(path);
}

/** A version as the list operations show it: no layer ARN, no content digest. */
function listItem(record: LayerVersionRecord): Record<string, unknown> {
  const item: Record<string, unknown> = { ...describeLayerVersion(record) };
  for (const field of ['LayerArn', 'CodeSha256', 'CodeSize']) delete item[field];
  return item;
}

function getLayerVersion(record: LayerVersionRecord): Record<string, unknown> {
  const { CodeSha256, CodeSize, ...rest } = describeLayerVersion(record);
  return { Content: { CodeSha256, CodeSize }, ...rest };
}

function jsonBody(request: ServiceRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  try {
    const parsed = JSON.parse(request.body.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below in Lambda's words.
  }
  throw new LayerApiError('InvalidRequestContentException', 'Could not parse request body into json', 400);
}

function versionNumber(text: string): number {
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new LayerApiError('InvalidParameterValueException', `Invalid version number: ${text}`, 400);
  return version;
}

/** One page of `items` from the position a `Marker` names (an opaque index here), at most `MaxItems` (default 50). */
function page<T>(items: T[], request: ServiceRequest): { items: T[]; next?: string } {
  const start = Number(request.query.get('Marker') ?? '0');
  const max = Math.min(Math.max(Number(request.query.get('MaxItems') ?? '50') || 50, 1), 50);
  const from = Number.isInteger(start) && start >= 0 ? start : 0;
  const slice = items.slice(from, from + max);
  return from + max < items.length ? { items: slice, next: String(from + max) } : { items: slice };
}

function matches(record: LayerVersionRecord, request: ServiceRequest): boolean {
  const runtime = request.query.get('CompatibleRuntime');
  const architecture = request.query.get('CompatibleArchitecture');
  return (runtime === null || (record.CompatibleRuntimes ?? []).includes(runtime)) && (architecture === null || (record.CompatibleArchitectures ?? []).includes(architecture));
}

function publish(context: LayerApiContext, name: string, body: Record<string, unknown>): LayerVersionRecord {
  const content = body.Content as { ZipFile?: unknown; S3Bucket?: unknown; S3Key?: unknown } | undefined;
  let zip: Buffer | undefined;
  if (typeof content?.ZipFile === 'string') zip = Buffer.from(content.ZipFile, 'base64');
  else if (typeof content?.S3Bucket === 'string' && typeof content.S3Key === 'string') zip = context.s3Object?.(content.S3Bucket, content.S3Key);
  if (zip === undefined) {
    throw new LayerApiError('InvalidParameterValueException', 'Content must name a ZipFile, or an S3Bucket and S3Key of an object in this local cloud', 400);
  }
  const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);
  try {
    return context.store.publish({
      layerName: name,
      region: context.region,
      accountId: context.accountId,
      zip,
      description: typeof body.Description === 'string' ? body.Description : undefined,
      compatibleRuntimes: strings(body.CompatibleRuntimes),
      compatibleArchitectures: strings(body.CompatibleArchitectures),
      licenseInfo: typeof body.LicenseInfo === 'string' ? body.LicenseInfo : undefined,
    });
  } catch (error) {
    if (error instanceof LayerError) throw error;
    throw new LayerApiError('InvalidParameterValueException', (error as Error).message, 400);
  }
}

/**
 * The layer operations of the Lambda API (2018-10-31): ListLayers, GetLayerVersionByArn, ListLayerVersions,
 * PublishLayerVersion, GetLayerVersion, DeleteLayerVersion, GetLayerVersionPolicy, AddLayerVersionPermission,
 * RemoveLayerVersionPermission. `Content.Location` (a download URL) is not given.
 */
export function handleLayerRequest(request: ServiceRequest, context: LayerApiContext): LayerApiResult {
  const match = LAYERS_PATH.exec(request.path);
  if (match === null) throw new LayerApiError('UnknownOperationException', `Unknown operation ${request.method} ${request.path}`, 404);
  const [, rawName, rawVersion, policy, rawStatement] = match;
  const { store } = context;
  const route = `${request.method} ${[rawName && 'layer', rawVersion && 'version', policy, rawStatement && 'statement'].filter(Boolean).join('/')}`;
  try {
    const name = rawName === undefined ? '' : layerNameOf(decodeURIComponent(rawName));
    const version = rawVersion === undefined ? 0 : versionNumber(decodeURIComponent(rawVersion));
    switch (route) {
      case 'GET ': {
        if (request.query.get('find') === 'LayerVersion') {
          const arn = request.query.get('Arn') ?? '';
          const parsed = parseLayerVersionArn(arn);
          if (parsed === undefined) throw new LayerApiError('InvalidParameterValueException', `Invalid layer version ARN: ${arn}`, 400);
          return { status: 200, body: getLayerVersion(store.require(parsed.name, parsed.version)) };
        }
        const layers = store.layerNames().flatMap((layerName) => {
          const latest = store.versions(layerName).find((record) => matches(record, request));
          return latest === undefined ? [] : [{ LayerName: layerName, LayerArn: latest.LayerArn, LatestMatchingVersion: listItem(latest) }];
        });
        const { items, next } = page(layers, request);
        return { status: 200, body: { Layers: items, ...(next ? { NextMarker: next } : {}) } };
      }
      case 'GET layer': {
        const { items, next } = page(store.versions(name).filter((record) => matches(record, request)).map(listItem), request);
        return { status: 200, body: { LayerVersions: items, ...(next ? { NextMarker: next } : {}) } };
      }
      case 'POST layer':
        return { status: 201, body: getLayerVersion(publish(context, name, jsonBody(request))) };
      case 'GET layer/version':
        return { status: 200, body: getLayerVersion(store.require(name, version)) };
      case 'DELETE layer/version':
        store.delete(name, version);
        return { status: 204 };
      case 'GET layer/version/policy': {
        const record = store.require(name, version);
        if (record.policy.Statement.length === 0) throw new LayerError('ResourceNotFoundException', 'No policy is associated with the given resource.');
        return { status: 200, body: { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: record.policy.Statement }), RevisionId: record.policy.RevisionId } };
      }
      case 'POST layer/version/policy': {
        const body = jsonBody(request);
        for (const field of ['StatementId', 'Action', 'Principal']) {
          if (typeof body[field] !== 'string') throw new LayerApiError('InvalidParameterValueException', `${field} is required`, 400);
        }
        const added = store.addPermission(name, version, {
          statementId: String(body.StatementId),
          action: String(body.Action),
          principal: String(body.Principal),
          organizationId: typeof body.OrganizationId === 'string' ? body.OrganizationId : undefined,
          revisionId: request.query.get('RevisionId') ?? undefined,
        });
        return { status: 201, body: { Statement: JSON.stringify(added.statement), RevisionId: added.revisionId } };
      }
      case 'DELETE layer/version/policy/statement':
        store.removePermission(name, version, decodeURIComponent(rawStatement!));
        return { status: 204 };
      default:
        throw new LayerApiError('UnknownOperationException', `Unknown operation ${request.method} ${request.path}`, 404);
    }
  } catch (error) {
    if (error instanceof LayerError) throw new LayerApiError(error.code, error.message, STATUS_OF[error.code]);
    throw error;
  }
}
