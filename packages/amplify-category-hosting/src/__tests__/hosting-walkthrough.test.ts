import { createPrompter, type Prompter } from 'amplify-cli-core';
import { hostingDefaults } from '../service/hosting-config';
import { readHostingFlags, runAddWalkthrough, runConfigureWalkthrough } from '../service/hosting-walkthrough';

/** Answers by message prefix, in order for repeated questions; defaults otherwise. */
function answering(script: Array<[string, unknown]>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const queue = [...script];
  const answer = async (options: { message: string; default?: unknown }): Promise<never> => {
    asked.push(options.message);
    if (asked.length > 40) throw new Error('too many questions');
    const index = queue.findIndex(([prefix]) => options.message.startsWith(prefix));
    if (index >= 0) return queue.splice(index, 1)[0][1] as never;
    if (options.default !== undefined) return options.default as never;
    throw new Error(`unexpected question: ${options.message}`);
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

const defaults = hostingDefaults('shop', new Date('2026-12-06T09:30:15Z'));
const configureOptions = { deployed: false, editPublishIgnore: async () => undefined, print: () => undefined };

describe('add', () => {
  test('--yes takes DEV with the default bucket and documents', async () => {
    expect(await runAddWalkthrough(createPrompter({ yes: true }), defaults, {})).toEqual(defaults);
  });

  test('PROD asks no website documents; flags answer their questions', async () => {
    const { prompter, asked } = answering([['Select the environment setup', 'PROD']]);
    const config = await runAddWalkthrough(prompter, defaults, { bucketName: 'my-site' });
    expect(config).toMatchObject({ environment: 'PROD', bucketName: 'my-site' });
    expect(asked).toEqual(['Select the environment setup:']);
  });

  test('without a terminal or --yes, a missing answer names its flag', async () => {
    await expect(runAddWalkthrough(createPrompter({ isInteractive: () => false }), defaults, {})).rejects.toMatchObject({ resolution: expect.stringContaining('--environment DEV|PROD') });
  });
});

describe('flags', () => {
  test('are checked and named when wrong', () => {
    expect(readHostingFlags({ environment: 'prod', bucketName: 'my-site', indexDocument: 'home.html' })).toEqual({ environment: 'PROD', bucketName: 'my-site', indexDocument: 'home.html' });
    expect(() => readHostingFlags({ environment: 'STAGING' })).toThrow('--environment must be DEV or PROD');
    expect(() => readHostingFlags({ bucketName: 'Bad_Name' })).toThrow('--bucketName Bad_Name');
    expect(() => readHostingFlags({ errorDocument: true })).toThrow('--errorDocument needs a value');
  });
});

describe('configure', () => {
  test('--yes changes only what flags say', async () => {
    const config = await runConfigureWalkthrough(createPrompter({ yes: true }), defaults, { environment: 'PROD' }, configureOptions);
    expect(config).toEqual({ ...defaults, environment: 'PROD' });
  });

  test('the CloudFront section turns DEV into PROD and edits TTLs and error responses', async () => {
    const { prompter } = answering([
      ['Specify the section', 'CloudFront'],
      ['Add CloudFront', true],
      ['Default TTL', '600'],
      ['Select the action for custom error responses', 'remove'],
      ['Select the error code to remove', 400],
      ['Select the action for custom error responses', 'add'],
      ['Select the error code', 500],
      ['Response page path', '/error.html'],
      ['Select the action for custom error responses', 'exit'],
      ['Specify the section', 'exit'],
    ]);
    const config = await runConfigureWalkthrough(prompter, defaults, {}, configureOptions);
    expect(config.environment).toBe('PROD');
    expect(config.cloudFront.defaultTTL).toBe(600);
    expect(config.cloudFront.customErrorResponses.map((entry) => [entry.errorCode, entry.responsePagePath])).toEqual([
      [403, '/index.html'],
      [404, '/index.html'],
      [500, '/error.html'],
    ]);
  });

  test('TTLs out of order are refused', async () => {
    const { prompter } = answering([
      ['Specify the section', 'CloudFront'],
      ['Remove CloudFront', false],
      ['Min TTL', '99999999'],
    ]);
    await expect(runConfigureWalkthrough(prompter, { ...defaults, environment: 'PROD' }, {}, configureOptions)).rejects.toThrow('The TTLs must satisfy');
  });

  test('the Website section re-asks the bucket name only before the first push; Publish edits the ignore file', async () => {
    const edits: string[] = [];
    const options = { ...configureOptions, deployed: true, editPublishIgnore: async () => void edits.push('edited') };
    const { prompter, asked } = answering([
      ['Specify the section', 'Website'],
      ['index doc', 'home.html'],
      ['Specify the section', 'Publish'],
      ['Specify the section', 'exit'],
    ]);
    const config = await runConfigureWalkthrough(prompter, defaults, {}, options);
    expect(config.indexDocument).toBe('home.html');
    expect(asked).not.toContain('hosting bucket name');
    expect(edits).toEqual(['edited']);
    await expect(runConfigureWalkthrough(createPrompter({ yes: true }), defaults, { bucketName: 'other-name' }, options)).rejects.toThrow('cannot change');
  });
});
