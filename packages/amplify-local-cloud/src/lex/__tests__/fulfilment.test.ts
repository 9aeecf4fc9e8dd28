import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { signedRequest } from '../../__tests__/test-cloud';

const cloud = useCfnTestCloud();

// Fulfils flower orders: out of tulips (asks again, once), fails on cacti, answers nonsense for weeds; the event it
// was given travels back in a session attribute so the test can read it.
const FULFIL = `exports.handler = async (event) => {
  const intent = event.sessionState.intent;
  const flower = intent.slots.FlowerType.value.interpretedValue;
  const attributes = { ...event.sessionState.sessionAttributes, lastEvent: JSON.stringify(event) };
  if (flower === 'cactus') throw new Error('No cacti today');
  if (flower === 'weeds') return { messages: [] };
  if (flower === 'tulips' && attributes.offeredRoses === undefined) {
    return {
      sessionState: { dialogAction: { type: 'ElicitSlot', slotToElicit: 'FlowerType' }, intent: { name: intent.name, slots: { ...intent.slots, FlowerType: null }, state: 'InProgress' }, sessionAttributes: { ...attributes, offeredRoses: 'yes' } },
      messages: [{ contentType: 'PlainText', content: 'We are out of tulips. Which other flowers?' }],
    };
  }
  return {
    sessionState: { dialogAction: { type: 'Close' }, intent: { name: intent.name, slots: intent.slots, state: 'Fulfilled' }, sessionAttributes: { ...attributes, orderId: 'order-1' } },
    messages: [{ contentType: 'PlainText', content: 'Ordered ' + flower + ' for ' + intent.slots.PickupDate.value.interpretedValue + '.' }],
  };
};`;

const prompt = (text: string) => ({ MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }], MaxRetries: 2 });
const codeHook = (locale: string) => ({
  BotAliasLocaleSettings: [
    { LocaleId: locale, BotAliasLocaleSetting: { Enabled: true, CodeHookSpecification: { LambdaCodeHook: { CodeHookInterfaceVersion: '1.0', LambdaArn: { 'Fn::GetAtt': ['Fulfil', 'Arn'] } } } } },
  ],
});

const template = {
  Resources: {
    Fulfil: {
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 10, Role: 'arn:aws:iam::123456789012:role/fulfil', Code: { ZipFile: FULFIL } },
    },
    Bot: {
      Type: 'AWS::Lex::Bot',
      Properties: {
        Name: 'Flowers_dev',
        RoleArn: 'arn:aws:iam::123456789012:role/lex',
        DataPrivacy: { ChildDirected: false },
        IdleSessionTTLInSeconds: 300,
        TestBotAliasSettings: codeHook('en_US'),
        BotLocales: [
          {
            LocaleId: 'en_US',
            NluConfidenceThreshold: 0.4,
            SlotTypes: [
              {
                Name: 'FlowerTypes',
                ValueSelectionSetting: { ResolutionStrategy: 'OriginalValue' },
                SlotTypeValues: ['roses', 'tulips', 'cactus', 'weeds'].map((value) => ({ SampleValue: { Value: value } })),
              },
            ],
            Intents: [
              {
                Name: 'OrderFlowers',
                SampleUtterances: [{ Utterance: 'Order {FlowerType}' }],
                Slots: [
                  { Name: 'FlowerType', SlotTypeName: 'FlowerTypes', ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: prompt('Which flowers?') } },
                  { Name: 'PickupDate', SlotTypeName: 'AMAZON.Date', ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: prompt('When do you pick up the {FlowerType}?') } },
                ],
                SlotPriorities: [
                  { Priority: 1, SlotName: 'FlowerType' },
                  { Priority: 2, SlotName: 'PickupDate' },
                ],
                FulfillmentCodeHook: { Enabled: true },
              },
              { Name: 'Greet', SampleUtterances: [{ Utterance: 'Hello there' }], FulfillmentCodeHook: { Enabled: false } },
              { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
            ],
          },
        ],
      },
    },
    Version: { Type: 'AWS::Lex::BotVersion', Properties: { BotId: { Ref: 'Bot' }, BotVersionLocaleSpecification: [{ LocaleId: 'en_US', BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } }] } },
    Live: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: { Ref: 'Bot' }, BotAliasName: 'live', BotVersion: { 'Fn::GetAtt': ['Version', 'BotVersion'] }, ...codeHook('en_US') } },
    Plain: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: { Ref: 'Bot' }, BotAliasName: 'plain', BotVersion: { 'Fn::GetAtt': ['Version', 'BotVersion'] } } },
  },
  Outputs: {
    BotId: { Value: { Ref: 'Bot' } },
    LiveId: { Value: { 'Fn::GetAtt': ['Live', 'BotAliasId'] } },
    PlainId: { Value: { 'Fn::GetAtt': ['Plain', 'BotAliasId'] } },
    Version: { Value: { 'Fn::GetAtt': ['Version', 'BotVersion'] } },
  },
};

interface RecognizeTextAnswer {
  sessionId: string;
  messages?: Array<{ contentType: string; content: string }>;
  sessionState: {
    dialogAction: { type: string; slotToElicit?: string };
    intent: { name: string; state: string; confirmationState: string; slots: Record<string, { value: { interpretedValue: string } } | null> };
    sessionAttributes: Record<string, string>;
  };
}

let outputs: Record<string, string>;

beforeAll(async () => {
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'flowers', TemplateBody: JSON.stringify(template) }));
  const stack = await cloud.waitForStack('flowers');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  outputs = Object.fromEntries((stack.Outputs ?? []).map((output) => [output.OutputKey!, output.OutputValue!]));
});

async function say(aliasId: string, session: string, text: string, extra: Record<string, unknown> = {}): Promise<{ status: number; error?: string; message?: string; answer: RecognizeTextAnswer }> {
  const url = `${cloud.endpoint}/bots/${outputs.BotId}/botAliases/${aliasId}/botLocales/en_US/sessions/${session}/text`;
  const response = await signedRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, ...extra }) }, { credentials: cloud.config.credentials, service: 'lex' });
  const body = JSON.parse(response.body) as RecognizeTextAnswer & { message?: string };
  return { status: response.status, error: response.headers['x-amzn-errortype'] as string | undefined, message: body.message, answer: body };
}

describe('Lex V2 fulfilment code hooks', () => {
  it('calls the alias locale Lambda with the FulfillmentCodeHook event once the intent is ready, and answers with what it decided', async () => {
    expect((await say(outputs.LiveId, 'a', 'Order roses', { sessionState: { sessionAttributes: { customer: 'ana' } } })).answer.sessionState.dialogAction).toEqual({
      type: 'ElicitSlot',
      slotToElicit: 'PickupDate',
    });
    const { status, answer } = await say(outputs.LiveId, 'a', 'tomorrow', { requestAttributes: { channel: 'web' } });
    expect(status).toBe(200);
    expect(answer.messages).toEqual([{ contentType: 'PlainText', content: 'Ordered roses for tomorrow.' }]);
    expect(answer.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(answer.sessionState.intent).toMatchObject({ name: 'OrderFlowers', state: 'Fulfilled', slots: { FlowerType: { value: { interpretedValue: 'roses' } } } });
    // Session attributes given on the first turn are kept by the session and reach the function.
    expect(answer.sessionState.sessionAttributes).toMatchObject({ customer: 'ana', orderId: 'order-1' });
    const event = JSON.parse(answer.sessionState.sessionAttributes.lastEvent) as Record<string, unknown>;
    expect(event).toMatchObject({
      messageVersion: '1.0',
      invocationSource: 'FulfillmentCodeHook',
      inputMode: 'Text',
      sessionId: 'a',
      inputTranscript: 'tomorrow',
      bot: { id: outputs.BotId, name: 'Flowers_dev', localeId: 'en_US', version: outputs.Version, aliasId: outputs.LiveId, aliasName: 'live' },
      requestAttributes: { channel: 'web' },
      sessionState: {
        sessionAttributes: { customer: 'ana' },
        intent: {
          name: 'OrderFlowers',
          state: 'ReadyForFulfillment',
          confirmationState: 'None',
          slots: { FlowerType: { value: { originalValue: 'roses', interpretedValue: 'roses' } }, PickupDate: { value: { interpretedValue: 'tomorrow' } } },
        },
      },
      interpretations: [{ intent: { name: 'OrderFlowers' }, nluConfidence: 1 }, { intent: { name: 'FallbackIntent' } }],
    });
  });

  it("follows the function's ElicitSlot: its message, the emptied slot asked again, then fulfilment with the new value", async () => {
    await say(outputs.LiveId, 'b', 'Order tulips');
    const retry = (await say(outputs.LiveId, 'b', 'today')).answer;
    expect(retry.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'FlowerType' });
    expect(retry.sessionState.intent).toMatchObject({ name: 'OrderFlowers', state: 'InProgress', slots: { FlowerType: null, PickupDate: { value: { interpretedValue: 'today' } } } });
    expect(retry.messages).toEqual([{ contentType: 'PlainText', content: 'We are out of tulips. Which other flowers?' }]);
    expect(retry.sessionState.sessionAttributes.offeredRoses).toBe('yes');
    const done = (await say(outputs.LiveId, 'b', 'roses')).answer;
    expect(done.sessionState.intent).toMatchObject({ state: 'Fulfilled' });
    expect(done.messages?.[0].content).toBe('Ordered roses for today.');
  });

  it("answers DependencyFailedException when the function fails or its answer is not Lex's shape", async () => {
    await say(outputs.LiveId, 'c', 'Order cactus');
    expect(await say(outputs.LiveId, 'c', 'today')).toMatchObject({ status: 424, error: 'DependencyFailedException', message: 'Received error response from Lambda: Error: No cacti today' });
    await say(outputs.LiveId, 'd', 'Order weeds');
    expect(await say(outputs.LiveId, 'd', 'today')).toMatchObject({ status: 424, error: 'DependencyFailedException', message: 'Invalid Lambda Response: the response has no sessionState object' });
  });

  it('TSTALIASID calls the Lambda of the bot’s TestBotAliasSettings, as the draft version', async () => {
    await say('TSTALIASID', 'e', 'Order roses');
    const { answer } = await say('TSTALIASID', 'e', 'friday');
    expect(answer.sessionState.intent.state).toBe('Fulfilled');
    expect(JSON.parse(answer.sessionState.sessionAttributes.lastEvent)).toMatchObject({ bot: { aliasId: 'TSTALIASID', aliasName: 'TestBotAlias', version: 'DRAFT' } });
  });

  it('leaves the intent ReadyForFulfillment when the intent has no code hook or the alias names no function', async () => {
    const greeted = (await say(outputs.LiveId, 'f', 'Hello there')).answer;
    expect(greeted.sessionState).toMatchObject({ dialogAction: { type: 'Close' }, intent: { name: 'Greet', state: 'ReadyForFulfillment' }, sessionAttributes: {} });
    await say(outputs.PlainId, 'g', 'Order roses');
    const plain = (await say(outputs.PlainId, 'g', 'today')).answer;
    expect(plain.sessionState.intent).toMatchObject({ name: 'OrderFlowers', state: 'ReadyForFulfillment' });
    expect(plain.messages).toBeUndefined();
  });
});
