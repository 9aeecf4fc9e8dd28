import type { DeployedResource } from '../pinpoint/deployed-resources';

/** A slot as the runtime needs it, read from the deployed `AWS::Lex::Bot` properties. */
export interface BotSlot {
  name: string;
  type: string;
  required: boolean;
  prompt?: string;
}

export interface BotIntent {
  name: string;
  utterances: string[];
  slots: BotSlot[];
  confirmationPrompt?: string;
  declinationMessage?: string;
  /** `FulfillmentCodeHook.Enabled`: the alias's Lambda fulfils the intent once it is ready. */
  fulfilmentCodeHook: boolean;
}

export interface BotLocaleModel {
  localeId: string;
  intents: BotIntent[];
  /** Custom slot types: each value (and synonym, lower-cased) → the value it resolves to. */
  slotTypes: Map<string, Map<string, string>>;
}

type Props = Record<string, unknown>;
const list = (value: unknown): Props[] => (Array.isArray(value) ? (value.filter((item) => typeof item === 'object' && item !== null) as Props[]) : []);
const object = (value: unknown): Props => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Props) : {});

/** The first plain-text message of a prompt or response specification. */
function firstText(specification: unknown): string | undefined {
  const group = list(object(specification).MessageGroupsList)[0];
  const text = object(object(object(group).Message).PlainTextMessage).Value;
  return typeof text === 'string' ? text : undefined;
}

/** The locales of a deployed bot, as the properties of its `AWS::Lex::Bot` resource declare them. */
export function botLocales(bot: DeployedResource): BotLocaleModel[] {
  return list(bot.properties.BotLocales).map((locale) => {
    const slotTypes = new Map<string, Map<string, string>>();
    for (const type of list(locale.SlotTypes)) {
      const values = new Map<string, string>();
      for (const entry of list(type.SlotTypeValues)) {
        const value = String(object(entry.SampleValue).Value ?? '');
        values.set(value.toLowerCase(), value);
        for (const synonym of list(entry.Synonyms)) values.set(String(synonym.Value ?? '').toLowerCase(), value);
      }
      slotTypes.set(String(type.Name), values);
    }
    const intents = list(locale.Intents)
      .filter((intent) => intent.ParentIntentSignature === undefined)
      .map((intent) => {
        const priorities = new Map(list(intent.SlotPriorities).map((entry) => [String(entry.SlotName), Number(entry.Priority)]));
        const slots = list(intent.Slots)
          .map((slot) => {
            const elicitation = object(slot.ValueElicitationSetting);
            return { name: String(slot.Name), type: String(slot.SlotTypeName), required: elicitation.SlotConstraint === 'Required', prompt: firstText(elicitation.PromptSpecification) };
          })
          .sort((a, b) => (priorities.get(a.name) ?? Infinity) - (priorities.get(b.name) ?? Infinity));
        const confirmation = object(intent.IntentConfirmationSetting);
        return {
          name: String(intent.Name),
          utterances: list(intent.SampleUtterances).map((entry) => String(entry.Utterance)),
          slots,
          confirmationPrompt: firstText(confirmation.PromptSpecification),
          declinationMessage: firstText(confirmation.DeclinationResponse),
          fulfilmentCodeHook: object(intent.FulfillmentCodeHook).Enabled === true,
        };
      });
    return { localeId: String(locale.LocaleId), intents, slotTypes };
  });
}

/**
 * The Lambda function an alias calls for a locale: `BotAliasLocaleSettings` of an `AWS::Lex::BotAlias`, or of the
 * bot's `TestBotAliasSettings` for TSTALIASID; none when the locale setting is absent or disabled.
 */
export function codeHookFunction(aliasSettings: Props, localeId: string): string | undefined {
  const entry = list(aliasSettings.BotAliasLocaleSettings).find((candidate) => candidate.LocaleId === localeId);
  const setting = object(entry?.BotAliasLocaleSetting);
  if (setting.Enabled !== true) return undefined;
  const arn = object(object(setting.CodeHookSpecification).LambdaCodeHook).LambdaArn;
  return typeof arn === 'string' && arn !== '' ? arn : undefined;
}
