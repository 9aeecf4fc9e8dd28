import * as fs from 'fs';
import * as path from 'path';
import { createPrompter, stateManager } from 'amplify-cli-core';
import { createTempProject, rejectedAmplifyError, scriptedPrompter } from 'amplify-test-support';
import { type FunctionLayer, LATEST_LAYER_VERSION } from '../../layer-definition';
import { layerVersionLogicalId } from '../../template/layer-template';
import { LAYER_NAME_MESSAGE, LAYER_PERMISSIONS_MESSAGE } from '../../walkthrough/layer-questions';
import { addFunction } from '../add-function';
import { addLayer, addLayerFromRequest, chooseLayer, updateLayer } from '../add-layer';
import { readFunction } from '../function-files';
import { checkFunctionLayers } from '../function-layers';
import { layerChoices, readLayer } from '../layer-files';
import { invokeEnvironment, layerModulePaths } from '../invoke-environment';
import { accessCandidates } from '../project-resources';
import { applyFunctionChanges, chooseFunction } from '../update-function';

const noPolicies = () => undefined;
const yes = createPrompter({ yes: true });

describe('Lambda layers of the function category', () => {
  let project: ReturnType<typeof createTempProject>;
  const dir = (name: string): string => path.join(project.root, 'amplify', 'backend', 'function', name);
  const json = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
  const meta = (): Record<string, Record<string, Record<string, unknown>>> => stateManager.getMeta(project.root) as never;

  beforeEach(() => {
    project = createTempProject();
  });
  afterEach(() => project.remove());

  test('add: the original layout, configuration, parameters, template and meta entry', async () => {
    const info: string[] = [];
    const { spec, directory } = await addLayer({ projectRoot: project.root, prompter: scriptedPrompter({ [LAYER_NAME_MESSAGE]: 'utils' }), info: (line) => info.push(line) });
    expect(spec.layerName).toBe('shoputils');
    expect(directory).toBe(dir('shoputils'));
    expect(info).toEqual(['Only one option for [Choose the runtime that you want to use:]. Selecting [NodeJS].']);
    expect(fs.readdirSync(directory).sort()).toEqual(['layer-configuration.json', 'lib', 'opt', 'parameters.json', 'shoputils-awscloudformation-template.json']);
    expect(fs.readdirSync(path.join(directory, 'lib', 'nodejs')).sort()).toEqual(['README.txt', 'package.json']);
    expect(fs.readdirSync(path.join(directory, 'opt'))).toEqual([]);
    expect(json(path.join(directory, 'lib', 'nodejs', 'package.json'))).toEqual({ version: '1.0.0', description: '', main: 'index.js', dependencies: {}, devDependencies: {} });
    expect(json(path.join(directory, 'parameters.json'))).toEqual({ runtimes: ['nodejs22.x'] });
    expect(json(path.join(directory, 'layer-configuration.json'))).toEqual({
      permissions: [{ type: 'Private' }],
      runtimes: [{ value: 'nodejs', name: 'NodeJS', runtimePluginId: 'amplify-nodejs-function-runtime-provider', layerExecutablePath: 'nodejs' }],
    });
    expect(meta().function.shoputils).toEqual({ providerPlugin: 'awscloudformation', service: 'LambdaLayer', build: true });
  });

  test('--yes: a generated name; a name in use is refused, from a request too', async () => {
    const { spec } = await addLayer({ projectRoot: project.root, prompter: yes });
    expect(spec.layerName).toMatch(/^shoplayer[a-z0-9]{8}$/);
    await addLayerFromRequest(project.root, 'utils', []);
    const error = await rejectedAmplifyError(addLayerFromRequest(project.root, 'utils', []));
    expect(error.message).toBe('AddLayerRequest: layerName "utils": A Lambda layer with the name utils already exists in this project.');
  });

  test('update: new permissions rewrite the configuration and template; the same ones change nothing', async () => {
    await addLayerFromRequest(project.root, 'utils', []);
    const template = path.join(dir('shoputils'), 'shoputils-awscloudformation-template.json');
    const before = fs.readFileSync(template, 'utf8');
    expect(await updateLayer(project.root, scriptedPrompter({ [LAYER_PERMISSIONS_MESSAGE]: [] }), 'shoputils')).toBeUndefined();
    expect(fs.readFileSync(template, 'utf8')).toBe(before);
    const updated = await updateLayer(project.root, scriptedPrompter({ [LAYER_PERMISSIONS_MESSAGE]: ['Public'] }), 'shoputils');
    expect(updated?.configuration.permissions).toEqual([{ type: 'Public' }]);
    expect(readLayer(project.root, 'shoputils').configuration.permissions).toEqual([{ type: 'Public' }]);
    const resources = Object.keys((json(template) as { Resources: object }).Resources);
    expect(resources).toEqual([layerVersionLogicalId('shoputils'), expect.stringMatching(/^LambdaLayerPermissionPublic/)]);
    expect(await updateLayer(project.root, scriptedPrompter({ 'Do you want to adjust layer version permissions?': false }), 'shoputils')).toBeUndefined();
  });

  test('layers and functions are told apart: pickers, access candidates', async () => {
    await addLayerFromRequest(project.root, 'utils', []);
    await expect(chooseFunction(project.root, yes, undefined, 'update')).rejects.toThrow('This project has no function');
    expect(await chooseLayer(project.root, createPrompter({ isInteractive: () => false }), undefined)).toBe('shoputils');
    await expect(chooseLayer(project.root, yes, 'nothere')).rejects.toThrow('This project has no Lambda layer named nothere');
    const { spec } = await addFunction({ projectRoot: project.root, prompter: yes, policies: noPolicies, print: jest.fn() });
    expect(accessCandidates(stateManager.getMeta(project.root))).toEqual({ function: [spec.functionName] });
    expect(await chooseFunction(project.root, yes, spec.functionName, 'update')).toBe(spec.functionName);
  });

  test('versions a function may pin: 1 up to the last pushed version', async () => {
    await addLayerFromRequest(project.root, 'utils', []);
    expect(layerChoices(project.root)).toEqual([{ name: 'shoputils', versions: [] }]);
    const current = meta();
    current.function.shoputils.output = { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shoputils-dev:3' };
    stateManager.setMeta(project.root, current as never);
    expect(layerChoices(project.root)).toEqual([{ name: 'shoputils', versions: [3, 2, 1] }]);
    const pinned = (version: number) => [{ type: 'ProjectLayer' as const, resourceName: 'shoputils', env: 'dev', version, isLatestVersionSelected: false }];
    expect(checkFunctionLayers(project.root, pinned(2))).toEqual(pinned(2));
    expect(() => checkFunctionLayers(project.root, pinned(4))).toThrow('lambdaLayers[0]: layer shoputils has no version 4');
    expect(() => checkFunctionLayers(project.root, [{ type: 'ProjectLayer', resourceName: 'other', env: 'dev', version: LATEST_LAYER_VERSION, isLatestVersionSelected: true }])).toThrow(
      'lambdaLayers[0]: this project has no Lambda layer named other',
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ type: 'ExternalLayer' as const, arn: `arn:aws:lambda:us-east-1:123456789012:layer:x:${i + 1}` }));
    expect(() => checkFunctionLayers(project.root, six)).toThrow('lambdaLayers: a function can use at most 5 layers, 6 were given');
  });

  test('a function with layers: Layers in its template, dependsOn the layer Arn, lambdaLayers recorded; update replaces them', async () => {
    await addLayerFromRequest(project.root, 'utils', []);
    const latest: FunctionLayer = { type: 'ProjectLayer', resourceName: 'shoputils', env: 'dev', version: LATEST_LAYER_VERSION, isLatestVersionSelected: true };
    const external: FunctionLayer = { type: 'ExternalLayer', arn: 'arn:aws:lambda:us-east-1:123456789012:layer:ext:4' };
    const { spec } = await addFunction({ projectRoot: project.root, prompter: yes, policies: noPolicies, print: jest.fn(), supplied: { functionName: 'worker' }, lambdaLayers: [latest, external] });
    const template = () => json(path.join(dir('worker'), 'worker-cloudformation-template.json')) as { Parameters: Record<string, unknown>; Resources: { LambdaFunction: { Properties: Record<string, unknown> } } };
    expect(template().Resources.LambdaFunction.Properties.Layers).toEqual([{ Ref: 'functionshoputilsArn' }, 'arn:aws:lambda:us-east-1:123456789012:layer:ext:4']);
    expect(template().Parameters.functionshoputilsArn).toEqual({ Type: 'String', Default: 'functionshoputilsArn' });
    // A layer is not a resource the function calls: no environment variable for it.
    expect(template().Resources.LambdaFunction.Properties.Environment).toEqual({ Variables: { ENV: { Ref: 'env' }, REGION: { Ref: 'AWS::Region' } } });
    expect(meta().function.worker.dependsOn).toEqual([{ category: 'function', resourceName: 'shoputils', attributes: ['Arn'] }]);
    expect(readFunction(project.root, spec.functionName).parameters.lambdaLayers).toEqual([latest, external]);

    const current = meta();
    current.function.shoputils.output = { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shoputils-dev:2' };
    stateManager.setMeta(project.root, current as never);
    const pinned: FunctionLayer = { type: 'ProjectLayer', resourceName: 'shoputils', env: 'dev', version: 1, isLatestVersionSelected: false };
    await applyFunctionChanges({ projectRoot: project.root, policies: noPolicies, functionName: 'worker' }, { lambdaLayers: [pinned] });
    expect(template().Resources.LambdaFunction.Properties.Layers).toEqual([{ 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:shoputils-${env}:1' }]);
    await applyFunctionChanges({ projectRoot: project.root, policies: noPolicies, functionName: 'worker' }, { lambdaLayers: [] });
    expect(template().Resources.LambdaFunction.Properties.Layers).toEqual([]);
    expect(meta().function.worker.dependsOn).toEqual([]);
  });

  test('a local invoke: the layers\' module folders in /opt order, and no variable for a layer', async () => {
    await addLayerFromRequest(project.root, 'base', []);
    await addLayerFromRequest(project.root, 'extra', []);
    const layers: FunctionLayer[] = ['shopbase', 'shopextra'].map((resourceName) => ({ type: 'ProjectLayer', resourceName, env: 'dev', version: LATEST_LAYER_VERSION, isLatestVersionSelected: true }));
    await addFunction({ projectRoot: project.root, prompter: yes, policies: noPolicies, print: jest.fn(), supplied: { functionName: 'worker' }, lambdaLayers: layers });
    const spec = readFunction(project.root, 'worker');
    const major = process.versions.node.split('.')[0];
    const modules = (layer: string, part: string) => [path.join(dir(layer), part, 'nodejs', `node${major}`, 'node_modules'), path.join(dir(layer), part, 'nodejs', 'node_modules')];
    // The later layer wins, as on Lambda; within a layer opt/ wins over lib/, as in its package.
    expect(layerModulePaths(project.root, spec)).toEqual([...modules('shopextra', 'opt'), ...modules('shopextra', 'lib'), ...modules('shopbase', 'opt'), ...modules('shopbase', 'lib')]);
    const current = meta();
    current.function.shopbase.output = { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shopbase-dev:1' };
    stateManager.setMeta(project.root, current as never);
    expect(invokeEnvironment(stateManager.getMeta(project.root), spec, 'dev')).toEqual({ ENV: 'dev', REGION: 'us-east-1' });
  });
});
