import type { BotLocaleModel } from '../bot-model';
import { matchIntent, resolveSlotValue } from '../intent-matcher';

const locale: BotLocaleModel = {
  localeId: 'en_US',
  slotTypes: new Map([['RoomTypeValues', new Map([['queen', 'queen'], ['king', 'king'], ['double', 'queen']])]]),
  intents: [
    { name: 'BookHotel', utterances: ['Book a hotel', 'Book a {Nights} night stay in {Location}'], slots: [], fulfilmentCodeHook: false },
    { name: 'BookCar', utterances: ['Make a car reservation'], slots: [], fulfilmentCodeHook: false },
  ],
};

describe('matchIntent', () => {
  it('matches an utterance whole, ignoring case and punctuation, and keeps the slot values as said', () => {
    expect(matchIntent(locale, 'book a 3 night stay in New York!')).toMatchObject({ intent: { name: 'BookHotel' }, slots: { Nights: '3', Location: 'New York' }, score: 1 });
  });

  it('else takes the utterance sharing most of its words, at least half', () => {
    expect(matchIntent(locale, 'I need a car reservation please')).toMatchObject({ intent: { name: 'BookCar' }, slots: {}, score: 0.67 });
    expect(matchIntent(locale, 'what is the weather')).toBeUndefined();
  });

  it('resolves custom slot values and synonyms; built-in types keep the text', () => {
    expect(resolveSlotValue(locale, 'RoomTypeValues', 'Double')).toEqual({ original: 'Double', interpreted: 'queen' });
    expect(resolveSlotValue(locale, 'AMAZON.City', 'Paris ')).toEqual({ original: 'Paris ', interpreted: 'Paris' });
  });
});
