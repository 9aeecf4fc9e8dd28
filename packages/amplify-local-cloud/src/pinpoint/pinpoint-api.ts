import { randomUUID } from 'crypto';
import type { ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import type { DeployedResources } from './deployed-resources';
import type { PinpointEventLog, RecordedEvent } from './event-log';
import { jsonError, jsonResponse, JsonServiceError, parseBody } from './json-service';

/** Paths of the Pinpoint calls apps make (`/v1/apps/<appId>/...`). */
export const isPinpointPath = (requestPath: string): boolean => requestPath.startsWith('/v1/apps/');

const EVENTS = /^\/v1\/apps\/([^/]+)\/events$/;
const ENDPOINT = /^\/v1\/apps\/([^/]+)\/endpoints\/([^/]+)$/;
const IN_APP_MESSAGES = /^\/v1\/apps\/([^/]+)\/endpoints\/([^/]+)\/inappmessages$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The Pinpoint data plane (signing name `mobiletargeting`): `PutEvents`, `UpdateEndpoint` and `GetInAppMessages` on
 * apps the stacks created, each recorded; any other call is refused as AWS refuses an unknown operation.
 */
export function createPinpointHandler(resources: DeployedResources, log: PinpointEventLog, now: () => Date = () => new Date()): ServiceHandler {
  const requireApp = (appId: string): void => {
    if (!resources.find('AWS::Pinpoint::App', appId)) throw new JsonServiceError('NotFoundException', `Resource not found: no Pinpoint app ${appId}`, 404);
  };
  const route = (request: ServiceRequest): ServiceResponse => {
    const requestPath = decodeURIComponent(request.path.split('?')[0]);
    let match: RegExpExecArray | null;
    if (request.method === 'POST' && (match = EVENTS.exec(requestPath))) {
      requireApp(match[1]);
      return jsonResponse(202, putEvents(match[1], parseBody(request.body, 'BadRequestException'), log, now()));
    }
    if (request.method === 'PUT' && (match = ENDPOINT.exec(requestPath))) {
      requireApp(match[1]);
      log.appendEndpoint({ receivedAt: now().toISOString(), appId: match[1], endpointId: match[2], endpoint: parseBody(request.body, 'BadRequestException') });
      return jsonResponse(202, { Message: 'Accepted', RequestID: randomUUID() });
    }
    if (request.method === 'GET' && (match = IN_APP_MESSAGES.exec(requestPath))) {
      requireApp(match[1]);
      // The local cloud runs no campaigns, so no endpoint has in-app messages to show.
      return jsonResponse(200, { InAppMessageCampaigns: [] });
    }
    throw new JsonServiceError('BadRequestException', `The local cloud does not emulate Pinpoint ${request.method} ${requestPath}; it answers PutEvents, UpdateEndpoint and GetInAppMessages`, 400);
  };
  return async (request) => {
    try {
      return route(request);
    } catch (error) {
      if (error instanceof JsonServiceError) return jsonError(error, 'Message');
      throw error;
    }
  };
}

/** Records each event of the batch; every endpoint and event is answered 202 Accepted, as Pinpoint does. */
function putEvents(appId: string, body: Record<string, unknown>, log: PinpointEventLog, receivedAt: Date): Record<string, unknown> {
  const batch = body.BatchItem;
  if (!isObject(batch)) throw new JsonServiceError('BadRequestException', 'BatchItem is required', 400);
  const recorded: RecordedEvent[] = [];
  const results: Record<string, unknown> = {};
  for (const [endpointId, item] of Object.entries(batch)) {
    const events = isObject(item) && isObject(item.Events) ? item.Events : {};
    const eventResults: Record<string, unknown> = {};
    for (const [eventId, event] of Object.entries(events)) {
      if (!isObject(event) || typeof event.EventType !== 'string') {
        eventResults[eventId] = { StatusCode: 400, Message: 'EventType is required' };
        continue;
      }
      recorded.push({
        receivedAt: receivedAt.toISOString(),
        appId,
        endpointId,
        eventId,
        eventType: event.EventType,
        timestamp: typeof event.Timestamp === 'string' ? event.Timestamp : undefined,
        attributes: isObject(event.Attributes) ? (event.Attributes as Record<string, string>) : {},
        metrics: isObject(event.Metrics) ? (event.Metrics as Record<string, number>) : {},
        sessionId: isObject(event.Session) && typeof event.Session.Id === 'string' ? event.Session.Id : undefined,
      });
      eventResults[eventId] = { StatusCode: 202, Message: 'Accepted' };
    }
    results[endpointId] = { EndpointItemResponse: { StatusCode: 202, Message: 'Accepted' }, EventsItemResponse: eventResults };
  }
  log.appendEvents(recorded);
  return { Results: results };
}
