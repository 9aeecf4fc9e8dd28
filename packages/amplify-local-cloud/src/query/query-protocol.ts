import * as crypto from 'crypto';
import type { ServiceRequest, ServiceResponse } from '../contracts';
import { toXml, type XmlNode } from '../xml/xml-writer';

/**
 * The AWS query protocol shared by STS and CloudFormation: parameters in the form body (or the query string),
 * `<Action>Response` documents with a `ResponseMetadata/RequestId`, and `ErrorResponse` documents for failures.
 */
export function queryParameters(request: ServiceRequest): URLSearchParams {
  const parameters = new URLSearchParams(request.query);
  const contentType = String(request.headers['content-type'] ?? '');
  if (request.method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) {
      parameters.append(name, value);
    }
  }
  return parameters;
}

/** `null`: the action answers no result element, only the response metadata (CloudFormation's DeleteStack). */
export function queryResult(action: string, xmlns: string, result: XmlNode | null): ServiceResponse {
  const requestId = crypto.randomUUID();
  const body: XmlNode = result === null ? {} : { [`${action}Result`]: result };
  body.ResponseMetadata = { RequestId: requestId };
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
    body: toXml(`${action}Response`, body, xmlns),
  };
}

/** `Sender` errors are the caller's (4xx), `Receiver` errors the service's (5xx). */
export function queryError(status: number, code: string, message: string, xmlns?: string): ServiceResponse {
  const requestId = crypto.randomUUID();
  return {
    status,
    headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
    body: toXml('ErrorResponse', { Error: { Type: status < 500 ? 'Sender' : 'Receiver', Code: code, Message: message }, RequestId: requestId }, xmlns),
  };
}
