import { createPrompter, validateHeadlessRequest, type Prompter } from 'amplify-cli-core';
import { validateTemplate } from 'amplify-cloudformation-spec';
import { paramsFromRequest } from '../commands/headless';
import { addInteractionsRequestSchema, type AddInteractionsRequest } from '../service/headless-schema';
import type { LexParams } from '../service/lex-params';
import { assertConsistent } from '../service/lex-resource';
import { SAMPLE_BOTS } from '../service/sample-bots';
import { lexParameters, lexTemplate } from '../service/templates';
import { defaultBotName, runLexAddWalkthrough, sampleBot } from '../service/walkthrough';

/** Answers by question prefix; a list answers the same question several times in order. */
function answering(script: Record<string, unknown>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const queues = new Map(Object.entries(script).map(([key, value]) => [key, Array.isArray(value) ? [...value] : [value]]));
  const answer = async (options: { message: string; default?: unknown; validate?: (value: never) => true | string }): Promise<never> => {
    asked.push(options.message);
    if (asked.length > 60) throw new Error('too many questions');
    const key = [...queues.keys()].find((k) => options.message.startsWith(k));
    const queue = key === undefined ? undefined : queues.get(key)!;
    const value = queue && queue.length > 0 ? (queue.length > 1 ? queue.shift() : queue[0]) : options.default;
    if (value === undefined) throw new Error(`unexpected question: ${options.message}`);
    const verdict = options.validate?.(value as never);
    if (verdict !== undefined && verdict !== true) throw new Error(verdict);
    return value as never;
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

const options = { projectName: 'my-shop', shortId: 'ab12cd34', functions: ['orderFn'] };

describe('Lex walkthrough', () => {
  it('--yes: the BookTrip sample, not COPPA, text only, five-minute sessions', async () => {
    const params = await runLexAddWalkthrough(createPrompter({ yes: true }), options);
    expect(params).toMatchObject({ resourceName: 'lexab12cd34', botName: 'BookTrip', coppa: false, outputVoice: false, sessionTimeout: 5 });
    expect(params.intents.map((intent) => intent.intentName)).toEqual(['BookHotel', 'BookCar']);
  });

  it('from scratch: bot settings, then an intent with utterances, a new slot type and Lambda fulfilment, in the original order', async () => {
    const { prompter, asked } = answering({
      'Would you like to start': 'scratch',
      'Enter a name for your bot': 'shop_bot',
      'Choose an output voice': 'Joanna',
      'After how long': '10',
      "Please indicate if your use": true,
      'Give a name for your intent': 'OrderPizza',
      'Write a sample utterance': ['I want a pizza', 'Order a {Size} pizza'],
      'Would you like to add another utterance': [true, false],
      'Would you like to add a slot': true,
      'Name of slot': 'Size',
      'Choose a slot type:': 'new',
      'What would you like to name your slot type': 'PizzaSize',
      'Give a description of your slot type': 'Sizes',
      'Add a value for the slot type': ['small', 'large'],
      'Would you like to add another value': [true, false],
      'Enter a prompt for this slot': 'What size?',
      'Should this slot be required': true,
      'Would you like to add another slot': false,
      'Would you like to add a confirmation': true,
      'Enter the confirmation message': 'Order a {Size} pizza?',
      'Enter the cancellation message': 'Cancelled.',
      'Where should the fulfilment': 'lambda',
      'Choose a Lambda function': 'orderFn',
      'Would you like to create another intent': false,
    });
    const params = await runLexAddWalkthrough(prompter, options);
    expect(asked.slice(0, 6)).toEqual([
      'Provide a friendly resource name that will be used to label this category in the project:',
      'Would you like to start with a sample chatbot or start from scratch?',
      'Enter a name for your bot:',
      'Choose an output voice:',
      'After how long should the session timeout (in minutes)?',
      "Please indicate if your use of this bot is subject to the Children's Online Privacy Protection Act (COPPA).",
    ]);
    expect(params).toMatchObject({ botName: 'shop_bot', outputVoice: 'Joanna', sessionTimeout: 10, coppa: true });
    expect(params.intents).toEqual([
      {
        intentName: 'OrderPizza',
        utterances: ['I want a pizza', 'Order a {Size} pizza'],
        slots: [{ name: 'Size', type: 'PizzaSize', prompt: 'What size?', required: true, customType: true }],
        newSlotTypes: [{ slotTypeName: 'PizzaSize', slotTypeDescription: 'Sizes', slotValues: ['small', 'large'] }],
        confirmationQuestion: 'Order a {Size} pizza?',
        cancelMessage: 'Cancelled.',
        lambda: { lambdaName: 'orderFn' },
      },
    ]);
    const template = lexTemplate(params);
    expect(validateTemplate(template)).toEqual([]);
    expect(template.Parameters.functionorderFnArn).toEqual({ Type: 'String' });
    expect(template.Resources.FulfilmentPermission0.Properties.Principal).toBe('lexv2.amazonaws.com');
  });

  it('refuses a bot name Lex does not accept and a session timeout out of range', async () => {
    await expect(runLexAddWalkthrough(answering({ 'Would you like to start': 'scratch', 'Enter a name for your bot': 'bot-1' }).prompter, options)).rejects.toThrow('Bot name must be 2 to 50 letters');
    await expect(runLexAddWalkthrough(answering({ 'Would you like to start': 'scratch', 'After how long': '1441' }).prompter, options)).rejects.toThrow('from 1 to 1440');
  });

  it('default bot name: the project name with its first dash made an underscore, letters only', () => {
    expect(defaultBotName('my-shop')).toBe('my_shop_bot');
    expect(defaultBotName('shop2')).toBe('shop_bot');
  });
});

describe('Lex V2 template', () => {
  it.each(SAMPLE_BOTS)('%s sample: spec-valid bot, version, alias, guest and user policies, the outputs frontends read', (sample) => {
    const params = sampleBot(sample, { resourceName: 'lexbot', shortId: 'ab12cd34', projectName: 'shop', coppa: false });
    const template = lexTemplate(params);
    expect(validateTemplate(template)).toEqual([]);
    const locale = (template.Resources.Bot.Properties.BotLocales as Array<{ Intents: Array<{ Name: string }>; SlotTypes: unknown[] }>)[0];
    expect(locale.Intents.map((intent) => intent.Name)).toEqual([...params.intents.map((intent) => intent.intentName), 'FallbackIntent']);
    expect(locale.SlotTypes).toHaveLength(params.intents.flatMap((intent) => intent.newSlotTypes).length);
    expect(JSON.stringify(template.Resources.CognitoUnauthPolicy)).toContain('lex:RecognizeText');
    expect(template.Outputs.BotName.Value).toEqual({ 'Fn::If': ['ShouldNotCreateEnvResources', sample, { 'Fn::Join': ['_', [sample, { Ref: 'env' }]] }] });
    expect(Object.keys(template.Outputs)).toEqual(['Region', 'BotName', 'BotId', 'BotAliasId', 'BotLocaleId']);
    expect(Object.keys(lexParameters()).every((key) => key in template.Parameters)).toBe(true);
  });

  it('refuses a slot of an undeclared type and intents fulfilled by two functions', () => {
    const params: LexParams = sampleBot('OrderFlowers', { resourceName: 'lexbot', shortId: 'x', projectName: 'shop', coppa: false });
    params.intents[0].slots[0].type = 'Colours';
    expect(() => assertConsistent(params, [])).toThrow('uses slot type Colours, which no intent of the bot declares');
    const two = sampleBot('BookTrip', { resourceName: 'lexbot', shortId: 'x', projectName: 'shop', coppa: false });
    two.intents[0].lambda = { lambdaName: 'a' };
    two.intents[1].lambda = { lambdaName: 'b' };
    expect(() => assertConsistent(two, ['a', 'b'])).toThrow('a Lex V2 bot calls one Lambda function');
  });
});

describe('headless request', () => {
  const custom: AddInteractionsRequest = {
    version: 1,
    serviceConfiguration: {
      serviceName: 'Lex',
      resourceName: 'helpdesk',
      bot: { botName: 'help_bot', intents: [{ intentName: 'Greet', utterances: ['hello'], slots: [{ name: 'Who', type: 'AMAZON.FirstName', prompt: 'Your name?' }] } as never] },
    },
  };

  it('a sample and a custom bot become lex-params', () => {
    const sample = validateHeadlessRequest<AddInteractionsRequest>(addInteractionsRequestSchema, '{"version":1,"serviceConfiguration":{"serviceName":"Lex","sample":"OrderFlowers"}}', 'AddInteractionsRequest');
    expect(paramsFromRequest(sample, 'shop', 'ab12cd34')).toMatchObject({ resourceName: 'lexab12cd34', botName: 'OrderFlowers' });
    const params = paramsFromRequest(validateHeadlessRequest(addInteractionsRequestSchema, custom, 'AddInteractionsRequest'), 'shop', 'x');
    expect(params.intents[0]).toEqual({ intentName: 'Greet', utterances: ['hello'], slots: [{ name: 'Who', type: 'AMAZON.FirstName', prompt: 'Your name?', required: true, customType: false }], newSlotTypes: [] });
    expect(validateTemplate(lexTemplate(params))).toEqual([]);
  });

  it.each([
    [{ version: 1, serviceConfiguration: { serviceName: 'Lex', sample: 'PizzaBot' } }, 'serviceConfiguration.sample must be one of "BookTrip", "OrderFlowers", "ScheduleAppointment"'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Lex', bot: { botName: 'b1', intents: [] } } }, 'serviceConfiguration.bot.botName must match pattern'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Lex', bot: { botName: 'help_bot', intents: [{ intentName: 'Greet', utterances: [] }] } } }, 'serviceConfiguration.bot.intents[0].utterances must NOT have fewer than 1 items'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Lex', bot: { botName: 'help_bot', intents: [{ intentName: 'Greet', utterances: ['hi'], confirmationQuestion: 'Sure?' }] } } }, 'serviceConfiguration.bot.intents[0]'],
  ])('refuses %j naming the field', (request, message) => {
    expect(() => validateHeadlessRequest(addInteractionsRequestSchema, request, 'AddInteractionsRequest')).toThrow(message);
  });

  it('refuses a request with both or neither of sample and bot', () => {
    const both = { version: 1 as const, serviceConfiguration: { ...custom.serviceConfiguration, sample: 'BookTrip' as const } };
    expect(() => paramsFromRequest(both, 'shop', 'x')).toThrow('needs exactly one of sample and bot');
    expect(() => paramsFromRequest({ version: 1, serviceConfiguration: { serviceName: 'Lex' } }, 'shop', 'x')).toThrow('needs exactly one of sample and bot');
  });
});
