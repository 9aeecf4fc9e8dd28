import { lambdaProxyEvent } from '../proxy-event';

const request = (headers: Record<string, string | string[]>, query = '') => ({
  method: 'put',
  path: '/_restapis/abc/dev/items/a%20b',
  query: new URLSearchParams(query),
  headers,
  body: { declaredLength: undefined, trailers: new Map(), stream: () => { throw new Error('unused'); }, read: async () => Buffer.alloc(0), verifyChunksWith: () => undefined },
});

test('the v1 event carries the Cognito identity of identity-pool credentials', () => {
  const event = lambdaProxyEvent({
    request: request({ host: '127.0.0.1:4581', 'content-type': 'image/png' }),
    body: Buffer.from([1, 2, 3]),
    swagger: { 'x-amazon-apigateway-binary-media-types': ['image/*'] },
    route: { template: '/items/{id}', pathParameters: { id: 'a b' }, pathItem: {} },
    path: '/items/a b',
    stage: 'dev',
    apiId: 'abc',
    accountId: '123456789012',
    resourceId: 'abc',
    caller: {
      accessKey: 'ASIAEXAMPLE',
      userArn: 'arn:aws:sts::123456789012:assumed-role/auth/CognitoIdentityCredentials',
      caller: 'x',
      user: 'x',
      cognitoIdentity: { identityId: 'us-east-1:id', identityPoolId: 'us-east-1:pool', authenticationType: 'authenticated', authenticationProvider: 'cognito-idp.us-east-1.amazonaws.com/pool' },
    },
  });
  expect(event).toMatchObject({
    httpMethod: 'PUT',
    path: '/items/a b',
    queryStringParameters: null,
    pathParameters: { id: 'a b' },
    body: Buffer.from([1, 2, 3]).toString('base64'),
    isBase64Encoded: true,
    requestContext: {
      path: '/dev/items/a b',
      stage: 'dev',
      identity: { cognitoIdentityId: 'us-east-1:id', cognitoIdentityPoolId: 'us-east-1:pool', cognitoAuthenticationType: 'authenticated', accountId: '123456789012', accessKey: 'ASIAEXAMPLE' },
    },
  });
});

test('an anonymous request has a null identity and its text body as a string; repeated headers keep every value', () => {
  const event = lambdaProxyEvent({
    request: request({ host: '127.0.0.1', 'x-many': ['1', '2'] }, 'a=1&a=2&b=3'),
    body: Buffer.from('hello'),
    swagger: {},
    route: { template: '/items/{proxy+}', pathParameters: { proxy: 'x' }, pathItem: {} },
    path: '/items/x',
    stage: 'dev',
    apiId: 'abc',
    accountId: '123456789012',
    resourceId: 'abc',
    caller: undefined,
  });
  expect(event).toMatchObject({
    headers: { 'x-many': '2' },
    multiValueHeaders: { 'x-many': ['1', '2'] },
    queryStringParameters: { a: '2', b: '3' },
    multiValueQueryStringParameters: { a: ['1', '2'], b: ['3'] },
    body: 'hello',
    isBase64Encoded: false,
    requestContext: { identity: { cognitoIdentityId: null, userArn: null, accountId: null } },
  });
});
