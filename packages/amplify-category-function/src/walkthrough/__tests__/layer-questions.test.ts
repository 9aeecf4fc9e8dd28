import { createPrompter } from 'amplify-cli-core';
import { scriptedPrompter } from 'amplify-test-support';
import { LATEST_LAYER_VERSION } from '../../layer-definition';
import { ENABLE_LAYERS_MESSAGE, askFunctionLayers, parseLayerArns } from '../function-layer-questions';
import { LAYER_PERMISSIONS_MESSAGE, accountIdsProblem, askLayerPermissions, layerNamePrefix, layerNameProblem, orgIdsProblem, splitIds } from '../layer-questions';

const ACCOUNTS = 'Provide a list of comma-separated AWS account IDs:';
const ORGS = 'Provide a list of comma-separated AWS organization IDs:';
const LAYER_PICK = 'Provide existing layers or select layers in this project to access from this function (pick up to 5):';
const arn = (name: string, version: number) => `arn:aws:lambda:us-east-1:123456789012:layer:${name}:${version}`;

describe('layer walkthrough rules', () => {
  test('names: 1-87 letters and digits, not taken once the project prefix is added', () => {
    expect(layerNamePrefix('My-Shop 2')).toBe('myshop2');
    expect(layerNameProblem('utils', 'shop', [])).toBeUndefined();
    expect(layerNameProblem('my-utils', 'shop', [])).toBe('Lambda layer names must be 1-87 alphanumeric characters long.');
    expect(layerNameProblem('x'.repeat(88), 'shop', [])).toMatch(/1-87/);
    expect(layerNameProblem('utils', 'shop', ['shoputils'])).toBe('A Lambda layer with the name utils already exists in this project.');
  });

  test('account and organization lists name the first bad id; ids are trimmed and deduplicated', () => {
    expect(accountIdsProblem('123456789012, 210987654321')).toBeUndefined();
    expect(accountIdsProblem('123456789012,12345')).toBe('AWS account IDs must be 12 digits long. 12345 did not match the criteria.');
    expect(orgIdsProblem('o-abcdefghij')).toBeUndefined();
    expect(orgIdsProblem('o-short')).toMatch(/starts with "o-" followed by a 10-32 character-long alphanumeric string \(o-short does not\)/);
    expect(splitIds(' 123456789012 ,123456789012,210987654321')).toEqual(['123456789012', '210987654321']);
  });

  test('permissions: nothing chosen is private; accounts and orgs are asked for; public alone wins', async () => {
    expect(await askLayerPermissions(scriptedPrompter({ [LAYER_PERMISSIONS_MESSAGE]: [] }))).toEqual([{ type: 'Private' }]);
    const asked: string[] = [];
    const shared = await askLayerPermissions(scriptedPrompter({ [LAYER_PERMISSIONS_MESSAGE]: ['AwsAccounts', 'AwsOrg'], [ACCOUNTS]: '123456789012', [ORGS]: 'o-abcdefghij' }, asked));
    expect(shared).toEqual([{ type: 'AwsAccounts', accounts: ['123456789012'] }, { type: 'AwsOrg', orgs: ['o-abcdefghij'] }, { type: 'Private' }]);
    expect(asked).toEqual([LAYER_PERMISSIONS_MESSAGE, ACCOUNTS, ORGS]);
    const publicAsked: string[] = [];
    expect(await askLayerPermissions(scriptedPrompter({ [LAYER_PERMISSIONS_MESSAGE]: ['AwsAccounts', 'Public'] }, publicAsked))).toEqual([{ type: 'Public' }]);
    expect(publicAsked).toEqual([LAYER_PERMISSIONS_MESSAGE]);
  });

  test('on update the recorded permissions are the defaults', async () => {
    const current = [{ type: 'AwsAccounts' as const, accounts: ['123456789012'] }, { type: 'Private' as const }];
    expect(await askLayerPermissions(createPrompter({ yes: true }), current)).toEqual(current);
  });

  test('without a terminal the permissions question fails naming the headless field', async () => {
    await expect(askLayerPermissions(createPrompter({ isInteractive: () => false }))).rejects.toMatchObject({
      message: expect.stringContaining('without a terminal'),
      resolution: expect.stringContaining('--headless permissions'),
    });
  });
});

describe("the function's layers step", () => {
  const print = jest.fn();
  const layers = [
    { name: 'shoputils', versions: [3, 2, 1] },
    { name: 'shopnew', versions: [] },
  ];

  test('declining keeps the previous layers; --yes declines', async () => {
    const previous = [{ type: 'ExternalLayer' as const, arn: arn('x', 1) }];
    expect(await askFunctionLayers(createPrompter({ yes: true }), { layers, env: 'dev', previous, print })).toEqual(previous);
  });

  test('project layers with a version each (latest, or pinned), then external ARNs', async () => {
    const prompter = scriptedPrompter({
      [ENABLE_LAYERS_MESSAGE]: true,
      [LAYER_PICK]: ['Provide existing Lambda layer ARNs', 'shoputils', 'shopnew'],
      'Select a version for shoputils:': 2,
      'Enter up to 3 existing Lambda layer ARNs (comma-separated):': `${arn('ext', 4)}, ${arn('other', 1)}`,
    });
    expect(await askFunctionLayers(prompter, { layers, env: 'dev', previous: [], print })).toEqual([
      { type: 'ProjectLayer', resourceName: 'shoputils', env: 'dev', version: 2, isLatestVersionSelected: false },
      // Not pushed yet: only its latest version can be chosen, so it is not asked.
      { type: 'ProjectLayer', resourceName: 'shopnew', env: 'dev', version: LATEST_LAYER_VERSION, isLatestVersionSelected: true },
      { type: 'ExternalLayer', arn: arn('ext', 4) },
      { type: 'ExternalLayer', arn: arn('other', 1) },
    ]);
  });

  test('without project layers the ARNs are asked at once; choosing none says so and what is removed', async () => {
    const messages: string[] = [];
    const prompter = scriptedPrompter({ [ENABLE_LAYERS_MESSAGE]: true, 'Enter up to 5 existing Lambda layer ARNs (comma-separated):': '' });
    const previous = [{ type: 'ExternalLayer' as const, arn: arn('ext', 4) }];
    expect(await askFunctionLayers(prompter, { layers: [], env: 'dev', previous, print: (line) => messages.push(line) })).toEqual([]);
    expect(messages).toEqual(['No Lambda layers were selected', 'Removing 1 previously added Lambda layer from Lambda function']);
  });

  test('ARN lists are checked: each must be a layer version ARN', () => {
    expect(parseLayerArns(` ${arn('a', 1)} ,, ${arn('b', 2)}`)).toEqual({ arns: [arn('a', 1), arn('b', 2)] });
    expect(parseLayerArns('arn:aws:lambda:us-east-1:123456789012:layer:a')).toEqual({ problem: 'arn:aws:lambda:us-east-1:123456789012:layer:a is not a valid Lambda layer ARN' });
    expect(parseLayerArns('x, y')).toEqual({ problem: 'x, y are not valid Lambda layer ARNs' });
  });
});
