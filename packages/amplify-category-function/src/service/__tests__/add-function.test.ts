import * as fs from 'fs';
import * as path from 'path';
import { type PermissionPolicies, type Prompter, createPrompter, stateManager } from 'amplify-cli-core';
import { createTempProject, writeTableInputs } from 'amplify-test-support';
import { answersFromAccess } from '../../walkthrough/resource-access-questions';
import { addFunction } from '../add-function';
import { readFunction } from '../function-files';
import type { PermissionPoliciesSource } from '../resolve-access';
import { applyFunctionChanges } from '../update-function';

const storageStatement = { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: [{ Ref: 'storageitemsArn' }] };

/** A storage category that grants GetItem on each table it is asked about. */
const storagePolicies: PermissionPoliciesSource = (category) =>
  category === 'storage'
    ? async (mapping): Promise<PermissionPolicies> => ({
        permissionPolicies: Object.keys(mapping).map(() => storageStatement),
        resourceAttributes: Object.keys(mapping).map((resourceName) => ({ resourceName, attributes: ['Name', 'Arn', 'StreamArn'], category })),
      })
    : undefined;

const tableMeta = { storage: { items: { service: 'DynamoDB', providerPlugin: 'awscloudformation' } }, auth: { users: { service: 'Cognito', providerPlugin: 'awscloudformation' } } };

describe('addFunction', () => {
  let project: ReturnType<typeof createTempProject>;
  const yes = createPrompter({ yes: true });
  const print = jest.fn();
  const fnDir = (name: string): string => path.join(project.root, 'amplify', 'backend', 'function', name);
  const readTemplate = (name: string) => JSON.parse(fs.readFileSync(path.join(fnDir(name), `${name}-cloudformation-template.json`), 'utf8'));

  afterEach(() => project.remove());

  test('--yes: hello world under a generated name, with every file the original writes for a function and its meta entry', async () => {
    project = createTempProject();
    const { spec } = await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print });
    expect(spec.functionName).toMatch(/^shop[a-z0-9]{8}$/);
    const dir = fnDir(spec.functionName);
    expect(fs.readdirSync(dir).sort()).toEqual(['amplify.state', 'custom-policies.json', 'function-parameters.json', 'parameters.json', `${spec.functionName}-cloudformation-template.json`, 'src'].sort());
    expect(fs.readdirSync(path.join(dir, 'src')).sort()).toEqual(['event.json', 'index.js', 'package.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'src', 'package.json'), 'utf8')).name).toBe(spec.functionName);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'parameters.json'), 'utf8'))).toEqual({ CloudWatchRule: 'NONE' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'amplify.state'), 'utf8'))).toEqual({
      pluginId: 'amplify-nodejs-function-runtime-provider',
      functionRuntime: 'nodejs',
      useLegacyBuild: true,
      defaultEditorFile: 'src/index.js',
    });
    const meta = stateManager.getMeta(project.root) as Record<string, Record<string, unknown>>;
    expect(meta.function[spec.functionName]).toEqual({ build: true, providerPlugin: 'awscloudformation', service: 'Lambda', dependsOn: [] });
    expect((stateManager.getBackendConfig(project.root) as Record<string, Record<string, unknown>>).function[spec.functionName]).toEqual(
      meta.function[spec.functionName],
    );
    expect(spec.parameters).toEqual({ template: 'hello-world', roleName: expect.stringMatching(/^shopLambdaRole[a-z0-9]{8}$/), permissions: {}, environmentVariables: [], lambdaLayers: [] });
    // Key by key against what the original wrote for the same function (fixtures/original-14.2.2/README.md).
    const original = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', file), 'utf8'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'amplify.state'), 'utf8'))).toEqual(original('amplify.state'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'custom-policies.json'), 'utf8'))).toEqual(original('custom-policies.json'));
    expect(meta.function[spec.functionName]).toMatchObject(original('backend-config-entry.json') as Record<string, unknown>);
  });

  test('a name already in use is refused before anything is written', async () => {
    project = createTempProject({ function: { taken: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
    await expect(addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'taken' } })).rejects.toThrow(
      'A function named taken already exists in this project',
    );
    expect(fs.existsSync(fnDir('taken'))).toBe(false);
  });

  test('an invalid supplied name is refused naming the field', async () => {
    project = createTempProject();
    await expect(addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'my-fn' } })).rejects.toThrow(
      '--headless functionName: You can use the following characters: a-z A-Z 0-9',
    );
  });

  test('CRUD over a storage table: the table keys in app.js, its Name/Arn in dependsOn and the variables', async () => {
    project = createTempProject(tableMeta);
    writeTableInputs(project.root, 'items', { resourceName: 'items', tableName: 'itemsTable', partitionKey: { fieldName: 'id', fieldType: 'string' }, sortKey: { fieldName: 'createdAt', fieldType: 'number' } });
    const { spec } = await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'crudfn', template: 'crud' } });
    expect(spec.parameters.crudTable).toEqual({ resourceName: 'items', tableName: 'itemsTable', partitionKey: { name: 'id', type: 'string' }, sortKey: { name: 'createdAt', type: 'number' } });
    const app = fs.readFileSync(path.join(fnDir('crudfn'), 'src', 'app.js'), 'utf8');
    expect(app).toContain("const partitionKeyName = 'id';");
    expect(app).toContain("const sortKeyName = 'createdAt';");
    expect(app).toContain("const sortKeyType = 'number';");
    expect(app).toContain('process.env.STORAGE_ITEMS_NAME');
    expect(fs.readdirSync(path.join(fnDir('crudfn'), 'src')).sort()).toEqual(['app.js', 'event.json', 'index.js', 'package.json']);
    const meta = stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn?: unknown }>>;
    expect(meta.function.crudfn.dependsOn).toEqual([{ category: 'storage', resourceName: 'items', attributes: ['Name', 'Arn'] }]);
    expect(readTemplate('crudfn').Resources.LambdaFunction.Properties.Environment.Variables.STORAGE_ITEMS_ARN).toEqual({ Ref: 'storageitemsArn' });
  });

  test('CRUD without a table: under --yes it fails rather than choosing for the user', async () => {
    project = createTempProject();
    await expect(addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { template: 'crud' } })).rejects.toThrow(
      expect.objectContaining({ resolution: expect.stringContaining('--headless crudTable') }),
    );
  });

  test('CRUD without a table, answered: Hello World instead', async () => {
    project = createTempProject();
    const { spec } = await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { template: 'crud', useHelloWorld: true } });
    expect(spec.parameters.template).toBe('hello-world');
  });

  test('a person is asked the runtime step (named: one runtime) and "advanced settings?", whose No skips access, schedule and variables', async () => {
    project = createTempProject(tableMeta);
    const asked: string[] = [];
    const record =
      <T extends { message: string }, R>(ask: (options: T) => Promise<R>) =>
      (options: T): Promise<R> => {
        asked.push(options.message);
        return ask(options);
      };
    const recording: Prompter = {
      confirm: record(yes.confirm),
      input: record(yes.input),
      password: record(yes.password),
      pick: record(yes.pick as (options: { message: string }) => Promise<unknown>) as Prompter['pick'],
    };
    const info: string[] = [];
    await addFunction({ projectRoot: project.root, prompter: recording, policies: storagePolicies, print, info: (line) => info.push(line) });
    expect(info).toEqual(['Only one option for [Choose the runtime that you want to use:]. Selecting [NodeJS].']);
    expect(asked).toEqual(['Provide an AWS Lambda function name:', 'Choose the function template that you want to use:', 'Do you want to configure advanced settings?']);
  });

  test('Express: app.js serves /item', async () => {
    project = createTempProject();
    await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'expressfn', template: 'serverless' } });
    expect(fs.readFileSync(path.join(fnDir('expressfn'), 'src', 'app.js'), 'utf8')).toContain("const path = '/item';");
    expect(JSON.parse(fs.readFileSync(path.join(fnDir('expressfn'), 'src', 'package.json'), 'utf8')).dependencies).toHaveProperty('express');
  });

  test('resource access: statements from the category, dependsOn, variables; values of custom variables per env', async () => {
    project = createTempProject(tableMeta);
    const { spec } = await addFunction({
      projectRoot: project.root,
      prompter: yes,
      policies: storagePolicies,
      print,
      supplied: { functionName: 'reader', ...answersFromAccess([{ category: 'storage', resourceName: 'items', operations: ['read'] }]) },
      environmentVariables: { API_URL: 'https://example.com' },
    });
    expect(spec.parameters.permissions).toEqual({ storage: { items: ['read'] } });
    const template = readTemplate('reader');
    expect(template.Resources.AmplifyResourcesPolicy.Properties.PolicyDocument.Statement).toEqual([storageStatement]);
    expect(Object.keys(template.Resources.LambdaFunction.Properties.Environment.Variables)).toEqual([
      'ENV',
      'REGION',
      'STORAGE_ITEMS_NAME',
      'STORAGE_ITEMS_ARN',
      'STORAGE_ITEMS_STREAMARN',
      'API_URL',
    ]);
    const meta = stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn?: unknown }>>;
    expect(meta.function.reader.dependsOn).toEqual([{ category: 'storage', resourceName: 'items', attributes: ['Name', 'Arn', 'StreamArn'] }]);
    expect(stateManager.getTeamProviderInfo(project.root).dev.categories?.function.reader).toEqual({ apiUrl: 'https://example.com' });
    expect(readFunction(project.root, 'reader').environmentValues).toEqual({ API_URL: 'https://example.com' });
    // The original finds the variable through its list in function-parameters.json, the template's parameter and
    // Ref, and the env value (environmentVariablesHelper.getStoredEnvironmentVariables).
    const parametersFile = path.join(project.root, 'amplify/backend/function/reader/function-parameters.json');
    const stored = JSON.parse(fs.readFileSync(parametersFile, 'utf8'));
    expect(stored.environmentVariableList).toEqual([{ cloudFormationParameterName: 'apiUrl', environmentVariableName: 'API_URL' }]);
    expect(template.Parameters.apiUrl).toEqual({ Type: 'String' });
    expect(template.Resources.LambdaFunction.Properties.Environment.Variables.API_URL).toEqual({ Ref: 'apiUrl' });
    // And a function the original made, with only that list, reads the same here.
    const { environmentVariables: _ours, ...originalShape } = stored;
    fs.writeFileSync(parametersFile, JSON.stringify(originalShape));
    expect(readFunction(project.root, 'reader').environmentValues).toEqual({ API_URL: 'https://example.com' });
  });

  test('access to a category without getPermissionPolicies fails that choice clearly', async () => {
    project = createTempProject(tableMeta);
    const run = addFunction({
      projectRoot: project.root,
      prompter: yes,
      policies: storagePolicies,
      print,
      supplied: answersFromAccess([{ category: 'auth', resourceName: 'users', operations: ['read'] }]),
    });
    await expect(run).rejects.toThrow('The auth category does not tell functions which permissions its resources need (no getPermissionPolicies)');
    expect(stateManager.getMeta(project.root).function).toBeUndefined();
  });

  test('reserved environment variable names are refused', async () => {
    project = createTempProject();
    await expect(addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, environmentVariables: { AWS_REGION: 'x' } })).rejects.toThrow(
      'environmentVariables.AWS_REGION: AWS_REGION is reserved',
    );
  });

  test('update: replaces access and variables, keeps other env parameters and the sources', async () => {
    project = createTempProject(tableMeta);
    await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'changing' }, environmentVariables: { OLD: '1' } });
    const teamProviderInfo = stateManager.getTeamProviderInfo(project.root);
    teamProviderInfo.dev.categories!.function.changing.s3Key = 'amplify-builds/changing-abc-build.zip';
    stateManager.setTeamProviderInfo(project.root, teamProviderInfo);
    fs.writeFileSync(path.join(fnDir('changing'), 'src', 'index.js'), '// mine\n');

    await applyFunctionChanges(
      { projectRoot: project.root, policies: storagePolicies, functionName: 'changing' },
      { resourceAccess: [{ category: 'storage', resourceName: 'items', operations: ['read'] }], environmentVariables: { NEW: '2' } },
    );
    expect(stateManager.getTeamProviderInfo(project.root).dev.categories?.function.changing).toEqual({ s3Key: 'amplify-builds/changing-abc-build.zip', new: '2' });
    expect(readFunction(project.root, 'changing').parameters).toMatchObject({ permissions: { storage: { items: ['read'] } }, environmentVariables: ['NEW'] });
    const variables = readTemplate('changing').Resources.LambdaFunction.Properties.Environment.Variables;
    expect(variables.NEW).toEqual({ Ref: 'new' });
    expect(variables.OLD).toBeUndefined();
    expect((stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn?: unknown }>>).function.changing.dependsOn).toEqual([
      { category: 'storage', resourceName: 'items', attributes: ['Name', 'Arn', 'StreamArn'] },
    ]);
    expect(fs.readFileSync(path.join(fnDir('changing'), 'src', 'index.js'), 'utf8')).toBe('// mine\n');

    await applyFunctionChanges({ projectRoot: project.root, policies: storagePolicies, functionName: 'changing' }, { resourceAccess: [] });
    expect((stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn?: unknown }>>).function.changing.dependsOn).toEqual([]);
    expect(readTemplate('changing').Resources.AmplifyResourcesPolicy).toBeUndefined();
  });

  test('update: access to a resource that is not in the project is refused', async () => {
    project = createTempProject();
    await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'lonely' } });
    await expect(
      applyFunctionChanges(
        { projectRoot: project.root, policies: storagePolicies, functionName: 'lonely' },
        { resourceAccess: [{ category: 'storage', resourceName: 'ghost', operations: ['read'] }] },
      ),
    ).rejects.toThrow('resourceAccess[0]: this project has no storage resource named ghost');
  });

  test('a schedule: parameters.json holds the expression, the template the rule; update can stop it', async () => {
    project = createTempProject();
    await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'cron', scheduled: true, scheduleInterval: 'minutes', scheduleMinutes: 5 } });
    const parametersFile = path.join(fnDir('cron'), 'parameters.json');
    expect(JSON.parse(fs.readFileSync(parametersFile, 'utf8'))).toEqual({ CloudWatchRule: 'rate(5 minutes)' });
    expect(readTemplate('cron').Resources.CloudWatchEvent.Type).toBe('AWS::Events::Rule');
    expect(readFunction(project.root, 'cron').parameters.schedule).toBe('rate(5 minutes)');

    await applyFunctionChanges({ projectRoot: project.root, policies: storagePolicies, functionName: 'cron' }, { environmentVariables: { A: '1' } });
    expect(JSON.parse(fs.readFileSync(parametersFile, 'utf8'))).toEqual({ CloudWatchRule: 'rate(5 minutes)' });

    await applyFunctionChanges({ projectRoot: project.root, policies: storagePolicies, functionName: 'cron' }, { schedule: null });
    expect(JSON.parse(fs.readFileSync(parametersFile, 'utf8'))).toEqual({ CloudWatchRule: 'NONE' });
    expect(readTemplate('cron').Resources.CloudWatchEvent).toBeUndefined();
  });

  test('trigger on a storage table: a record logger, the stream in dependsOn; without a table it is refused under --yes', async () => {
    project = createTempProject(tableMeta);
    const { spec } = await addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { functionName: 'ontable', template: 'trigger' } });
    expect(spec.parameters).toMatchObject({ template: 'trigger', triggerTable: 'items' });
    expect(fs.readFileSync(path.join(fnDir('ontable'), 'src', 'index.js'), 'utf8')).toContain('DynamoDB stream of table items');
    expect((stateManager.getMeta(project.root) as Record<string, Record<string, { dependsOn?: unknown }>>).function.ontable.dependsOn).toEqual([
      { category: 'storage', resourceName: 'items', attributes: ['Name', 'Arn', 'StreamArn'] },
    ]);
    expect(readTemplate('ontable').Resources.LambdaEventSourceMappingitems.Type).toBe('AWS::Lambda::EventSourceMapping');
    project.remove();

    project = createTempProject();
    await expect(addFunction({ projectRoot: project.root, prompter: yes, policies: storagePolicies, print, supplied: { template: 'trigger' } })).rejects.toThrow(
      expect.objectContaining({ resolution: expect.stringContaining('triggerTable') }),
    );
  });
});
