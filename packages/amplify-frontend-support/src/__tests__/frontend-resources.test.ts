import { getResourceOutputs } from 'amplify-cli-core';
import type { AmplifyMeta, BackendConfig, FrontendOutputs } from 'amplify-cli-core';
import { projectResourcesFrom, toFrontendResources } from '../frontend-resources';

const authConfig = { defaultAuthentication: { authenticationType: 'API_KEY' }, additionalAuthenticationProviders: [] };
const pushed = { lastPushTimeStamp: '2026-01-01T00:00:00.000Z', providerPlugin: 'awscloudformation' };

const meta: AmplifyMeta = {
  providers: { awscloudformation: { Region: 'us-east-1' } },
  // A push that replaced the add-time output with the stack outputs alone.
  api: { myapi: { service: 'AppSync', ...pushed, output: { GraphQLAPIEndpointOutput: 'https://a/graphql' } } },
  storage: { photos: { service: 'S3', ...pushed, output: { BucketName: 'b', Region: 'us-east-1' } } },
};
const backendConfig: BackendConfig = {
  api: { myapi: { service: 'AppSync', providerPlugin: 'awscloudformation', output: { authConfig } } },
  storage: { photos: { service: 'S3', providerPlugin: 'awscloudformation' } },
};

describe('toFrontendResources', () => {
  it('names entries from the meta and lays deployed outputs over the add-time ones of backend-config.json', () => {
    const resources = toFrontendResources(getResourceOutputs(meta).outputsForFrontend, projectResourcesFrom([meta], backendConfig));
    expect(resources.metadata).toEqual({ Region: 'us-east-1' });
    expect(resources.serviceResourceMapping.AppSync).toEqual([
      expect.objectContaining({ resourceName: 'myapi', output: { authConfig, GraphQLAPIEndpointOutput: 'https://a/graphql' } }),
    ]);
    expect(resources.serviceResourceMapping.S3).toEqual([
      expect.objectContaining({ resourceName: 'photos', output: { BucketName: 'b', Region: 'us-east-1' } }),
    ]);
  });

  it('takes the name the core gives each entry, even one the project files do not know', () => {
    const stranger: AmplifyMeta = { ...meta, api: {}, storage: {}, custom: { x: { service: 'Lex', ...pushed, output: { BotName: 'b' } } } };
    const resources = toFrontendResources(getResourceOutputs(stranger).outputsForFrontend, projectResourcesFrom([meta], backendConfig));
    expect(resources.serviceResourceMapping.Lex[0].resourceName).toBe('x');
  });

  it('falls back to the service name for an unnamed entry the project does not know', () => {
    const outputs: FrontendOutputs = {
      metadata: { Region: 'us-east-1' },
      serviceResourceMapping: { Lex: [{ service: 'Lex', ...pushed, output: { BotName: 'b' } }] },
      testMode: false,
    };
    const resources = toFrontendResources(outputs, projectResourcesFrom([meta], backendConfig));
    expect(resources.serviceResourceMapping.Lex[0].resourceName).toBe('Lex');
  });

  it('names the fix when the project has no region yet', () => {
    const project = projectResourcesFrom([], undefined);
    expect(() => toFrontendResources(getResourceOutputs({}).outputsForFrontend, project)).toThrow(
      expect.objectContaining({ code: 'ProjectRegionUnknown' }),
    );
  });
});
