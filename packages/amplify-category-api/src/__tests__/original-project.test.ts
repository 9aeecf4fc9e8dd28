import * as fs from 'fs';
import * as path from 'path';
import { getResourceStatus } from 'amplify-cli-core';
import { createFixtureProject, readProjectFile, removeDir } from 'amplify-test-support';
import { compileApi, touchSchema, writeApiBuild } from '../service/compile';
import { compileForPush } from '../service/graphql-api';
import { customResourcesTemplate, RESOLVERS_README } from '../service/graphql-resource';
import { fakeDependencies } from './helpers/fake-transformer';

/**
 * A project folder exactly as the original CLI leaves it after `add api --headless` and a push (reference §1,
 * §2.4, §2.5): the same files, formats and meta entries, and its deployed copy in #current-cloud-backend.
 */
const ROOT_KEY = 'amplify-appsync-files/9c7d4e0c5b1ad7e51f0cbe3c1f1d1a2b3c4d5e6f';
const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-peerprobe-dev-12345', DeploymentBucketName: 'amplify-peerprobe-dev-12345-deployment' } };
const authConfig = { defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7, description: 'e2e' } }, additionalAuthenticationProviders: [] };
const apiEntry = {
  service: 'AppSync',
  providerPlugin: 'awscloudformation',
  dependsOn: [],
  output: { authConfig, GraphQLAPIIdOutput: 'abc123', GraphQLAPIEndpointOutput: 'https://abc123.appsync-api.us-east-1.amazonaws.com/graphql', GraphQLAPIKeyOutput: 'da2-xyz' },
  providerMetadata: { s3TemplateURL: 'https://s3.amazonaws.com/amplify-peerprobe-dev-12345-deployment/amplify-cfn-templates/api/cloudformation-template.json', logicalId: 'apipeerprobeapi' },
  lastPushTimeStamp: '2026-11-30T10:00:00.000Z',
};
const resourceFiles: Record<string, string> = {
  'cli-inputs.json': JSON.stringify({ version: 1, serviceConfiguration: { apiName: 'peerprobeapi', serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7, keyDescription: 'e2e' } } }, null, 2),
  'parameters.json': JSON.stringify({ AppSyncApiName: 'peerprobeapi', DynamoDBBillingMode: 'PAY_PER_REQUEST', DynamoDBEnableServerSideEncryption: false }, null, 2),
  'schema.graphql': 'type Todo @model @auth(rules: [{ allow: public }]) {\n  id: ID!\n  name: String!\n}\n',
  'transform.conf.json': JSON.stringify({ Version: 5, ElasticsearchWarning: true }, null, 4),
  'resolvers/README.md': RESOLVERS_README,
  'stacks/CustomResources.json': JSON.stringify(customResourcesTemplate(), null, 2),
  'build/cloudformation-template.json': JSON.stringify({ Parameters: {}, Resources: {}, Outputs: {} }, null, 4),
  'build/parameters.json': JSON.stringify({ AppSyncApiName: 'peerprobeapi', S3DeploymentBucket: providers.awscloudformation.DeploymentBucketName, S3DeploymentRootKey: ROOT_KEY }, null, 4),
  'build/schema.graphql': 'type Todo {\n  id: ID!\n}\n',
  'build/stacks/Todo.json': JSON.stringify({ Resources: {} }, null, 2),
};

function originalProject(): string {
  const files: Record<string, string> = {};
  for (const [relative, text] of Object.entries(resourceFiles)) {
    files[`backend/api/peerprobeapi/${relative}`] = text;
    files[`#current-cloud-backend/api/peerprobeapi/${relative}`] = text;
  }
  const root = createFixtureProject({
    projectConfig: { projectName: 'peerprobe', version: '3.1', frontend: 'javascript', providers: ['awscloudformation'] },
    meta: { providers, api: { peerprobeapi: apiEntry } },
    currentMeta: { providers, api: { peerprobeapi: apiEntry } },
    backendConfig: { api: { peerprobeapi: { dependsOn: [], output: { authConfig }, providerPlugin: 'awscloudformation', service: 'AppSync' } } },
    teamProviderInfo: { dev: { awscloudformation: providers.awscloudformation, categories: { api: { peerprobeapi: {} } } } },
    localEnvInfo: { envName: 'dev' },
    files,
  });
  return root;
}

const operationOf = (root: string): string => {
  const status = getResourceStatus(root);
  if (status.resourcesToBeCreated.length > 0) return 'Create';
  if (status.resourcesToBeUpdated.length > 0) return 'Update';
  return 'No Change';
};

describe('a project made by the original CLI', () => {
  let root: string;
  beforeEach(() => {
    root = originalProject();
  });
  afterEach(() => removeDir(root));

  test('reads as No Change, and still does after the push compile rewrote build/ (the deployed root key kept)', () => {
    expect(operationOf(root)).toBe('No Change');
    const compiled = compileForPush(root, 'peerprobeapi', { dependencies: fakeDependencies });
    expect(compiled.parameters.S3DeploymentRootKey).toBe(ROOT_KEY);
    expect(readProjectFile<Record<string, unknown>>(root, 'amplify/backend/api/peerprobeapi/build/parameters.json').S3DeploymentRootKey).toBe(ROOT_KEY);
    expect(fs.existsSync(path.join(root, 'amplify/backend/api/peerprobeapi/build/stacks/CustomResources.json'))).toBe(true);
    expect(operationOf(root)).toBe('No Change');
  });

  test('the authConfig comes from meta, as the original reads it', () => {
    const seen: unknown[] = [];
    compileApi({ projectRoot: root, apiName: 'peerprobeapi', dependencies: { ...fakeDependencies, transform: (input) => (seen.push(input.authConfig), fakeDependencies.transform(input)) } });
    expect(seen).toEqual([authConfig]);
  });

  test('gql-compile --force marks the API as changed (Update)', () => {
    fs.writeFileSync(path.join(root, 'amplify/backend/api/peerprobeapi/schema.graphql'), 'type Note @model { id: ID! }');
    fs.writeFileSync(path.join(root, 'amplify/#current-cloud-backend/api/peerprobeapi/schema.graphql'), 'type Note @model { id: ID! }');
    expect(operationOf(root)).toBe('No Change');
    const compiled = compileApi({ projectRoot: root, apiName: 'peerprobeapi', allowDestructive: true, dependencies: fakeDependencies });
    touchSchema(root, 'peerprobeapi');
    writeApiBuild(compiled);
    expect(operationOf(root)).toBe('Update');
  });
});
