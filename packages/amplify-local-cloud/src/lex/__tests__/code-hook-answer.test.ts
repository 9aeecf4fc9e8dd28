import type { BotLocaleModel } from '../bot-model';
import type { Conversation, Turn } from '../conversation';
import { applyCodeHookAnswer } from '../fulfilment';

const order = {
  name: 'OrderFlowers',
  utterances: ['Order {FlowerType}'],
  slots: [
    { name: 'FlowerType', type: 'FlowerTypes', required: true, prompt: 'Which flowers?' },
    { name: 'PickupDate', type: 'AMAZON.Date', required: true, prompt: 'When for the {FlowerType}?' },
  ],
  confirmationPrompt: 'Order {FlowerType}?',
  fulfilmentCodeHook: true,
};
const help = { name: 'Help', utterances: ['help'], slots: [], fulfilmentCodeHook: false };
const locale: BotLocaleModel = { localeId: 'en_US', intents: [order, help], slotTypes: new Map() };

const ready = (): { conversation: Conversation; turn: Turn } => {
  const slots = { FlowerType: { original: 'Roses', interpreted: 'roses' }, PickupDate: { original: 'today', interpreted: 'today' } };
  return {
    conversation: { slots, awaitingConfirmation: false, sessionAttributes: { kept: 'yes' } },
    turn: { intent: order, slots, step: 'Close', state: 'ReadyForFulfillment', confirmation: 'None', messages: [], score: 1 },
  };
};

const answerOf = (dialogAction: Record<string, unknown>, intent?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ sessionState: { dialogAction, ...(intent ? { intent } : {}) }, ...extra });

describe('applyCodeHookAnswer', () => {
  it('Close and Delegate end the intent, Fulfilled unless the function says otherwise, with its messages', () => {
    const { conversation, turn } = ready();
    const closed = applyCodeHookAnswer(locale, conversation, turn, answerOf({ type: 'Close' }, undefined, { messages: [{ contentType: 'SSML', content: '<speak>Done</speak>' }] }));
    expect(closed).toMatchObject({ step: 'Close', state: 'Fulfilled', intent: { name: 'OrderFlowers' }, messages: [{ contentType: 'SSML', content: '<speak>Done</speak>' }] });
    expect(conversation.intent).toBeUndefined();
    expect(conversation.sessionAttributes).toEqual({ kept: 'yes' });
    const failed = applyCodeHookAnswer(locale, ready().conversation, ready().turn, answerOf({ type: 'Delegate' }, { name: 'OrderFlowers', state: 'Failed' }));
    expect(failed).toMatchObject({ step: 'Close', state: 'Failed', messages: [] });
  });

  it("ElicitSlot and ConfirmIntent keep the conversation on the function's intent, prompting with the bot's words when it sends none", () => {
    const { conversation, turn } = ready();
    const elicit = applyCodeHookAnswer(locale, conversation, turn, answerOf({ type: 'ElicitSlot', slotToElicit: 'PickupDate' }, { name: 'OrderFlowers', slots: { FlowerType: { value: { interpretedValue: 'tulips' } }, PickupDate: null } }));
    expect(elicit).toMatchObject({ step: 'ElicitSlot', state: 'InProgress', slotToElicit: 'PickupDate', messages: [{ contentType: 'PlainText', content: 'When for the tulips?' }] });
    expect(conversation).toMatchObject({ intent: { name: 'OrderFlowers' }, slotToElicit: 'PickupDate', slots: { FlowerType: { original: 'tulips', interpreted: 'tulips' } } });
    const confirm = applyCodeHookAnswer(locale, conversation, turn, { sessionState: { dialogAction: { type: 'ConfirmIntent' }, intent: { name: 'OrderFlowers' }, sessionAttributes: { step: 2 } } });
    expect(confirm).toMatchObject({ step: 'ConfirmIntent', messages: [{ content: 'Order roses?' }] });
    expect(conversation).toMatchObject({ awaitingConfirmation: true, sessionAttributes: { step: '2' } });
  });

  it('refuses answers Lex would refuse, naming what is wrong', () => {
    const refusal = (answer: unknown) => {
      try {
        applyCodeHookAnswer(locale, ready().conversation, ready().turn, answer);
      } catch (error) {
        return { code: (error as { code: string }).code, status: (error as { status: number }).status, message: (error as Error).message };
      }
      throw new Error('accepted');
    };
    expect(refusal('ok')).toEqual({ code: 'DependencyFailedException', status: 424, message: 'Invalid Lambda Response: the response has no sessionState object' });
    expect(refusal(answerOf({ type: 'Finish' })).message).toBe('Invalid Lambda Response: sessionState.dialogAction.type must be one of Close, ConfirmIntent, Delegate, ElicitIntent, ElicitSlot, not "Finish"');
    expect(refusal(answerOf({ type: 'Close' }, { name: 'BookCar' })).message).toContain('the intent "BookCar" is not an intent');
    expect(refusal(answerOf({ type: 'Close' }, { name: 'OrderFlowers', slots: { Colour: null } })).message).toContain('Colour is not a slot of the intent OrderFlowers');
    expect(refusal(answerOf({ type: 'Close' }, { name: 'OrderFlowers', slots: { FlowerType: { value: {} } } })).message).toContain('the slot FlowerType has no value.interpretedValue');
    expect(refusal(answerOf({ type: 'ElicitSlot', slotToElicit: 'Colour' })).message).toContain('dialogAction.slotToElicit "Colour" is not a slot');
    expect(refusal(answerOf({ type: 'ElicitIntent' })).message).toContain('ElicitIntent needs messages');
    expect(refusal(answerOf({ type: 'ConfirmIntent' }, { name: 'Help' })).message).toContain('the intent has no confirmation prompt');
    expect(refusal(answerOf({ type: 'Close' }, undefined, { messages: [{ contentType: 'Text', content: 'x' }] })).message).toContain('messages[0].contentType must be one of');
    expect(refusal(answerOf({ type: 'Close' }, { name: 'OrderFlowers', state: 'Done' })).message).toContain('sessionState.intent.state must be one of');
  });
});
