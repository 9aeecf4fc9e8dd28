import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';

/**
 * `amplify override api` end to end on the built binary against a local cloud: a GraphQL API and a REST API added
 * headless, override.ts scaffolded and edited (point-in-time recovery on a model table, the REST API's description),
 * the overrides run at gql-compile and push, and the deployed templates carry them. A broken override fails in one
 * line and leaves build/ as it was. Steps run in order.
 */
jest.setTimeout(300_000);

const graphQLRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'AppSync',
    apiName: 'notesapi',
    transformSchema: 'type Note @model @auth(rules: [{ allow: public }]) {\n  id: ID!\n  text: String!\n}\n',
    defaultAuthType: { mode: 'API_KEY', expirationTime: 7 },
  },
};

const restRequest = {
  version: 1,
  serviceConfiguration: { serviceName: 'API Gateway', apiName: 'notesrest', paths: { '/notes': { lambdaFunction: 'notesfn', permissions: { setting: 'open' } } } },
};

const GRAPHQL_OVERRIDE = `import { AmplifyApiGraphQlResourceStackTemplate, AmplifyProjectInfo } from '@aws-amplify/cli-extensibility-helper';

export function override(resources: AmplifyApiGraphQlResourceStackTemplate, amplifyProjectInfo: AmplifyProjectInfo) {
  resources.models['Note'].modelDDBTable.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: true };
  resources.models['Note'].modelDDBTable.addPropertyOverride('SSESpecification.SSEEnabled', true);
}
`;

const REST_OVERRIDE = `export function override(resources, amplifyProjectInfo) {
  resources.restApi.description = 'notes of ' + amplifyProjectInfo.envName;
}
`;

type Template = { Resources: Record<string, { Properties: Record<string, unknown> }> };

describe('amplify override api (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const apiDir = (name: string): string => path.join(sandbox.app, 'amplify', 'backend', 'api', name);

  beforeAll(async () => {
    sandbox = await AppSandbox.start('overrideapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    expect((await sandbox.run(['add', 'api', '--headless'], JSON.stringify(graphQLRequest))).exitCode).toBe(0);
    expect((await sandbox.run(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'notesfn' }))).exitCode).toBe(0);
    expect((await sandbox.run(['add', 'api', '--headless'], JSON.stringify(restRequest))).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('override api scaffolds override.ts and its project files and says where to edit', async () => {
    const result = await sandbox.run(['override', 'api', 'notesapi']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(path.join(apiDir('notesapi'), 'override.ts'));
    expect(fs.readdirSync(apiDir('notesapi'))).toEqual(expect.arrayContaining(['override.ts', 'package.json', 'tsconfig.json', 'tsconfig.resource.json']));
    expect((await sandbox.run(['override', 'api', 'notesrest'])).exitCode).toBe(0);
    expect(fs.readFileSync(path.join(apiDir('notesrest'), 'override.ts'), 'utf8')).toContain('AmplifyApigwResourceStackTemplate');
  });

  test('a broken override fails gql-compile in one line and leaves build/ as it was', async () => {
    const built = fs.readFileSync(path.join(apiDir('notesapi'), 'build', 'stacks', 'Note.json'), 'utf8');
    fs.writeFileSync(path.join(apiDir('notesapi'), 'override.ts'), `export function override(resources) { resources.models['Nope'].modelDDBTable.billingMode = 'PROVISIONED'; }\n`);
    const result = await sandbox.run(['api', 'gql-compile']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr + result.stdout).toContain('Executing overrides failed.');
    expect(result.stderr + result.stdout).toContain('There may be runtime errors in your overrides file. If so, fix the errors and try again.');
    expect(fs.readFileSync(path.join(apiDir('notesapi'), 'build', 'stacks', 'Note.json'), 'utf8')).toBe(built);
    expect(fs.existsSync(path.join(apiDir('notesapi'), 'build', 'override.js'))).toBe(false);
  });

  test('push deploys the overridden templates: PITR on the model table, the REST description', async () => {
    fs.writeFileSync(path.join(apiDir('notesapi'), 'override.ts'), GRAPHQL_OVERRIDE);
    fs.writeFileSync(path.join(apiDir('notesrest'), 'override.ts'), REST_OVERRIDE);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    const deployed = path.join(sandbox.app, 'amplify', '#current-cloud-backend', 'api');
    const note = JSON.parse(fs.readFileSync(path.join(deployed, 'notesapi', 'build', 'stacks', 'Note.json'), 'utf8')) as Template;
    expect(note.Resources.NoteTable.Properties).toMatchObject({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, SSESpecification: { SSEEnabled: true } });
    expect(fs.existsSync(path.join(deployed, 'notesapi', 'build', 'override.js'))).toBe(true);
    const rest = JSON.parse(fs.readFileSync(path.join(deployed, 'notesrest', 'build', 'notesrest-cloudformation-template.json'), 'utf8')) as Template;
    expect(rest.Resources.notesrest.Properties.Description).toBe('notes of dev');
    const status = (await sandbox.run(['status'])).stdout;
    expect(status).toMatch(/\|\s*Api\s*\|\s*notesapi\s*\|\s*No Change/);
    expect(status).toMatch(/\|\s*Api\s*\|\s*notesrest\s*\|\s*No Change/);
  });
});
