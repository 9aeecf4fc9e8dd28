import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { beginPushJournal, pushJournalExists, readPushJournal, recordProviderInPushJournal, removePushJournal } from '../push-journal';

afterEach(cleanupTempDirs);

const journalFile = (root: string) => path.join(root, 'amplify', '.config', 'local-push-journal.json');

describe('push journal', () => {
  test('begun, given a provider part, read back and removed', () => {
    const root = createFixtureProject();
    expect(pushJournalExists(root)).toBe(false);
    expect(readPushJournal(root)).toBeUndefined();

    const begun = beginPushJournal(root, { envName: 'dev', pushed: [{ category: 'storage', resourceName: 'orders' }], deleted: [] });
    expect(pushJournalExists(root)).toBe(true);
    recordProviderInPushJournal(root, 'awscloudformation', { stackName: 'root', rootTemplateHash: 'abc', resources: [] });

    expect(readPushJournal(root)).toEqual({ ...begun, providers: { awscloudformation: { stackName: 'root', rootTemplateHash: 'abc', resources: [] } } });
    removePushJournal(root);
    expect(pushJournalExists(root)).toBe(false);
  });

  test('a provider called outside a core push (no journal) writes none', () => {
    const root = createFixtureProject();
    recordProviderInPushJournal(root, 'awscloudformation', { stackName: 'root' });
    expect(fs.existsSync(journalFile(root))).toBe(false);
  });

  test.each([
    ['a torn file', '{"version": 1, "envN'],
    ['a journal of another shape', JSON.stringify({ version: 1, envName: 'dev', startedAt: 'now', pushed: 'storage' })],
  ])('%s is an error naming the file and what to do', (_what, content) => {
    const root = createFixtureProject();
    fs.writeFileSync(journalFile(root), content);
    expect(() => readPushJournal(root)).toThrow(expect.objectContaining({ message: expect.stringContaining('local-push-journal.json') }));
  });
});
