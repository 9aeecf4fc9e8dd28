import { AmplifyError, makeId, pathManager, validateHeadlessRequest, type AmplifyContext } from 'amplify-cli-core';
import { addInteractionsRequestSchema, type AddInteractionsRequest } from '../service/headless-schema';
import type { LexParams } from '../service/lex-params';
import { ensureBotAuth, saveLexResource } from '../service/lex-resource';
import { sampleBot } from '../service/walkthrough';

/** The lex-params of a valid request: a sample bot or custom intents (exactly one of them). */
export function paramsFromRequest(request: AddInteractionsRequest, projectName: string, shortId: string): LexParams {
  const config = request.serviceConfiguration;
  if ((config.sample === undefined) === (config.bot === undefined)) {
    throw new AmplifyError('InvalidHeadlessInput', 'AddInteractionsRequest: serviceConfiguration needs exactly one of sample and bot', {
      resolution: 'Give "sample": "BookTrip" (or OrderFlowers, ScheduleAppointment), or a "bot" with its intents',
    });
  }
  const base = { resourceName: config.resourceName ?? `lex${shortId}`, shortId, projectName, coppa: config.coppa ?? false };
  if (config.sample) return sampleBot(config.sample, base);
  const bot = config.bot!;
  return {
    ...base,
    botName: bot.botName,
    outputVoice: bot.outputVoice ?? false,
    sessionTimeout: bot.sessionTimeout ?? 5,
    intents: bot.intents.map((intent) => ({
      ...intent,
      slots: (intent.slots ?? []).map((slot) => ({ ...slot, required: slot.required ?? true, customType: !slot.type.startsWith('AMAZON.') })),
      newSlotTypes: (intent.newSlotTypes ?? []).map((type) => ({ ...type, slotTypeDescription: type.slotTypeDescription ?? '' })),
    })),
  };
}

/** `amplify add interactions --headless`. */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  if (context.input.command !== 'add') {
    throw new AmplifyError('HeadlessNotSupported', `Headless mode is not supported for "interactions ${context.input.command ?? ''}"`, {
      resolution: 'Use --headless with add; remove takes the resource name: amplify remove interactions <name> --yes',
    });
  }
  const request = validateHeadlessRequest<AddInteractionsRequest>(addInteractionsRequestSchema, payload, 'AddInteractionsRequest');
  const params = paramsFromRequest(request, context.amplify.getProjectConfig().projectName, makeId(8));
  await ensureBotAuth(context, true);
  await saveLexResource(pathManager.findProjectRoot(), params, 'add');
  context.print.success(`Successfully added resource ${params.resourceName} locally`);
}
