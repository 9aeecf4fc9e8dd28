import * as fs from 'fs';
import * as path from 'path';
import { assertValidTemplate } from 'amplify-cloudformation-spec';
import { createTempProject, readProjectFile, thrownAmplifyError, writeProjectFile } from 'amplify-test-support';
import { rebuildOverriddenRestTemplate, saveRestResource } from '../../rest-resource';
import { scaffoldOverride } from '../scaffold';

const DIR = 'amplify/backend/api/adminrest';
const TEMPLATE = `${DIR}/build/adminrest-cloudformation-template.json`;
type Template = { Parameters: Record<string, unknown>; Outputs: Record<string, unknown>; Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

describe('override.ts of a REST API', () => {
  let project: ReturnType<typeof createTempProject>;
  beforeEach(async () => {
    project = createTempProject({
      function: { itemsfn: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } },
      auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation' }, userPoolGroups: { service: 'Cognito-UserPool-Groups', providerPlugin: 'awscloudformation' } },
    });
    await saveRestResource(project.root, 'adminrest', { '/admin': { lambdaFunction: 'itemsfn', permissions: { setting: 'private', groups: { Admins: ['read'] } } } }, 'add');
  });
  afterEach(() => project.remove());

  test('without override.ts a push leaves the template as written', () => {
    const before = fs.readFileSync(path.join(project.root, TEMPLATE), 'utf8');
    expect(rebuildOverriddenRestTemplate(project.root, 'adminrest')).toBe(false);
    expect(fs.readFileSync(path.join(project.root, TEMPLATE), 'utf8')).toBe(before);
  });

  test('the push rebuild runs override(resources, projectInfo) on the REST API, its deployment, group policies and template sections', () => {
    const { overridePath, created } = scaffoldOverride(path.join(project.root, DIR), 'rest');
    expect(created).toBe(true);
    expect(fs.readFileSync(overridePath, 'utf8')).toContain('resources: AmplifyApigwResourceStackTemplate');
    fs.writeFileSync(
      overridePath,
      `import { AmplifyApigwResourceStackTemplate, AmplifyProjectInfo } from '@aws-amplify/cli-extensibility-helper';
export function override(resources: AmplifyApigwResourceStackTemplate, info: AmplifyProjectInfo) {
  resources.restApi.description = 'admin API of ' + info.projectName;
  resources.restApi.minimumCompressionSize = 1024;
  resources.deploymentResource.description = 'deployed in ' + info.envName;
  resources.policies['/admin'].groups['Admins'].policyName = 'admins-can-read';
  resources.addCfnParameter({ type: 'String', default: 'x' }, 'extraParameter');
  resources.addCfnOutput({ value: { Ref: 'extraParameter' }, description: 'echo' }, 'ExtraOutput');
}
`,
    );
    expect(rebuildOverriddenRestTemplate(project.root, 'adminrest')).toBe(true);
    const template = readProjectFile<Template>(project.root, TEMPLATE);
    expect(template.Resources.adminrest.Properties).toMatchObject({ Description: 'admin API of shop', MinimumCompressionSize: 1024 });
    const deployment = Object.values(template.Resources).find((r) => r.Type === 'AWS::ApiGateway::Deployment');
    expect(deployment?.Properties.Description).toBe('deployed in dev');
    expect(template.Resources.AdminsGroupadminPolicy.Properties.PolicyName).toBe('admins-can-read');
    expect(template.Parameters.extraParameter).toEqual({ Type: 'String', Default: 'x' });
    expect(template.Outputs.ExtraOutput).toEqual({ Value: { Ref: 'extraParameter' }, Description: 'echo' });
    expect(fs.existsSync(path.join(project.root, DIR, 'build', 'override.js'))).toBe(true);
    expect(() => assertValidTemplate(template)).not.toThrow();
  });

  test('an update of the paths keeps applying the override; a failing one changes nothing', async () => {
    writeProjectFile(project.root, `${DIR}/override.ts`, `export function override(resources) { resources.restApi.description = 'kept'; }`);
    await saveRestResource(project.root, 'adminrest', { '/admin': { lambdaFunction: 'itemsfn', permissions: { setting: 'private', auth: ['read'] } } }, 'update');
    expect(readProjectFile<Template>(project.root, TEMPLATE).Resources.adminrest.Properties.Description).toBe('kept');
    const before = fs.readFileSync(path.join(project.root, TEMPLATE), 'utf8');
    writeProjectFile(project.root, `${DIR}/override.ts`, `export function override(resources) { resources.policies['/nope'].groups = {}; }`);
    expect(thrownAmplifyError(() => rebuildOverriddenRestTemplate(project.root, 'adminrest'))).toMatchObject({ code: 'InvalidOverrideError', message: 'Executing overrides failed.' });
    expect(fs.readFileSync(path.join(project.root, TEMPLATE), 'utf8')).toBe(before);
  });
});

describe('scaffolding', () => {
  test('writes override.ts, package.json on the helper types and both tsconfigs; an existing override.ts is kept', () => {
    const project = createTempProject();
    try {
      const dir = path.join(project.root, 'amplify/backend/api/shopapi');
      const first = scaffoldOverride(dir, 'graphql');
      expect(first).toEqual({ overridePath: path.join(dir, 'override.ts'), created: true });
      expect(fs.readdirSync(dir).sort()).toEqual(['override.ts', 'package.json', 'tsconfig.json', 'tsconfig.resource.json']);
      expect(readProjectFile<{ dependencies: Record<string, string> }>(project.root, 'amplify/backend/api/shopapi/package.json').dependencies).toHaveProperty('@aws-amplify/cli-extensibility-helper');
      expect(fs.readFileSync(first.overridePath, 'utf8')).toContain("import { AmplifyApiGraphQlResourceStackTemplate, AmplifyProjectInfo } from '@aws-amplify/cli-extensibility-helper';");
      fs.writeFileSync(first.overridePath, 'export function override() {}');
      expect(scaffoldOverride(dir, 'graphql').created).toBe(false);
      expect(fs.readFileSync(first.overridePath, 'utf8')).toBe('export function override() {}');
    } finally {
      project.remove();
    }
  });
});
