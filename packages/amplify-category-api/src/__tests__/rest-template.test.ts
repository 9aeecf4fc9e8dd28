import { validateTemplate } from 'amplify-cloudformation-spec';
import type { RestPath } from '../service/api-types';
import { restTemplate } from '../service/rest-template';

type Json = Record<string, any>;

const paths: Record<string, RestPath> = {
  '/items': { name: '/items', lambdaFunction: 'myfn', permissions: { setting: 'private', auth: ['create', 'read', 'update', 'delete'] } },
  '/book/{isbn}': { name: '/book/{isbn}', lambdaFunction: 'myfn', permissions: { setting: 'open' } },
};

describe('REST API template (reference §3.3)', () => {
  const template = restTemplate({ apiName: 'shoprest', paths }) as Json;

  test('passes the CloudFormation specification check', () => {
    expect(validateTemplate(template)).toEqual([]);
  });

  test('parameters: Name/Arn per distinct function (defaults are their own names) and env; the env condition', () => {
    expect(template.Description).toBe('API Gateway Resource for AWS Amplify CLI');
    expect(template.Parameters).toEqual({ functionmyfnName: { Type: 'String', Default: 'functionmyfnName' }, functionmyfnArn: { Type: 'String', Default: 'functionmyfnArn' }, env: { Type: 'String' } });
    expect(template.Conditions).toEqual({ ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } });
  });

  test('the RestApi: swagger with each path and its {proxy+}, CORS options, aws_proxy to the function, sigv4 unless open', () => {
    const api = template.Resources.shoprest;
    expect(api.Type).toBe('AWS::ApiGateway::RestApi');
    expect(api.Properties).toMatchObject({ Name: 'shoprest', Description: '', FailOnWarnings: true });
    const body = api.Properties.Body;
    expect(body).toMatchObject({ swagger: '2.0', info: { title: 'shoprest', version: '2018-05-24T17:52:00Z' }, schemes: ['https'] });
    expect(body.basePath).toEqual({ 'Fn::If': ['ShouldNotCreateEnvResources', '/Prod', { 'Fn::Join': ['', ['/', { Ref: 'env' }]] }] });
    expect(Object.keys(body.paths)).toEqual(['/items', '/items/{proxy+}', '/book/{isbn}', '/book/{isbn}/{proxy+}']);
    const items = body.paths['/items'];
    expect(items.options['x-amazon-apigateway-integration'].type).toBe('mock');
    expect(items.options['x-amazon-apigateway-integration'].responses.default.responseParameters['method.response.header.Access-Control-Allow-Methods']).toBe("'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
    const any = items['x-amazon-apigateway-any-method'];
    expect(any.security).toEqual([{ sigv4: [] }]);
    expect(any['x-amazon-apigateway-integration']).toMatchObject({ type: 'aws_proxy', httpMethod: 'POST' });
    expect(JSON.stringify(any['x-amazon-apigateway-integration'].uri)).toContain('{"Ref":"functionmyfnArn"}');
    expect(body.paths['/book/{isbn}']['x-amazon-apigateway-any-method'].security).toBeUndefined();
    expect(body.securityDefinitions.sigv4).toEqual({ type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });
  });

  test('one Lambda permission per function, gateway responses with CORS, a deployment on the env stage', () => {
    const ids = Object.keys(template.Resources);
    expect(ids.filter((id) => template.Resources[id].Type === 'AWS::Lambda::Permission')).toEqual(['functionmyfnPermissionshoprest']);
    const responses = ids.filter((id) => /^shoprestDefault[45]XXResponse[0-9a-f]{8}$/.test(id));
    expect(responses).toHaveLength(2);
    expect(template.Resources[responses[0]].Properties.ResponseParameters['gatewayresponse.header.Access-Control-Expose-Headers']).toBe("'Date,X-Amzn-ErrorType'");
    const deployment = ids.find((id) => /^DeploymentAPIGWshoprest[0-9a-f]{8}$/.test(id))!;
    expect(template.Resources[deployment]).toMatchObject({
      Type: 'AWS::ApiGateway::Deployment',
      Properties: { StageName: { 'Fn::If': ['ShouldNotCreateEnvResources', 'Prod', { Ref: 'env' }] }, Description: 'The Development stage deployment of your API.' },
      DependsOn: responses,
    });
  });

  test('outputs: RootUrl on the env stage, ApiName, ApiId', () => {
    expect(template.Outputs).toEqual({
      RootUrl: {
        Description: 'Root URL of the API gateway',
        Value: { 'Fn::Join': ['', ['https://', { Ref: 'shoprest' }, '.execute-api.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { 'Fn::If': ['ShouldNotCreateEnvResources', 'Prod', { Ref: 'env' }] }]] },
      },
      ApiName: { Description: 'API Friendly name', Value: 'shoprest' },
      ApiId: { Description: 'API ID (prefix of API URL)', Value: { Ref: 'shoprest' } },
    });
  });

  test('the same paths give the same template; other paths a new deployment', () => {
    expect(restTemplate({ apiName: 'shoprest', paths })).toEqual(template);
    const other = restTemplate({ apiName: 'shoprest', paths: { '/items': paths['/items'] } }) as Json;
    expect(Object.keys(other.Resources).find((id) => id.startsWith('DeploymentAPIGW'))).not.toBe(Object.keys(template.Resources).find((id) => id.startsWith('DeploymentAPIGW')));
  });

  test('group access: the pool and group role parameters, and an IAM policy per group and path', () => {
    const grouped = restTemplate({
      apiName: 'shoprest',
      authResourceName: 'shopauth',
      paths: { '/admin': { name: '/admin', lambdaFunction: 'myfn', permissions: { setting: 'private', groups: { Admins: ['read', 'update'] } } } },
    }) as Json;
    expect(validateTemplate(grouped)).toEqual([]);
    expect(Object.keys(grouped.Parameters)).toEqual(['functionmyfnName', 'functionmyfnArn', 'env', 'authshopauthUserPoolId', 'authuserPoolGroupsAdminsGroupRole']);
    const policy = grouped.Resources.AdminsGroupadminPolicy;
    expect(policy.Properties.Roles).toEqual([{ Ref: 'authuserPoolGroupsAdminsGroupRole' }]);
    const resources = JSON.stringify(policy.Properties.PolicyDocument.Statement[0].Resource);
    for (const method of ['/GET/admin', '/PUT/admin', '/PATCH/admin', '/GET/admin/*']) expect(resources).toContain(method);
    expect(resources).not.toContain('DELETE');
  });
});
