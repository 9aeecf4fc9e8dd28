import type { ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import type { DeployedResource, DeployedResources } from '../pinpoint/deployed-resources';
import { jsonError, jsonResponse, JsonServiceError, parseBody } from '../pinpoint/json-service';
import { botLocales, codeHookFunction } from './bot-model';
import { converse, v2Intent, type Conversation, type DialogStep, type Turn } from './conversation';
import { applyCodeHookAnswer, fulfilmentEvent, invokeCodeHook, type BotAddress, type CodeHookInvoker } from './fulfilment';

/** Paths of the Lex runtime calls: V2 `RecognizeText` (`/bots/...`) and V1 `PostText` (`/bot/...`). */
export const isLexPath = (requestPath: string): boolean => requestPath.startsWith('/bots/') || requestPath.startsWith('/bot/');

const RECOGNIZE_TEXT = /^\/bots\/([^/]+)\/botAliases\/([^/]+)\/botLocales\/([^/]+)\/sessions\/([^/]+)\/text$/;
const POST_TEXT = /^\/bot\/([^/]+)\/alias\/([^/]+)\/user\/([^/]+)\/text$/;
/** The alias every V2 bot has, on its draft version. */
const TEST_ALIAS_ID = 'TSTALIASID';

/**
 * The Lex runtime (signing name `lex`) for bots the stacks declared: V2 `RecognizeText` by bot id, alias (the
 * stack's aliases or TSTALIASID) and locale, an intent with `FulfillmentCodeHook` enabled fulfilled by the Lambda
 * function the alias names for the locale; V1 `PostText` by bot name (V1 code hooks cannot be declared in a
 * stack, so it has none). Conversations live in memory per session.
 */
export function createLexRuntimeHandler(resources: DeployedResources, functions: CodeHookInvoker): ServiceHandler {
  const conversations = new Map<string, Conversation>();
  const conversation = (key: string): Conversation => {
    let found = conversations.get(key);
    if (!found) conversations.set(key, (found = { slots: {}, awaitingConfirmation: false, sessionAttributes: {} }));
    return found;
  };

  const recognizeText = async (botId: string, aliasId: string, localeId: string, sessionId: string, request: ServiceRequest): Promise<ServiceResponse> => {
    const bot = resources.find('AWS::Lex::Bot', botId);
    if (!bot) throw new JsonServiceError('ResourceNotFoundException', `Bot ${botId} does not exist`, 404);
    const alias = aliasId === TEST_ALIAS_ID ? undefined : resources.ofType('AWS::Lex::BotAlias').find((candidate) => candidate.properties.BotId === botId && candidate.attributes.BotAliasId === aliasId);
    if (aliasId !== TEST_ALIAS_ID && !alias) throw new JsonServiceError('ResourceNotFoundException', `Bot alias ${aliasId} of bot ${botId} does not exist`, 404);
    const locale = botLocales(bot).find((candidate) => candidate.localeId === localeId);
    if (!locale) throw new JsonServiceError('ResourceNotFoundException', `Bot ${botId} has no locale ${localeId}`, 404);
    const body = parseBody(request.body, 'ValidationException');
    if (typeof body.text !== 'string' || body.text.length === 0) throw new JsonServiceError('ValidationException', 'text is required', 400);
    const session = conversation(`${botId}/${aliasId}/${localeId}/${sessionId}`);
    const given = stringMap((body.sessionState as { sessionAttributes?: unknown } | undefined)?.sessionAttributes);
    if (given !== undefined) session.sessionAttributes = given;
    let turn = converse(locale, session, body.text);
    const codeHook = codeHookFunction(alias?.properties ?? objectProperty(bot.properties.TestBotAliasSettings), localeId);
    if (turn.state === 'ReadyForFulfillment' && turn.intent?.fulfilmentCodeHook && codeHook !== undefined) {
      const address = botAddress(bot, alias, aliasId, localeId);
      const event = fulfilmentEvent({ bot: address, sessionId, inputTranscript: body.text, requestAttributes: stringMap(body.requestAttributes) ?? {} }, turn, session);
      turn = applyCodeHookAnswer(locale, session, turn, await invokeCodeHook(functions, codeHook, event));
    }
    return jsonResponse(200, recognizeTextResponse(turn, sessionId, session.sessionAttributes));
  };

  const route = async (request: ServiceRequest): Promise<ServiceResponse> => {
    const requestPath = request.path.split('?')[0].split('/').map(decodeURIComponent).join('/');
    let match: RegExpExecArray | null;
    if (request.method === 'POST' && (match = RECOGNIZE_TEXT.exec(requestPath))) {
      const [, botId, aliasId, localeId, sessionId] = match;
      return recognizeText(botId, aliasId, localeId, sessionId, request);
    }
    if (request.method === 'POST' && (match = POST_TEXT.exec(requestPath))) {
      const [, botName, alias, userId] = match;
      const bot = resources.ofType('AWS::Lex::Bot').find((candidate) => candidate.properties.Name === botName);
      if (!bot) throw new JsonServiceError('NotFoundException', `Cannot find the bot ${botName}`, 404);
      const locale = botLocales(bot)[0];
      if (!locale) throw new JsonServiceError('NotFoundException', `The bot ${botName} has no locale`, 404);
      const body = parseBody(request.body, 'BadRequestException');
      if (typeof body.inputText !== 'string' || body.inputText.length === 0) throw new JsonServiceError('BadRequestException', 'inputText is required', 400);
      return jsonResponse(200, postTextResponse(converse(locale, conversation(`v1/${botName}/${alias}/${userId}`), body.inputText), body.sessionAttributes ?? {}));
    }
    throw new JsonServiceError('BadRequestException', `The local cloud does not emulate Lex ${request.method} ${requestPath}; it answers RecognizeText and PostText`, 400);
  };
  return async (request) => {
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof JsonServiceError) return jsonError(error, 'message');
      throw error;
    }
  };
}

/** TSTALIASID runs the bot's draft as the "TestBotAlias"; a stack's alias runs the version it names. */
function botAddress(bot: DeployedResource, alias: DeployedResource | undefined, aliasId: string, localeId: string): BotAddress {
  return {
    id: bot.physicalId,
    name: String(bot.properties.Name ?? ''),
    localeId,
    version: alias === undefined ? 'DRAFT' : String(alias.properties.BotVersion ?? 'DRAFT'),
    aliasId,
    aliasName: alias === undefined ? 'TestBotAlias' : String(alias.properties.BotAliasName ?? ''),
  };
}

function objectProperty(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A map's values as strings (Lex's attribute maps), or undefined when the request has none. */
function stringMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, String(entry)]));
}

function recognizeTextResponse(turn: Turn, sessionId: string, sessionAttributes: Record<string, string>): Record<string, unknown> {
  const intent = v2Intent(turn);
  const interpretations = turn.intent
    ? [{ intent, nluConfidence: { score: turn.score } }, { intent: { name: 'FallbackIntent', slots: {} } }]
    : [{ intent: { name: 'FallbackIntent', slots: {} } }];
  return {
    sessionId,
    ...(turn.messages.length > 0 ? { messages: turn.messages } : {}),
    sessionState: {
      dialogAction: { type: turn.step, ...(turn.slotToElicit ? { slotToElicit: turn.slotToElicit } : {}) },
      intent,
      sessionAttributes,
    },
    interpretations,
  };
}

const V1_DIALOG_STATE: Record<DialogStep, string> = { ElicitSlot: 'ElicitSlot', ConfirmIntent: 'ConfirmIntent', ElicitIntent: 'ElicitIntent', Close: 'ReadyForFulfillment' };

function postTextResponse(turn: Turn, sessionAttributes: unknown): Record<string, unknown> {
  return {
    intentName: turn.intent?.name ?? null,
    slots: Object.fromEntries((turn.intent?.slots ?? []).map((slot) => [slot.name, turn.slots[slot.name]?.interpreted ?? null])),
    message: turn.messages[0]?.content ?? null,
    messageFormat: 'PlainText',
    dialogState: turn.state === 'Failed' ? 'Failed' : V1_DIALOG_STATE[turn.step],
    slotToElicit: turn.slotToElicit ?? null,
    sessionAttributes,
  };
}
