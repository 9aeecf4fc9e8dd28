import * as fs from 'fs';
import * as path from 'path';
import { AmplifySandbox, readJson } from 'amplify-test-support';

/**
 * A CRUD function and a stream trigger over a DynamoDB table of the storage category, headless, on the built binary against a local
 * cloud started here. The push runs `npm install` in the function's src/ (Express), so it needs the npm registry.
 */
jest.setTimeout(240_000);

type Meta = Record<string, Record<string, { dependsOn?: unknown[]; output?: Record<string, string> }>>;

const tableRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'DynamoDB',
    resourceName: 'orders',
    columns: [
      { name: 'id', type: 'string' },
      { name: 'createdAt', type: 'number' },
    ],
    partitionKey: 'id',
    sortKey: 'createdAt',
  },
};

describe('amplify function CRUD over a storage table (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  let app: string;
  const meta = (): Meta => readJson(path.join(app, 'amplify', 'backend', 'amplify-meta.json'));
  const run = (...args: string[]) => sandbox.run(app, args);
  const srcDir = path.join('amplify', 'backend', 'function', 'ordersapi', 'src');

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    sandbox = await AmplifySandbox.start();
    app = sandbox.createApp('crudapp');
    const init = await sandbox.init(app);
    expect(init.exitCode).toBe(0);
    const table = await sandbox.run(app, ['add', 'storage', '--headless'], JSON.stringify(tableRequest));
    expect(table.stderr).toBe('');
    expect(table.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('a CRUD request naming a table that is not in the project names the field', async () => {
    const result = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify({ version: 1, template: 'crud', crudTable: 'ghost' }));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr.split('\n')[0]).toContain('--headless crudTable: "ghost" is not one of "orders"');
  });

  test('headless CRUD add: the table keys in app.js, the table in dependsOn', async () => {
    const result = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'ordersapi', template: 'crud', crudTable: 'orders' }));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const appJs = fs.readFileSync(path.join(app, srcDir, 'app.js'), 'utf8');
    expect(appJs).toContain("const partitionKeyName = 'id';");
    expect(appJs).toContain("const sortKeyName = 'createdAt';");
    expect(appJs).toContain('process.env.STORAGE_ORDERS_NAME');
    expect(meta().function.ordersapi.dependsOn).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn'] }]);
    const invoke = await run('function', 'invoke', 'ordersapi');
    expect(invoke.exitCode).not.toBe(0);
    expect(invoke.stderr).toContain('Run "amplify function build ordersapi" to install them');
  });

  test('headless trigger on the table stream; invoked locally with its sample batch', async () => {
    const result = await sandbox.run(app, ['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'onorder', template: 'trigger', triggerTable: 'orders' }));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(meta().function.onorder.dependsOn).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'] }]);
    const invoke = await run('function', 'invoke', 'onorder');
    expect(invoke.exitCode).toBe(0);
    expect(invoke.stdout).toContain('"Successfully processed 2 records."');
  });

  test('push installs the Express dependencies, packages and deploys table and functions', async () => {
    const push = await run('push', '--yes');
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    expect(fs.existsSync(path.join(app, srcDir, 'node_modules', 'express'))).toBe(true);
    expect(meta().storage.orders.output?.Name).toBe('orders-dev');
    expect(meta().function.ordersapi.output?.Name).toBe('ordersapi-dev');
    expect(meta().function.onorder.output?.Name).toBe('onorder-dev');
  });

  test('the table cannot be removed while the function depends on it; after the function it can', async () => {
    const refused = await run('remove', 'storage', 'orders', '--yes');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain('ordersapi');
    expect((await run('function', 'remove', 'ordersapi', '--yes')).exitCode).toBe(0);
    expect((await run('function', 'remove', 'onorder', '--yes')).exitCode).toBe(0);
    expect((await run('remove', 'storage', 'orders', '--yes')).exitCode).toBe(0);
    const push = await run('push', '--yes');
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    expect(meta().function).toBeUndefined();
    expect(meta().storage).toBeUndefined();
  });
});
