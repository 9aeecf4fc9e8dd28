import { isAmplifyError } from 'amplify-cli-core';
import { parseHeadlessInput, validateEnvName } from '../headless-input';

function errorOf(fn: () => unknown): { code: string; message: string; resolution?: string } {
  try {
    fn();
  } catch (error) {
    if (isAmplifyError(error)) return { code: error.code, message: error.message, resolution: error.resolution };
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseHeadlessInput', () => {
  test('reads the original JSON flags and flattens them the way plugins read inputParams', () => {
    const input = parseHeadlessInput({
      amplify: '{"projectName":"myapp","envName":"dev","defaultEditor":"code"}',
      frontend: '{"frontend":"javascript","framework":"react","config":{"SourceDir":"src"}}',
      providers: '{"awscloudformation":{"configLevel":"general"}}',
      yes: true,
    });
    expect(input.yes).toBe(true);
    expect(input.amplify).toEqual({ projectName: 'myapp', envName: 'dev', defaultEditor: 'code', appId: undefined });
    expect(input.inputParams.amplify).toMatchObject({ projectName: 'myapp', frontend: 'javascript', providers: ['awscloudformation'] });
    expect(input.inputParams.javascript).toEqual({ framework: 'react', config: { SourceDir: 'src' } });
    expect(input.inputParams.awscloudformation).toEqual({ configLevel: 'general' });
    expect(input.inputParams.yes).toBe(true);
  });

  test('accepts the original spellings of the flags (-a, providersConfig, frontend-config)', () => {
    const input = parseHeadlessInput({ a: '{"envName":"prod"}', providersConfig: '{"aws":{"configLevel":"local"}}', 'frontend-config': '{"type":"ios"}' });
    expect(input.amplify.envName).toBe('prod');
    expect(input.providers).toEqual({ aws: { configLevel: 'local' } });
    expect(input.inputParams.amplify).toMatchObject({ frontend: 'ios' });
  });

  test('--envName is the shortcut for the env name', () => {
    expect(parseHeadlessInput({ envName: 'stage' }).amplify.envName).toBe('stage');
  });

  test('malformed JSON is one error naming the flag with a well-formed example', () => {
    const error = errorOf(() => parseHeadlessInput({ providers: '{awscloudformation:' }));
    expect(error.code).toBe('InvalidHeadlessParameter');
    expect(error.message).toMatch(/^--providers is not valid JSON/);
    expect(error.resolution).toContain(`--providers '{"awscloudformation"`);
  });

  test('a flag without a value, or with a non-object value, is refused', () => {
    expect(errorOf(() => parseHeadlessInput({ amplify: true })).message).toBe('--amplify needs a JSON object as its value');
    expect(errorOf(() => parseHeadlessInput({ frontend: '["javascript"]' })).message).toBe('--frontend must be a JSON object');
    expect(errorOf(() => parseHeadlessInput({ amplify: '{"projectName":7}' })).message).toContain('"projectName" of --amplify');
  });

  test('an invalid env name fails naming where it came from', () => {
    expect(errorOf(() => parseHeadlessInput({ envName: 'Dev1' })).resolution).toContain('--envName');
    expect(errorOf(() => parseHeadlessInput({ amplify: '{"envName":"x"}' })).resolution).toContain('--amplify');
  });

  test('other options keep their JSON-or-string values', () => {
    const input = parseHeadlessInput({ restore: true, name: 'dev', config: '{"a":1}' });
    expect(input.inputParams).toMatchObject({ restore: true, name: 'dev', config: { a: 1 }, yes: false });
  });
});

describe('validateEnvName', () => {
  test.each(['dev', 'prod', 'abcdefghij'])('accepts %s', (name) => expect(validateEnvName(name, '--envName')).toBe(name));
  test.each(['d', 'abcdefghijk', 'dev1', 'Dev', 'my-env'])('refuses %s', (name) => {
    expect(errorOf(() => validateEnvName(name, '--envName')).code).toBe('InvalidEnvironmentName');
  });
});
