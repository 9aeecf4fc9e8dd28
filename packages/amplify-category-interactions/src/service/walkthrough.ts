import { AmplifyError, runWalkthrough, type Prompter, type Question } from 'amplify-cli-core';
import { BUILT_IN_SLOT_TYPES, NAME_PATTERNS, type LexIntent, type LexParams, type LexSlot, type LexSlotType, type OutputVoice } from './lex-params';
import { SAMPLE_BOTS, SAMPLE_INTENTS, type SampleBot } from './sample-bots';

const regex = (value: string, onErrorMsg: string) => ({ operator: 'regex' as const, value, onErrorMsg });
const length = (max: number, what: string) => regex(`^[\\s\\S]{1,${max}}$`, `${what} must be 1 to ${max} characters long`);

const COPPA_QUESTION = "Please indicate if your use of this bot is subject to the Children's Online Privacy Protection Act (COPPA).";

/** `my-shop` → `my_shop_bot`, letters and single underscores only as Lex bot names must be. */
export function defaultBotName(projectName: string): string {
  const letters = projectName.replace('-', '_').replace(/[^A-Za-z_]/g, '').replace(/_+/g, '_').replace(/^_/, '');
  return `${letters || 'my'}_bot`.replace(/__+/g, '_').slice(0, 50);
}

export interface LexWalkthroughOptions {
  projectName: string;
  shortId: string;
  /** The project's Lambda functions, offered for fulfilment. */
  functions: string[];
}

/** The add walkthrough: resource name, sample or scratch, then the sample's COPPA answer or the whole bot. */
export async function runLexAddWalkthrough(prompter: Prompter, options: LexWalkthroughOptions): Promise<LexParams> {
  const first = await runWalkthrough(
    [
      { key: 'resourceName', type: 'input', message: 'Provide a friendly resource name that will be used to label this category in the project:', default: `lex${options.shortId}`, validation: regex(NAME_PATTERNS.resourceName, 'Resource name should be alphanumeric'), required: true },
      {
        key: 'start',
        type: 'pick',
        message: 'Would you like to start with a sample chatbot or start from scratch?',
        choices: [
          { name: 'Start with a sample', value: 'sample' },
          { name: 'Start from scratch', value: 'scratch' },
        ],
        default: 'sample',
      },
      { key: 'sample', type: 'pick', message: 'Choose a sample chatbot:', choices: SAMPLE_BOTS.map((bot) => ({ name: bot, value: bot })), default: 'BookTrip', when: (a) => a.start === 'sample' },
      { key: 'coppa', type: 'confirm', message: COPPA_QUESTION, default: false, when: (a) => a.start === 'sample' },
    ],
    prompter,
  );
  const base = { resourceName: String(first.resourceName), shortId: options.shortId, projectName: options.projectName };
  if (first.start === 'sample') return sampleBot(first.sample as SampleBot, { ...base, coppa: first.coppa === true });
  const bot = await runWalkthrough(
    [
      { key: 'botName', type: 'input', message: 'Enter a name for your bot:', default: defaultBotName(options.projectName), validation: regex(NAME_PATTERNS.botName, 'Bot name must be 2 to 50 letters, single underscores between them'), required: true },
      {
        key: 'outputVoice',
        type: 'pick',
        message: 'Choose an output voice:',
        choices: [
          { name: 'None. This is only a text based application.', value: false },
          { name: 'Male', value: 'Matthew' },
          { name: 'Female', value: 'Joanna' },
        ],
        default: false,
      },
      {
        key: 'sessionTimeout',
        type: 'input',
        message: 'After how long should the session timeout (in minutes)?',
        default: '5',
        validation: regex('^([1-9][0-9]{0,2}|1[0-3][0-9]{2}|14[0-3][0-9]|1440)$', 'Session timeout must be a whole number of minutes from 1 to 1440'),
        required: true,
        parse: (text) => Number(text),
      },
      { key: 'coppa', type: 'confirm', message: COPPA_QUESTION, default: false },
    ],
    prompter,
  );
  const intents: LexIntent[] = [];
  do {
    intents.push(await askIntent(prompter, intents, options.functions, base.resourceName));
  } while (await prompter.confirm({ message: 'Would you like to create another intent?', default: false }));
  return { ...base, botName: String(bot.botName), outputVoice: bot.outputVoice as OutputVoice, sessionTimeout: Number(bot.sessionTimeout), coppa: bot.coppa === true, intents };
}

/** A sample bot as lex-params: its intents, a 5-minute session, text only. */
export function sampleBot(sample: SampleBot, base: { resourceName: string; shortId: string; projectName: string; coppa: boolean }): LexParams {
  return { ...base, botName: sample, intents: structuredClone(SAMPLE_INTENTS[sample]), outputVoice: false, sessionTimeout: 5 };
}

async function askLoop(prompter: Prompter, ask: () => Promise<string>, again: string): Promise<string[]> {
  const values: string[] = [];
  do values.push(await ask());
  while (await prompter.confirm({ message: again, default: false }));
  return values;
}

/** One intent: name, utterances, slots, confirmation, fulfilment. */
export async function askIntent(prompter: Prompter, existing: LexIntent[], functions: string[], defaultUtterance: string): Promise<LexIntent> {
  const taken = new Set(existing.map((intent) => intent.intentName.toLowerCase()));
  const intentName = await prompter.input({
    message: 'Give a name for your intent:',
    validate: (name) => {
      if (!new RegExp(NAME_PATTERNS.intentName).test(name)) return 'Intent name must be 1 to 100 letters, single underscores between them';
      return taken.has(name.toLowerCase()) ? `The bot already has an intent named ${name}` : true;
    },
  });
  const utterances = await askLoop(
    prompter,
    () => prompter.input({ message: 'Write a sample utterance for this intent:', default: defaultUtterance, validate: (text) => (text.length >= 1 && text.length <= 200) || 'An utterance must be 1 to 200 characters long' }),
    'Would you like to add another utterance?',
  );
  const slots: LexSlot[] = [];
  const newSlotTypes: LexSlotType[] = [];
  const knownTypes = (): string[] => [...existing.flatMap((intent) => intent.newSlotTypes), ...newSlotTypes].map((type) => type.slotTypeName);
  if (await prompter.confirm({ message: 'Would you like to add a slot to this intent?', default: false })) {
    do {
      const slot = await askSlot(prompter, slots, knownTypes());
      if (slot.newType) newSlotTypes.push(slot.newType);
      slots.push(slot.slot);
    } while (await prompter.confirm({ message: 'Would you like to add another slot?', default: false }));
  }
  const intent: LexIntent = { intentName, utterances, slots, newSlotTypes };
  if (await prompter.confirm({ message: 'Would you like to add a confirmation message for this intent?', default: false })) {
    intent.confirmationQuestion = await prompter.input({ message: 'Enter the confirmation message:', validate: (text) => (text.length >= 1 && text.length <= 1000) || 'The message must be 1 to 1000 characters long' });
    intent.cancelMessage = await prompter.input({ message: 'Enter the cancellation message:', validate: (text) => (text.length >= 1 && text.length <= 1000) || 'The message must be 1 to 1000 characters long' });
  }
  const fulfilment = await prompter.pick<'client' | 'lambda'>({
    message: 'Where should the fulfilment of this intent happen?',
    choices: [
      { name: 'Return parameters to client', value: 'client' },
      ...(functions.length > 0 ? [{ name: 'AWS Lambda function', value: 'lambda' as const }] : []),
    ],
    default: 'client',
  });
  if (fulfilment === 'lambda') {
    const lambdaName = await prompter.pick<string>({ message: 'Choose a Lambda function of this project:', choices: functions });
    intent.lambda = { lambdaName };
  }
  return intent;
}

async function askSlot(prompter: Prompter, slots: LexSlot[], knownTypes: string[]): Promise<{ slot: LexSlot; newType?: LexSlotType }> {
  const questions: Question[] = [
    {
      key: 'name',
      type: 'input',
      message: 'Name of slot:',
      validation: regex(NAME_PATTERNS.slotName, 'Slot name must be 1 to 100 letters, single underscores between them'),
      required: true,
    },
    {
      key: 'kind',
      type: 'pick',
      message: 'Choose a slot type:',
      choices: [
        { name: 'Amazon built-in slot type', value: 'builtIn' },
        ...(knownTypes.length > 0 ? [{ name: 'Slot type already made in this project', value: 'existing' }] : []),
        { name: 'Create a new slot type', value: 'new' },
      ],
      default: 'builtIn',
    },
    { key: 'type', type: 'pick', message: 'Choose a built-in slot type:', choices: BUILT_IN_SLOT_TYPES.map((type) => ({ name: type, value: type })), when: (a) => a.kind === 'builtIn' },
    { key: 'type', type: 'pick', message: 'Choose a slot type:', choices: knownTypes.map((type) => ({ name: type, value: type })), when: (a) => a.kind === 'existing' },
    { key: 'type', type: 'input', message: 'What would you like to name your slot type?', validation: regex(NAME_PATTERNS.slotName, 'Slot type name must be letters, single underscores between them'), required: true, when: (a) => a.kind === 'new' },
    { key: 'description', type: 'input', message: 'Give a description of your slot type:', default: '', when: (a) => a.kind === 'new' },
  ];
  const answers = await runWalkthrough(questions, prompter);
  const name = String(answers.name);
  if (slots.some((slot) => slot.name.toLowerCase() === name.toLowerCase())) {
    throw new AmplifyError('InvalidInput', `The intent already has a slot named ${name}`, { resolution: 'Give each slot of an intent its own name' });
  }
  const type = String(answers.type);
  let newType: LexSlotType | undefined;
  if (answers.kind === 'new') {
    const slotValues = await askLoop(prompter, () => prompter.input({ message: 'Add a value for the slot type:', validate: (text) => text.trim() !== '' || 'A value is required' }), 'Would you like to add another value?');
    newType = { slotTypeName: type, slotTypeDescription: String(answers.description), slotValues };
  }
  const prompt = await prompter.input({ message: 'Enter a prompt for this slot:', validate: (text) => (text.length >= 1 && text.length <= 1000) || 'The prompt must be 1 to 1000 characters long' });
  const required = await prompter.confirm({ message: 'Should this slot be required?', default: true });
  return { slot: { name, type, prompt, required, customType: answers.kind !== 'builtIn' }, newType };
}
