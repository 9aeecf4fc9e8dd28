import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AmplifyContext } from 'amplify-cli-core';
import type { DynamoDBConfig } from '../service/dynamodb-config';
import { addDynamoDBTrigger, saveDynamoDBResource } from '../service/storage-resource';

const table: DynamoDBConfig = { resourceName: 'orders', tableName: 'orders', partitionKey: { fieldName: 'id', fieldType: 'string' } };

/** An initialised project (env dev) with two functions, in a temp folder. */
function tempProject(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-storage-test-')));
  const write = (relative: string, data: unknown): void => {
    fs.mkdirSync(path.dirname(path.join(root, 'amplify', relative)), { recursive: true });
    fs.writeFileSync(path.join(root, 'amplify', relative), JSON.stringify(data));
  };
  const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-shop-dev-1', DeploymentBucketName: 'amplify-shop-dev-1-deployment' } };
  write('.config/project-config.json', { projectName: 'shop', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('.config/local-env-info.json', { envName: 'dev', projectPath: root, defaultEditor: 'code' });
  write('team-provider-info.json', { dev: providers });
  const lambda = { service: 'Lambda', providerPlugin: 'awscloudformation', build: true };
  write('backend/amplify-meta.json', { providers, function: { onOrder: lambda, resize: lambda } });
  write('backend/backend-config.json', {});
  return root;
}

/** A context whose function plugin is `plugin` (undefined: not installed). */
function contextWith(plugin: Record<string, unknown> | undefined): AmplifyContext {
  return { amplify: { getPluginInstance: (_context: unknown, category: string) => (category === 'function' ? plugin : undefined) } } as unknown as AmplifyContext;
}

describe('addDynamoDBTrigger', () => {
  let root: string;
  const inputs = (): DynamoDBConfig => JSON.parse(fs.readFileSync(path.join(root, 'amplify', 'backend', 'storage', 'orders', 'cli-inputs.json'), 'utf8'));
  const streamType = (): unknown =>
    JSON.parse(fs.readFileSync(path.join(root, 'amplify', 'backend', 'storage', 'orders', 'build', 'orders-cloudformation-template.json'), 'utf8')).Resources.DynamoDBTable
      .Properties.StreamSpecification.StreamViewType;

  beforeEach(async () => {
    root = tempProject();
    await saveDynamoDBResource(root, { ...table }, 'add');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('new: asks the function plugin for a function on this table, lists it and streams old and new images', async () => {
    const addTriggerFunction = jest.fn(async () => 'ordersTrigger1a2b3c4d');
    const context = contextWith({ addTriggerFunction, tableTriggerFunctions: async () => [], wireTableTrigger: jest.fn() });
    expect(streamType()).toBe('NEW_IMAGE');
    expect(await addDynamoDBTrigger(context, root, { ...table }, { mode: 'new' })).toBe('ordersTrigger1a2b3c4d');
    expect(addTriggerFunction).toHaveBeenCalledWith(context, { kind: 'dynamodb', table: 'orders', name: undefined });
    expect(inputs().triggerFunctions).toEqual(['ordersTrigger1a2b3c4d']);
    expect(streamType()).toBe('NEW_AND_OLD_IMAGES');
  });

  test('existing: a function of the project, wired to the stream unless it already is; an unknown one fails before anything is written', async () => {
    const wireTableTrigger = jest.fn(async () => undefined);
    const context = contextWith({ addTriggerFunction: jest.fn(), tableTriggerFunctions: async () => ['onOrder'], wireTableTrigger });
    await expect(addDynamoDBTrigger(context, root, { ...table }, { mode: 'existing', name: 'nothere' })).rejects.toThrow(
      'lambdaTrigger.name: "nothere" is not a function of this project',
    );
    expect(inputs().triggerFunctions).toEqual([]);
    await addDynamoDBTrigger(context, root, { ...table }, { mode: 'existing', name: 'onOrder' });
    expect(wireTableTrigger).not.toHaveBeenCalled();
    expect(inputs().triggerFunctions).toEqual(['onOrder']);
    await addDynamoDBTrigger(context, root, inputs(), { mode: 'existing', name: 'resize' });
    expect(wireTableTrigger).toHaveBeenCalledWith(context, 'resize', 'orders');
    expect(inputs().triggerFunctions).toEqual(['onOrder', 'resize']);
  });

  test('without the function plugin the error names the plugin to install', async () => {
    await expect(addDynamoDBTrigger(contextWith(undefined), root, { ...table }, { mode: 'new' })).rejects.toThrow('amplify-category-function');
  });
});
