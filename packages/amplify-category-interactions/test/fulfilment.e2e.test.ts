import * as fs from 'fs';
import * as path from 'path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { AppSandbox } from 'amplify-test-support';

/**
 * A bot whose intent a project function fulfils: `add function`, `add interactions` naming it, one push, then a
 * conversation with the deployed `live` alias through the local cloud's Lex runtime, which calls the function.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string> }>>;

const FULFILMENT = `exports.handler = async (event) => {
  const intent = event.sessionState.intent;
  const flower = intent.slots.FlowerType.value.interpretedValue;
  return {
    sessionState: { dialogAction: { type: 'Close' }, intent: { name: intent.name, slots: intent.slots, state: 'Fulfilled' }, sessionAttributes: { source: event.invocationSource, alias: event.bot.aliasName } },
    messages: [{ contentType: 'PlainText', content: 'Your ' + flower + ' are on their way.' }],
  };
};
`;

describe('interactions fulfilled by a project function (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('florist');
    expect((await sandbox.init()).exitCode).toBe(0);
    expect((await sandbox.run(['add', 'auth', '--yes'])).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('the pushed bot calls the function when the intent is ready, and answers what it returns', async () => {
    const fn = await sandbox.run(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'fulfilOrder', template: 'hello-world' }));
    expect(fn.stderr).toBe('');
    expect(fn.exitCode).toBe(0);
    fs.writeFileSync(path.join(sandbox.app, 'amplify', 'backend', 'function', 'fulfilOrder', 'src', 'index.js'), FULFILMENT);
    const bot = {
      botName: 'Florist',
      intents: [
        {
          intentName: 'OrderFlowers',
          utterances: ['I want {FlowerType}'],
          slots: [{ name: 'FlowerType', type: 'FlowerTypes', prompt: 'Which flowers?', required: true, customType: true }],
          newSlotTypes: [{ slotTypeName: 'FlowerTypes', slotValues: ['roses', 'tulips'] }],
          lambda: { lambdaName: 'fulfilOrder' },
        },
      ],
    };
    const added = await sandbox.run(['add', 'interactions', '--headless'], JSON.stringify({ version: 1, serviceConfiguration: { serviceName: 'Lex', resourceName: 'florist', bot } }));
    expect(added.stderr).toBe('');
    expect(added.exitCode).toBe(0);
    const pushed = await sandbox.run(['push', '--yes']);
    expect(pushed.stderr).toBe('');
    expect(pushed.exitCode).toBe(0);

    const output = meta().interactions.florist.output!;
    const endpoint = new URL(sandbox.cloud.endpoint);
    const signer = new SignatureV4({ credentials: sandbox.cloud.credentials, region: 'us-east-1', service: 'lex', sha256: Sha256 });
    const say = async (text: string) => {
      const requestPath = `/bots/${output.BotId}/botAliases/${output.BotAliasId}/botLocales/${output.BotLocaleId}/sessions/e2e/text`;
      const body = JSON.stringify({ text });
      const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: endpoint.hostname, port: Number(endpoint.port), path: requestPath, headers: { host: endpoint.host, 'content-type': 'application/json' }, body });
      const response = await fetch(`${endpoint.origin}${requestPath}`, { method: 'POST', headers: signed.headers, body });
      expect(response.status).toBe(200);
      return (await response.json()) as { messages?: Array<{ content: string }>; sessionState: { dialogAction: { type: string }; intent: { state: string }; sessionAttributes: Record<string, string> } };
    };
    const answer = await say('I want tulips');
    expect(answer.messages).toEqual([{ contentType: 'PlainText', content: 'Your tulips are on their way.' }]);
    expect(answer.sessionState).toMatchObject({ dialogAction: { type: 'Close' }, intent: { state: 'Fulfilled' }, sessionAttributes: { source: 'FulfillmentCodeHook', alias: 'live' } });
  });
});
