import type { LexIntent, LexParams } from './lex-params';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, { Type: string; Default?: string }>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json>; Condition?: string; DependsOn?: string[] }>;
  Outputs: Record<string, { Value: Json; Description?: string }>;
}

/** The one locale the walkthrough builds (the original's bots were en-US). */
export const LOCALE_ID = 'en_US';

/** The nested-stack parameter carrying a fulfilment function's ARN (`function<name>Arn`, from its dependsOn). */
export const functionArnParameter = (functionName: string): string => `function${functionName}Arn`;

const plainText = (text: string): Json => ({ MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }] });

function intentResource(intent: LexIntent): Json {
  const resource: Record<string, Json> = {
    Name: intent.intentName,
    SampleUtterances: intent.utterances.map((utterance) => ({ Utterance: utterance })),
    Slots: intent.slots.map((slot) => ({
      Name: slot.name,
      SlotTypeName: slot.type,
      ValueElicitationSetting: { SlotConstraint: slot.required ? 'Required' : 'Optional', PromptSpecification: { ...(plainText(slot.prompt) as object), MaxRetries: 2 } },
    })),
    SlotPriorities: intent.slots.map((slot, index) => ({ Priority: index + 1, SlotName: slot.name })),
    FulfillmentCodeHook: { Enabled: intent.lambda !== undefined },
  };
  if (intent.confirmationQuestion && intent.cancelMessage) {
    resource.IntentConfirmationSetting = {
      PromptSpecification: { ...(plainText(intent.confirmationQuestion) as object), MaxRetries: 2 },
      DeclinationResponse: plainText(intent.cancelMessage),
    };
  }
  return resource;
}

/** The functions that fulfil intents of the bot, each once. */
export function fulfilmentFunctions(params: LexParams): string[] {
  return [...new Set(params.intents.flatMap((intent) => (intent.lambda ? [intent.lambda.lambdaName] : [])))];
}

/**
 * The bot for Lex V2 (Lex V1, which the original's custom-resource Lambda built through the model-building API, no
 * longer accepts new bots): a bot with one en_US locale built from lex-params.json, a version of it and the `live`
 * alias; the auth and unauth roles may talk to that alias.
 */
export function lexTemplate(params: LexParams): CfnTemplate {
  const slotTypes = params.intents.flatMap((intent) => intent.newSlotTypes);
  const locale: Record<string, Json> = {
    LocaleId: LOCALE_ID,
    NluConfidenceThreshold: 0.4,
    SlotTypes: slotTypes.map((type) => ({
      Name: type.slotTypeName,
      Description: type.slotTypeDescription,
      SlotTypeValues: type.slotValues.map((value) => ({ SampleValue: { Value: value } })),
      ValueSelectionSetting: { ResolutionStrategy: 'OriginalValue' },
    })),
    Intents: [...params.intents.map(intentResource), { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' }],
  };
  if (params.outputVoice) locale.VoiceSettings = { VoiceId: params.outputVoice };
  const functions = fulfilmentFunctions(params);
  const parameters: CfnTemplate['Parameters'] = {
    authRoleName: { Type: 'String' },
    unauthRoleName: { Type: 'String' },
    authRoleArn: { Type: 'String' },
    env: { Type: 'String' },
  };
  for (const name of functions) parameters[functionArnParameter(name)] = { Type: 'String' };
  const botName = { 'Fn::If': ['ShouldNotCreateEnvResources', params.botName, { 'Fn::Join': ['_', [params.botName, { Ref: 'env' }]] }] };
  const aliasArn = { 'Fn::GetAtt': ['BotAlias', 'Arn'] };
  const rolePolicy = (policyName: string, roleName: string): CfnTemplate['Resources'][string] => ({
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: policyName,
      Roles: [{ Ref: roleName }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['lex:RecognizeText', 'lex:RecognizeUtterance', 'lex:StartConversation'], Resource: [aliasArn] }],
      },
    },
  });
  const resources: CfnTemplate['Resources'] = {
    BotRuntimeRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['lexv2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
        },
        Policies: [
          {
            PolicyName: `lexPolicy${params.shortId}`,
            PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['polly:SynthesizeSpeech'], Resource: '*' }] },
          },
        ],
      },
    },
    Bot: {
      Type: 'AWS::Lex::Bot',
      Properties: {
        Name: botName,
        RoleArn: { 'Fn::GetAtt': ['BotRuntimeRole', 'Arn'] },
        DataPrivacy: { ChildDirected: params.coppa },
        IdleSessionTTLInSeconds: params.sessionTimeout * 60,
        AutoBuildBotLocales: true,
        BotLocales: [locale],
      },
    },
    BotVersion: {
      Type: 'AWS::Lex::BotVersion',
      Properties: { BotId: { Ref: 'Bot' }, BotVersionLocaleSpecification: [{ LocaleId: LOCALE_ID, BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } }] },
    },
    BotAlias: {
      Type: 'AWS::Lex::BotAlias',
      Properties: {
        BotId: { Ref: 'Bot' },
        BotAliasName: 'live',
        BotVersion: { 'Fn::GetAtt': ['BotVersion', 'BotVersion'] },
        ...(functions.length > 0
          ? {
              BotAliasLocaleSettings: [
                {
                  LocaleId: LOCALE_ID,
                  BotAliasLocaleSetting: { Enabled: true, CodeHookSpecification: { LambdaCodeHook: { CodeHookInterfaceVersion: '1.0', LambdaArn: { Ref: functionArnParameter(functions[0]) } } } },
                },
              ],
            }
          : {}),
      },
    },
    CognitoUnauthPolicy: rolePolicy(`lex_amplify_${params.shortId}`, 'unauthRoleName'),
    CognitoAuthPolicy: rolePolicy(`lex_amplify_${params.shortId}`, 'authRoleName'),
  };
  functions.forEach((name, index) => {
    resources[`FulfilmentPermission${index}`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: functionArnParameter(name) }, Principal: 'lexv2.amazonaws.com', SourceArn: aliasArn },
    };
  });
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Lex chatbot stack creation using Amplify CLI',
    Parameters: parameters,
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } },
    Resources: resources,
    Outputs: {
      Region: { Value: { Ref: 'AWS::Region' } },
      BotName: { Value: botName },
      BotId: { Value: { Ref: 'Bot' } },
      BotAliasId: { Value: { 'Fn::GetAtt': ['BotAlias', 'BotAliasId'] } },
      BotLocaleId: { Value: LOCALE_ID },
    },
  };
}

export function lexParameters(): Record<string, unknown> {
  return { authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, authRoleName: { Ref: 'AuthRoleName' }, unauthRoleName: { Ref: 'UnauthRoleName' } };
}
