import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { assertPushInputsReadable } from '../push-inputs';

afterEach(cleanupTempDirs);

const meta = {
  providers: { awscloudformation: { StackName: 'root' } },
  storage: { orders: { service: 'DynamoDB', providerPlugin: 'awscloudformation' } },
};

function project(files: Record<string, string>, extra: { currentMeta?: object } = {}): string {
  return createFixtureProject({ meta, backendConfig: meta, localEnvInfo: { envName: 'dev' }, teamProviderInfo: { dev: {} }, files, ...extra });
}

const intact = {
  'backend/storage/orders/cli-inputs.json': '{"resourceName":"orders"}',
  'backend/storage/orders/build/parameters.json': '{}',
  'backend/storage/orders/build/orders-cloudformation-template.json': '{"Resources":{}}',
  // A function's sources are the developer's own: JSON with comments there is not the push's business.
  'backend/storage/orders/src/tsconfig.json': '{ // comments\n}',
};

describe('assertPushInputsReadable', () => {
  test('an intact project passes', () => {
    expect(() => assertPushInputsReadable(project(intact))).not.toThrow();
  });

  test('a truncated cli-inputs.json is named with the place it breaks', () => {
    const root = project({ ...intact, 'backend/storage/orders/cli-inputs.json': '{"resourceNa' });
    expect(() => assertPushInputsReadable(root)).toThrow(/storage\/orders\/cli-inputs\.json: .* at line 1/);
  });

  test('a truncated generated parameters file is named too', () => {
    const root = project({ ...intact, 'backend/storage/orders/build/parameters.json': '' });
    expect(() => assertPushInputsReadable(root)).toThrow(/orders\/build\/parameters\.json/);
  });

  test('a cli-inputs.json lost since the last deploy is named with how to get it back', () => {
    const { 'backend/storage/orders/cli-inputs.json': _lost, ...rest } = intact;
    const root = project({ ...rest, '#current-cloud-backend/storage/orders/cli-inputs.json': '{"resourceName":"orders"}' }, { currentMeta: meta });
    expect(() => assertPushInputsReadable(root)).toThrow(
      expect.objectContaining({ code: 'ResourceInputMissing', message: expect.stringMatching(/^amplify\/backend\/storage\/orders\/cli-inputs\.json is missing/), resolution: expect.stringContaining('amplify update storage') }),
    );
  });

  test('a resource that never had a cli-inputs.json (older or hand-made) passes', () => {
    const { 'backend/storage/orders/cli-inputs.json': _never, ...rest } = intact;
    expect(() => assertPushInputsReadable(project(rest))).not.toThrow();
  });

  test('a corrupt backend-config.json stops the push with its name', () => {
    const root = project({ ...intact, 'backend/backend-config.json': '{"storage": ' });
    expect(() => assertPushInputsReadable(root)).toThrow(/backend-config\.json/);
  });
});
