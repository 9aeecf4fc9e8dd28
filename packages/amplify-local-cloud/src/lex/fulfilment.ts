import { randomUUID } from 'crypto';
import { JsonServiceError } from '../pinpoint/json-service';
import type { BotLocaleModel } from './bot-model';
import { fill, plainText, v2Intent, type ConfirmationState, type Conversation, type IntentState, type LexMessage, type SlotValues, type Turn } from './conversation';

/** Runs a deployed Lambda function with an event and answers its result; throws with the function's error. */
export interface CodeHookInvoker {
  invoke(functionArn: string, event: Record<string, unknown>): Promise<unknown>;
}

/** The bot, version and alias a request reached, as the code hook's event names them. */
export interface BotAddress {
  id: string;
  name: string;
  localeId: string;
  version: string;
  aliasId: string;
  aliasName: string;
}

export interface FulfilmentRequest {
  bot: BotAddress;
  sessionId: string;
  inputTranscript: string;
  requestAttributes: Record<string, string>;
}

/** The Lex V2 event (message version 1.0) for the `FulfillmentCodeHook` of a turn whose intent is ReadyForFulfillment. */
export function fulfilmentEvent(request: FulfilmentRequest, turn: Turn, conversation: Conversation): Record<string, unknown> {
  const intent = v2Intent(turn);
  return {
    messageVersion: '1.0',
    invocationSource: 'FulfillmentCodeHook',
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: request.sessionId,
    inputTranscript: request.inputTranscript,
    bot: request.bot,
    interpretations: [
      { intent, nluConfidence: turn.score, interpretationSource: 'Lex' },
      { intent: { name: 'FallbackIntent', slots: {}, state: 'InProgress', confirmationState: 'None' }, interpretationSource: 'Lex' },
    ],
    requestAttributes: request.requestAttributes,
    sessionState: { activeContexts: [], sessionAttributes: { ...conversation.sessionAttributes }, intent, originatingRequestId: randomUUID() },
  };
}

type Props = Record<string, unknown>;
const isObject = (value: unknown): value is Props => typeof value === 'object' && value !== null && !Array.isArray(value);

const DIALOG_ACTIONS = ['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot'] as const;
const INTENT_STATES: readonly IntentState[] = ['InProgress', 'ReadyForFulfillment', 'FulfillmentInProgress', 'Fulfilled', 'Failed', 'Waiting'];
const CONFIRMATION_STATES: readonly ConfirmationState[] = ['None', 'Confirmed', 'Denied'];
const CONTENT_TYPES = ['PlainText', 'SSML', 'CustomPayload', 'ImageResponseCard'];

function invalid(detail: string): JsonServiceError {
  return new JsonServiceError('DependencyFailedException', `Invalid Lambda Response: ${detail}`, 424);
}

/** Runs the code hook; a function error is Lex's DependencyFailedException, as on AWS. */
export async function invokeCodeHook(invoker: CodeHookInvoker, functionArn: string, event: Record<string, unknown>): Promise<unknown> {
  try {
    return await invoker.invoke(functionArn, event);
  } catch (error) {
    const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new JsonServiceError('DependencyFailedException', `Received error response from Lambda: ${failure}`, 424);
  }
}

/**
 * The turn as the code hook's answer decides it: its `sessionState.dialogAction` says what Lex does next (Close or
 * Delegate end the intent in the state the function gives, Fulfilled by default; ElicitSlot, ConfirmIntent and
 * ElicitIntent continue the conversation), its intent and slots replace the turn's, its session attributes the
 * session's, and its messages are what the user is told (else the bot's own prompt for that step).
 */
export function applyCodeHookAnswer(locale: BotLocaleModel, conversation: Conversation, turn: Turn, answer: unknown): Turn {
  if (!isObject(answer) || !isObject(answer.sessionState)) throw invalid('the response has no sessionState object');
  const state = answer.sessionState;
  const action = isObject(state.dialogAction) ? state.dialogAction : {};
  const type = action.type;
  if (!DIALOG_ACTIONS.includes(type as (typeof DIALOG_ACTIONS)[number])) {
    throw invalid(`sessionState.dialogAction.type must be one of ${DIALOG_ACTIONS.join(', ')}, not ${JSON.stringify(type)}`);
  }
  const returned = isObject(state.intent) ? state.intent : undefined;
  let intent = turn.intent;
  if (returned?.name !== undefined) {
    intent = locale.intents.find((candidate) => candidate.name === returned.name);
    if (intent === undefined) throw invalid(`the intent ${JSON.stringify(returned.name)} is not an intent of the bot's locale ${locale.localeId}`);
  }
  const slots = returned?.slots === undefined ? (intent === turn.intent ? turn.slots : {}) : slotValues(returned.slots, intent?.name ?? '', intent?.slots.map((slot) => slot.name) ?? []);
  const intentState = returned?.state ?? (type === 'Close' || type === 'Delegate' || type === 'ElicitIntent' ? 'Fulfilled' : 'InProgress');
  if (!INTENT_STATES.includes(intentState as IntentState)) throw invalid(`sessionState.intent.state must be one of ${INTENT_STATES.join(', ')}`);
  const confirmation = returned?.confirmationState ?? turn.confirmation;
  if (!CONFIRMATION_STATES.includes(confirmation as ConfirmationState)) throw invalid(`sessionState.intent.confirmationState must be one of ${CONFIRMATION_STATES.join(', ')}`);
  if (state.sessionAttributes !== undefined) {
    if (!isObject(state.sessionAttributes)) throw invalid('sessionState.sessionAttributes must be a map of strings');
    conversation.sessionAttributes = Object.fromEntries(Object.entries(state.sessionAttributes).map(([key, value]) => [key, String(value)]));
  }
  const messages = answer.messages === undefined ? undefined : lexMessages(answer.messages);
  const next = { intent, slots, state: intentState as IntentState, confirmation: confirmation as ConfirmationState, score: turn.score };

  conversation.awaitingConfirmation = false;
  conversation.slotToElicit = undefined;
  switch (type) {
    case 'ElicitSlot': {
      const slot = intent?.slots.find((candidate) => candidate.name === action.slotToElicit);
      if (intent === undefined || slot === undefined) throw invalid(`dialogAction.slotToElicit ${JSON.stringify(action.slotToElicit)} is not a slot of the intent`);
      Object.assign(conversation, { intent, slots, slotToElicit: slot.name });
      return { ...next, step: 'ElicitSlot', slotToElicit: slot.name, messages: messages ?? plainText(fill(slot.prompt, slots)) };
    }
    case 'ConfirmIntent': {
      if (intent === undefined) throw invalid('ConfirmIntent needs sessionState.intent');
      if (messages === undefined && intent.confirmationPrompt === undefined) throw invalid('ConfirmIntent needs messages: the intent has no confirmation prompt');
      Object.assign(conversation, { intent, slots, awaitingConfirmation: true });
      return { ...next, step: 'ConfirmIntent', messages: messages ?? plainText(fill(intent.confirmationPrompt, slots)) };
    }
    case 'ElicitIntent':
      if (messages === undefined) throw invalid('ElicitIntent needs messages');
      Object.assign(conversation, { intent: undefined, slots: {} });
      return { ...next, step: 'ElicitIntent', messages };
    default:
      Object.assign(conversation, { intent: undefined, slots: {} });
      return { ...next, step: 'Close', messages: messages ?? [] };
  }
}

function slotValues(value: unknown, intentName: string, names: string[]): SlotValues {
  if (!isObject(value)) throw invalid('sessionState.intent.slots must be a map');
  const slots: SlotValues = {};
  for (const [name, slot] of Object.entries(value)) {
    if (!names.includes(name)) throw invalid(`${name} is not a slot of the intent ${intentName}`);
    if (slot === null) continue;
    const given = isObject(slot) && isObject(slot.value) ? slot.value : {};
    if (typeof given.interpretedValue !== 'string') throw invalid(`the slot ${name} has no value.interpretedValue`);
    slots[name] = { original: typeof given.originalValue === 'string' ? given.originalValue : given.interpretedValue, interpreted: given.interpretedValue };
  }
  return slots;
}

function lexMessages(value: unknown): LexMessage[] {
  if (!Array.isArray(value)) throw invalid('messages must be a list');
  return value.map((message: unknown, index) => {
    if (!isObject(message) || !CONTENT_TYPES.includes(String(message.contentType))) throw invalid(`messages[${index}].contentType must be one of ${CONTENT_TYPES.join(', ')}`);
    if (message.contentType === 'ImageResponseCard') return { contentType: 'ImageResponseCard', imageResponseCard: message.imageResponseCard };
    if (typeof message.content !== 'string') throw invalid(`messages[${index}].content must be a string`);
    return { contentType: String(message.contentType), content: message.content };
  });
}
