import type { DeployedResource, DeployedResources } from '../../contracts';
import { evaluateRolePolicies, wildcardMatch } from '../iam-policy';
import { matchRoute } from '../swagger-routes';

describe('matchRoute', () => {
  const paths = { '/items': { get: {} }, '/items/{proxy+}': { get: {} }, '/items/{id}': { get: {} }, '/items/special': { get: {} }, '/': { get: {} } };

  test.each([
    ['/items', '/items', {}],
    ['/items/special', '/items/special', {}],
    ['/items/42', '/items/{id}', { id: '42' }],
    ['/items/42/reviews/1', '/items/{proxy+}', { proxy: '42/reviews/1' }],
    ['/', '/', {}],
  ])('%s is served by %s', (requestPath, template, parameters) => {
    expect(matchRoute(paths, requestPath)).toMatchObject({ template, pathParameters: parameters });
  });

  test('a path no template covers has no route; a greedy parameter needs a segment', () => {
    expect(matchRoute(paths, '/other')).toBeUndefined();
    expect(matchRoute({ '/a/{proxy+}': {} }, '/a')).toBeUndefined();
  });
});

describe('evaluateRolePolicies', () => {
  const resource = (type: string, physicalId: string, properties: Record<string, unknown>): DeployedResource => ({ stackId: 's', logicalId: physicalId, physicalId, type, region: 'us-east-1', properties, attributes: {} });
  const statement = (effect: string, action: unknown, target: unknown, extra: Record<string, unknown> = {}) => ({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: target, ...extra }] });
  const deployed = (resources: DeployedResource[]): DeployedResources => ({ ofType: (type) => resources.filter((candidate) => candidate.type === type) });
  const arn = 'arn:aws:execute-api:us-east-1:123456789012:abc/dev/GET/items/7';
  const roleArn = 'arn:aws:iam::123456789012:role/auth';

  test('inline, attached managed and standalone policies all count; wildcards match', () => {
    expect(evaluateRolePolicies(deployed([resource('AWS::IAM::Role', 'auth', { Policies: [{ PolicyName: 'p', PolicyDocument: statement('Allow', 'execute-api:*', 'arn:aws:execute-api:*:*:abc/dev/*/items/*') }] })]), roleArn, 'execute-api:Invoke', arn)).toBe('allow');
    const managed = resource('AWS::IAM::ManagedPolicy', 'arn:aws:iam::123456789012:policy/m', { PolicyDocument: statement('Allow', ['execute-api:invoke'], '*') });
    expect(evaluateRolePolicies(deployed([resource('AWS::IAM::Role', 'auth', { ManagedPolicyArns: [managed.physicalId] }), managed]), roleArn, 'execute-api:Invoke', arn)).toBe('allow');
    expect(evaluateRolePolicies(deployed([resource('AWS::IAM::Policy', 'x', { Roles: ['auth'], PolicyDocument: statement('Allow', 'execute-api:Invoke', arn) })]), roleArn, 'execute-api:Invoke', arn)).toBe('allow');
  });

  test('no matching Allow is an implicit deny; a Deny wins; a conditional Allow does not count', () => {
    expect(evaluateRolePolicies(deployed([resource('AWS::IAM::Policy', 'x', { Roles: ['other'], PolicyDocument: statement('Allow', '*', '*') })]), roleArn, 'execute-api:Invoke', arn)).toBe('implicit-deny');
    expect(evaluateRolePolicies(deployed([resource('AWS::IAM::Policy', 'x', { Roles: ['auth'], PolicyDocument: statement('Allow', 's3:*', '*') })]), roleArn, 'execute-api:Invoke', arn)).toBe('implicit-deny');
    const both = [resource('AWS::IAM::Policy', 'x', { Roles: ['auth'], PolicyDocument: statement('Allow', '*', '*') }), resource('AWS::IAM::Policy', 'y', { Roles: ['auth'], PolicyDocument: statement('Deny', 'execute-api:Invoke', '*/GET/*') })];
    expect(evaluateRolePolicies(deployed(both), roleArn, 'execute-api:Invoke', arn)).toBe('explicit-deny');
    const conditional = resource('AWS::IAM::Policy', 'x', { Roles: ['auth'], PolicyDocument: statement('Allow', '*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) });
    expect(evaluateRolePolicies(deployed([conditional]), roleArn, 'execute-api:Invoke', arn)).toBe('implicit-deny');
  });

  test('policy variables take the context values; a variable the context lacks matches nothing', () => {
    const own = deployed([resource('AWS::IAM::Policy', 'x', { Roles: ['auth'], PolicyDocument: statement('Allow', 's3:GetObject', 'arn:aws:s3:::b/private/${cognito-identity.amazonaws.com:sub}/*') })]);
    const variables = { 'cognito-identity.amazonaws.com:sub': 'us-east-1:me' };
    expect(evaluateRolePolicies(own, roleArn, 's3:GetObject', 'arn:aws:s3:::b/private/us-east-1:me/a', { variables })).toBe('allow');
    expect(evaluateRolePolicies(own, roleArn, 's3:GetObject', 'arn:aws:s3:::b/private/us-east-1:you/a', { variables })).toBe('implicit-deny');
    expect(evaluateRolePolicies(own, roleArn, 's3:GetObject', 'arn:aws:s3:::b/private/${cognito-identity.amazonaws.com:sub}/a')).toBe('implicit-deny');
  });

  test('String conditions are evaluated against the context keys; negated ones hold when nothing matches', () => {
    const listing = (operator: string) =>
      deployed([resource('AWS::IAM::Policy', 'x', { Roles: ['auth'], PolicyDocument: statement('Allow', 's3:ListBucket', 'arn:aws:s3:::b', { Condition: { [operator]: { 's3:prefix': ['public/*', 'private/${cognito-identity.amazonaws.com:sub}/'] } } }) })]);
    const decide = (operator: string, prefix: string | undefined) =>
      evaluateRolePolicies(listing(operator), roleArn, 's3:ListBucket', 'arn:aws:s3:::b', { variables: { 'cognito-identity.amazonaws.com:sub': 'me' }, conditionKeys: prefix === undefined ? {} : { 's3:prefix': prefix } });
    expect([decide('StringLike', 'public/photos/'), decide('StringLike', 'private/me/'), decide('StringLike', 'private/you/'), decide('StringLike', undefined)]).toEqual(['allow', 'allow', 'implicit-deny', 'implicit-deny']);
    expect([decide('StringEquals', 'private/me/'), decide('StringEquals', 'public/x')]).toEqual(['allow', 'implicit-deny']);
    expect([decide('StringNotLike', 'public/x'), decide('StringNotLike', 'other/')]).toEqual(['implicit-deny', 'allow']);
  });

  test('wildcards: * spans characters including /, ? one character, the rest literally', () => {
    expect(wildcardMatch('a*z', 'a/b/z')).toBe(true);
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('Execute-API:*', 'execute-api:Invoke', true)).toBe(true);
  });
});
