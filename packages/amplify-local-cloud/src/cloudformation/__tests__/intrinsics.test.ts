import { cidrSubnets } from '../cidr';
import { DependencyGraph, referencedNames } from '../dependency-graph';
import { evaluateCondition, IntrinsicContext, NO_VALUE, resolveValue } from '../intrinsics';
import { resolveParameters } from '../parameters';
import { prepareTemplate } from '../template-preparation';
import { TemplateValue } from '../template-value';

const context: IntrinsicContext = {
  region: 'eu-west-1',
  ref: (name) => {
    const values: Record<string, TemplateValue | typeof NO_VALUE> = { Env: 'prod', Bucket: 'my-bucket', Subnets: ['a', 'b', 'c'], 'AWS::NoValue': NO_VALUE };
    if (!(name in values)) throw new Error(`unknown ${name}`);
    return values[name];
  },
  getAtt: (logicalId, attribute) => `${logicalId}:${attribute}`,
  condition: (name) => name === 'IsProd',
  findInMap: (map, top, second) => `${map}/${top}/${second}`,
  importValue: (name) => `imported:${name}`,
};

const resolve = (value: TemplateValue) => resolveValue(value, context);

describe('resolveValue', () => {
  test('Ref, GetAtt in both forms and nested attribute names', () => {
    expect(resolve({ Ref: 'Bucket' })).toBe('my-bucket');
    expect(resolve({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe('Bucket:Arn');
    expect(resolve({ 'Fn::GetAtt': 'Child.Outputs.Name' })).toBe('Child:Outputs.Name');
  });

  test('Join, Select, Split compose', () => {
    expect(resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }, 3]] })).toBe('a-prod-3');
    expect(resolve({ 'Fn::Join': [',', { Ref: 'Subnets' }] })).toBe('a,b,c');
    expect(resolve({ 'Fn::Select': ['1', { 'Fn::Split': ['/', 'x/y/z'] }] })).toBe('y');
    expect(() => resolve({ 'Fn::Select': [5, ['a']] })).toThrow('Fn::Select cannot select nonexistent value at index 5');
  });

  test('Sub in both forms, with ${!Literal}, attributes and pseudo references', () => {
    expect(resolve({ 'Fn::Sub': 'arn:${Bucket}/${Bucket.Arn}/${!Literal}' })).toBe('arn:my-bucket/Bucket:Arn/${Literal}');
    expect(resolve({ 'Fn::Sub': ['${Name}-${Env}', { Name: { Ref: 'Bucket' } }] })).toBe('my-bucket-prod');
  });

  test('If with AWS::NoValue removes keys and list items', () => {
    expect(resolve({ A: { 'Fn::If': ['IsProd', 'yes', 'no'] }, B: { 'Fn::If': ['IsDev', 'x', { Ref: 'AWS::NoValue' }] } })).toEqual({ A: 'yes' });
    expect(resolve(['a', { Ref: 'AWS::NoValue' }, 'b'])).toEqual(['a', 'b']);
  });

  test('FindInMap, Base64, GetAZs, ImportValue, Cidr', () => {
    expect(resolve({ 'Fn::FindInMap': ['Map', { Ref: 'Env' }, 'Key'] })).toBe('Map/prod/Key');
    expect(resolve({ 'Fn::Base64': 'hello' })).toBe('aGVsbG8=');
    expect(resolve({ 'Fn::GetAZs': '' })).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(resolve({ 'Fn::GetAZs': 'us-east-1' })).toHaveLength(6);
    expect(resolve({ 'Fn::ImportValue': { 'Fn::Sub': '${Env}-Arn' } })).toBe('imported:prod-Arn');
    expect(resolve({ 'Fn::Cidr': ['10.0.0.0/16', 3, 8] })).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
  });

  test('a key named Condition inside properties is data, not a function', () => {
    expect(resolve({ Condition: 'StringEquals' })).toEqual({ Condition: 'StringEquals' });
  });
});

describe('conditions', () => {
  test('Equals, And, Or, Not and Condition references', () => {
    expect(evaluateCondition({ 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, context)).toBe(true);
    expect(evaluateCondition({ 'Fn::Equals': [1, '1'] }, context)).toBe(true);
    expect(evaluateCondition({ 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Not': [{ Condition: 'IsDev' }] }] }, context)).toBe(true);
    expect(evaluateCondition({ 'Fn::Or': [{ Condition: 'IsDev' }, { 'Fn::Equals': ['a', 'b'] }] }, context)).toBe(false);
    expect(() => evaluateCondition({ 'Fn::And': [{ Condition: 'IsProd' }] }, context)).toThrow('between 2 and 10 conditions');
  });
});

describe('Fn::Cidr', () => {
  test('splits IPv4 blocks and refuses what does not fit', () => {
    expect(cidrSubnets('192.168.1.77/24', 4, 6)).toEqual(['192.168.1.0/26', '192.168.1.64/26', '192.168.1.128/26', '192.168.1.192/26']);
    expect(() => cidrSubnets('10.0.0.0/24', 3, 7)).toThrow('holds only 2 subnets');
    expect(() => cidrSubnets('fe80::/64', 1, 8)).toThrow('requires an IPv4 CIDR block');
  });
});

describe('parameters', () => {
  const declarations = {
    Env: { Type: 'String', AllowedValues: ['dev', 'prod'] },
    Count: { Type: 'Number', MinValue: 1, MaxValue: 5, Default: 2 },
    Name: { Type: 'String', AllowedPattern: '[a-z]+', MaxLength: 8 },
    Zones: { Type: 'CommaDelimitedList', Default: 'a,b' },
  };

  test('defaults, previous values and every constraint with AWS messages', () => {
    expect(resolveParameters(declarations, [{ key: 'Env', value: 'dev' }, { key: 'Name', value: 'abc' }])).toEqual({ Env: 'dev', Count: '2', Name: 'abc', Zones: 'a,b' });
    expect(resolveParameters(declarations, [{ key: 'Env', usePreviousValue: true }, { key: 'Name', value: 'x' }], { Env: 'prod' }).Env).toBe('prod');
    expect(() => resolveParameters(declarations, [{ key: 'Name', value: 'abc' }])).toThrow('Parameters: [Env] must have values');
    expect(() => resolveParameters(declarations, [{ key: 'Env', value: 'qa' }, { key: 'Name', value: 'a' }])).toThrow("Parameter 'Env' must be one of AllowedValues");
    expect(() => resolveParameters(declarations, [{ key: 'Env', value: 'dev' }, { key: 'Name', value: 'A1' }])).toThrow("Parameter 'Name' must match pattern [a-z]+");
    expect(() => resolveParameters(declarations, [{ key: 'Env', value: 'dev' }, { key: 'Name', value: 'abcdefghij' }])).toThrow('must contain at most 8 characters');
    expect(() => resolveParameters(declarations, [{ key: 'Env', value: 'dev' }, { key: 'Name', value: 'a' }, { key: 'Count', value: '9' }])).toThrow(
      "Parameter 'Count' must be a number not greater than 5",
    );
    expect(() => resolveParameters(declarations, [{ key: 'Env', value: 'dev' }, { key: 'Name', value: 'a' }, { key: 'Count', value: 'x' }])).toThrow('must be a number');
    expect(() => resolveParameters(declarations, [{ key: 'Nope', value: '1' }])).toThrow('Parameters: [Nope] do not exist in the template');
  });
});

describe('template checks', () => {
  const prepare = (template: unknown) => () => prepareTemplate(JSON.stringify(template));

  test('structure, unknown types, unresolved references and circular dependencies', () => {
    expect(prepare({ Resources: {} })).toThrow('Template format error: At least one Resources member must be defined');
    expect(prepare({ Resources: { A: { Properties: {} } } })).toThrow('Every Resources object must contain a Type member');
    const check = (resources: unknown, outputs?: unknown) => prepare({ Resources: resources, ...(outputs ? { Outputs: outputs } : {}) });
    expect(check({ A: { Type: 'AWS::S3::Bukcet' }, B: { Type: 'AWS::Nope::X' } })).toThrow('Template format error: Unrecognized resource types: [AWS::S3::Bukcet, AWS::Nope::X]');
    expect(check({ A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'Missing' } } } })).toThrow(
      'Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template',
    );
    expect(check({ A: { Type: 'AWS::SNS::Topic', DependsOn: 'Ghost' } })).toThrow('Unresolved resource dependencies [Ghost]');
    expect(check({ A: { Type: 'AWS::SNS::Topic' } }, { O: { Value: { Ref: 'Z' } } })).toThrow('in the Outputs block of the template');
    expect(check({ A: { Type: 'AWS::SNS::Topic' } }, { O: { Value: { 'Fn::GetAtt': ['Z', 'Arn'] } } })).toThrow('Template error: instance of Fn::GetAtt references undefined resource Z');
    expect(
      check({
        A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Sub': '${B}' } } },
        B: { Type: 'AWS::SNS::Topic', DependsOn: ['A'] },
        C: { Type: 'AWS::SNS::Topic' },
      }),
    ).toThrow('Circular dependency between resources: [A, B]');
    expect(check({ A: { Type: 'Custom::Anything', Properties: { ServiceToken: 'x' } } })).not.toThrow();
  });

  test('property problems are left to the resource, which fails when the engine creates it', () => {
    expect(prepare({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimout: 30 } } } })).not.toThrow();
  });

  test('a Transform is refused: the local cloud has no macros', () => {
    expect(prepare({ Transform: 'AWS::Serverless-2016-10-31', Resources: { A: { Type: 'AWS::SNS::Topic' } } })).toThrow('is not supported by the local cloud');
  });
});

describe('dependency graph', () => {
  test('dependencies come from Ref, GetAtt, Sub (minus its own variables and literals) and DependsOn', () => {
    expect([...referencedNames({ 'Fn::Sub': ['${A}-${B.Arn}-${!C}-${AWS::Region}-${Own}', { Own: { Ref: 'D' } }] })]).toEqual(['A', 'B', 'AWS::Region', 'D']);
    const graph = DependencyGraph.of({
      A: { Type: 'T' },
      B: { Type: 'T', Properties: { X: { Ref: 'A' } } },
      C: { Type: 'T', DependsOn: 'B', Properties: { Y: { Ref: 'Param' } } },
    });
    expect([...graph.dependencies.get('C')!]).toEqual(['B']);
    expect(graph.dependentsOf('A')).toEqual(['B']);
  });
});
