import { createPrompter, runWalkthrough } from 'amplify-cli-core';
import { ACCESS_CATEGORIES_KEY, accessFromAnswers, answersFromAccess, operationsKey, resourceAccessQuestions, resourcesKey } from '../resource-access-questions';

const candidates = { storage: ['files', 'items'], auth: ['users'] };
const yes = createPrompter({ yes: true });

describe('resource access questions', () => {
  test('no candidate resources: no question at all', () => {
    expect(resourceAccessQuestions({})).toEqual([]);
    expect(resourceAccessQuestions({ storage: [] })).toEqual([]);
  });

  test('--yes grants no access (the original default)', async () => {
    const answers = await runWalkthrough(resourceAccessQuestions(candidates), yes);
    expect(accessFromAnswers(answers, candidates)).toEqual([]);
  });

  test('supplied answers round-trip into access', async () => {
    const access = [
      { category: 'storage', resourceName: 'items', operations: ['create' as const, 'read' as const] },
      { category: 'auth', resourceName: 'users', operations: ['read' as const] },
    ];
    const answers = await runWalkthrough(resourceAccessQuestions(candidates), yes, { supplied: answersFromAccess(access) });
    expect(accessFromAnswers(answers, candidates)).toEqual(access);
  });

  test('a selected resource without operations under --yes gets read', async () => {
    const answers = await runWalkthrough(resourceAccessQuestions(candidates), yes, {
      supplied: { accessResources: true, [ACCESS_CATEGORIES_KEY]: ['storage'], [resourcesKey('storage')]: ['files'] },
    });
    expect(accessFromAnswers(answers, candidates)).toEqual([{ category: 'storage', resourceName: 'files', operations: ['read'] }]);
  });

  test('an unknown resource is refused, naming the field', async () => {
    const run = runWalkthrough(resourceAccessQuestions(candidates), yes, {
      supplied: answersFromAccess([{ category: 'storage', resourceName: 'nope', operations: ['read'] }]),
    });
    await expect(run).rejects.toThrow(/resourceAccess\[\]\.resourceName \(category storage\): "nope" is not one of "files", "items"/);
  });

  test('an empty list of operations is refused', async () => {
    const run = runWalkthrough(resourceAccessQuestions(candidates), yes, {
      supplied: { ...answersFromAccess([{ category: 'auth', resourceName: 'users', operations: ['read'] }]), [operationsKey('auth', 'users')]: [] },
    });
    await expect(run).rejects.toThrow(/Select at least one operation/);
  });

  test('without a terminal and without --yes, the first question fails naming the headless field', async () => {
    const prompter = createPrompter({ isInteractive: () => false });
    await expect(runWalkthrough(resourceAccessQuestions(candidates), prompter)).rejects.toThrow(
      expect.objectContaining({ resolution: expect.stringContaining('--headless resourceAccess') }),
    );
  });
});
