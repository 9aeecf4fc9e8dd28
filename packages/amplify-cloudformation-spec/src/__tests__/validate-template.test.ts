import { assertValidTemplate, formatValidationIssue, isCloudFormationSpecError, validateResourceProperties, validateTemplate, type ValidationIssue } from '..';

const role = {
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } },
};

function template(resources: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources };
}

const messages = (issues: ValidationIssue[]): string[] => issues.map(formatValidationIssue);

describe('validateTemplate', () => {
  it('accepts a valid template with nested stacks, custom resources and every reference kind', () => {
    const valid = template(
      {
        Role: role,
        Api: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: 'https://s3.amazonaws.com/b/api.json', Parameters: { env: { Ref: 'env' } } },
        },
        Trigger: {
          Type: 'Custom::AuthTriggerResource',
          Properties: { ServiceToken: { 'Fn::GetAtt': ['Role', 'Arn'] }, anything: 1 },
        },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Condition: 'IsProd',
          DependsOn: 'Trigger',
          Properties: {
            Code: { ZipFile: 'exports.handler = async () => ({})' },
            Role: { 'Fn::GetAtt': 'Role.Arn' },
            Environment: {
              Variables: {
                API: { 'Fn::GetAtt': ['Api', 'Outputs.GraphQLAPIIdOutput'] },
                TRIGGER: { 'Fn::GetAtt': ['Trigger', 'Whatever'] },
                URL: { 'Fn::Sub': 'https://${Api.Outputs.Endpoint}/${env}/${AWS::Region}/${!Literal}' },
                SIZE: { 'Fn::FindInMap': ['Sizes', { Ref: 'env' }, 'memory'] },
              },
            },
          },
        },
      },
      {
        Parameters: { env: { Type: 'String' } },
        Mappings: { Sizes: { dev: { memory: '128' } } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'env' }, 'prod'] } },
        Outputs: { RoleArn: { Value: { 'Fn::GetAtt': ['Role', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-role' } } } },
      },
    );
    expect(validateTemplate(valid)).toEqual([]);
  });

  it('labels property issues with file, resource and path', () => {
    const issues = validateTemplate(template({ Bucket: { Type: 'AWS::S3::Bucket', Properties: { BuketName: 'b' } } }), {
      fileName: 'storage.json',
    });
    expect(issues).toEqual([
      {
        code: 'UnknownProperty',
        path: 'Properties.BuketName',
        message: 'Encountered unsupported property BuketName (did you mean BucketName?)',
        fileName: 'storage.json',
        resource: 'Bucket',
      },
    ]);
    expect(messages(issues)).toEqual([
      'storage.json: resource Bucket: Properties.BuketName: Encountered unsupported property BuketName (did you mean BucketName?)',
    ]);
  });

  it('leaves required properties of a resource under a condition to creation time, as CloudFormation does', () => {
    const conditions = { AlwaysFalse: { 'Fn::Equals': ['true', 'false'] } };
    const conditioned = { Empty: { Type: 'Custom::EmptyResource', Condition: 'AlwaysFalse' } };
    expect(validateTemplate(template(conditioned, { Conditions: conditions }))).toEqual([]);
    expect(messages(validateTemplate(template({ Empty: { Type: 'Custom::EmptyResource' } })))).toEqual(['resource Empty: Properties.ServiceToken: Property ServiceToken is required']);
  });

  it('rejects unknown resource types', () => {
    expect(messages(validateTemplate(template({ Bucket: { Type: 'AWS::S3::Buckett' } })))).toEqual([
      'resource Bucket: Type: Unrecognized resource type: AWS::S3::Buckett (did you mean AWS::S3::Bucket?)',
    ]);
    expect(validateTemplate(template({ Bucket: { Properties: {} } }))[0].message).toBe(
      'Template format error: Every Resources object must contain a Type member',
    );
  });

  it('checks the attribute of every Fn::GetAtt', () => {
    const issues = validateTemplate(
      template({
        Role: role,
        Bucket: { Type: 'AWS::S3::Bucket' },
        Db: { Type: 'AWS::RDS::DBInstance', Properties: {} },
        Q: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            QueueName: { 'Fn::GetAtt': ['Bucket', 'Arnn'] },
            RedriveAllowPolicy: { a: { 'Fn::GetAtt': 'Db.Endpoint.Address' }, b: { 'Fn::GetAtt': ['Ghost', 'Arn'] } },
          },
        },
      }),
    );
    expect(messages(issues)).toEqual([
      'resource Q: Properties.QueueName.Fn::GetAtt: Template error: resource Bucket does not support attribute type Arnn in Fn::GetAtt (did you mean Arn?)',
      'resource Q: Properties.RedriveAllowPolicy.b.Fn::GetAtt: Template error: instance of Fn::GetAtt references undefined resource Ghost',
    ]);
  });

  it('accepts any Outputs.<name> of a nested stack but not other unknown attributes', () => {
    const stack = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } };
    const outputs = (attribute: string) => ({ Out: { Value: { 'Fn::GetAtt': ['Nested', attribute] } } });
    expect(validateTemplate(template({ Nested: stack }, { Outputs: outputs('Outputs.ApiId') }))).toEqual([]);
    expect(messages(validateTemplate(template({ Nested: stack }, { Outputs: outputs('ApiId') })))).toEqual([
      'Outputs.Out.Value.Fn::GetAtt: Template error: resource Nested does not support attribute type ApiId in Fn::GetAtt',
    ]);
  });

  it('checks Ref, Fn::Sub and DependsOn targets', () => {
    const issues = validateTemplate(
      template(
        {
          Bucket: {
            Type: 'AWS::S3::Bucket',
            DependsOn: ['Rolee'],
            Properties: { BucketName: { 'Fn::Sub': '${Prefix}-${env}-${Missing}' }, Tags: [{ Key: 'k', Value: { Ref: 'envv' } }] },
          },
          Role: role,
        },
        { Parameters: { env: { Type: 'String' } } },
      ),
    );
    expect(messages(issues)).toEqual([
      'resource Bucket: DependsOn[0]: Template format error: Unresolved resource dependencies [Rolee] in the Resources block of the template (did you mean Role?)',
      'resource Bucket: Properties.BucketName.Fn::Sub: Template format error: Unresolved resource dependencies [Prefix] in the Resources block of the template',
      'resource Bucket: Properties.BucketName.Fn::Sub: Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template',
      'resource Bucket: Properties.Tags[0].Value.Ref: Template format error: Unresolved resource dependencies [envv] in the Resources block of the template (did you mean env?)',
    ]);
  });

  it('checks conditions where they are used and what conditions reference', () => {
    const issues = validateTemplate(
      template(
        {
          Bucket: {
            Type: 'AWS::S3::Bucket',
            Condition: 'IsDev',
            Properties: { BucketName: { 'Fn::If': ['IsProdd', 'a', 'b'] } },
          },
        },
        {
          Parameters: { env: { Type: 'String' } },
          Conditions: {
            IsProd: { 'Fn::Equals': [{ Ref: 'env' }, 'prod'] },
            Both: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'Nope' }] },
            OnBucket: { 'Fn::Equals': [{ Ref: 'Bucket' }, 'x'] },
          },
        },
      ),
    );
    expect(messages(issues)).toEqual([
      'Conditions.Both.Fn::And[1]: Template format error: Unresolved condition dependency Nope',
      'Conditions.OnBucket.Fn::Equals[0].Ref: Template format error: Unresolved dependencies [Bucket]. Cannot reference resources in the Conditions block of the template',
      'resource Bucket: Condition: Template format error: Unresolved condition dependency IsDev',
      'resource Bucket: Properties.BucketName.Fn::If: Template format error: Unresolved condition dependency IsProdd in Fn::If (did you mean IsProd?)',
    ]);
  });

  it('checks mapping names and literal keys', () => {
    const issues = validateTemplate(
      template(
        {
          Q: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              QueueName: { 'Fn::FindInMap': ['Names', 'dev', 'queue'] },
              DelaySeconds: { 'Fn::FindInMap': ['Sizes', 'dev', 'delay'] },
            },
          },
        },
        { Mappings: { Sizes: { dev: { memory: 1 } } } },
      ),
    );
    expect(messages(issues)).toEqual([
      'resource Q: Properties.QueueName.Fn::FindInMap: Template error: Unable to get mapping for Names',
      'resource Q: Properties.DelaySeconds.Fn::FindInMap: Template error: Unable to get mapping for Sizes::dev::delay',
    ]);
  });

  it('rejects unknown sections, resource members, functions, and malformed parameters and outputs', () => {
    const issues = validateTemplate({
      Resource: {},
      Parameters: { env: { Type: 'Strin' }, other: {} },
      Resources: {
        'my-bucket': { Type: 'AWS::S3::Bucket', Propertiess: {}, DeletionPolicy: 'Keep' },
        Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Concat': ['a', 'b'] } } },
      },
      Outputs: { Out: { Description: 'no value' } },
    });
    expect(messages(issues)).toEqual([
      'Resource: Template format error: Invalid template property or properties [Resource] (did you mean Resources?)',
      'Parameters.env.Type: Template format error: Unrecognized parameter type: Strin',
      'Parameters.other: Template format error: Every Parameters object must contain a Type member',
      'resource my-bucket: Template format error: Resource name my-bucket is non alphanumeric',
      "resource my-bucket: Propertiess: Template format error: Invalid template resource property 'Propertiess' (did you mean Properties?)",
      'resource my-bucket: DeletionPolicy: Template format error: Unrecognized DeletionPolicy Keep for resource my-bucket',
      'resource Q: Properties.QueueName.Fn::Concat: Template format error: Encountered unsupported function: Fn::Concat',
      'Outputs.Out: Template format error: Every Outputs member must contain a Value object',
    ]);
  });

  it('requires resources', () => {
    expect(messages(validateTemplate({ Resources: {} }))).toEqual([
      'Resources: Template format error: At least one Resources member must be defined',
    ]);
    expect(messages(validateTemplate('Resources'))).toEqual(['Template format error: a template must be a JSON or YAML object']);
  });

  it('enforces the per-template quotas', () => {
    const queues = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`Q${i}`, { Type: 'AWS::SQS::Queue' }]));
    expect(validateTemplate(template(queues(500)))).toEqual([]);
    expect(messages(validateTemplate(template(queues(501))))).toEqual([
      'Resources: Template format error: Number of resources, 501, is greater than maximum allowed, 500',
    ]);
    const outputs = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`O${i}`, { Value: 'x' }]));
    expect(messages(validateTemplate(template(queues(1), { Outputs: outputs })))).toEqual([
      'Outputs: Template format error: Number of outputs, 201, is greater than maximum allowed, 200',
    ]);
  });

  it('finds circular dependencies', () => {
    const issues = validateTemplate(
      template({
        A: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::GetAtt': ['B', 'QueueName'] } } },
        B: { Type: 'AWS::SQS::Queue', DependsOn: 'C' },
        C: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': '${A}-c' } } },
        D: { Type: 'AWS::SQS::Queue', DependsOn: 'A' },
      }),
    );
    expect(messages(issues)).toEqual(['Resources: Circular dependency between resources: [A, B, C]']);
  });

  it('reports malformed members instead of throwing', () => {
    const bucket = (properties: unknown, extra: Record<string, unknown> = {}) => template({ A: { Type: 'AWS::S3::Bucket', Properties: properties, ...extra } });
    expect(messages(validateTemplate({ Resources: { A: null } }))).toEqual([
      'resource A: Template format error: Every Resources object must be an object with a Type member',
    ]);
    expect(messages(validateTemplate({ Resources: { A: { Type: 5 } } }))).toEqual([
      'resource A: Type: Template format error: the Type of a resource must be a string',
    ]);
    expect(messages(validateTemplate(bucket({}, { DependsOn: { a: 1 } })))).toEqual([
      'resource A: DependsOn: Template format error: DependsOn must name resources by their logical ids',
    ]);
    expect(messages(validateTemplate(bucket({ BucketName: { 'Fn::GetAtt': null } })))).toEqual([
      'resource A: Properties.BucketName.Fn::GetAtt: Template error: every Fn::GetAtt object requires two non-empty parameters',
    ]);
    expect(messages(validateTemplate(bucket({ BucketName: { 'Fn::Sub': [1, 2, 3] } })))).toEqual([
      'resource A: Properties.BucketName.Fn::Sub: Template error: Fn::Sub takes a string, or a list of a string and a map of variables',
    ]);
    expect(messages(validateTemplate(bucket({ BucketName: { 'Fn::If': 'x' } })))).toEqual([
      'resource A: Properties.BucketName.Fn::If: Template error: Fn::If requires a list of three elements: a condition name and two values',
    ]);
    expect(messages(validateTemplate(bucket({ Tags: [null, 'x'] })))).toEqual([
      "resource A: Properties.Tags[0]: 'null' values are not allowed in templates",
      'resource A: Properties.Tags[1]: Value of property Tags[1] must be an object',
    ]);
    expect(messages(validateTemplate(bucket({ BucketName: { Ref: 'toString' } })))).toEqual([
      'resource A: Properties.BucketName.Ref: Template format error: Unresolved resource dependencies [toString] in the Resources block of the template',
    ]);
  });

  it('defers to the transform for what it may generate', () => {
    const issues = validateTemplate(
      template(
        {
          Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: '.', Role: { 'Fn::GetAtt': ['FnRole', 'Arn'] } } },
          Macro: { Type: 'Acme::Made::Up' },
        },
        { Transform: 'AWS::Serverless-2016-10-31' },
      ),
    );
    expect(issues).toEqual([]);
  });

  describe('assertValidTemplate', () => {
    it('returns for a valid template', () => {
      expect(() => assertValidTemplate(template({ Role: role }))).not.toThrow();
    });

    it('throws one CloudFormationSpecError listing every issue', () => {
      let thrown: unknown;
      try {
        assertValidTemplate(template({ B: { Type: 'AWS::S3::Bucket', Properties: { BuketName: 'b', Tags: {} } } }), { fileName: 'storage.json' });
      } catch (error) {
        thrown = error;
      }
      expect(isCloudFormationSpecError(thrown)).toBe(true);
      expect(thrown).toMatchObject({
        code: 'TemplateValidationFailed',
        message: [
          'storage.json: resource B: Properties.BuketName: Encountered unsupported property BuketName (did you mean BucketName?)',
          'storage.json: resource B: Properties.Tags: Value of property Tags must be of type List',
        ].join('\n'),
      });
      expect((thrown as { resolution?: string }).resolution).toMatch(/resource specification/);
    });
  });
});

it('accepts AWS::CDK::Metadata, which CloudFormation takes though the specification does not list it', () => {
  expect(validateTemplate({ Resources: { CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:x' } } } })).toEqual([]);
  expect(validateResourceProperties('AWS::CDK::Metadata', { Anything: 1 })).toEqual([]);
});

it('refuses Properties that are not an object as a template error, before any property is checked', () => {
  expect(validateTemplate({ Resources: { T: { Type: 'AWS::SNS::Topic', Properties: ['DisplayName'] } } })).toEqual([
    { code: 'InvalidTemplate', path: 'Properties', resource: 'T', message: 'Template format error: Every Properties object must be an object' },
  ]);
});
