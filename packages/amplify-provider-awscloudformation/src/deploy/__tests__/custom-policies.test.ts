import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { applyCustomPolicies } from '../custom-policies';

const lambdaTemplate = (): Record<string, unknown> => ({ Resources: { LambdaExecutionRole: { Type: 'AWS::IAM::Role', Properties: {} } } });

describe("a function's custom-policies.json, applied at push as the original applies it", () => {
  afterEach(cleanupTempDirs);

  const dirWith = (policies: unknown): string => {
    const dir = makeTempDir('custom-policies-');
    fs.writeFileSync(path.join(dir, 'custom-policies.json'), typeof policies === 'string' ? policies : JSON.stringify(policies));
    return dir;
  };

  it('statements become CustomLambdaExecutionPolicy on the execution role: Effect Allow unless given, ${env} resolved to the env', () => {
    const template = lambdaTemplate();
    const dir = dirWith([
      { Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:us-east-1:123456789012:jobs-${env}'] },
      { Action: ['s3:GetObject'], Resource: ['*'], Effect: 'Deny' },
    ]);
    expect(applyCustomPolicies(template, dir, 'amplify/backend/function/shopfn')).toEqual({ changed: true });
    expect((template.Resources as Record<string, unknown>).CustomLambdaExecutionPolicy).toEqual({
      DependsOn: ['LambdaExecutionRole'],
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'custom-lambda-execution-policy',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Action: ['sqs:SendMessage'], Resource: [{ 'Fn::Sub': ['arn:aws:sqs:us-east-1:123456789012:jobs-${env}', { env: { Ref: 'env' } }] }], Effect: 'Allow' },
            { Action: ['s3:GetObject'], Resource: ['*'], Effect: 'Deny' },
          ],
        },
        Roles: [{ Ref: 'LambdaExecutionRole' }],
      },
    });
  });

  it('no file, or the empty statement a new function gets, adds nothing and removes a policy left in the template', () => {
    const untouched = lambdaTemplate();
    expect(applyCustomPolicies(untouched, makeTempDir('custom-policies-'), 'fn')).toEqual({ changed: false });
    expect(untouched).toEqual(lambdaTemplate());
    const withOld = { Resources: { ...(lambdaTemplate().Resources as object), CustomLambdaExecutionPolicy: { Type: 'AWS::IAM::Policy' } } };
    expect(applyCustomPolicies(withOld, dirWith([{ Action: [], Resource: [] }]), 'fn')).toEqual({ changed: true });
    expect(withOld).toEqual(lambdaTemplate());
  });

  it('an invalid file is one problem naming the file and the statement', () => {
    expect(applyCustomPolicies(lambdaTemplate(), dirWith('{oops'), 'fn').problem).toMatch(/^fn\/custom-policies\.json: not valid JSON/);
    expect(applyCustomPolicies(lambdaTemplate(), dirWith({ Action: [] }), 'fn').problem).toMatch(/^fn\/custom-policies\.json: must be a list of IAM statements/);
    expect(applyCustomPolicies(lambdaTemplate(), dirWith([{ Action: 's3:GetObject', Resource: ['*'] }]), 'fn').problem).toBe(
      'fn/custom-policies.json[0]: a statement needs "Action" (a list of strings) and "Resource" (a list), and "Effect" Allow or Deny if given',
    );
  });
});
