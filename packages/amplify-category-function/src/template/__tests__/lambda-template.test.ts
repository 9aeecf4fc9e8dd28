import { validateTemplate } from 'amplify-cloudformation-spec';
import { NODE_RUNTIME } from '../../constants';
import { type LambdaTemplateInput, dependenciesOf, lambdaTemplate } from '../lambda-template';

const base: LambdaTemplateInput = { functionName: 'shopfn', roleName: 'shopLambdaRoleab12cd34', environmentVariables: [], access: [] };

const s3Statement = {
  Effect: 'Allow',
  Action: ['s3:GetObject'],
  Resource: [{ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'storagefilesBucketName' }, '/*']] }],
};

describe('lambdaTemplate', () => {
  test('hello world: role, execution policy and function with its code from the push parameters', () => {
    const template = lambdaTemplate(base);
    expect(Object.keys(template.Parameters).sort()).toEqual(['CloudWatchRule', 'deploymentBucketName', 'env', 's3Key']);
    expect(template.Parameters.CloudWatchRule.Default).toBe('NONE');
    expect(Object.keys(template.Resources).sort()).toEqual(['LambdaExecutionRole', 'LambdaFunction', 'lambdaexecutionpolicy']);
    const fn = template.Resources.LambdaFunction;
    expect(fn.Type).toBe('AWS::Lambda::Function');
    expect(fn.Properties).toMatchObject({
      Code: { S3Bucket: { Ref: 'deploymentBucketName' }, S3Key: { Ref: 's3Key' } },
      Handler: 'index.handler',
      Runtime: NODE_RUNTIME,
      Timeout: 25,
      Role: { 'Fn::GetAtt': ['LambdaExecutionRole', 'Arn'] },
      FunctionName: { 'Fn::If': ['ShouldNotCreateEnvResources', 'shopfn', { 'Fn::Join': ['', ['shopfn', '-', { Ref: 'env' }]] }] },
      Environment: { Variables: { ENV: { Ref: 'env' }, REGION: { Ref: 'AWS::Region' } } },
    });
    expect(template.Resources.LambdaExecutionRole.Properties).toMatchObject({
      RoleName: { 'Fn::If': ['ShouldNotCreateEnvResources', 'shopLambdaRoleab12cd34', { 'Fn::Join': ['', ['shopLambdaRoleab12cd34', '-', { Ref: 'env' }]] }] },
      AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
    });
    expect(template.Resources.lambdaexecutionpolicy.Properties).toMatchObject({
      PolicyName: 'lambda-execution-policy',
      PolicyDocument: { Statement: [{ Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'] }] },
    });
    expect(Object.keys(template.Outputs)).toEqual(['Name', 'Arn', 'Region', 'LambdaExecutionRole', 'LambdaExecutionRoleArn']);
    expect(template.Conditions).toEqual({ ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } });
    expect(validateTemplate(template, { fileName: 'shopfn-cloudformation-template.json' })).toEqual([]);
  });

  test('custom environment variables become parameters (values per env) and variables', () => {
    const template = lambdaTemplate({ ...base, environmentVariables: ['API_URL', 'GREETING'] });
    expect(template.Parameters.apiUrl).toEqual({ Type: 'String' });
    expect(template.Parameters.greeting).toEqual({ Type: 'String' });
    expect(template.Resources.LambdaFunction.Properties).toMatchObject({
      Environment: { Variables: { API_URL: { Ref: 'apiUrl' }, GREETING: { Ref: 'greeting' } } },
    });
    expect(validateTemplate(template, { fileName: 't.json' })).toEqual([]);
  });

  test('resource access: a parameter and a variable per attribute, and the category statements in AmplifyResourcesPolicy', () => {
    const template = lambdaTemplate({ ...base, access: [{ category: 'storage', resourceName: 'files', attributes: ['BucketName'], statements: [s3Statement] }] });
    expect(template.Parameters.storagefilesBucketName).toEqual({ Type: 'String', Default: 'storagefilesBucketName' });
    expect(template.Resources.LambdaFunction.Properties).toMatchObject({
      Environment: { Variables: { STORAGE_FILES_BUCKETNAME: { Ref: 'storagefilesBucketName' } } },
    });
    expect(template.Resources.AmplifyResourcesPolicy).toMatchObject({
      Type: 'AWS::IAM::Policy',
      DependsOn: ['LambdaExecutionRole'],
      Properties: { PolicyName: 'amplify-lambda-execution-policy', Roles: [{ Ref: 'LambdaExecutionRole' }], PolicyDocument: { Statement: [s3Statement] } },
    });
    expect(validateTemplate(template, { fileName: 't.json' })).toEqual([]);
  });

  test('no AmplifyResourcesPolicy when the accessed categories grant no statement', () => {
    const template = lambdaTemplate({ ...base, access: [{ category: 'function', resourceName: 'other', attributes: ['Name'], statements: [] }] });
    expect(template.Resources.AmplifyResourcesPolicy).toBeUndefined();
  });

  test('CRUD: the table Name and Arn, and DynamoDB actions on the table and its indexes', () => {
    const crudTable = { resourceName: 'items', tableName: 'items', partitionKey: { name: 'id', type: 'string' as const } };
    const template = lambdaTemplate({ ...base, crudTable });
    expect(template.Parameters.storageitemsName).toEqual({ Type: 'String', Default: 'storageitemsName' });
    expect(template.Parameters.storageitemsArn).toEqual({ Type: 'String', Default: 'storageitemsArn' });
    expect(template.Resources.LambdaFunction.Properties).toMatchObject({
      Environment: { Variables: { STORAGE_ITEMS_NAME: { Ref: 'storageitemsName' }, STORAGE_ITEMS_ARN: { Ref: 'storageitemsArn' } } },
    });
    const statements = (template.Resources.lambdaexecutionpolicy.Properties as { PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown }> } }).PolicyDocument.Statement;
    expect(statements).toHaveLength(2);
    expect(statements[1].Action).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DeleteItem']));
    expect(statements[1].Resource).toEqual([{ Ref: 'storageitemsArn' }, { 'Fn::Join': ['/', [{ Ref: 'storageitemsArn' }, 'index/*']] }]);
    expect(validateTemplate(template, { fileName: 't.json' })).toEqual([]);
  });

  test('dependsOn merges the CRUD table with access picked on the same table', () => {
    const crudTable = { resourceName: 'items', tableName: 'items', partitionKey: { name: 'id', type: 'string' as const } };
    expect(
      dependenciesOf({
        crudTable,
        access: [
          { category: 'storage', resourceName: 'items', attributes: ['Name', 'StreamArn'], statements: [] },
          { category: 'auth', resourceName: 'users', attributes: ['UserPoolId'], statements: [] },
        ],
      }),
    ).toEqual([
      { category: 'storage', resourceName: 'items', attributes: ['Name', 'Arn', 'StreamArn'] },
      { category: 'auth', resourceName: 'users', attributes: ['UserPoolId'] },
    ]);
  });

  test('scheduled: an EventBridge rule on the CloudWatchRule parameter, permission to invoke, and its output', () => {
    const template = lambdaTemplate({ ...base, scheduled: true });
    expect(template.Resources.CloudWatchEvent).toEqual({
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: 'Schedule rule for Lambda',
        ScheduleExpression: { Ref: 'CloudWatchRule' },
        State: 'ENABLED',
        Targets: [{ Arn: { 'Fn::GetAtt': ['LambdaFunction', 'Arn'] }, Id: { Ref: 'LambdaFunction' } }],
      },
    });
    expect(template.Resources.PermissionForEventsToInvokeLambda.Properties).toMatchObject({
      Principal: 'events.amazonaws.com',
      Action: 'lambda:InvokeFunction',
      SourceArn: { 'Fn::GetAtt': ['CloudWatchEvent', 'Arn'] },
    });
    expect(template.Outputs.CloudWatchEventRule).toEqual({ Value: { Ref: 'CloudWatchEvent' } });
    expect(validateTemplate(template, { fileName: 't.json' })).toEqual([]);
    expect(lambdaTemplate(base).Resources.CloudWatchEvent).toBeUndefined();
  });

  test('trigger: stream read policy and an event source mapping on the table stream', () => {
    const template = lambdaTemplate({ ...base, triggerTable: 'orders' });
    expect(template.Parameters.storageordersStreamArn).toEqual({ Type: 'String', Default: 'storageordersStreamArn' });
    expect(template.Resources.LambdaTriggerPolicyorders).toMatchObject({
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyDocument: { Statement: [{ Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'], Resource: { Ref: 'storageordersStreamArn' } }] },
      },
    });
    expect(template.Resources.LambdaEventSourceMappingorders).toEqual({
      Type: 'AWS::Lambda::EventSourceMapping',
      DependsOn: ['LambdaTriggerPolicyorders', 'LambdaExecutionRole'],
      Properties: {
        BatchSize: 100,
        Enabled: true,
        EventSourceArn: { Ref: 'storageordersStreamArn' },
        FunctionName: { 'Fn::GetAtt': ['LambdaFunction', 'Arn'] },
        StartingPosition: 'LATEST',
      },
    });
    expect(dependenciesOf({ access: [], triggerTable: 'orders' })).toEqual([{ category: 'storage', resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'] }]);
    expect(validateTemplate(template, { fileName: 't.json' })).toEqual([]);
  });
});
