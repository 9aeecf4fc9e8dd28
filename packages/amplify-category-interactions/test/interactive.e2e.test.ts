import { AMPLIFY_BIN, AppSandbox, KEY, runInTerminal, type ScriptedAnswer } from 'amplify-test-support';

/**
 * The analytics, interactions and notifications walkthroughs as a person answers them, in a pseudo-terminal: a
 * Kinesis stream (with the guest question), a bot from scratch with a built-in slot, an SMS channel enabled then
 * disabled, and one push of what remains.
 */
jest.setTimeout(180_000);

const BACKSPACE = '\u007f';

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string> }>>;

describe('interactive analytics, interactions and notifications (pseudo-terminal, built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const amplify = (args: string, answers: ScriptedAnswer[]) =>
    runInTerminal(`${process.execPath} ${AMPLIFY_BIN} ${args}`, answers, { cwd: sandbox.app, env: sandbox.env, timeoutMs: 30000 });
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('chat');
    expect((await sandbox.init()).exitCode).toBe(0);
    expect((await sandbox.run(['add', 'auth', '--yes'])).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('a Kinesis stream: provider, stream name, shards, then guests allowed', async () => {
    const result = await amplify('add analytics', [
      { question: /Select an Analytics provider/, keys: KEY.down + KEY.enter },
      { question: /Enter a Stream name/, keys: KEY.enter },
      { question: /Enter number of shards/, keys: '0' + KEY.enter },
      { question: /whole number from 1 to 500/, keys: BACKSPACE + '3' + KEY.enter },
      { question: /Apps need authorization to send analytics events/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/analytics/chatKinesis/parameters.json')).toMatchObject({ kinesisStreamName: 'chatKinesis', kinesisStreamShardCount: 3 });
  });

  test('a bot from scratch: one intent with a built-in slot, returned to the client', async () => {
    const result = await amplify('add interactions', [
      { question: /friendly resource name/, keys: 'helpbot' + KEY.enter },
      { question: /start with a sample chatbot or start from scratch/, keys: KEY.down + KEY.enter },
      { question: /Enter a name for your bot/, keys: KEY.enter },
      { question: /Choose an output voice/, keys: KEY.enter },
      { question: /session timeout/, keys: KEY.enter },
      { question: /COPPA/, keys: KEY.enter },
      { question: /Give a name for your intent/, keys: 'FindStore' + KEY.enter },
      { question: /Write a sample utterance/, keys: 'Where is your store in {City}' + KEY.enter },
      { question: /add another utterance/, keys: KEY.enter },
      { question: /add a slot to this intent/, keys: 'y' + KEY.enter },
      { question: /Name of slot/, keys: 'City' + KEY.enter },
      { question: /Choose a slot type/, keys: KEY.enter },
      { question: /Choose a built-in slot type/, keys: KEY.down + KEY.enter },
      { question: /Enter a prompt for this slot/, keys: 'Which city?' + KEY.enter },
      { question: /Should this slot be required/, keys: KEY.enter },
      { question: /add another slot/, keys: KEY.enter },
      { question: /add a confirmation message/, keys: KEY.enter },
      { question: /Where should the fulfilment/, keys: KEY.enter },
      { question: /create another intent/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/interactions/helpbot/lex-params.json')).toMatchObject({
      botName: 'chat_bot',
      sessionTimeout: 5,
      intents: [{ intentName: 'FindStore', utterances: ['Where is your store in {City}'], slots: [{ name: 'City', type: 'AMAZON.City', prompt: 'Which city?', required: true }] }],
    });
  });

  test('notifications: SMS enabled on a Pinpoint app added on the way, then disabled', async () => {
    const add = await amplify('add notifications', [
      { question: /Choose the notification channel to enable/, keys: KEY.down + KEY.down + KEY.enter },
      { question: /Provide your pinpoint resource name/, keys: KEY.enter },
      { question: /Apps need authorization to send analytics events/, keys: KEY.enter },
    ]);
    expect(add.unanswered).toBe(0);
    expect(add.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/notifications/chat/cli-inputs.json')).toEqual({ resourceName: 'chat', channels: ['SMS'] });
    const status = await sandbox.run(['notifications', 'status']);
    expect(status.stdout).toMatch(/SMS +│ Enabled/);
    expect(status.stdout).toMatch(/In-App Messaging +│ Disabled/);
    const disable = await amplify('update notifications SMS', [
      { question: /disable the SMS channel/, keys: 'y' + KEY.enter },
      { question: /Are you sure you want to delete the resource chat/, keys: 'y' + KEY.enter },
    ]);
    expect(disable.unanswered).toBe(0);
    expect(disable.exitCode).toBe(0);
    expect(meta().notifications ?? {}).toEqual({});
  });

  test('one push deploys the stream, the bot and the app', async () => {
    const pushed = await sandbox.run(['push', '--yes']);
    expect(pushed.exitCode).toBe(0);
    expect(meta().analytics.chatKinesis.output).toMatchObject({ kinesisStreamShardCount: '3' });
    expect(meta().analytics.chat.output?.Id).toMatch(/^[0-9a-f]{32}$/);
    expect(meta().interactions.helpbot.output).toMatchObject({ BotName: 'chat_bot_dev' });
  });
});
