import { crossStackOutputName, functionLogicalId, nestedOutputParameterName, referenceParameterName, roleNamePrefix, ROOT_STACK_ID, uniqueId } from '../cdk-names';

describe("CDK's construct-path ids reproduce the ids observed in the original's templates", () => {
  it.each([
    [['GraphQLAPI', 'TransformerSchema'], 'GraphQLAPITransformerSchema3CB2AE18'],
    [['GraphQLAPI', 'DefaultApiKey'], 'GraphQLAPIDefaultApiKey215A6DD7'],
    [['GraphQLAPI', 'NONE_DS', 'Resource'], 'GraphQLAPINONEDS95A13CF0'],
    [['TodoIAMRole', 'Resource'], 'TodoIAMRole2DA8E66E'],
    [['AmplifyDataStoreIAMRole', 'Resource'], 'AmplifyDataStoreIAMRole8DE05A49'],
    [['DynamoDBAccess', 'Resource'], 'DynamoDBAccess71ABE5AE'],
    [['AuthRolePolicy01', 'Resource'], 'AuthRolePolicy01921FC820'],
    [['UnauthRolePolicy01', 'Resource'], 'UnauthRolePolicy019D4A6CE4'],
    [['GraphQLAPI'], 'GraphQLAPI'],
  ])('%j is %s', (path, id) => {
    expect(uniqueId(path)).toBe(id);
  });

  it('names functions, role names and cross-stack parameters and outputs as observed', () => {
    expect(functionLogicalId('QueryWeatherAuthFN')).toBe('QueryWeatherAuthFNQueryWeatherAuthFNAppSyncFunction945F5825');
    expect(roleNamePrefix('TodoIAMRole')).toBe('TodoIAMRolecfd440');
    expect(referenceParameterName([ROOT_STACK_ID, 'env'], undefined)).toBe('referencetotransformerrootstackenv10C5A902Ref');
    expect(referenceParameterName([ROOT_STACK_ID, 'GraphQLAPI', 'Resource'], 'ApiId')).toBe('referencetotransformerrootstackGraphQLAPI20497F53ApiId');
    expect(referenceParameterName([ROOT_STACK_ID, 'GraphQLAPI', 'NONE_DS', 'Resource'], 'Name')).toBe('referencetotransformerrootstackGraphQLAPINONEDS2BA9D1C8Name');
    expect(referenceParameterName([ROOT_STACK_ID, 'S3DeploymentBucket'], undefined)).toBe('referencetotransformerrootstackS3DeploymentBucket7592718ARef');
    expect(referenceParameterName([ROOT_STACK_ID, 'S3DeploymentRootKey'], undefined)).toBe('referencetotransformerrootstackS3DeploymentRootKeyA71EA735Ref');
    expect(referenceParameterName([ROOT_STACK_ID, 'authRoleName'], undefined)).toBe('referencetotransformerrootstackauthRoleNameFB872D50Ref');
    expect(referenceParameterName([ROOT_STACK_ID, 'unauthRoleName'], undefined)).toBe('referencetotransformerrootstackunauthRoleName49F3C1FERef');
    const dataSourceOutput = crossStackOutputName([ROOT_STACK_ID, 'Post', 'PostDataSource', 'Resource'], 'Name');
    expect(dataSourceOutput).toBe('transformerrootstackPostPostDataSource6998E105Name');
    expect(crossStackOutputName([ROOT_STACK_ID, 'Post', 'PostTable', 'Resource'], undefined)).toBe('transformerrootstackPostPostTable34CAE87BRef');
    expect(crossStackOutputName([ROOT_STACK_ID, 'Article', 'ArticleTable', 'Resource'], 'StreamArn')).toBe('transformerrootstackArticleArticleTable71A36BC1StreamArn');
    expect(nestedOutputParameterName('Post', dataSourceOutput)).toMatch(
      /^referencetotransformerrootstackPostNestedStackPostNestedStackResource[0-9A-F]{8}OutputstransformerrootstackPostPostDataSource6998E105Name$/,
    );
  });
});
