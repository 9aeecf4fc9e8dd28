import * as crypto from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import {
  LOCAL_ACCOUNT_ID,
  S3StoreError,
  type RequestBody,
  type ServiceRequest,
  type ServiceResponse,
  type StreamingServiceHandler,
  type StreamingServiceRequest,
} from '../contracts';
import { childElements, childText, parseXml, XmlSyntaxError, type XmlElement } from '../xml/xml-reader';
import { toXml, type XmlNode } from '../xml/xml-writer';
import { hasIntegrityHeader, UploadDigests, verifyPayloadHash, verifyUploadChecksums, type FinishedDigests } from './checksums';
import { checkConditions, checkWriteConditions, objectHeaders, parseRange, readObjectAttributes } from './object-http';
import { resolveS3Address } from './s3-address';
import { requiredPermissions, type S3Authorizer } from './s3-authorization';
import { noSuchKey, S3Error, type S3ErrorCode } from './s3-errors';
import { checkKey, S3_XMLNS, type BucketConfigKind, type ObjectRecord, type ReceivedBlob, type S3Store, type UploadRecord } from './s3-store';

export interface S3ApiOptions {
  store: S3Store;
  /** This endpoint, for the `Location` of completed multipart uploads. */
  endpoint: string;
  /** Decides calls by the caller's policies, before anything is read or stored; without it every signed call may. */
  authorize?: S3Authorizer;
}

/** The root element of each stored configuration document (the policy is JSON and has none). */
const CONFIG_ROOTS: Record<Exclude<BucketConfigKind, 'policy'>, string> = {
  website: 'WebsiteConfiguration',
  encryption: 'ServerSideEncryptionConfiguration',
  publicAccessBlock: 'PublicAccessBlockConfiguration',
  cors: 'CORSConfiguration',
  versioning: 'VersioningConfiguration',
  tagging: 'Tagging',
};

/** What S3 answers when a bucket has no such configuration. */
const CONFIG_MISSING: Record<BucketConfigKind, S3ErrorCode | 'default'> = {
  policy: 'NoSuchBucketPolicy',
  website: 'NoSuchWebsiteConfiguration',
  encryption: 'default',
  publicAccessBlock: 'NoSuchPublicAccessBlockConfiguration',
  cors: 'NoSuchCORSConfiguration',
  versioning: 'default',
  tagging: 'NoSuchTagSet',
};

/** Since January 2023 every bucket is encrypted with SSE-S3 unless configured otherwise. */
const DEFAULT_ENCRYPTION = toXml(
  'ServerSideEncryptionConfiguration',
  { Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false } },
  S3_XMLNS,
);
const DEFAULT_VERSIONING = toXml('VersioningConfiguration', {}, S3_XMLNS);

/** Bucket and object sub-resources this server does not emulate: refused rather than mistaken for another call. */
const UNSUPPORTED_SUBRESOURCES = [
  'accelerate', 'acl', 'analytics', 'attributes', 'intelligent-tiering', 'inventory', 'legal-hold', 'lifecycle',
  'logging', 'metrics', 'notification', 'object-lock', 'ownershipControls', 'replication', 'requestPayment',
  'restore', 'retention', 'select', 'session', 'torrent',
];

/**
 * Objects here have one version each, S3's `null` version of a bucket whose versioning was never enabled; a
 * bucket's versioning setting is stored, not enforced, so every listing and delete works on that version.
 */
const NULL_VERSION_ID = 'null';

const MAX_DELETE_KEYS = 1000;
/** The largest single PUT S3 accepts (PutObject, UploadPart): 5 GiB. Such bodies stream to disk. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024 * 1024;
/**
 * The largest body S3 reads whole here: configuration documents (a bucket policy is at most 20 KB), DeleteObjects
 * (1,000 keys of up to 1,024 bytes) and CompleteMultipartUpload (10,000 parts) all fit well within it.
 */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const MAX_PART_NUMBER = 10000;
const OWNER = { ID: crypto.createHash('sha256').update(`local-cloud:${LOCAL_ACCOUNT_ID}`).digest('hex'), DisplayName: 'local' };

/** A call whose body has been read whole, with the digests of that body. */
interface S3Call {
  request: ServiceRequest;
  bucket: string;
  digests: FinishedDigests;
}

/**
 * The S3 REST API over the store: routes by method, bucket, key and sub-resource, answers in S3's XML. Object
 * uploads (PutObject, UploadPart) stream their bodies to disk; every other call reads its (small) body whole.
 */
export function createS3Handler(options: S3ApiOptions): StreamingServiceHandler {
  const { store, endpoint } = options;

  return async (request) => {
    const requestId = crypto.randomBytes(8).toString('hex').toUpperCase();
    const ids = { 'x-amz-request-id': requestId, 'x-amz-id-2': crypto.randomBytes(24).toString('base64') };
    try {
      const response = await route(request);
      return { ...response, headers: { ...ids, ...response.headers } };
    } catch (error) {
      if (error instanceof S3StoreError) {
        return renderError(error, request.method, ids);
      }
      throw error;
    }
  };

  async function route(streaming: StreamingServiceRequest): Promise<ServiceResponse> {
    const { bucket, key } = resolveS3Address(headerText(streaming.headers, 'host'), streaming.path);
    const { method, query, headers } = streaming;
    const refusal = options.authorize?.(streaming.accessKeyId, requiredPermissions({ method, bucket, key, query, headers }));
    if (refusal !== undefined) {
      throw new S3Error('AccessDenied', {}, refusal);
    }
    const unsupported = UNSUPPORTED_SUBRESOURCES.find((name) => query.has(name));
    if (unsupported !== undefined) {
      throw new S3Error('NotImplemented', { Subresource: unsupported }, `The local cloud does not emulate the S3 '${unsupported}' sub-resource.`);
    }
    if (bucket !== undefined && key !== undefined && method === 'PUT' && headers['x-amz-copy-source'] === undefined && !query.has('tagging')) {
      const uploadId = query.get('uploadId');
      return uploadId === null ? putObject(streaming, bucket, key) : uploadPart(streaming, bucket, key, uploadId);
    }
    const body = await streaming.body.read(MAX_DOCUMENT_BYTES);
    const request: ServiceRequest = { ...streaming, headers: withTrailers(headers, streaming.body), body };
    const digests = UploadDigests.of(request.headers, body).finish();
    verifyPayloadHash(request.headers, digests);
    if (bucket === undefined) {
      if (method === 'GET') {
        return listBuckets(query);
      }
      throw new S3Error('MethodNotAllowed', { Method: method, ResourceType: 'SERVICE' });
    }
    const call: S3Call = { request, bucket, digests };
    return key === undefined ? routeBucket(call) : routeObject(call, key);
  }

  /**
   * Streams an upload body into a new blob, computing its digests on the way, and checks them against what the
   * request declared (headers and aws-chunked trailers). The blob is the caller's to commit, or dropped here.
   */
  async function receiveUpload(request: StreamingServiceRequest): Promise<{ blob: ReceivedBlob; digests: FinishedDigests; checksum: ReturnType<typeof verifyUploadChecksums> }> {
    const running = new UploadDigests(request.headers);
    const blob = await store.receive(request.body.stream(MAX_UPLOAD_BYTES), (chunk) => running.update(chunk));
    return orDiscard(blob, () => {
      const digests = running.finish();
      const headers = withTrailers(request.headers, request.body);
      verifyPayloadHash(headers, digests);
      return { blob, digests, checksum: verifyUploadChecksums(headers, digests) };
    });
  }

  function routeBucket(call: S3Call): ServiceResponse {
    const { request, bucket } = call;
    const { method, query } = request;
    const kind = configKind(query);
    if (kind !== undefined) {
      if (method === 'GET') return getConfig(bucket, kind);
      if (method === 'PUT') return putConfig(call, kind);
      if (method === 'DELETE') return deleteConfig(bucket, kind);
    }
    switch (method) {
      case 'PUT':
        return createBucket(call);
      case 'HEAD':
        return headBucket(bucket);
      case 'DELETE':
        store.deleteBucket(bucket);
        return { status: 204 };
      case 'GET':
        if (query.has('location')) return getLocation(bucket);
        if (query.has('uploads')) return listUploads(bucket, query);
        if (query.has('versions')) return listObjectVersions(bucket, query);
        return query.get('list-type') === '2' ? listObjectsV2(bucket, query) : listObjectsV1(bucket, query);
      case 'POST':
        if (query.has('delete')) return deleteObjects(call);
        break;
    }
    throw new S3Error('MethodNotAllowed', { Method: method, ResourceType: 'BUCKET' });
  }

  function routeObject(call: S3Call, key: string): ServiceResponse {
    const { request, bucket } = call;
    const { method, query, headers } = request;
    const uploadId = query.get('uploadId');
    if (query.has('tagging')) {
      throw new S3Error('NotImplemented', { Subresource: 'tagging' }, 'The local cloud does not emulate object tagging.');
    }
    switch (method) {
      case 'PUT':
        // Uploads of bodies were routed before the body was read; what is left are copies.
        if (uploadId !== null) return uploadPartCopy(call, key, uploadId);
        if (headers['x-amz-copy-source'] !== undefined) return copyObject(call, key);
        break;
      case 'GET':
        if (uploadId !== null) return listParts(call, key, uploadId);
        return getObject(call, key, false);
      case 'HEAD':
        return getObject(call, key, true);
      case 'DELETE':
        if (uploadId !== null) {
          store.abortUpload(store.requireUpload(bucket, key, uploadId));
          return { status: 204 };
        }
        store.deleteObject(bucket, key);
        return { status: 204 };
      case 'POST':
        if (query.has('uploads')) return createUpload(call, key);
        if (uploadId !== null) return completeUpload(call, key, uploadId);
        break;
    }
    throw new S3Error('MethodNotAllowed', { Method: method, ResourceType: 'OBJECT' });
  }

  // ---- buckets -------------------------------------------------------------------------------------------------

  function listBuckets(query: URLSearchParams): ServiceResponse {
    const prefix = query.get('prefix') ?? '';
    const region = query.get('bucket-region');
    const after = query.get('continuation-token') ?? '';
    const max = Math.min(Number(query.get('max-buckets') ?? 10000) || 10000, 10000);
    const matching = store.listBuckets().filter((b) => b.name.startsWith(prefix) && (region === null || b.region === region) && b.name > after);
    const page = matching.slice(0, max);
    const truncated = matching.length > page.length;
    return xml(200, 'ListAllMyBucketsResult', {
      Owner: OWNER,
      Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: isoDate(b.created), BucketRegion: b.region })) },
      ContinuationToken: truncated ? page[page.length - 1].name : undefined,
      Prefix: query.get('prefix') ?? undefined,
    });
  }

  function createBucket(call: S3Call): ServiceResponse {
    const { request, bucket } = call;
    let region = 'us-east-1';
    if (request.body.length > 0) {
      const constraint = childText(readXml(request.body, 'CreateBucketConfiguration'), 'LocationConstraint');
      if (constraint === 'us-east-1') {
        throw new S3Error('InvalidLocationConstraint', { LocationConstraint: constraint });
      }
      if (constraint) {
        region = constraint;
      }
    } else if (request.region !== 'us-east-1') {
      throw new S3Error('IllegalLocationConstraintException');
    }
    try {
      store.createBucket(bucket, region);
    } catch (error) {
      // For legacy compatibility S3 answers 200 when you re-create a bucket you own in us-east-1.
      if (!(error instanceof S3Error && error.code === 'BucketAlreadyOwnedByYou' && region === 'us-east-1' && store.bucketRegion(bucket) === region)) {
        throw error;
      }
    }
    return { status: 200, headers: { Location: `/${bucket}` } };
  }

  function headBucket(bucket: string): ServiceResponse {
    store.requireBucket(bucket);
    return { status: 200, headers: { 'x-amz-bucket-region': store.bucketRegion(bucket) as string, 'x-amz-access-point-alias': 'false' } };
  }

  function getLocation(bucket: string): ServiceResponse {
    store.requireBucket(bucket);
    const region = store.bucketRegion(bucket) as string;
    const text = region === 'us-east-1' ? '' : region;
    return {
      status: 200,
      headers: { 'Content-Type': 'application/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">${text}</LocationConstraint>`,
    };
  }

  function getConfig(bucket: string, kind: BucketConfigKind): ServiceResponse {
    const document = store.getConfig(bucket, kind);
    if (document === undefined) {
      const missing = CONFIG_MISSING[kind];
      if (missing !== 'default') {
        throw new S3Error(missing, { BucketName: bucket });
      }
      return { status: 200, headers: { 'Content-Type': 'application/xml' }, body: kind === 'encryption' ? DEFAULT_ENCRYPTION : DEFAULT_VERSIONING };
    }
    return { status: 200, headers: { 'Content-Type': kind === 'policy' ? 'application/json' : 'application/xml' }, body: document };
  }

  function putConfig(call: S3Call, kind: BucketConfigKind): ServiceResponse {
    const { request, bucket } = call;
    store.requireBucket(bucket);
    const text = request.body.toString('utf8');
    if (kind === 'policy') {
      if (!text.trimStart().startsWith('{') || !isJson(text)) {
        throw new S3Error('MalformedPolicy');
      }
      store.putConfig(bucket, kind, text);
      return { status: 204 };
    }
    const root = readXml(request.body, CONFIG_ROOTS[kind]);
    if (kind === 'website' && childElements(root, 'IndexDocument').length === 0 && childElements(root, 'RedirectAllRequestsTo').length === 0) {
      throw new S3Error('MalformedXML', {}, 'A website configuration needs an IndexDocument or RedirectAllRequestsTo.');
    }
    store.putConfig(bucket, kind, text);
    return { status: kind === 'tagging' ? 204 : 200 };
  }

  function deleteConfig(bucket: string, kind: BucketConfigKind): ServiceResponse {
    store.putConfig(bucket, kind, undefined);
    return { status: 204 };
  }

  // ---- listing -------------------------------------------------------------------------------------------------

  function listObjectsV2(bucket: string, query: URLSearchParams): ServiceResponse {
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') || undefined;
    const startAfter = query.get('start-after') || undefined;
    const token = query.get('continuation-token') || undefined;
    const maxKeys = readMaxKeys(query);
    const encode = readEncoding(query);
    let marker = startAfter;
    if (token !== undefined) {
      marker = Buffer.from(token, 'base64url').toString('utf8');
      if (Buffer.from(marker, 'utf8').toString('base64url') !== token) {
        throw new S3Error('InvalidArgument', { ArgumentName: 'continuation-token', ArgumentValue: token }, 'The continuation token provided is incorrect');
      }
    }
    const result = store.listObjects(bucket, { prefix, delimiter, marker, maxKeys });
    return xml(200, 'ListBucketResult', {
      Name: bucket,
      Prefix: encode(prefix),
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      MaxKeys: maxKeys,
      KeyCount: result.contents.length + result.commonPrefixes.length,
      IsTruncated: result.isTruncated,
      ContinuationToken: token,
      NextContinuationToken:
        result.isTruncated && result.lastReturned !== undefined ? Buffer.from(result.lastReturned, 'utf8').toString('base64url') : undefined,
      StartAfter: startAfter === undefined ? undefined : encode(startAfter),
      EncodingType: query.get('encoding-type') ?? undefined,
      Contents: result.contents.map((record) => listEntry(record, encode, query.get('fetch-owner') === 'true')),
      CommonPrefixes: result.commonPrefixes.map((commonPrefix) => ({ Prefix: encode(commonPrefix) })),
    });
  }

  function listObjectsV1(bucket: string, query: URLSearchParams): ServiceResponse {
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') || undefined;
    const marker = query.get('marker') || undefined;
    const maxKeys = readMaxKeys(query);
    const encode = readEncoding(query);
    const result = store.listObjects(bucket, { prefix, delimiter, marker, maxKeys });
    return xml(200, 'ListBucketResult', {
      Name: bucket,
      Prefix: encode(prefix),
      Marker: encode(marker ?? ''),
      // S3 sends NextMarker only with a delimiter; without one, clients continue from the last key.
      NextMarker: result.isTruncated && delimiter !== undefined && result.lastReturned !== undefined ? encode(result.lastReturned) : undefined,
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      IsTruncated: result.isTruncated,
      EncodingType: query.get('encoding-type') ?? undefined,
      Contents: result.contents.map((record) => listEntry(record, encode, true)),
      CommonPrefixes: result.commonPrefixes.map((commonPrefix) => ({ Prefix: encode(commonPrefix) })),
    });
  }

  function listObjectVersions(bucket: string, query: URLSearchParams): ServiceResponse {
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') || undefined;
    const keyMarker = query.get('key-marker') || undefined;
    const versionIdMarker = query.get('version-id-marker') || undefined;
    if (versionIdMarker !== undefined && keyMarker === undefined) {
      throw new S3Error('InvalidArgument', { ArgumentName: 'version-id-marker', ArgumentValue: versionIdMarker }, 'A version-id marker cannot be specified without a key marker.');
    }
    const maxKeys = readMaxKeys(query);
    const encode = readEncoding(query);
    const result = store.listObjects(bucket, { prefix, delimiter, marker: keyMarker, maxKeys });
    const truncatedAfter = result.isTruncated ? result.lastReturned : undefined;
    return xml(200, 'ListVersionsResult', {
      Name: bucket,
      Prefix: encode(prefix),
      KeyMarker: encode(keyMarker ?? ''),
      VersionIdMarker: versionIdMarker ?? '',
      NextKeyMarker: truncatedAfter === undefined ? undefined : encode(truncatedAfter),
      NextVersionIdMarker: truncatedAfter === undefined ? undefined : NULL_VERSION_ID,
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      IsTruncated: result.isTruncated,
      EncodingType: query.get('encoding-type') ?? undefined,
      Version: result.contents.map((record) => ({
        Key: encode(record.key),
        VersionId: NULL_VERSION_ID,
        IsLatest: true,
        LastModified: isoDate(record.lastModified),
        ETag: record.etag,
        Size: record.size,
        Owner: OWNER,
        StorageClass: 'STANDARD',
      })),
      CommonPrefixes: result.commonPrefixes.map((commonPrefix) => ({ Prefix: encode(commonPrefix) })),
    });
  }

  // ---- objects -------------------------------------------------------------------------------------------------

  async function putObject(request: StreamingServiceRequest, bucket: string, key: string): Promise<ServiceResponse> {
    // Refusals that need no body come before it is read (and before a waiting client is told to send it).
    store.requireBucket(bucket);
    checkKey(key);
    checkWriteConditions(request.headers, store.headObject(bucket, key), key);
    const { blob, digests, checksum } = await receiveUpload(request);
    const record = orDiscard(blob, () => {
      // The key may have been written, or the bucket deleted, while the body streamed in: the commit decides.
      checkWriteConditions(request.headers, store.headObject(bucket, key), key);
      return store.commitReceivedObject(bucket, key, blob, digests.md5, { ...readObjectAttributes(request.headers), checksum });
    });
    return { status: 200, headers: { ETag: record.etag, 'x-amz-server-side-encryption': 'AES256', ...checksumHeader(record) } };
  }

  /** Runs a step (checks, the commit) on a received blob; a step that throws leaves no file behind. */
  function orDiscard<T>(blob: ReceivedBlob, commit: () => T): T {
    try {
      return commit();
    } catch (error) {
      store.discard(blob);
      throw error;
    }
  }

  function getObject(call: S3Call, key: string, head: boolean): ServiceResponse {
    const { request, bucket } = call;
    const record = store.requireObject(bucket, key);
    const headers = objectHeaders(record, request.query);
    if (checkConditions(request.headers, record) === 'not-modified') {
      return { status: 304, headers: { ETag: record.etag, 'Last-Modified': headers['Last-Modified'] } };
    }
    const range = parseRange(headerText(request.headers, 'range'), record.size);
    if (request.headers['x-amz-checksum-mode'] === 'ENABLED' && range === undefined) {
      Object.assign(headers, checksumHeader(record));
    }
    if (range !== undefined) {
      headers['Content-Range'] = `bytes ${range.start}-${range.end}/${record.size}`;
    }
    const length = range === undefined ? record.size : range.end - range.start + 1;
    headers['Content-Length'] = String(length);
    if (head) {
      return { status: range === undefined ? 200 : 206, headers };
    }
    return { status: range === undefined ? 200 : 206, headers, body: store.openBody(record, range) };
  }

  function copyObject(call: S3Call, key: string): ServiceResponse {
    const { request, bucket } = call;
    const source = readCopySource(request.headers);
    checkConditions(request.headers, source, 'x-amz-copy-source-');
    const replace = headerText(request.headers, 'x-amz-metadata-directive') === 'REPLACE';
    if (!replace && source.bucket === bucket && source.key === key) {
      throw new S3Error(
        'InvalidRequest',
        {},
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const record = store.copyObject(source, bucket, key, replace ? readObjectAttributes(request.headers) : undefined);
    return xml(200, 'CopyObjectResult', { ETag: record.etag, LastModified: isoDate(record.lastModified) }, { 'x-amz-server-side-encryption': 'AES256' });
  }

  function deleteObjects(call: S3Call): ServiceResponse {
    const { request, bucket } = call;
    store.requireBucket(bucket);
    if (!hasIntegrityHeader(request.headers)) {
      throw new S3Error('InvalidRequest', {}, 'Missing required header for this request: Content-MD5');
    }
    verifyUploadChecksums(request.headers, call.digests);
    const root = readXml(request.body, 'Delete', ['Object']);
    const objects = childElements(root, 'Object');
    if (objects.length > MAX_DELETE_KEYS) {
      throw new S3Error('MalformedXML', {}, `A DeleteObjects request can name at most ${MAX_DELETE_KEYS} keys.`);
    }
    const quiet = childText(root, 'Quiet') === 'true';
    const deleted: XmlNode[] = [];
    const errors: XmlNode[] = [];
    for (const object of objects) {
      const key = childText(object, 'Key');
      if (key === undefined || key === '') {
        throw new S3Error('MalformedXML', {}, 'Every Object of a DeleteObjects request needs a Key.');
      }
      const versionId = childText(object, 'VersionId');
      if (versionId !== undefined && versionId !== NULL_VERSION_ID) {
        errors.push({ Key: key, VersionId: versionId, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' });
        continue;
      }
      try {
        store.deleteObject(bucket, key);
        if (!quiet) {
          deleted.push({ Key: key, VersionId: versionId });
        }
      } catch (error) {
        if (!(error instanceof S3StoreError)) {
          throw error;
        }
        errors.push({ Key: key, Code: error.code, Message: error.message });
      }
    }
    return xml(200, 'DeleteResult', { Deleted: deleted, Error: errors });
  }

  // ---- multipart uploads ---------------------------------------------------------------------------------------

  function listUploads(bucket: string, query: URLSearchParams): ServiceResponse {
    const prefix = query.get('prefix') ?? '';
    const maxUploads = Math.min(Number(query.get('max-uploads') ?? 1000) || 1000, 1000);
    const keyMarker = query.get('key-marker') ?? '';
    const uploadIdMarker = query.get('upload-id-marker') ?? '';
    // Uploads come sorted by key; after the key marker, or on the marker key after the upload id marker.
    const all = store.listUploads(bucket, prefix);
    const markerIndex = uploadIdMarker === '' ? -1 : all.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker);
    const after = all.filter((u, index) => (markerIndex >= 0 ? index > markerIndex : u.key > keyMarker));
    const page = after.slice(0, maxUploads);
    const truncated = after.length > page.length;
    const last = page[page.length - 1];
    return xml(200, 'ListMultipartUploadsResult', {
      Bucket: bucket,
      KeyMarker: keyMarker,
      UploadIdMarker: uploadIdMarker,
      NextKeyMarker: truncated ? last.key : undefined,
      NextUploadIdMarker: truncated ? last.uploadId : undefined,
      Prefix: prefix,
      MaxUploads: maxUploads,
      IsTruncated: truncated,
      Upload: page.map((upload) => ({
        Key: upload.key,
        UploadId: upload.uploadId,
        Initiator: { ID: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local`, DisplayName: 'local' },
        Owner: OWNER,
        StorageClass: 'STANDARD',
        Initiated: isoDate(upload.initiated),
        ChecksumAlgorithm: upload.checksumAlgorithm?.toUpperCase(),
      })),
    });
  }

  function createUpload(call: S3Call, key: string): ServiceResponse {
    const { request, bucket } = call;
    const checksumAlgorithm = headerText(request.headers, 'x-amz-checksum-algorithm');
    const uploadId = store.createUpload(bucket, key, { ...readObjectAttributes(request.headers), checksumAlgorithm: checksumAlgorithm?.toLowerCase() });
    return xml(
      200,
      'InitiateMultipartUploadResult',
      { Bucket: bucket, Key: key, UploadId: uploadId },
      checksumAlgorithm === undefined ? {} : { 'x-amz-checksum-algorithm': checksumAlgorithm },
    );
  }

  async function uploadPart(request: StreamingServiceRequest, bucket: string, key: string, uploadId: string): Promise<ServiceResponse> {
    const partNumber = readPartNumber(request.query);
    const upload = store.requireUpload(bucket, key, uploadId);
    const { blob, digests, checksum } = await receiveUpload(request);
    const part = orDiscard(blob, () =>
      // The upload may have been completed or aborted while the part streamed in: the commit checks it again.
      store.commitReceivedPart(upload, partNumber, blob, digests.md5, checksum === undefined ? undefined : `${checksum.algorithm}:${checksum.value}`),
    );
    const headers: Record<string, string> = { ETag: part.etag, 'x-amz-server-side-encryption': 'AES256' };
    if (checksum !== undefined) {
      headers[`x-amz-checksum-${checksum.algorithm}`] = checksum.value;
    }
    return { status: 200, headers };
  }

  function uploadPartCopy(call: S3Call, key: string, uploadId: string): ServiceResponse {
    const { request, bucket } = call;
    const partNumber = readPartNumber(request.query);
    const upload: UploadRecord = store.requireUpload(bucket, key, uploadId);
    const source = readCopySource(request.headers);
    checkConditions(request.headers, source, 'x-amz-copy-source-');
    const rangeHeader = headerText(request.headers, 'x-amz-copy-source-range');
    const range = rangeHeader === undefined ? undefined : parseRange(rangeHeader, source.size);
    if (rangeHeader !== undefined && range === undefined) {
      throw new S3Error('InvalidArgument', { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: rangeHeader }, 'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy');
    }
    const part = store.copyPart(upload, partNumber, source, range);
    return xml(200, 'CopyPartResult', { ETag: part.etag, LastModified: isoDate(part.lastModified) });
  }

  function listParts(call: S3Call, key: string, uploadId: string): ServiceResponse {
    const { request, bucket } = call;
    const upload = store.requireUpload(bucket, key, uploadId);
    const marker = Number(request.query.get('part-number-marker') ?? 0) || 0;
    const maxParts = Math.min(Number(request.query.get('max-parts') ?? 1000) || 1000, 1000);
    const after = store.listParts(upload).filter((part) => part.partNumber > marker);
    const page = after.slice(0, maxParts);
    const truncated = after.length > page.length;
    return xml(200, 'ListPartsResult', {
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      Initiator: { ID: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local`, DisplayName: 'local' },
      Owner: OWNER,
      StorageClass: 'STANDARD',
      PartNumberMarker: marker,
      NextPartNumberMarker: page.length > 0 ? page[page.length - 1].partNumber : undefined,
      MaxParts: maxParts,
      IsTruncated: truncated,
      ChecksumAlgorithm: upload.checksumAlgorithm?.toUpperCase(),
      Part: page.map((part) => ({
        PartNumber: part.partNumber,
        LastModified: isoDate(part.lastModified),
        ETag: part.etag,
        Size: part.size,
        ...partChecksum(part.checksum),
      })),
    });
  }

  function completeUpload(call: S3Call, key: string, uploadId: string): ServiceResponse {
    const { request, bucket } = call;
    const upload = store.requireUpload(bucket, key, uploadId);
    const root = readXml(request.body, 'CompleteMultipartUpload', ['Part']);
    const parts = childElements(root, 'Part').map((part) => {
      const partNumber = Number(childText(part, 'PartNumber'));
      const etag = childText(part, 'ETag');
      if (!Number.isInteger(partNumber) || etag === undefined) {
        throw new S3Error('MalformedXML', {}, 'Every Part of a CompleteMultipartUpload request needs a PartNumber and an ETag.');
      }
      return { partNumber, etag };
    });
    const record = store.completeUpload(upload, parts);
    const location = `${endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
    return xml(200, 'CompleteMultipartUploadResult', { Location: location, Bucket: bucket, Key: key, ETag: record.etag }, { 'x-amz-server-side-encryption': 'AES256' });
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  function readCopySource(headers: IncomingHttpHeaders): ObjectRecord {
    const raw = (headerText(headers, 'x-amz-copy-source') ?? '').split('?')[0].replace(/^\//, '');
    const slash = raw.indexOf('/');
    let sourceBucket: string;
    let sourceKey: string;
    try {
      sourceBucket = decodeURIComponent(raw.slice(0, slash));
      sourceKey = decodeURIComponent(raw.slice(slash + 1));
    } catch {
      throw new S3Error('InvalidArgument', { ArgumentName: 'x-amz-copy-source' }, 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey');
    }
    if (slash <= 0 || sourceKey === '') {
      throw new S3Error('InvalidArgument', { ArgumentName: 'x-amz-copy-source' }, 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey');
    }
    store.requireBucket(sourceBucket);
    const source = store.headObject(sourceBucket, sourceKey);
    if (source === undefined) {
      throw noSuchKey(sourceKey);
    }
    return source;
  }
}

/** Trailing headers of an aws-chunked body count as headers sent up front (checksums, mostly). */
function withTrailers(headers: IncomingHttpHeaders, body: RequestBody): IncomingHttpHeaders {
  return body.trailers.size === 0 ? headers : { ...headers, ...Object.fromEntries(body.trailers) };
}

function configKind(query: URLSearchParams): BucketConfigKind | undefined {
  const kinds: BucketConfigKind[] = ['policy', 'website', 'encryption', 'publicAccessBlock', 'cors', 'versioning', 'tagging'];
  return kinds.find((kind) => query.has(kind));
}

function listEntry(record: ObjectRecord, encode: (text: string) => string, withOwner: boolean): XmlNode {
  return {
    Key: encode(record.key),
    LastModified: isoDate(record.lastModified),
    ETag: record.etag,
    Size: record.size,
    Owner: withOwner ? OWNER : undefined,
    StorageClass: 'STANDARD',
  };
}

function checksumHeader(record: ObjectRecord): Record<string, string> {
  return record.checksum === undefined ? {} : { [`x-amz-checksum-${record.checksum.algorithm}`]: record.checksum.value };
}

function partChecksum(stored: string | undefined): XmlNode {
  if (stored === undefined) {
    return {};
  }
  const colon = stored.indexOf(':');
  return { [`Checksum${stored.slice(0, colon).toUpperCase()}`]: stored.slice(colon + 1) };
}

function readMaxKeys(query: URLSearchParams): number {
  const text = query.get('max-keys');
  if (text === null) {
    return 1000;
  }
  if (!/^\d+$/.test(text)) {
    throw new S3Error('InvalidArgument', { ArgumentName: 'max-keys', ArgumentValue: text }, 'Provided max-keys not an integer or within integer range');
  }
  return Math.min(Number(text), 1000);
}

function readPartNumber(query: URLSearchParams): number {
  const text = query.get('partNumber') ?? '';
  const partNumber = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
    throw new S3Error('InvalidArgument', { ArgumentName: 'partNumber', ArgumentValue: text }, `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`);
  }
  return partNumber;
}

/** `encoding-type=url` percent-encodes keys in listings the way S3 does: spaces as `+`, slashes kept. */
function readEncoding(query: URLSearchParams): (text: string) => string {
  const type = query.get('encoding-type');
  if (type === null) {
    return (text) => text;
  }
  if (type !== 'url') {
    throw new S3Error('InvalidArgument', { ArgumentName: 'encoding-type', ArgumentValue: type }, 'Invalid Encoding Method specified in Request');
  }
  return (text) => encodeURIComponent(text).replace(/%2F/g, '/').replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function readXml(body: Buffer, root: string, repeatable: readonly string[] = []): XmlElement {
  try {
    return parseXml(body.toString('utf8'), root, repeatable);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new S3Error('MalformedXML');
    }
    throw error;
  }
}

function xml(status: number, root: string, node: XmlNode, headers: Record<string, string> = {}): ServiceResponse {
  return { status, headers: { 'Content-Type': 'application/xml', ...headers }, body: toXml(root, node, S3_XMLNS) };
}

function renderError(error: S3StoreError, method: string, ids: Record<string, string>): ServiceResponse {
  const details = error instanceof S3Error ? error.details : {};
  if (method === 'HEAD') {
    // HEAD responses carry no body; S3 puts nothing but the status and the request ids.
    return { status: error.status, headers: ids };
  }
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/xml', ...ids },
    body: toXml('Error', { Code: error.code, Message: error.message, ...details, RequestId: ids['x-amz-request-id'], HostId: ids['x-amz-id-2'] }),
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
