import * as fs from 'fs';
import * as path from 'path';
import { stateManager } from 'amplify-cli-core';
import { validateTemplate } from 'amplify-cloudformation-spec';
import { createTempProject } from 'amplify-test-support';
import { addTriggerFunction, tableTriggerFunctions, wireTableTrigger } from '../add-trigger-function';

const tableMeta = { storage: { orders: { service: 'DynamoDB', providerPlugin: 'awscloudformation' } } };
const twoTables = { storage: { ...tableMeta.storage, items: { service: 'DynamoDB', providerPlugin: 'awscloudformation' } } };
/** Wired functions here access nothing, so no category is asked for policies. */
const noPolicies = (): undefined => undefined;

describe('addTriggerFunction', () => {
  let project: ReturnType<typeof createTempProject>;
  const fnDir = (name: string): string => path.join(project.root, 'amplify', 'backend', 'function', name);
  const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

  afterEach(() => project.remove());

  test('s3: S3Trigger<id> with the S3 event handler, no dependencies (the bucket depends on it)', async () => {
    project = createTempProject();
    const name = await addTriggerFunction(project.root, { kind: 's3' });
    expect(name).toMatch(/^S3Trigger[a-z0-9]{8}$/);
    const source = fs.readFileSync(path.join(fnDir(name), 'src', 'index.js'), 'utf8');
    expect(source).toContain('record.s3.object.key');
    expect(readJson(path.join(fnDir(name), 'src', 'event.json')).Records[0].eventSource).toBe('aws:s3');
    expect(readJson(path.join(fnDir(name), 'function-parameters.json'))).toMatchObject({ template: 's3-trigger', permissions: {} });
    const meta = stateManager.getMeta(project.root) as Record<string, Record<string, unknown>>;
    expect(meta.function[name]).toEqual({ build: true, providerPlugin: 'awscloudformation', service: 'Lambda', dependsOn: [] });
    const template = readJson(path.join(fnDir(name), `${name}-cloudformation-template.json`));
    expect(Object.keys(template.Resources).sort()).toEqual(['LambdaExecutionRole', 'LambdaFunction', 'lambdaexecutionpolicy']);
    expect(validateTemplate(template)).toEqual([]);
  });

  test('dynamodb: <table>Trigger<id> wired to the table stream, and listed as that table trigger', async () => {
    project = createTempProject(tableMeta);
    const name = await addTriggerFunction(project.root, { kind: 'dynamodb', table: 'orders' });
    expect(name).toMatch(/^ordersTrigger[a-z0-9]{8}$/);
    const template = readJson(path.join(fnDir(name), `${name}-cloudformation-template.json`));
    expect(template.Resources.LambdaEventSourceMappingorders.Properties.EventSourceArn).toEqual({ Ref: 'storageordersStreamArn' });
    expect(validateTemplate(template)).toEqual([]);
    const meta = stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn: unknown }>>;
    expect(meta.function[name].dependsOn).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'] }]);
    expect(tableTriggerFunctions(project.root, 'orders')).toEqual([name]);
    expect(tableTriggerFunctions(project.root, 'other')).toEqual([]);
  });

  test('a given name is validated as the walkthrough does, and must be free', async () => {
    project = createTempProject({ ...tableMeta, function: { taken: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
    await expect(addTriggerFunction(project.root, { kind: 's3', name: 'bad-name' })).rejects.toThrow('a-z A-Z 0-9');
    await expect(addTriggerFunction(project.root, { kind: 's3', name: 'taken' })).rejects.toThrow('A function named taken already exists');
    expect(await addTriggerFunction(project.root, { kind: 's3', name: 'onUpload' })).toBe('onUpload');
  });

  test('dynamodb needs a table of the project', async () => {
    project = createTempProject();
    await expect(addTriggerFunction(project.root, { kind: 'dynamodb', table: 'orders' })).rejects.toThrow('"orders" is not one');
    expect(fs.existsSync(path.join(project.root, 'amplify', 'backend', 'function'))).toBe(false);
  });

  test('wireTableTrigger: an existing function gains the stream mapping and the table dependency; a second table is refused', async () => {
    project = createTempProject(twoTables);
    const name = await addTriggerFunction(project.root, { kind: 's3', name: 'worker' });
    await wireTableTrigger(project.root, noPolicies, name, 'orders');
    const template = readJson(path.join(fnDir(name), `${name}-cloudformation-template.json`));
    expect(Object.keys(template.Resources)).toEqual(expect.arrayContaining(['LambdaTriggerPolicyorders', 'LambdaEventSourceMappingorders']));
    expect(validateTemplate(template)).toEqual([]);
    expect(tableTriggerFunctions(project.root, 'orders')).toEqual(['worker']);
    const meta = stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn: unknown }>>;
    expect(meta.function.worker.dependsOn).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'] }]);
    await expect(wireTableTrigger(project.root, noPolicies, name, 'orders')).resolves.toBeUndefined();
    await expect(wireTableTrigger(project.root, noPolicies, name, 'items')).rejects.toThrow('Function worker is already invoked by the stream of table orders');
    await expect(wireTableTrigger(project.root, noPolicies, 'nothere', 'orders')).rejects.toThrow('This project has no function named nothere');
    await expect(wireTableTrigger(project.root, noPolicies, name, 'missing')).rejects.toThrow('"missing" is not one');
  });
});
