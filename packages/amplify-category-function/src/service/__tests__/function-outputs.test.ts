import { validateTemplate } from 'amplify-cloudformation-spec';
import { lambdaConsoleUrl } from '../console-url';
import type { FunctionSpec } from '../function-files';
import { invokeEnvironment } from '../invoke-environment';
import { functionPermissionPolicies } from '../permission-policies';
import { lambdaTemplate } from '../../template/lambda-template';

const spec: FunctionSpec = {
  functionName: 'fn',
  parameters: { template: 'hello-world', roleName: 'r', permissions: { storage: { files: ['read'] } }, environmentVariables: ['API_URL'] },
  environmentValues: { API_URL: 'https://example.com' },
};

describe('what a function shows outside its template', () => {
  test('console URL: the deployed name, else the name it will have in the env', () => {
    const deployed = { providers: { awscloudformation: { Region: 'eu-west-1' } }, function: { fn: { service: 'Lambda', providerPlugin: 'awscloudformation', output: { Name: 'fn-prod', Region: 'eu-west-1' } } } };
    expect(lambdaConsoleUrl(deployed, 'fn', 'prod')).toBe('https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/fn-prod');
    const local = { providers: { awscloudformation: { Region: 'us-east-2' } }, function: { fn: { service: 'Lambda', providerPlugin: 'awscloudformation' } } };
    expect(lambdaConsoleUrl(local, 'fn', 'dev')).toBe('https://us-east-2.console.aws.amazon.com/lambda/home?region=us-east-2#/functions/fn-dev');
  });

  test('local invoke environment: ENV, REGION, deployed attributes of accessed resources, custom values', () => {
    const meta = {
      providers: { awscloudformation: { Region: 'us-east-1' } },
      storage: { files: { service: 'S3', providerPlugin: 'awscloudformation', output: { BucketName: 'files-bucket-dev' } } },
      function: {
        fn: { service: 'Lambda', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'storage', resourceName: 'files', attributes: ['BucketName', 'Region'] }] },
      },
    };
    expect(invokeEnvironment(meta, spec, 'dev')).toEqual({ ENV: 'dev', REGION: 'us-east-1', STORAGE_FILES_BUCKETNAME: 'files-bucket-dev', API_URL: 'https://example.com' });
  });

  test("other resources' access to functions: invoke permission through the Name output, valid in a template", () => {
    const policies = functionPermissionPolicies({ worker: ['read'] });
    expect(policies.resourceAttributes).toEqual([{ resourceName: 'worker', attributes: ['Name'], category: 'function' }]);
    expect(policies.permissionPolicies).toEqual([expect.objectContaining({ Effect: 'Allow', Action: ['lambda:InvokeFunction'] })]);
    const template = lambdaTemplate({
      functionName: 'caller',
      roleName: 'r',
      environmentVariables: [],
      access: [{ category: 'function', resourceName: 'worker', attributes: ['Name'], statements: policies.permissionPolicies }],
    });
    expect(validateTemplate(template, { fileName: 'caller-cloudformation-template.json' })).toEqual([]);
    expect(template.Resources.LambdaFunction.Properties).toMatchObject({ Environment: { Variables: { FUNCTION_WORKER_NAME: { Ref: 'functionworkerName' } } } });
  });
});
