import { cleanupTempDirs, createFixtureProject, readProjectFile } from 'amplify-test-support';
import { removeResourceParameters, saveEnvResourceParameters, syncBackendConfigParameters } from '../env-parameters';
import { categoryNames, listResources } from '../meta-entries';

const fn = { service: 'Lambda', providerPlugin: 'awscloudformation', build: true };

function project(): string {
  return createFixtureProject({
    localEnvInfo: { envName: 'dev' },
    backendConfig: { function: { shopfn: fn } },
    teamProviderInfo: { dev: { awscloudformation: { Region: 'us-east-1' } }, prod: { awscloudformation: { Region: 'us-east-1' } } },
  });
}

const backendConfig = (root: string): Record<string, unknown> => readProjectFile(root, 'amplify/backend/backend-config.json');

describe("backend-config.json's parameters, as the original keeps them", () => {
  afterEach(cleanupTempDirs);

  it("lists each env-specific parameter of the current env as AMPLIFY_<category>_<resource>_<name>, used by its resource", () => {
    const root = project();
    saveEnvResourceParameters(root, 'function', 'shopfn', { deploymentBucketName: 'b', s3Key: 'k' });
    saveEnvResourceParameters(root, 'auth', 'shopauth', {});
    expect(backendConfig(root)).toEqual({
      function: { shopfn: fn },
      parameters: {
        AMPLIFY_function_shopfn_deploymentBucketName: { usedBy: [{ category: 'function', resourceName: 'shopfn' }] },
        AMPLIFY_function_shopfn_s3Key: { usedBy: [{ category: 'function', resourceName: 'shopfn' }] },
      },
    });
    removeResourceParameters(root, 'function', 'shopfn');
    expect(backendConfig(root)).toEqual({ function: { shopfn: fn } });
  });

  it('another env than the current one, or a project without backend-config.json yet, leaves backend-config alone', () => {
    const root = project();
    saveEnvResourceParameters(root, 'function', 'shopfn', { s3Key: 'k' }, 'prod');
    expect(backendConfig(root)).toEqual({ function: { shopfn: fn } });
    const bare = createFixtureProject({ localEnvInfo: { envName: 'dev' }, teamProviderInfo: { dev: { categories: { function: { a: { s3Key: 'k' } } } } } });
    expect(() => syncBackendConfigParameters(bare)).not.toThrow();
  });

  it('is not a category: resource walks over backend-config skip it', () => {
    const config = { function: { shopfn: fn }, parameters: { AMPLIFY_function_shopfn_s3Key: { usedBy: [{ category: 'function', resourceName: 'shopfn' }] } } };
    expect(categoryNames(config)).toEqual(['function']);
    expect(listResources(config).map(([category, name]) => `${category}/${name}`)).toEqual(['function/shopfn']);
  });
});
