import type { BotIntent, BotLocaleModel } from './bot-model';
import { matchIntent, resolveSlotValue } from './intent-matcher';

export type DialogStep = 'ElicitSlot' | 'ConfirmIntent' | 'Close' | 'ElicitIntent';
export type IntentState = 'InProgress' | 'ReadyForFulfillment' | 'FulfillmentInProgress' | 'Fulfilled' | 'Failed' | 'Waiting';
export type ConfirmationState = 'None' | 'Confirmed' | 'Denied';
export type SlotValues = Record<string, { original: string; interpreted: string }>;

/** A message of a turn, as RecognizeText answers it (a code hook may send any of Lex's content types). */
export interface LexMessage {
  contentType: string;
  content?: string;
  imageResponseCard?: unknown;
}

/** What a session remembers between turns. */
export interface Conversation {
  intent?: BotIntent;
  slots: SlotValues;
  slotToElicit?: string;
  awaitingConfirmation: boolean;
  sessionAttributes: Record<string, string>;
}

export interface Turn {
  intent?: BotIntent;
  slots: SlotValues;
  step: DialogStep;
  state: IntentState;
  confirmation: ConfirmationState;
  slotToElicit?: string;
  messages: LexMessage[];
  score: number;
}

const YES = /^(yes|yeah|yep|sure|ok|okay|correct|confirm)\b/i;
const NO = /^(no|nope|cancel|stop)\b/i;

export const plainText = (text: string | undefined): LexMessage[] => (text === undefined ? [] : [{ contentType: 'PlainText', content: text }]);

/**
 * One turn of a conversation, as Lex runs its dialog: the utterance picks the intent (slots heard in it are filled),
 * required slots are elicited with their prompts in priority order, the confirmation prompt is asked when the intent
 * has one, and the intent ends ReadyForFulfillment (or Failed when declined). Fulfilment is the caller's.
 */
export function converse(locale: BotLocaleModel, conversation: Conversation, text: string): Turn {
  if (conversation.intent && conversation.awaitingConfirmation) {
    conversation.awaitingConfirmation = false;
    const intent = conversation.intent;
    if (NO.test(text.trim())) {
      conversation.intent = undefined;
      return { intent, slots: conversation.slots, step: 'Close', state: 'Failed', confirmation: 'Denied', messages: plainText(intent.declinationMessage), score: 1 };
    }
    if (YES.test(text.trim())) {
      conversation.intent = undefined;
      return { intent, slots: conversation.slots, step: 'Close', state: 'ReadyForFulfillment', confirmation: 'Confirmed', messages: [], score: 1 };
    }
    conversation.awaitingConfirmation = true;
    return { intent, slots: conversation.slots, step: 'ConfirmIntent', state: 'InProgress', confirmation: 'None', messages: plainText(fill(intent.confirmationPrompt, conversation.slots)), score: 1 };
  }
  let score = 1;
  if (conversation.intent && conversation.slotToElicit) {
    const slot = conversation.intent.slots.find((candidate) => candidate.name === conversation.slotToElicit)!;
    conversation.slots[slot.name] = resolveSlotValue(locale, slot.type, text);
  } else {
    const match = matchIntent(locale, text);
    if (!match) {
      return { slots: {}, step: 'ElicitIntent', state: 'Failed', confirmation: 'None', messages: plainText("Sorry, I didn't understand that. Could you say it another way?"), score: 0 };
    }
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
    return { intent, slots: conversation.slots, step: 'ElicitSlot', state: 'InProgress', confirmation: 'None', slotToElicit: missing.name, messages: plainText(fill(missing.prompt, conversation.slots)), score };
  }
  conversation.slotToElicit = undefined;
  if (intent.confirmationPrompt) {
    conversation.awaitingConfirmation = true;
    return { intent, slots: conversation.slots, step: 'ConfirmIntent', state: 'InProgress', confirmation: 'None', messages: plainText(fill(intent.confirmationPrompt, conversation.slots)), score };
  }
  conversation.intent = undefined;
  return { intent, slots: conversation.slots, step: 'Close', state: 'ReadyForFulfillment', confirmation: 'None', messages: [], score };
}

/** `{Slot}` references in a prompt replaced by the slot's value, as Lex renders them. */
export function fill(text: string | undefined, slots: SlotValues): string | undefined {
  return text?.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name]?.interpreted ?? whole);
}

/** The turn's intent in Lex V2's shape (`sessionState.intent`, and the `intent` of an interpretation). */
export function v2Intent(turn: Pick<Turn, 'intent' | 'slots' | 'state' | 'confirmation'>): Record<string, unknown> {
  const slots = Object.fromEntries(
    (turn.intent?.slots ?? []).map((slot) => {
      const value = turn.slots[slot.name];
      return [slot.name, value ? { value: { originalValue: value.original, interpretedValue: value.interpreted, resolvedValues: [value.interpreted] } } : null];
    }),
  );
  return { name: turn.intent?.name ?? 'FallbackIntent', slots, state: turn.state, confirmationState: turn.confirmation };
}
