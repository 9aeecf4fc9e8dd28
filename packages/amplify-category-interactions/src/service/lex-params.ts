/**
 * `lex-params.json`: the original's record of a bot's answers (Lex V1 era), kept byte-compatible so projects made by
 * the original read here. The template is rendered from it for Lex V2 (see templates.ts).
 */
export interface LexSlot {
  name: string;
  /** An Amazon built-in (`AMAZON.Date`) or the name of a custom slot type of the bot. */
  type: string;
  prompt: string;
  required: boolean;
  /** True when `type` is a custom slot type (declared in some intent's `newSlotTypes`). */
  customType: boolean;
}

export interface LexSlotType {
  slotTypeName: string;
  slotTypeDescription: string;
  slotValues: string[];
}

export interface LexIntent {
  intentName: string;
  utterances: string[];
  slots: LexSlot[];
  newSlotTypes: LexSlotType[];
  confirmationQuestion?: string;
  cancelMessage?: string;
  /** The project function that fulfils the intent; absent: the parameters go back to the client. */
  lambda?: { region?: string; lambdaArn?: string; lambdaName: string };
}

export type OutputVoice = false | 'Matthew' | 'Joanna';

export interface LexParams {
  resourceName: string;
  botName: string;
  intents: LexIntent[];
  outputVoice: OutputVoice;
  /** Minutes, 1 to 1440. */
  sessionTimeout: number;
  coppa: boolean;
  shortId: string;
  projectName: string;
}

export const NAME_PATTERNS = {
  resourceName: '^[a-zA-Z0-9]+$',
  botName: '^([A-Za-z]_?){2,50}$',
  intentName: '^([A-Za-z]_?){1,100}$',
  slotName: '^([A-Za-z]_?){1,100}$',
} as const;

/**
 * Amazon built-in slot types of Lex V2 offered by the walkthrough (the original listed them from the Lex V1 API,
 * which no longer answers).
 */
export const BUILT_IN_SLOT_TYPES = [
  'AMAZON.AlphaNumeric',
  'AMAZON.City',
  'AMAZON.Confirmation',
  'AMAZON.Country',
  'AMAZON.Date',
  'AMAZON.Duration',
  'AMAZON.EmailAddress',
  'AMAZON.FirstName',
  'AMAZON.LastName',
  'AMAZON.Number',
  'AMAZON.Percentage',
  'AMAZON.PhoneNumber',
  'AMAZON.State',
  'AMAZON.StreetName',
  'AMAZON.Time',
] as const;
