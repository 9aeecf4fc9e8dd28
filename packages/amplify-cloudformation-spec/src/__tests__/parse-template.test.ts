import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCloudFormationSpecError, parseTemplate, validateTemplate } from '..';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function parseError(text: string, fileName: string): { code: string; message: string } {
  try {
    parseTemplate(text, fileName);
  } catch (error) {
    if (!isCloudFormationSpecError(error)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error('expected a parse error');
}

describe('parseTemplate', () => {
  it('reads YAML short forms into their long forms', () => {
    const template = parseTemplate(fixture('storage-and-function.yaml'), 'storage.yaml');
    const resources = template.Resources as Record<string, { Properties: Record<string, unknown> }>;
    const conditions = template.Conditions as Record<string, unknown>;

    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(conditions.ShouldNotCreateEnvResources).toEqual({ 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] });
    expect(conditions.CreateTrigger).toEqual({
      'Fn::And': [
        { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'triggerFunction' }, 'NONE'] }] },
        { 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'env' }, 'dev'] }] },
      ],
    });
    expect(resources.S3Bucket.Properties.BucketName).toEqual({
      'Fn::If': [
        'ShouldNotCreateEnvResources',
        { Ref: 'bucketName' },
        {
          'Fn::Join': [
            '',
            [{ Ref: 'bucketName' }, { 'Fn::Select': [3, { 'Fn::Split': ['-', { Ref: 'AWS::StackName' }] }] }, '-', { Ref: 'env' }],
          ],
        },
      ],
    });
    const role = resources.LambdaExecutionRole.Properties;
    expect(role.RoleName).toEqual({ 'Fn::Sub': ['${name}-${env}', { name: { 'Fn::FindInMap': ['Sizes', { Ref: 'env' }, 'memory'] } }] });

    const fn = resources.TriggerFunction.Properties;
    expect(fn.Role).toEqual({ 'Fn::GetAtt': ['LambdaExecutionRole', 'Arn'] });
    expect(fn.Timeout).toBe(25);
    const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.AZ).toEqual({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    expect(variables.CIDR).toEqual({ 'Fn::Select': [0, { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }] });
    expect(variables.SHARED).toEqual({ 'Fn::ImportValue': 'shared-export' });
    expect(variables.USER_DATA).toEqual({ 'Fn::Base64': '#!/bin/bash\necho hello\n' });
    expect((fn.VpcConfig as Record<string, unknown>).SecurityGroupIds).toEqual({
      'Fn::Split': [',', { 'Fn::ImportValue': 'shared-security-groups' }],
    });
    expect(resources.BucketNotificationPermission.Properties.SourceArn).toEqual({ 'Fn::GetAtt': ['S3Bucket', 'Arn'] });
    expect((template.Outputs as Record<string, unknown>).FunctionArn).toEqual({
      Condition: 'CreateTrigger',
      Value: { 'Fn::GetAtt': ['TriggerFunction', 'Arn'] },
    });
  });

  it('produces a template the validator accepts', () => {
    expect(validateTemplate(parseTemplate(fixture('storage-and-function.yaml'), 'storage.yaml'), { fileName: 'storage.yaml' })).toEqual([]);
  });

  it('splits a dotted GetAtt at the first dot only', () => {
    const template = parseTemplate('Outputs:\n  A:\n    Value: !GetAtt Database.Endpoint.Address\n');
    expect(template.Outputs).toEqual({ A: { Value: { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] } } });
  });

  it('takes a short form applied to a mapping', () => {
    const template = parseTemplate('Value: !Base64 { "Fn::Sub": "x-${AWS::Region}" }\n');
    expect(template.Value).toEqual({ 'Fn::Base64': { 'Fn::Sub': 'x-${AWS::Region}' } });
  });

  it('reads JSON templates', () => {
    const template = parseTemplate('{ "Resources": { "B": { "Type": "AWS::S3::Bucket" } } }', 'b.json');
    expect(template).toEqual({ Resources: { B: { Type: 'AWS::S3::Bucket' } } });
  });

  it('ignores a byte order mark', () => {
    expect(parseTemplate('\uFEFF{ "Resources": {} }')).toEqual({ Resources: {} });
  });

  it('names the file and line of a YAML syntax error', () => {
    const error = parseError('Resources:\n  B:\n    Type: [AWS::S3::Bucket\n  C: x\n', 'broken.yaml');
    expect(error.code).toBe('TemplateParseError');
    expect(error.message).toMatch(/^broken\.yaml:\d+:\d+: /);
  });

  it('names the file and line of a JSON syntax error', () => {
    const error = parseError('{\n  "Resources": {\n    "B": { "Type": "AWS::S3::Bucket", }\n  }\n}', 'broken.json');
    expect(error.code).toBe('TemplateParseError');
    expect(error.message).toMatch(/^broken\.json:3:\d+: /);
  });

  it('rejects duplicate keys in YAML', () => {
    expect(parseError('Resources:\n  B:\n    Type: A\n  B:\n    Type: B\n', 'dup.yaml').message).toMatch(/^dup\.yaml:4:/);
  });

  it('rejects a document that is not an object', () => {
    expect(parseError('- a\n- b\n', 'list.yaml')).toEqual({
      code: 'TemplateParseError',
      message: 'list.yaml is not a CloudFormation template: its top level is not an object.',
    });
  });
});
