import { LOCAL_ACCOUNT_ID, type ServiceHandler, type ServiceRequest, type ServiceResponse } from '../contracts';
import { childElements, childText, parseXml, XmlSyntaxError, type XmlElement } from '../xml/xml-reader';
import { toXml, type XmlNode } from '../xml/xml-writer';
import type { DistributionStore, InvalidationRecord } from './distribution-store';

const API_VERSION = '2020-05-31';
const XMLNS = `http://cloudfront.amazonaws.com/doc/${API_VERSION}/`;
const DISTRIBUTION_PATH = new RegExp(`^/${API_VERSION}/distribution/([^/]+)(/invalidation(?:/([^/]+))?)?$`);
const MAX_PATHS = 3000;

class CloudFrontError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The CloudFront REST API (SigV4 service `cloudfront`) over the distributions stacks deployed: GetDistribution,
 * and CreateInvalidation, GetInvalidation and ListInvalidations, which are recorded (and complete at once: the local
 * cloud caches nothing).
 */
export function createCloudFrontHandler(distributions: DistributionStore): ServiceHandler {
  return async (request) => {
    try {
      return handle(distributions, request);
    } catch (error) {
      if (error instanceof CloudFrontError) return errorResponse(error);
      throw error;
    }
  };
}

function handle(distributions: DistributionStore, request: ServiceRequest): ServiceResponse {
  const match = DISTRIBUTION_PATH.exec(request.path);
  if (match === null) {
    throw new CloudFrontError(404, 'InvalidAction', `The local cloud's CloudFront answers distribution and invalidation calls only, not ${request.method} ${request.path}.`);
  }
  const [, id, invalidationPart, invalidationId] = match;
  const distribution = distributions.get(decodeURIComponent(id));
  if (distribution === undefined) {
    throw new CloudFrontError(404, 'NoSuchDistribution', 'The specified distribution does not exist.');
  }
  if (invalidationPart === undefined) {
    if (request.method !== 'GET') throw methodNotAllowed(request);
    const body = {
      Id: distribution.id,
      ARN: `arn:aws:cloudfront::${LOCAL_ACCOUNT_ID}:distribution/${distribution.id}`,
      Status: 'Deployed',
      LastModifiedTime: distribution.lastModified,
      InProgressInvalidationBatches: 0,
      DomainName: distribution.domainName,
    };
    return xml(200, 'Distribution', body, { ETag: `E${distribution.lastModified.replace(/\D/g, '')}` });
  }
  if (invalidationId !== undefined) {
    if (request.method !== 'GET') throw methodNotAllowed(request);
    const record = distributions.getInvalidation(distribution.id, decodeURIComponent(invalidationId));
    if (record === undefined) throw new CloudFrontError(404, 'NoSuchInvalidation', 'The specified invalidation does not exist.');
    return xml(200, 'Invalidation', invalidationXml(record));
  }
  if (request.method === 'GET') {
    const items = distributions.invalidations(distribution.id);
    return xml(200, 'InvalidationList', {
      Marker: '',
      MaxItems: 100,
      IsTruncated: false,
      Quantity: items.length,
      Items: items.length === 0 ? undefined : { InvalidationSummary: items.map((item) => ({ Id: item.id, CreateTime: item.createTime, Status: item.status })) },
    });
  }
  if (request.method !== 'POST') throw methodNotAllowed(request);
  const { callerReference, paths } = readInvalidationBatch(request.body.toString('utf8'));
  const result = distributions.addInvalidation(distribution.id, callerReference, paths);
  if (result === 'reference-reused') {
    throw new CloudFrontError(409, 'InvalidationBatchAlreadyExists', 'An invalidation with this caller reference and other paths already exists.');
  }
  const location = `https://cloudfront.amazonaws.com/${API_VERSION}/distribution/${distribution.id}/invalidation/${result.record.id}`;
  return xml(result.created ? 201 : 200, 'Invalidation', invalidationXml(result.record), { Location: location });
}

function readInvalidationBatch(text: string): { callerReference: string; paths: string[] } {
  let batch: XmlElement;
  try {
    batch = parseXml(text, 'InvalidationBatch', ['Path']);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new CloudFrontError(400, 'MalformedInput', error.message);
    throw error;
  }
  const callerReference = childText(batch, 'CallerReference');
  if (!callerReference) throw new CloudFrontError(400, 'MissingBody', 'InvalidationBatch needs a CallerReference.');
  const pathsElement = childElements(batch, 'Paths')[0];
  const quantity = Number(childText(pathsElement, 'Quantity'));
  const paths = childElements(childElements(pathsElement, 'Items')[0], 'Path').map((path) => (typeof path === 'string' ? path : ''));
  if (!Number.isInteger(quantity) || quantity !== paths.length) {
    throw new CloudFrontError(400, 'InconsistentQuantities', `Paths.Quantity (${String(childText(pathsElement, 'Quantity'))}) must equal the number of paths (${paths.length}).`);
  }
  if (paths.length === 0 || paths.length > MAX_PATHS) {
    throw new CloudFrontError(400, 'InvalidArgument', `An invalidation takes 1 to ${MAX_PATHS} paths, not ${paths.length}.`);
  }
  const bad = paths.find((path) => !path.startsWith('/'));
  if (bad !== undefined) throw new CloudFrontError(400, 'InvalidArgument', `Invalidation path '${bad}' must begin with /.`);
  return { callerReference, paths };
}

function invalidationXml(record: InvalidationRecord): XmlNode {
  return {
    Id: record.id,
    Status: record.status,
    CreateTime: record.createTime,
    InvalidationBatch: { Paths: { Quantity: record.paths.length, Items: { Path: record.paths } }, CallerReference: record.callerReference },
  };
}

function methodNotAllowed(request: ServiceRequest): CloudFrontError {
  return new CloudFrontError(405, 'MethodNotAllowed', `${request.method} is not allowed on ${request.path}.`);
}

function xml(status: number, root: string, body: XmlNode, headers: Record<string, string> = {}): ServiceResponse {
  return { status, headers: { 'Content-Type': 'text/xml', ...headers }, body: toXml(root, body, XMLNS) };
}

function errorResponse(error: CloudFrontError): ServiceResponse {
  const body = toXml('ErrorResponse', { Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message }, RequestId: '' }, XMLNS);
  return { status: error.status, headers: { 'Content-Type': 'text/xml', 'x-amzn-ErrorType': error.code }, body };
}
