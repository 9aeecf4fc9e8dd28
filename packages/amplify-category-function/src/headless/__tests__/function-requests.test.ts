import { parseAddFunctionRequest, parseUpdateFunctionRequest } from '../function-requests';

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
