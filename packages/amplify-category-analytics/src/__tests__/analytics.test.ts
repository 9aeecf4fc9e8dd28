import { createPrompter, validateHeadlessRequest, type Prompter } from 'amplify-cli-core';
import { validateTemplate } from 'amplify-cloudformation-spec';
import { addAnalyticsRequestSchema, updateAnalyticsRequestSchema } from '../service/headless-schemas';
import { kinesisParameters, kinesisTemplate, pinpointParameters, pinpointTemplate } from '../service/templates';
import { runKinesisAddWalkthrough, runKinesisUpdateWalkthrough, runPinpointWalkthrough } from '../service/walkthrough';

function answering(script: Record<string, unknown>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const answer = async (options: { message: string; default?: unknown; validate?: (value: unknown) => true | string }): Promise<never> => {
    asked.push(options.message);
    const key = Object.keys(script).find((k) => options.message.startsWith(k));
    const value = key !== undefined ? script[key] : options.default;
    if (value === undefined) throw new Error(`unexpected question: ${options.message}`);
    const verdict = options.validate?.(value);
    if (verdict !== undefined && verdict !== true) throw new Error(verdict);
    return value as never;
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

describe('Pinpoint walkthrough', () => {
  it('--yes names the resource and the app after the project, lowercased and alphanumeric', async () => {
    const config = await runPinpointWalkthrough(createPrompter({ yes: true }), { projectName: 'My-Shop', shortId: 'ab12cd34' });
    expect(config).toEqual({ service: 'Pinpoint', resourceName: 'myshop', appName: 'myshop', shortId: 'ab12cd34' });
  });

  it('refuses a name that is not alphanumeric', async () => {
    const { prompter } = answering({ 'Provide your pinpoint resource name': 'my-app' });
    await expect(runPinpointWalkthrough(prompter, { projectName: 'shop', shortId: 'x' })).rejects.toThrow('Resource name should be alphanumeric');
  });
});

describe('Kinesis walkthrough', () => {
  it('asks the stream name (<project>Kinesis) then the shard count (1), in that order', async () => {
    const { prompter, asked } = answering({});
    const config = await runKinesisAddWalkthrough(prompter, { projectName: 'shop', shortId: 'ab12cd34' });
    expect(asked).toEqual(['Enter a Stream name', 'Enter number of shards']);
    expect(config).toEqual({ service: 'Kinesis', resourceName: 'shopKinesis', kinesisStreamName: 'shopKinesis', kinesisStreamShardCount: 1, shortId: 'ab12cd34' });
  });

  it('takes a custom shard count and refuses zero', async () => {
    const config = await runKinesisAddWalkthrough(answering({ 'Enter number of shards': '3' }).prompter, { projectName: 'shop', shortId: 'x' });
    expect(config.kinesisStreamShardCount).toBe(3);
    await expect(runKinesisAddWalkthrough(answering({ 'Enter number of shards': '0' }).prompter, { projectName: 'shop', shortId: 'x' })).rejects.toThrow('whole number from 1 to 500');
  });

  it('update asks the shard count only, with the current one as default', async () => {
    const current = { service: 'Kinesis' as const, resourceName: 'events', kinesisStreamName: 'events', kinesisStreamShardCount: 4, shortId: 'x' };
    const { prompter, asked } = answering({});
    expect(await runKinesisUpdateWalkthrough(prompter, current)).toEqual(current);
    expect(asked).toEqual(['Enter number of shards']);
  });
});

describe('templates', () => {
  it('Pinpoint: a spec-valid template with an app named <app>-<env>, PutEvents/UpdateEndpoint for both roles, and the outputs frontends read', () => {
    const template = pinpointTemplate();
    expect(validateTemplate(template)).toEqual([]);
    expect(template.Resources.PinpointApp.Type).toBe('AWS::Pinpoint::App');
    for (const id of ['CognitoAuthPolicy', 'CognitoUnauthPolicy']) {
      expect(JSON.stringify(template.Resources[id].Properties.PolicyDocument)).toContain('"mobiletargeting:PutEvents","mobiletargeting:UpdateEndpoint"');
    }
    expect(Object.keys(template.Outputs)).toEqual(['Region', 'Id', 'appName']);
    const parameters = pinpointParameters({ service: 'Pinpoint', resourceName: 'shop', appName: 'shop', shortId: 'ab12cd34' });
    expect(parameters).toMatchObject({ appName: 'shop', authPolicyName: 'pinpoint_amplify_ab12cd34', unauthRoleName: { Ref: 'UnauthRoleName' } });
    expect(Object.keys(parameters).every((key) => key in template.Parameters)).toBe(true);
  });

  it('Kinesis: a spec-valid stream with the original parameters and outputs', () => {
    const template = kinesisTemplate();
    expect(validateTemplate(template)).toEqual([]);
    expect(Object.keys(template.Outputs)).toEqual(['kinesisStreamArn', 'kinesisStreamId', 'kinesisStreamShardCount']);
    const parameters = kinesisParameters({ service: 'Kinesis', resourceName: 'events', kinesisStreamName: 'events', kinesisStreamShardCount: 2, shortId: 'ab12cd34' });
    expect(parameters).toMatchObject({ kinesisStreamShardCount: 2, authPolicyName: 'kinesis_amplify_ab12cd34' });
    expect(Object.keys(parameters).every((key) => key in template.Parameters)).toBe(true);
  });
});

describe('headless requests', () => {
  it('accepts Pinpoint and Kinesis adds and a Kinesis update', () => {
    expect(() => validateHeadlessRequest(addAnalyticsRequestSchema, '{"version":1,"serviceConfiguration":{"serviceName":"Pinpoint"}}', 'AddAnalyticsRequest')).not.toThrow();
    expect(() => validateHeadlessRequest(addAnalyticsRequestSchema, { version: 1, serviceConfiguration: { serviceName: 'Kinesis', name: 'clicks', shardCount: 2, allowGuests: false } }, 'AddAnalyticsRequest')).not.toThrow();
    expect(() => validateHeadlessRequest(updateAnalyticsRequestSchema, { version: 1, serviceModification: { serviceName: 'Kinesis', resourceName: 'clicks', shardCount: 3 } }, 'UpdateAnalyticsRequest')).not.toThrow();
  });

  it.each([
    [{ version: 1, serviceConfiguration: { serviceName: 'Redshift' } }, 'serviceConfiguration.serviceName must be one of "Pinpoint", "Kinesis"'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Kinesis', shardCount: 0 } }, 'serviceConfiguration.shardCount must be >= 1'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Pinpoint', name: 'my app' } }, 'serviceConfiguration.name must match pattern'],
    [{ version: 2, serviceConfiguration: { serviceName: 'Pinpoint' } }, 'version must be 1'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Pinpoint', region: 'eu-west-1' } }, 'serviceConfiguration.region is not a known field'],
  ])('refuses %j naming the field', (request, message) => {
    expect(() => validateHeadlessRequest(addAnalyticsRequestSchema, request, 'AddAnalyticsRequest')).toThrow(message);
  });
});
