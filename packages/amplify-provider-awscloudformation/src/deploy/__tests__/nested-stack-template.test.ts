import { buildNestedRootTemplate, parameterValue } from '../nested-stack-template';

describe('buildNestedRootTemplate', () => {
  const template = buildNestedRootTemplate(
    [
      {
        category: 'storage',
        resourceName: 'notes',
        templateUrl: 'https://s3.amazonaws.com/b/amplify-cfn-templates/storage/notes-cloudformation-template.json',
        parameters: { tableName: 'notes', regions: ['a', 'b'], unused: 'x' },
        dependsOn: [{ category: 'storage', resourceName: 'images', attributes: ['BucketName'] }],
        declaredParameters: new Set(['tableName', 'regions', 'storageimagesBucketName', 'env']),
      },
      {
        category: 'storage',
        resourceName: 'images',
        templateUrl: 'https://s3.amazonaws.com/b/amplify-cfn-templates/storage/images-cloudformation-template.json',
        parameters: { bucketName: 'imgs' },
        dependsOn: [{ category: 'auth', resourceName: 'shared', attributes: ['UserPoolId'], exports: { UserPoolId: 'other-stack-UserPoolId' } }],
      },
    ],
    'dev',
  );

  it('keeps the root stack resources and adds one nested stack per resource', () => {
    expect(Object.keys(template.Resources)).toEqual(['DeploymentBucket', 'DeploymentBucketBlockHTTP', 'AuthRole', 'UnauthRole', 'storageimages', 'storagenotes']);
    expect(template.Resources.storagenotes.Type).toBe('AWS::CloudFormation::Stack');
    expect(template.Resources.storagenotes.Properties?.TemplateURL).toBe('https://s3.amazonaws.com/b/amplify-cfn-templates/storage/notes-cloudformation-template.json');
  });

  it('orders nested stacks by logical id in code-point order, whatever order the resources come in', () => {
    const stack = (resourceName: string) => ({ category: 'demo', resourceName, templateUrl: `https://s3.amazonaws.com/b/${resourceName}.json`, parameters: {} });
    const ordered = buildNestedRootTemplate([stack('b'), stack('a'), stack('Z'), stack('a10'), stack('a2')], 'dev');
    expect(Object.keys(ordered.Resources).filter((id) => id.startsWith('demo'))).toEqual(['demoZ', 'demoa', 'demoa10', 'demoa2', 'demob']);
  });

  it('passes parameters as strings, dependencies through Fn::GetAtt, the env, and only what the template declares', () => {
    expect(template.Resources.storagenotes.Properties?.Parameters).toEqual({
      tableName: 'notes',
      regions: 'a,b',
      storageimagesBucketName: { 'Fn::GetAtt': ['storageimages', 'Outputs.BucketName'] },
      env: 'dev',
    });
  });

  it('passes exported dependencies through Fn::ImportValue', () => {
    expect(template.Resources.storageimages.Properties?.Parameters).toEqual({
      bucketName: 'imgs',
      authsharedUserPoolId: { 'Fn::ImportValue': 'other-stack-UserPoolId' },
      env: 'dev',
    });
  });

  it('refuses a dependency on a resource that is not deployed', () => {
    expect(() =>
      buildNestedRootTemplate(
        [{ category: 'api', resourceName: 'a', templateUrl: 'u', parameters: {}, dependsOn: [{ category: 'auth', resourceName: 'missing', attributes: ['Id'] }] }],
        'dev',
      ),
    ).toThrow(/depends on auth missing/);
  });
});

describe('parameterValue', () => {
  it('turns values into CloudFormation parameter strings', () => {
    expect(parameterValue(['x', 1, true])).toBe('x,1,true');
    expect(parameterValue(3)).toBe('3');
    expect(parameterValue({ a: 1 })).toBe('{"a":1}');
    expect(parameterValue(null)).toBe('');
  });

  it('keeps intrinsics for the root stack to resolve, also inside lists', () => {
    expect(parameterValue({ Ref: 'AuthRoleName' })).toEqual({ Ref: 'AuthRoleName' });
    expect(parameterValue({ 'Fn::GetAtt': ['AuthRole', 'Arn'] })).toEqual({ 'Fn::GetAtt': ['AuthRole', 'Arn'] });
    expect(parameterValue({ 'Fn::Sub': '${AWS::Region}' })).toEqual({ 'Fn::Sub': '${AWS::Region}' });
    expect(parameterValue(['a', { Ref: 'UnauthRoleName' }])).toEqual({ 'Fn::Join': [',', ['a', { Ref: 'UnauthRoleName' }]] });
    // Two keys, or a key that is no intrinsic's, is data: it stays JSON text.
    expect(parameterValue({ Ref: 'a', Other: 'b' })).toBe('{"Ref":"a","Other":"b"}');
    expect(parameterValue({ 'Fn:GetAtt': ['a'] })).toBe('{"Fn:GetAtt":["a"]}');
  });

  it('passes the root roles from parameters.json to the nested stack unchanged', () => {
    const template = buildNestedRootTemplate(
      [
        {
          category: 'auth',
          resourceName: 'users',
          templateUrl: 'u',
          parameters: { authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, authRoleName: { Ref: 'AuthRoleName' } },
        },
      ],
      'dev',
    );
    expect(template.Resources.authusers.Properties?.Parameters).toEqual({
      authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
      authRoleName: { Ref: 'AuthRoleName' },
      env: 'dev',
    });
  });
});

describe('the identity pool trust custom resource', () => {
  const auth = { category: 'auth', resourceName: 'users', templateUrl: 'u', parameters: {} };

  it('is added, wired to the auth stack and the root roles, when an identity pool stack is named', () => {
    const template = buildNestedRootTemplate([auth], 'dev', { identityPoolStack: 'authusers' });
    expect(template.Resources.UpdateRolesWithIDPFunctionOutputs.Properties).toMatchObject({
      ServiceToken: { 'Fn::GetAtt': ['UpdateRolesWithIDPFunction', 'Arn'] },
      idpId: { 'Fn::GetAtt': ['authusers', 'Outputs.IdentityPoolId'] },
      authRoleName: { Ref: 'AuthRole' },
      unauthRoleName: { Ref: 'UnauthRole' },
    });
    expect(template.Resources.UpdateRolesWithIDPFunction).toMatchObject({ Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: expect.stringMatching(/^nodejs/) } });
    const policy = (template.Resources.UpdateRolesWithIDPFunctionRole.Properties?.Policies as Array<{ PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown }> } }>)[0];
    // The function may change the two identity roles and nothing else in IAM.
    expect(policy.PolicyDocument.Statement.find((s) => s.Action.includes('iam:UpdateAssumeRolePolicy'))?.Resource).toEqual([
      { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
      { 'Fn::GetAtt': ['UnauthRole', 'Arn'] },
    ]);
  });

  it('is absent without an identity pool', () => {
    const template = buildNestedRootTemplate([auth], 'dev');
    expect(Object.keys(template.Resources).filter((id) => id.startsWith('UpdateRoles'))).toEqual([]);
  });

  it('refuses an identity pool stack that is not in the template', () => {
    expect(() => buildNestedRootTemplate([auth], 'dev', { identityPoolStack: 'authother' })).toThrow(/authother/);
  });
});
