import { CreateStackCommand, ValidateTemplateCommand } from '@aws-sdk/client-cloudformation';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

const cloud = useCfnTestCloud();

/** Every intrinsic function, condition function and pseudo parameter, in YAML with short-form tags. */
const template = `
AWSTemplateFormatVersion: '2010-09-09'
Description: every intrinsic
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
  Zones:
    Type: CommaDelimitedList
    Default: a,b,c
  Sizes:
    Type: List<Number>
    Default: 1,2
  Count:
    Type: Number
    Default: 3
Mappings:
  Regions:
    us-east-1:
      Short: use1
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsDev, !Equals [!Ref Count, 3]]
  Either: !Or [!Condition IsProd, !Equals ['1', '2']]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  CDKMetadata:
    Type: AWS::CDK::Metadata
    Properties:
      Analytics: v2:deflate64:H4sIAAAAAAAA
  ProdOnly:
    Type: AWS::SNS::Topic
    Condition: IsProd
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: Bucket
    Properties:
      DisplayName: !If [IsProd, prod-topic, !Ref 'AWS::NoValue']
      Tags:
        - Key: joined
          Value: !Join ['+', !Ref Zones]
Outputs:
  Ref: { Value: !Ref Bucket }
  GetAttShort: { Value: !GetAtt Bucket.Arn }
  GetAttLong: { Value: !GetAtt [Bucket, RegionalDomainName] }
  Join: { Value: !Join ['-', [!Ref 'AWS::Region', !Ref 'AWS::AccountId', !Ref 'AWS::Partition', !Ref 'AWS::URLSuffix']] }
  Sub: { Value: !Sub '\${AWS::StackName}/\${Bucket}/\${!Literal}/\${Bucket.Arn}' }
  SubMap: { Value: !Sub ['\${A}-\${B}', { A: !Ref Env, B: !FindInMap [Regions, !Ref 'AWS::Region', Short] }] }
  Select: { Value: !Select [1, !Ref Zones] }
  SelectNumbers: { Value: !Select [1, !Ref Sizes] }
  Split: { Value: !Select [2, !Split [',', 'x,y,z']] }
  Base64: { Value: !Base64 hello }
  GetAZs: { Value: !Select [0, !GetAZs ''] }
  Cidr: { Value: !Join [' ', !Cidr ['10.0.0.0/16', 2, 8]] }
  StackId: { Value: !Ref 'AWS::StackId' }
  NotificationArns: { Value: !Join [',', !Ref 'AWS::NotificationARNs'] }
  IfProd: { Value: !If [IsProd, yes, no] }
  Both: { Value: !If [Both, both, neither] }
  Either: { Value: !If [Either, either, none] }
  ProdOnly:
    Condition: IsProd
    Value: !Ref ProdOnly
  Exported:
    Value: !GetAtt Topic.TopicName
    Export:
      Name: !Sub '\${AWS::StackName}-topic'
`;

async function outputsOf(stackName: string, env: string): Promise<Record<string, string>> {
  await cloud.cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: template, Parameters: [{ ParameterKey: 'Env', ParameterValue: env }] }));
  const stack = await cloud.waitForStack(stackName);
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  return Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
}

test('every intrinsic function and pseudo parameter resolves as on AWS', async () => {
  const outputs = await outputsOf('features', 'dev');
  const bucket = outputs.Ref;
  expect(bucket).toMatch(/^features-bucket-[a-z0-9]+$/);
  expect(outputs).toMatchObject({
    GetAttShort: `arn:aws:s3:::${bucket}`,
    GetAttLong: `${bucket}.s3.us-east-1.amazonaws.com`,
    Join: 'us-east-1-123456789012-aws-amazonaws.com',
    Sub: `features/${bucket}/\${Literal}/arn:aws:s3:::${bucket}`,
    SubMap: 'dev-use1',
    Select: 'b',
    SelectNumbers: '2',
    Split: 'z',
    Base64: 'aGVsbG8=',
    GetAZs: 'us-east-1a',
    Cidr: '10.0.0.0/24 10.0.1.0/24',
    NotificationArns: '',
    IfProd: 'no',
    Both: 'both',
    Either: 'none',
  });
  expect(outputs.StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/features\//);
  expect(outputs.ProdOnly).toBeUndefined();
  expect(outputs.Exported).toMatch(/^features-Topic-/);
  const events = await cloud.events('features');
  expect(events.some((event) => event.LogicalResourceId === 'ProdOnly')).toBe(false);
  // Topic waits for Bucket (DependsOn): its creation starts after the bucket completed.
  const order = events.reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  expect(order.indexOf('Topic CREATE_IN_PROGRESS')).toBeGreaterThan(order.indexOf('Bucket CREATE_COMPLETE'));
});

test('conditions switch resources and outputs on', async () => {
  const outputs = await outputsOf('features-prod', 'prod');
  expect(outputs).toMatchObject({ IfProd: 'yes', Both: 'neither', Either: 'either' });
  expect(outputs.ProdOnly).toMatch(/^arn:aws:sns:us-east-1:123456789012:features-prod-ProdOnly-/);
});

test('ValidateTemplate reports parameters, description and required capabilities', async () => {
  const result = await cloud.cfn.send(new ValidateTemplateCommand({ TemplateBody: template }));
  expect(result.Description).toBe('every intrinsic');
  expect(result.Parameters!.map((parameter) => [parameter.ParameterKey, parameter.DefaultValue])).toEqual([
    ['Env', undefined],
    ['Zones', 'a,b,c'],
    ['Sizes', '1,2'],
    ['Count', '3'],
  ]);
  const iam = await cloud.cfn.send(
    new ValidateTemplateCommand({ TemplateBody: JSON.stringify({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r', AssumeRolePolicyDocument: {} } } } }) }),
  );
  expect(iam.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
  await expect(cloud.cfn.send(new ValidateTemplateCommand({ TemplateBody: 'Resources: [' }))).rejects.toThrow(/^Template format error: /);
});
