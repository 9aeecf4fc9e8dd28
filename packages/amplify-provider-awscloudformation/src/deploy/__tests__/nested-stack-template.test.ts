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
    expect(Object.keys(template.Resources)).toEqual(['DeploymentBucket', 'DeploymentBucketPolicy', 'AuthRole', 'UnauthRole', 'storageimages', 'storagenotes']);
    expect(template.Resources.storagenotes.Type).toBe('AWS::CloudFormation::Stack');
    expect(template.Resources.storagenotes.Properties?.TemplateURL).toBe('https://s3.amazonaws.com/b/amplify-cfn-templates/storage/notes-cloudformation-template.json');
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
});
