import type { ServiceHandler, ServiceRequest, ServiceResponse } from '../contracts';
import type { DeployedResources } from '../pinpoint/deployed-resources';
import { jsonError, jsonResponse, JsonServiceError, parseBody } from '../pinpoint/json-service';
import { botLocales, type BotIntent, type BotLocaleModel } from './bot-model';
import { matchIntent, resolveSlotValue } from './intent-matcher';

/** Paths of the Lex runtime calls: V2 `RecognizeText` (`/bots/...`) and V1 `PostText` (`/bot/...`). */
export const isLexPath = (requestPath: string): boolean => requestPath.startsWith('/bots/') || requestPath.startsWith('/bot/');

const RECOGNIZE_TEXT = /^\/bots\/([^/]+)\/botAliases\/([^/]+)\/botLocales\/([^/]+)\/sessions\/([^/]+)\/text$/;
const POST_TEXT = /^\/bot\/([^/]+)\/alias\/([^/]+)\/user\/([^/]+)\/text$/;
/** The alias every V2 bot has, on its draft version. */
const TEST_ALIAS_ID = 'TSTALIASID';

type DialogStep = 'ElicitSlot' | 'ConfirmIntent' | 'Close' | 'ElicitIntent';
type IntentState = 'InProgress' | 'ReadyForFulfillment' | 'Failed';

interface Conversation {
  intent?: BotIntent;
  slots: Record<string, { original: string; interpreted: string }>;
  slotToElicit?: string;
  awaitingConfirmation: boolean;
}

interface Turn {
  intent?: BotIntent;
  slots: Record<string, { original: string; interpreted: string }>;
  step: DialogStep;
  state: IntentState;
  confirmation: 'None' | 'Confirmed' | 'Denied';
  slotToElicit?: string;
  message?: string;
  score: number;
}

const YES = /^(yes|yeah|yep|sure|ok|okay|correct|confirm)\b/i;
const NO = /^(no|nope|cancel|stop)\b/i;

/**
 * One turn of a conversation, as Lex runs it without fulfilment code: the utterance picks the intent (slots heard in
 * it are filled), required slots are elicited with their prompts in priority order, the confirmation prompt is asked
 * when the intent has one, and the intent ends ReadyForFulfillment (or Failed when declined).
 */
export function converse(locale: BotLocaleModel, conversation: Conversation, text: string): Turn {
  if (conversation.intent && conversation.awaitingConfirmation) {
    conversation.awaitingConfirmation = false;
    const intent = conversation.intent;
    if (NO.test(text.trim())) {
      conversation.intent = undefined;
      return { intent, slots: conversation.slots, step: 'Close', state: 'Failed', confirmation: 'Denied', message: intent.declinationMessage, score: 1 };
    }
    if (YES.test(text.trim())) {
      conversation.intent = undefined;
      return { intent, slots: conversation.slots, step: 'Close', state: 'ReadyForFulfillment', confirmation: 'Confirmed', score: 1 };
    }
    conversation.awaitingConfirmation = true;
    return { intent, slots: conversation.slots, step: 'ConfirmIntent', state: 'InProgress', confirmation: 'None', message: intent.confirmationPrompt, score: 1 };
  }
  let score = 1;
  if (conversation.intent && conversation.slotToElicit) {
    const slot = conversation.intent.slots.find((candidate) => candidate.name === conversation.slotToElicit)!;
    conversation.slots[slot.name] = resolveSlotValue(locale, slot.type, text);
  } else {
    const match = matchIntent(locale, text);
    if (!match) return { slots: {}, step: 'ElicitIntent', state: 'Failed', confirmation: 'None', message: "Sorry, I didn't understand that. Could you say it another way?", score: 0 };
    conversation.intent = match.intent;
    conversation.slots = {};
    score = match.score;
    for (const [name, heard] of Object.entries(match.slots)) {
      const slot = match.intent.slots.find((candidate) => candidate.name === name);
      if (slot) conversation.slots[name] = resolveSlotValue(locale, slot.type, heard);
    }
  }
  const intent = conversation.intent;
  const missing = intent.slots.find((slot) => slot.required && conversation.slots[slot.name] === undefined);
  if (missing) {
    conversation.slotToElicit = missing.name;
    return { intent, slots: conversation.slots, step: 'ElicitSlot', state: 'InProgress', confirmation: 'None', slotToElicit: missing.name, message: fill(missing.prompt, conversation.slots), score };
  }
  conversation.slotToElicit = undefined;
  if (intent.confirmationPrompt) {
    conversation.awaitingConfirmation = true;
    return { intent, slots: conversation.slots, step: 'ConfirmIntent', state: 'InProgress', confirmation: 'None', message: fill(intent.confirmationPrompt, conversation.slots), score };
  }
  conversation.intent = undefined;
  return { intent, slots: conversation.slots, step: 'Close', state: 'ReadyForFulfillment', confirmation: 'None', score };
}

/** `{Slot}` references in a prompt replaced by the slot's value, as Lex renders them. */
function fill(text: string | undefined, slots: Record<string, { interpreted: string }>): string | undefined {
  return text?.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name]?.interpreted ?? whole);
}

/**
 * The Lex runtime (signing name `lex`) for bots the stacks declared: V2 `RecognizeText` by bot id, alias (the
 * stack's aliases or TSTALIASID) and locale; V1 `PostText` by bot name. Conversations live in memory per session.
 */
export function createLexRuntimeHandler(resources: DeployedResources): ServiceHandler {
  const conversations = new Map<string, Conversation>();
  const conversation = (key: string): Conversation => {
    let found = conversations.get(key);
    if (!found) conversations.set(key, (found = { slots: {}, awaitingConfirmation: false }));
    return found;
  };
  const route = (request: ServiceRequest): ServiceResponse => {
    const requestPath = request.path.split('?')[0].split('/').map(decodeURIComponent).join('/');
    let match: RegExpExecArray | null;
    if (request.method === 'POST' && (match = RECOGNIZE_TEXT.exec(requestPath))) {
      const [, botId, aliasId, localeId, sessionId] = match;
      const bot = resources.find('AWS::Lex::Bot', botId);
      if (!bot) throw new JsonServiceError('ResourceNotFoundException', `Bot ${botId} does not exist`, 404);
      const aliases = resources.ofType('AWS::Lex::BotAlias').filter((alias) => alias.properties.BotId === botId).map((alias) => String(alias.attributes.BotAliasId));
      if (aliasId !== TEST_ALIAS_ID && !aliases.includes(aliasId)) throw new JsonServiceError('ResourceNotFoundException', `Bot alias ${aliasId} of bot ${botId} does not exist`, 404);
      const locale = botLocales(bot).find((candidate) => candidate.localeId === localeId);
      if (!locale) throw new JsonServiceError('ResourceNotFoundException', `Bot ${botId} has no locale ${localeId}`, 404);
      const body = parseBody(request.body, 'ValidationException');
      if (typeof body.text !== 'string' || body.text.length === 0) throw new JsonServiceError('ValidationException', 'text is required', 400);
      const sessionAttributes = (body.sessionState as { sessionAttributes?: unknown } | undefined)?.sessionAttributes ?? {};
      return jsonResponse(200, recognizeTextResponse(converse(locale, conversation(`${botId}/${aliasId}/${localeId}/${sessionId}`), body.text), sessionId, sessionAttributes));
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
      return route(request);
    } catch (error) {
      if (error instanceof JsonServiceError) return jsonError(error, 'message');
      throw error;
    }
  };
}

function v2Intent(turn: Turn): Record<string, unknown> {
  const slots = Object.fromEntries(
    (turn.intent?.slots ?? []).map((slot) => {
      const value = turn.slots[slot.name];
      return [slot.name, value ? { value: { originalValue: value.original, interpretedValue: value.interpreted, resolvedValues: [value.interpreted] } } : null];
    }),
  );
  return { name: turn.intent?.name ?? 'FallbackIntent', slots, state: turn.state, confirmationState: turn.confirmation };
}

function recognizeTextResponse(turn: Turn, sessionId: string, sessionAttributes: unknown): Record<string, unknown> {
  const intent = v2Intent(turn);
  const interpretations = turn.intent
    ? [{ intent, nluConfidence: { score: turn.score } }, { intent: { name: 'FallbackIntent', slots: {} } }]
    : [{ intent: { name: 'FallbackIntent', slots: {} } }];
  return {
    sessionId,
    ...(turn.message ? { messages: [{ content: turn.message, contentType: 'PlainText' }] } : {}),
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
    message: turn.message ?? null,
    messageFormat: 'PlainText',
    dialogState: turn.state === 'Failed' ? 'Failed' : V1_DIALOG_STATE[turn.step],
    slotToElicit: turn.slotToElicit ?? null,
    sessionAttributes,
  };
}
