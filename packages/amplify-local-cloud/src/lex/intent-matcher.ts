import type { BotIntent, BotLocaleModel } from './bot-model';

export interface IntentMatch {
  intent: BotIntent;
  /** Slot values heard in the utterance, by slot name. */
  slots: Record<string, string>;
  /** 1 for an utterance matched whole, less for one matched by its words. */
  score: number;
}

/** Punctuation and extra spaces dropped; case kept, so slot values keep what was said. */
const normalize = (text: string): string =>
  text
    .replace(/[.,!?;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Book a {Nights} night stay` → a pattern capturing the slot values. */
function utterancePattern(utterance: string): { pattern: RegExp; slots: string[] } {
  const slots: string[] = [];
  const source = normalize(utterance.replace(/\{(\w+)\}/g, (_, slot: string) => `\u0000${slots.push(slot) - 1}\u0000`))
    .split(/\u0000(\d+)\u0000/)
    .map((part, index) => (index % 2 === 1 ? '(.+?)' : escape(part)))
    .join('');
  return { pattern: new RegExp(`^${source}$`, 'i'), slots };
}

const words = (text: string): Set<string> => new Set(normalize(text.replace(/\{\w+\}/g, ' ')).toLowerCase().split(' ').filter((word) => word.length > 2));

/**
 * The intent the text asks for: an utterance that matches it whole (slots taken from its `{Slot}` places), else the
 * utterance sharing most of its words with the text (at least half of them), else none (the fallback intent).
 */
export function matchIntent(locale: BotLocaleModel, text: string): IntentMatch | undefined {
  const heard = normalize(text);
  for (const intent of locale.intents) {
    for (const utterance of intent.utterances) {
      const { pattern, slots } = utterancePattern(utterance);
      const match = pattern.exec(heard);
      if (match) return { intent, slots: Object.fromEntries(slots.map((slot, index) => [slot, match[index + 1]])), score: 1 };
    }
  }
  const spoken = words(text);
  let best: IntentMatch | undefined;
  for (const intent of locale.intents) {
    for (const utterance of intent.utterances) {
      const expected = words(utterance);
      if (expected.size === 0) continue;
      const shared = [...expected].filter((word) => spoken.has(word)).length / expected.size;
      if (shared >= 0.5 && (!best || shared > best.score)) best = { intent, slots: {}, score: Math.round(shared * 100) / 100 };
    }
  }
  return best;
}

/** A heard value resolved against a custom slot type's values and synonyms; built-in types keep what was said. */
export function resolveSlotValue(locale: BotLocaleModel, slotType: string, heard: string): { original: string; interpreted: string } {
  const resolved = locale.slotTypes.get(slotType)?.get(heard.trim().toLowerCase());
  return { original: heard, interpreted: resolved ?? heard.trim() };
}
