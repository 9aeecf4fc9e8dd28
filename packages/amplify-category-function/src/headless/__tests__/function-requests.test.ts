import { functionLayersOf, isLayerRequest, parseAddFunctionRequest, parseAddLayerRequest, parseUpdateFunctionRequest, parseUpdateLayerRequest } from '../function-requests';

describe('AddFunctionRequest', () => {
  test('a full request parses', () => {
    const request = {
      version: 1,
      functionName: 'shopfn',
      runtime: 'nodejs',
      template: 'crud',
      crudTable: 'items',
      resourceAccess: [{ category: 'storage', resourceName: 'items', operations: ['read', 'update'] }],
      environmentVariables: { API_URL: 'https://example.com' },
    };
    expect(parseAddFunctionRequest(JSON.stringify(request))).toEqual(request);
  });

  test('the version alone is enough (defaults for the rest)', () => {
    expect(parseAddFunctionRequest('{"version":1}')).toEqual({ version: 1 });
  });

  test.each([
    [{}, 'AddFunctionRequest: version is required'],
    [{ version: 2 }, 'AddFunctionRequest: version must be 1'],
    [{ version: 1, template: 'cron' }, 'AddFunctionRequest: template must be one of "hello-world", "crud", "serverless"'],
    [{ version: 1, functionName: 'my-fn' }, 'AddFunctionRequest: functionName must match pattern'],
    [{ version: 1, functionName: 'f'.repeat(54) }, 'AddFunctionRequest: functionName must NOT have more than 53 characters'],
    [{ version: 1, runtime: 'python' }, 'AddFunctionRequest: runtime must be one of "nodejs"'],
    [{ version: 1, colour: 'red' }, 'AddFunctionRequest: colour is not a known field'],
    [{ version: 1, resourceAccess: [{ category: 'storage', resourceName: 'items' }] }, 'AddFunctionRequest: resourceAccess[0].operations is required'],
    [
      { version: 1, resourceAccess: [{ category: 'storage', resourceName: 'items', operations: ['write'] }] },
      'AddFunctionRequest: resourceAccess[0].operations[0] must be one of "create", "read", "update", "delete"',
    ],
    [{ version: 1, environmentVariables: { API_URL: 3 } }, 'AddFunctionRequest: environmentVariables.API_URL must be string'],
    [{ version: 1, schedule: 'every 5 minutes' }, 'AddFunctionRequest: schedule must match pattern'],
  ])('%j is refused naming the field', (payload, message) => {
    expect(() => parseAddFunctionRequest(JSON.stringify(payload))).toThrow(message);
  });

  test('text that is not JSON is refused', () => {
    expect(() => parseAddFunctionRequest('{version:')).toThrow(/AddFunctionRequest is not valid JSON/);
  });
});

describe('UpdateFunctionRequest', () => {
  test('needs the function name', () => {
    expect(() => parseUpdateFunctionRequest('{"version":1}')).toThrow('UpdateFunctionRequest: functionName is required');
  });

  test('takes access, a schedule (null stops it) and variables', () => {
    expect(parseUpdateFunctionRequest({ version: 1, functionName: 'shopfn', schedule: 'cron(0 12 * * ? *)' })).toMatchObject({ schedule: 'cron(0 12 * * ? *)' });
    const request = { version: 1, functionName: 'shopfn', resourceAccess: [], schedule: null, environmentVariables: {} };
    expect(parseUpdateFunctionRequest(request)).toEqual(request);
  });
});

describe('layers in headless requests', () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:layer:ext:4';

  test('AddLayerRequest: the name, and permissions in the original shape', () => {
    const request = { version: 1, layerName: 'utils', runtimes: ['nodejs'], permissions: [{ type: 'AwsAccounts', accounts: ['123456789012'] }, { type: 'Private' }] };
    expect(parseAddLayerRequest(JSON.stringify(request))).toEqual(request);
    expect(isLayerRequest(JSON.stringify(request))).toBe(true);
    expect(isLayerRequest('{"version":1,"functionName":"f"}')).toBe(false);
    expect(isLayerRequest('not json')).toBe(false);
  });

  test.each([
    [{ version: 1 }, 'AddLayerRequest: layerName is required'],
    [{ version: 1, layerName: 'my-utils' }, 'AddLayerRequest: layerName must match pattern'],
    [{ version: 1, layerName: 'utils', runtimes: ['python'] }, 'AddLayerRequest: runtimes[0]'],
    [{ version: 1, layerName: 'utils', permissions: [{ type: 'AwsAccounts', accounts: ['12345'] }] }, 'AddLayerRequest: permissions[0].accounts[0] must match pattern'],
  ])('AddLayerRequest %j is refused: %s', (request, message) => {
    expect(() => parseAddLayerRequest(JSON.stringify(request))).toThrow(message);
  });

  test('UpdateLayerRequest needs the permissions', () => {
    expect(() => parseUpdateLayerRequest('{"version":1,"layerName":"shoputils"}')).toThrow('UpdateLayerRequest: permissions is required');
    expect(parseUpdateLayerRequest('{"version":1,"layerName":"shoputils","permissions":[{"type":"Public"}]}').permissions).toEqual([{ type: 'Public' }]);
  });

  test('lambdaLayers of a function: project layers (latest unless pinned) and ARNs, at most five', () => {
    const request = parseAddFunctionRequest(JSON.stringify({ version: 1, lambdaLayers: [{ type: 'ProjectLayer', resourceName: 'shoputils' }, { type: 'ProjectLayer', resourceName: 'shopold', version: 2 }, { type: 'ExternalLayer', arn }] }));
    expect(functionLayersOf(request.lambdaLayers!, 'dev')).toEqual([
      { type: 'ProjectLayer', resourceName: 'shoputils', env: 'dev', version: 'Always choose latest version', isLatestVersionSelected: true },
      { type: 'ProjectLayer', resourceName: 'shopold', env: 'dev', version: 2, isLatestVersionSelected: false },
      { type: 'ExternalLayer', arn },
    ]);
    expect(() => parseUpdateFunctionRequest(JSON.stringify({ version: 1, functionName: 'f', lambdaLayers: Array(6).fill({ type: 'ExternalLayer', arn }) }))).toThrow('UpdateFunctionRequest: lambdaLayers must NOT have more than 5 items');
    expect(() => parseAddFunctionRequest(JSON.stringify({ version: 1, lambdaLayers: [{ type: 'ExternalLayer', arn: 'arn:aws:lambda:x' }] }))).toThrow('AddFunctionRequest: lambdaLayers[0].arn must match pattern');
  });
});
