import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeResource } from 'amplify-cli-core';
import { snapshotDir as snapshot } from 'amplify-test-support';
import { changesResources, withResourceChangeTransaction } from '../resource-change-transaction';

describe('withResourceChangeTransaction', () => {
  let root: string;
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'transaction-'));
    write('amplify/.config/project-config.json', '{"projectName":"app","version":"3.0","frontend":"javascript","providers":["awscloudformation"]}');
    write('amplify/.config/local-env-info.json', '{"envName":"dev"}');
    write('amplify/team-provider-info.json', '{"dev":{"awscloudformation":{}}}');
    write('amplify/backend/amplify-meta.json', '{"providers":{"awscloudformation":{}}}');
    write('amplify/backend/backend-config.json', '{}');
    write('amplify/backend/function/old/src/node_modules/dep/index.js', 'dep');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('a category command that fails after writing its folder, meta and parameters leaves the project as it was', async () => {
    const before = snapshot(root);
    await expect(
      withResourceChangeTransaction(root, async () => {
        await writeResource({
          projectRoot: root,
          category: 'function',
          resourceName: 'worker',
          mode: 'add',
          jsonFiles: { 'parameters.json': { a: 1 } },
          meta: { service: 'Lambda', providerPlugin: 'awscloudformation' },
          envParameters: { secret: 'x' },
        });
        throw new Error('template rendering failed');
      }),
    ).rejects.toThrow('template rendering failed');
    expect(snapshot(root)).toEqual(before);
  });

  test.each([
    ['amplify/backend/backend-config.json', 'backend-config.json'],
    ['amplify/backend/amplify-meta.json', 'amplify-meta.json'],
    ['amplify/team-provider-info.json', 'team-provider-info.json'],
  ])('a corrupt %s stops the command before it runs, naming the file', async (relative, name) => {
    write(relative, '{ "function": ');
    const run = jest.fn(async () => undefined);
    await expect(withResourceChangeTransaction(root, run)).rejects.toMatchObject({ name: 'AmplifyError', message: expect.stringContaining(name) });
    expect(run).not.toHaveBeenCalled();
  });

  test('only the verbs that change resources run as a transaction', () => {
    expect(['add', 'update', 'remove', 'import'].every(changesResources)).toBe(true);
    expect(['push', 'invoke', 'console', 'help'].some(changesResources)).toBe(false);
  });
});
