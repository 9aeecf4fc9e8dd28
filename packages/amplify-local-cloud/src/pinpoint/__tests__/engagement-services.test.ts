import * as fs from 'fs';
import * as path from 'path';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand, waitUntilStackCreateComplete } from '@aws-sdk/client-cloudformation';
import { events } from '../../commands/events';
import { rawRequest, signedRequest, useTestCloud } from '../../__tests__/test-cloud';
import { PinpointEventLog } from '../event-log';

/** A stack with what the analytics and interactions categories deploy: a Pinpoint app, a stream and a Lex V2 bot. */
const prompt = (text: string) => ({ MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }], MaxRetries: 2 });
const template = {
  Resources: {
    App: { Type: 'AWS::Pinpoint::App', Properties: { Name: 'shop-dev' } },
    Sms: { Type: 'AWS::Pinpoint::SMSChannel', Properties: { ApplicationId: { Ref: 'App' }, Enabled: true } },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: 'clicks-dev', ShardCount: 1 } },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } },
    Bot: {
      Type: 'AWS::Lex::Bot',
      Properties: {
        Name: 'OrderFlowers_dev',
        RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
        DataPrivacy: { ChildDirected: false },
        IdleSessionTTLInSeconds: 300,
        BotLocales: [
          {
            LocaleId: 'en_US',
            NluConfidenceThreshold: 0.4,
            SlotTypes: [{ Name: 'FlowerTypes', ValueSelectionSetting: { ResolutionStrategy: 'OriginalValue' }, SlotTypeValues: [{ SampleValue: { Value: 'roses' }, Synonyms: [{ Value: 'rose' }] }, { SampleValue: { Value: 'tulips' } }] }],
            Intents: [
              {
                Name: 'OrderFlowers',
                SampleUtterances: [{ Utterance: 'I would like to order some flowers' }, { Utterance: 'Order {FlowerType}' }],
                Slots: [
                  { Name: 'PickupDate', SlotTypeName: 'AMAZON.Date', ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: prompt('What day do you want the {FlowerType} to be picked up?') } },
                  { Name: 'FlowerType', SlotTypeName: 'FlowerTypes', ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: prompt('What type of flowers would you like to order?') } },
                ],
                SlotPriorities: [
                  { Priority: 1, SlotName: 'FlowerType' },
                  { Priority: 2, SlotName: 'PickupDate' },
                ],
                IntentConfirmationSetting: { PromptSpecification: prompt('Your {FlowerType} will be ready on {PickupDate}. Okay?'), DeclinationResponse: { MessageGroupsList: [{ Message: { PlainTextMessage: { Value: 'Okay, no order.' } } }] } },
              },
              { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
            ],
          },
        ],
      },
    },
    Version: { Type: 'AWS::Lex::BotVersion', Properties: { BotId: { Ref: 'Bot' }, BotVersionLocaleSpecification: [{ LocaleId: 'en_US', BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } }] } },
    Alias: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: { Ref: 'Bot' }, BotAliasName: 'live', BotVersion: { 'Fn::GetAtt': ['Version', 'BotVersion'] } } },
  },
  Outputs: {
    AppId: { Value: { Ref: 'App' } },
    AppArn: { Value: { 'Fn::GetAtt': ['App', 'Arn'] } },
    SmsId: { Value: { Ref: 'Sms' } },
    StreamArn: { Value: { 'Fn::GetAtt': ['Stream', 'Arn'] } },
    BotId: { Value: { Ref: 'Bot' } },
    BotVersion: { Value: { 'Fn::GetAtt': ['Version', 'BotVersion'] } },
    AliasId: { Value: { 'Fn::GetAtt': ['Alias', 'BotAliasId'] } },
    AliasArn: { Value: { 'Fn::GetAtt': ['Alias', 'Arn'] } },
  },
};

describe('Pinpoint and Lex in the local cloud', () => {
  const t = useTestCloud();
  let outputs: Record<string, string>;
  const call = (path: string, method: string, body: unknown, service: string) =>
    signedRequest(`${t.cloud.endpoint}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }, { credentials: t.cloud.credentials, service });

  beforeAll(async () => {
    const cfn = new CloudFormationClient(t.config);
    await cfn.send(new CreateStackCommand({ StackName: 'engagement', TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_IAM'] }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: 'engagement' });
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'engagement' }));
    outputs = Object.fromEntries((Stacks?.[0].Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));
    cfn.destroy();
  });

  it('gives apps, channels, streams, bots, versions and aliases the ids and ARNs AWS gives them', () => {
    expect(outputs.AppId).toMatch(/^[0-9a-f]{32}$/);
    expect(outputs.AppArn).toBe(`arn:aws:mobiletargeting:us-east-1:123456789012:apps/${outputs.AppId}`);
    expect(outputs.SmsId).toBe(outputs.AppId);
    expect(outputs.StreamArn).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/clicks-dev');
    expect(outputs.BotId).toMatch(/^[A-Z0-9]{10}$/);
    expect(outputs.BotVersion).toBe('1');
    expect(outputs.AliasArn).toBe(`arn:aws:lex:us-east-1:123456789012:bot-alias/${outputs.BotId}/${outputs.AliasId}`);
  });

  it('PutEvents and UpdateEndpoint are accepted and recorded; `local-cloud events` shows the events', async () => {
    const batch = {
      BatchItem: {
        'endpoint-1': {
          Endpoint: {},
          Events: { 'event-1': { EventType: 'addToCart', Timestamp: '2026-12-06T09:00:00.000Z', Attributes: { item: 'roses' }, Metrics: { price: 12 }, Session: { Id: 's-1' } } },
        },
      },
    };
    const put = await call(`/v1/apps/${outputs.AppId}/events`, 'POST', batch, 'mobiletargeting');
    expect(put.status).toBe(202);
    expect(JSON.parse(put.body)).toEqual({ Results: { 'endpoint-1': { EndpointItemResponse: { StatusCode: 202, Message: 'Accepted' }, EventsItemResponse: { 'event-1': { StatusCode: 202, Message: 'Accepted' } } } } });
    const endpoint = await call(`/v1/apps/${outputs.AppId}/endpoints/endpoint-1`, 'PUT', { ChannelType: 'IN_APP', Address: 'x' }, 'mobiletargeting');
    expect(endpoint.status).toBe(202);
    const log = new PinpointEventLog(t.dataDir);
    expect(log.events()).toMatchObject([{ appId: outputs.AppId, endpointId: 'endpoint-1', eventType: 'addToCart', attributes: { item: 'roses' }, metrics: { price: 12 }, sessionId: 's-1' }]);
    expect(log.endpoints()).toMatchObject([{ appId: outputs.AppId, endpointId: 'endpoint-1', endpoint: { ChannelType: 'IN_APP' } }]);
    const printed: string[] = [];
    await events.run({ 'data-dir': t.dataDir }, { info: (m) => printed.push(m), success: (m) => printed.push(m), warning: (m) => printed.push(m) });
    expect(printed).toEqual([expect.stringMatching(new RegExp(`app ${outputs.AppId}  endpoint endpoint-1  addToCart  item=roses$`))]);
    const none: string[] = [];
    await events.run({ 'data-dir': t.dataDir, app: 'someotherapp' }, { info: (m) => none.push(m), success: (m) => none.push(m), warning: (m) => none.push(m) });
    expect(none).toEqual([`No analytics events recorded for app someotherapp (data in ${t.dataDir}).`]);
    await expect(events.run({ 'data-dir': t.dataDir, limit: '0' }, { info: () => undefined, success: () => undefined, warning: () => undefined })).rejects.toMatchObject({ code: 'LocalCloudInvalidOption' });
  });

  it('answers GetInAppMessages with no campaigns, and NotFoundException for an app no stack made', async () => {
    const messages = await call(`/v1/apps/${outputs.AppId}/endpoints/endpoint-1/inappmessages`, 'GET', undefined, 'mobiletargeting');
    expect(JSON.parse(messages.body)).toEqual({ InAppMessageCampaigns: [] });
    const missing = await call('/v1/apps/0123456789abcdef0123456789abcdef/events', 'POST', { BatchItem: {} }, 'mobiletargeting');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-amzn-errortype']).toBe('NotFoundException');
  });

  it('allows browsers: preflights and signed calls get CORS headers for the page origin', async () => {
    const preflight = await rawRequest(`${t.cloud.endpoint}/v1/apps/${outputs.AppId}/events`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-amz-date' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization,content-type,x-amz-date');
  });

  it('RecognizeText: slots heard in the utterance, the others elicited in priority order, then the confirmation', async () => {
    const path = `/bots/${outputs.BotId}/botAliases/${outputs.AliasId}/botLocales/en_US/sessions/s1/text`;
    const first = JSON.parse((await call(path, 'POST', { text: 'Order rose' }, 'lex')).body);
    expect(first.sessionState.intent).toMatchObject({ name: 'OrderFlowers', state: 'InProgress', slots: { FlowerType: { value: { originalValue: 'rose', interpretedValue: 'roses' } }, PickupDate: null } });
    expect(first.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PickupDate' });
    expect(first.messages).toEqual([{ content: 'What day do you want the roses to be picked up?', contentType: 'PlainText' }]);
    const second = JSON.parse((await call(path, 'POST', { text: 'tomorrow' }, 'lex')).body);
    expect(second.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(second.messages[0].content).toBe('Your roses will be ready on tomorrow. Okay?');
    const third = JSON.parse((await call(path, 'POST', { text: 'yes' }, 'lex')).body);
    expect(third.sessionState).toMatchObject({ dialogAction: { type: 'Close' }, intent: { state: 'ReadyForFulfillment', confirmationState: 'Confirmed' } });
  });

  it('RecognizeText falls back on text no intent matches, and refuses an unknown alias', async () => {
    const fallback = JSON.parse((await call(`/bots/${outputs.BotId}/botAliases/TSTALIASID/botLocales/en_US/sessions/s2/text`, 'POST', { text: 'what is the weather' }, 'lex')).body);
    expect(fallback.sessionState.intent.name).toBe('FallbackIntent');
    const unknown = await call(`/bots/${outputs.BotId}/botAliases/NOSUCHALIA/botLocales/en_US/sessions/s3/text`, 'POST', { text: 'hi' }, 'lex');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
  });

  it('Kinesis PutRecord and PutRecords on a stack\'s stream are recorded; an unknown stream is refused', async () => {
    const kinesis = (target: string, body: unknown) =>
      signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Kinesis_20131202.${target}` }, body: JSON.stringify(body) }, { credentials: t.cloud.credentials, service: 'kinesis' });
    const one = await kinesis('PutRecord', { StreamName: 'clicks-dev', PartitionKey: 'p', Data: Buffer.from('{"a":1}').toString('base64') });
    expect(one.status).toBe(200);
    expect(JSON.parse(one.body)).toMatchObject({ ShardId: 'shardId-000000000000', SequenceNumber: expect.stringMatching(/^\d+$/) });
    const many = await kinesis('PutRecords', { StreamARN: outputs.StreamArn, Records: [{ PartitionKey: 'p', Data: 'YQ==' }, { PartitionKey: 'q', Data: 'Yg==' }] });
    expect(JSON.parse(many.body)).toMatchObject({ FailedRecordCount: 0, Records: [{ ShardId: 'shardId-000000000000' }, { ShardId: 'shardId-000000000000' }] });
    const lines = fs.readFileSync(path.join(t.dataDir, 'kinesis', 'records.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { streamName: string; data: string });
    expect(lines.map((line) => [line.streamName, line.data])).toEqual([
      ['clicks-dev', Buffer.from('{"a":1}').toString('base64')],
      ['clicks-dev', 'YQ=='],
      ['clicks-dev', 'Yg=='],
    ]);
    const missing = await kinesis('PutRecord', { StreamName: 'nope', PartitionKey: 'p', Data: 'YQ==' });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toEqual({ __type: 'ResourceNotFoundException', message: 'Stream nope under account 123456789012 not found.' });
  });

  it('PostText (Lex V1) finds the bot by name and echoes the slots', async () => {
    const response = JSON.parse((await call('/bot/OrderFlowers_dev/alias/$LATEST/user/u1/text', 'POST', { inputText: 'I would like to order some flowers' }, 'lex')).body);
    expect(response).toMatchObject({ intentName: 'OrderFlowers', dialogState: 'ElicitSlot', slotToElicit: 'FlowerType', slots: { FlowerType: null, PickupDate: null } });
    const next = JSON.parse((await call('/bot/OrderFlowers_dev/alias/$LATEST/user/u1/text', 'POST', { inputText: 'tulips' }, 'lex')).body);
    expect(next).toMatchObject({ slots: { FlowerType: 'tulips', PickupDate: null }, slotToElicit: 'PickupDate', message: 'What day do you want the tulips to be picked up?' });
  });
});
