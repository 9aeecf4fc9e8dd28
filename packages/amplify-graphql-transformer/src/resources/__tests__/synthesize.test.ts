import { validateTemplate } from 'amplify-cloudformation-spec';
import { TransformError } from '../../transform-types';
import { synthesizeResources } from '..';
import * as fx from './fixtures/models';

const resourcesOf = (template: Record<string, unknown>) => template.Resources as Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: string[] }>;
const files = (resolvers: Record<string, string>, prefix: string) => Object.keys(resolvers).filter((name) => name.startsWith(prefix)).sort();

describe('file inventory (§7.5)', () => {
  it('writes the 36 files of a model with @auth', () => {
    const { resolvers } = synthesizeResources(fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY));
    const expected = [
      'Query.getTodo.{auth.1.req,postAuth.1.req,req,res}',
      'Query.listTodos.{auth.1.req,postAuth.1.req,req,res}',
      'Mutation.createTodo.{init.1.req,auth.1.req,postAuth.1.req,req,res}',
      'Mutation.updateTodo.{init.1.req,auth.1.req,auth.1.res,postAuth.1.req,req,res}',
      'Mutation.deleteTodo.{auth.1.req,auth.1.res,postAuth.1.req,req,res}',
      ...['onCreateTodo', 'onUpdateTodo', 'onDeleteTodo'].map((name) => `Subscription.${name}.{auth.1.req,postAuth.1.req,req,res}`),
    ].flatMap((pattern) => {
      const [, base, parts] = /^(.*)\.\{(.*)\}$/.exec(pattern)!;
      return parts.split(',').map((part) => `${base}.${part}.vtl`);
    });
    const modelFiles = Object.keys(resolvers).filter((name) => !name.startsWith('Todo.'));
    expect(modelFiles.sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(36);
    // The owner field with the default sub::username claim gets its own resolver.
    expect(files(resolvers, 'Todo.')).toEqual(['Todo.owner.req.vtl', 'Todo.owner.res.vtl']);
  });

  it('leaves out every auth file in sandbox mode without @auth', () => {
    const { resolvers } = synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY));
    expect(Object.keys(resolvers)).toHaveLength(26);
    expect(Object.keys(resolvers).filter((name) => name.includes('.auth.'))).toEqual([]);
  });

  it('adds preAuth key slots, the @default slot and the index query files', () => {
    const { resolvers } = synthesizeResources(fx.customKeyStore(), fx.input(fx.API_KEY_ONLY));
    for (const op of ['Query.getStore', 'Query.listStores', 'Mutation.createStore', 'Mutation.updateStore', 'Mutation.deleteStore']) {
      expect(resolvers[`${op}.preAuth.1.req.vtl`]).toBeDefined();
    }
    for (const op of ['Mutation.createStore', 'Mutation.updateStore', 'Mutation.deleteStore']) expect(resolvers[`${op}.preAuth.2.req.vtl`]).toContain("@index 'byCategory'");
    expect(resolvers['Mutation.createStore.init.2.req.vtl']).toContain('"rating", 3');
    expect(files(resolvers, 'Query.storesByCategoryAndNameAndCity')).toEqual([
      'Query.storesByCategoryAndNameAndCity.postAuth.1.res.vtl',
      'Query.storesByCategoryAndNameAndCity.req.vtl',
      'Query.storesByCategoryAndNameAndCity.res.vtl',
    ]);
  });

  it('writes relational field files, with an auth file only when the related model has @auth', () => {
    const blog = synthesizeResources(fx.blogPostComment(), fx.input(fx.API_KEY_ONLY)).resolvers;
    expect(files(blog, 'Blog.posts')).toEqual(['Blog.posts.req.vtl', 'Blog.posts.res.vtl']);
    expect(files(blog, 'Post.blog')).toEqual(['Post.blog.req.vtl', 'Post.blog.res.vtl']);
    const tags = synthesizeResources(fx.manyToMany(), fx.input(fx.USER_POOLS_AND_API_KEY)).resolvers;
    expect(files(tags, 'Post.tags')).toEqual(['Post.tags.auth.1.req.vtl', 'Post.tags.req.vtl', 'Post.tags.res.vtl']);
    expect(files(tags, 'Query.postTagsByPostId')).toEqual([
      'Query.postTagsByPostId.auth.1.req.vtl',
      'Query.postTagsByPostId.postAuth.1.res.vtl',
      'Query.postTagsByPostId.req.vtl',
      'Query.postTagsByPostId.res.vtl',
    ]);
  });

  it('adds the sync query with DataStore', () => {
    const { resolvers } = synthesizeResources(fx.dataStoreTodo(), fx.input(fx.API_KEY_ONLY));
    expect(files(resolvers, 'Query.syncTodos')).toEqual(['Query.syncTodos.postAuth.1.req.vtl', 'Query.syncTodos.req.vtl', 'Query.syncTodos.res.vtl']);
  });
});

describe('root stack (§5)', () => {
  it('declares the parameters in order and only when needed', () => {
    const { rootStack } = synthesizeResources(fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY));
    expect(Object.keys(rootStack.Parameters as object)).toEqual([
      'env',
      'AppSyncApiName',
      'AuthCognitoUserPoolId',
      'DynamoDBModelTableReadIOPS',
      'DynamoDBModelTableWriteIOPS',
      'DynamoDBBillingMode',
      'DynamoDBEnablePointInTimeRecovery',
      'DynamoDBEnableServerSideEncryption',
      'S3DeploymentBucket',
      'S3DeploymentRootKey',
    ]);
    const iam = synthesizeResources(fx.functionAndHttp(), fx.input(fx.IAM_AND_API_KEY)).rootStack;
    expect(Object.keys(iam.Parameters as object)).toEqual(['env', 'AppSyncApiName', 'authRoleName', 'unauthRoleName', 'S3DeploymentBucket', 'S3DeploymentRootKey']);
  });

  it('uses the observed logical ids and the API key expiry counted from the compile time', () => {
    const { rootStack } = synthesizeResources(fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY));
    const resources = resourcesOf(rootStack);
    expect(Object.keys(resources)).toEqual(['GraphQLAPI', 'GraphQLAPITransformerSchema3CB2AE18', 'GraphQLAPIDefaultApiKey215A6DD7', 'GraphQLAPINONEDS95A13CF0', 'Todo']);
    expect(resources.GraphQLAPIDefaultApiKey215A6DD7.Properties.Expires).toBe(fx.NOW.getTime() / 1000 + 30 * 86400);
    expect(resources.GraphQLAPI.Properties).toMatchObject({
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'API_KEY' }],
      UserPoolConfig: { AwsRegion: { Ref: 'AWS::Region' }, DefaultAction: 'ALLOW', UserPoolId: { Ref: 'AuthCognitoUserPoolId' } },
    });
    expect(Object.keys(rootStack.Outputs as object)).toEqual(['GraphQLAPIKeyOutput', 'GraphQLAPIIdOutput', 'GraphQLAPIEndpointOutput']);
    expect(resources.Todo.DependsOn).toEqual(['GraphQLAPITransformerSchema3CB2AE18']);
    expect(Object.keys(resources.Todo.Properties.Parameters)).toEqual([
      'DynamoDBModelTableReadIOPS',
      'DynamoDBModelTableWriteIOPS',
      'DynamoDBBillingMode',
      'DynamoDBEnablePointInTimeRecovery',
      'DynamoDBEnableServerSideEncryption',
      'referencetotransformerrootstackenv10C5A902Ref',
      'referencetotransformerrootstackGraphQLAPI20497F53ApiId',
      'referencetotransformerrootstackGraphQLAPINONEDS2BA9D1C8Name',
      'referencetotransformerrootstackS3DeploymentBucket7592718ARef',
      'referencetotransformerrootstackS3DeploymentRootKeyA71EA735Ref',
    ]);
  });

  it('refuses an API key expiry outside 1..365 days and leaves the key out when CreateAPIKey is 0', () => {
    const auth = (days: number) => ({ ...fx.API_KEY_ONLY, defaultAuthentication: { authenticationType: 'API_KEY' as const, apiKeyConfig: { apiKeyExpirationDays: days } } });
    expect(() => synthesizeResources(fx.sandboxTodo(), fx.input(auth(366)))).toThrow(new TransformError('API key expiration must be between 1 and 365 days.'));
    expect(() => synthesizeResources(fx.sandboxTodo(), fx.input(auth(0)))).toThrow(TransformError);
    const { rootStack } = synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { parameters: { CreateAPIKey: 0 } }));
    expect(Object.keys(resourcesOf(rootStack))).not.toContain('GraphQLAPIDefaultApiKey215A6DD7');
    expect(Object.keys(rootStack.Outputs as object)).not.toContain('GraphQLAPIKeyOutput');
  });

  it('grants IAM roles appsync:GraphQL on the fields their rules cover', () => {
    const { rootStack } = synthesizeResources(fx.functionAndHttp(), fx.input(fx.IAM_AND_API_KEY));
    const policy = resourcesOf(rootStack).AuthRolePolicy01921FC820;
    expect(policy.Type).toBe('AWS::IAM::ManagedPolicy');
    expect(policy.Properties.Roles).toEqual([{ Ref: 'authRoleName' }]);
    expect(policy.Properties.PolicyDocument.Statement[0].Resource).toEqual([
      { 'Fn::Sub': ['arn:aws:appsync:${AWS::Region}:${AWS::AccountId}:apis/${apiId}/types/Query/fields/echo', { apiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } }] },
    ]);
    expect(resourcesOf(rootStack).UnauthRolePolicy019D4A6CE4).toBeUndefined();
  });

  it('splits IAM grants over several managed policies before one grows past the size limit', () => {
    const api = fx.sandboxTodo();
    api.authProviders = ['apiKey', 'iam'];
    api.models = Array.from({ length: 40 }, (_, index) =>
      fx.model(`Entity${index}`, [fx.field('name', 'String')], { auth: [{ allow: 'private', provider: 'iam', operations: ['get', 'list'] }] }),
    );
    const resources = resourcesOf(synthesizeResources(api, fx.input(fx.IAM_AND_API_KEY)).rootStack);
    const policies = Object.keys(resources).filter((id) => id.startsWith('AuthRolePolicy'));
    expect(policies.slice(0, 2)).toEqual(['AuthRolePolicy01921FC820', expect.stringMatching(/^AuthRolePolicy02[0-9A-F]{8}$/)]);
    const granted = policies.flatMap((id) => resources[id].Properties.PolicyDocument.Statement[0].Resource);
    expect(granted).toHaveLength(40 * 10);
    for (const id of policies) {
      const arns = resources[id].Properties.PolicyDocument.Statement[0].Resource.map((resource: { 'Fn::Sub': [string] }) =>
        resource['Fn::Sub'][0].replace('${AWS::Region}', 'ap-southeast-2').replace('${AWS::AccountId}', '123456789012').replace('${apiId}', 'x'.repeat(26)),
      );
      expect(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'appsync:GraphQL', Resource: arns }] }).length).toBeLessThanOrEqual(6144);
    }
  });

  it('adds the DataStore table, role and policy under their observed ids', () => {
    const { rootStack, stacks } = synthesizeResources(fx.dataStoreTodo(), fx.input(fx.API_KEY_ONLY));
    expect(Object.keys(resourcesOf(rootStack))).toEqual(expect.arrayContaining(['DataStore', 'AmplifyDataStoreIAMRole8DE05A49', 'DynamoDBAccess71ABE5AE']));
    const todo = resourcesOf(stacks.Todo);
    expect(todo.TodoTable.Properties.TimeToLiveSpecification).toEqual({ AttributeName: '_ttl', Enabled: true });
    expect(todo.TodoDataSource.Properties.DynamoDBConfig).toMatchObject({ Versioned: true, DeltaSyncConfig: { BaseTableTTL: '43200', DeltaSyncTableTTL: '30' } });
    const dataFunction = Object.values(todo).find((resource) => resource.Properties.Name === 'QueryGetTodoDataResolverFn');
    expect(dataFunction?.Properties.SyncConfig).toEqual({ ConflictDetection: 'VERSION', ConflictHandler: 'AUTOMERGE' });
  });
});

describe('DataStore with a Lambda conflict handler', () => {
  it('points the data functions at the handler of the environment', () => {
    const api = fx.dataStoreTodo();
    api.models[0].conflictResolution = { ConflictHandler: 'LAMBDA', ConflictDetection: 'VERSION', LambdaConflictHandler: { name: 'syncConflictHandler1a2b3c4d-${env}' } };
    const { stacks } = synthesizeResources(api, fx.input(fx.API_KEY_ONLY));
    const dataFunction = Object.values(resourcesOf(stacks.Todo)).find((resource) => resource.Properties.Name === 'MutationCreateTodoDataResolverFn');
    expect(dataFunction?.Properties.SyncConfig).toEqual({
      ConflictDetection: 'VERSION',
      ConflictHandler: 'LAMBDA',
      LambdaConflictHandlerConfig: {
        LambdaConflictHandlerArn: {
          'Fn::Sub': [
            'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:syncConflictHandler1a2b3c4d-${env}',
            { env: { Ref: 'referencetotransformerrootstackenv10C5A902Ref' } },
          ],
        },
      },
    });
    expect(validateTemplate(stacks.Todo)).toEqual([]);
  });
});

describe('DataStore over relations', () => {
  it('gives relational data functions the sync config of the model they read', () => {
    const { stacks } = synthesizeResources(fx.dataStoreBlog(), fx.input(fx.API_KEY_ONLY));
    const connection = resourcesOf(stacks.ConnectionStack);
    const posts = Object.values(connection).find((resource) => resource.Properties.Name === 'BlogPostsDataResolverFn');
    expect(posts?.Properties.SyncConfig).toEqual({ ConflictDetection: 'VERSION', ConflictHandler: 'OPTIMISTIC_CONCURRENCY' });
  });
});

describe('model stack (§6.2, §6.3)', () => {
  it('creates the table, role, policy and data source with least-privilege access', () => {
    const { stacks } = synthesizeResources(fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY));
    const todo = stacks.Todo;
    expect(Object.keys(todo)).toEqual(['Parameters', 'Conditions', 'Resources', 'Outputs']);
    const resources = resourcesOf(todo);
    expect(Object.keys(resources).slice(0, 4)).toEqual(['TodoTable', 'TodoIAMRole2DA8E66E', 'TodoIAMRoleDefaultPolicy7BBBF45B', 'TodoDataSource']);
    expect(resources.TodoTable.Properties.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(resources.TodoDataSource.Properties.Name).toBe('TodoTable');
    const role = resources.TodoIAMRole2DA8E66E.Properties;
    expect(role.RoleName).toEqual({ 'Fn::Join': ['', ['TodoIAMRolecfd440-', { Ref: 'referencetotransformerrootstackGraphQLAPI20497F53ApiId' }, '-', { Ref: 'referencetotransformerrootstackenv10C5A902Ref' }]] });
    const statements = [...role.Policies[0].PolicyDocument.Statement, ...resources.TodoIAMRoleDefaultPolicy7BBBF45B.Properties.PolicyDocument.Statement];
    for (const statement of statements) {
      expect(statement.Action).toHaveLength(12);
      expect(statement.Action.every((action: string) => action.startsWith('dynamodb:') && !action.includes('*'))).toBe(true);
      expect(statement.Resource).not.toContain('*');
    }
    expect(Object.keys(todo.Outputs as object)).toEqual(['GetAttTodoTableStreamArn', 'GetAttTodoTableName', 'GetAttTodoDataSourceName']);
  });

  it('keys tables and GSIs by primary key, composite sort keys and indexes', () => {
    const { stacks } = synthesizeResources(fx.customKeyStore(), fx.input(fx.API_KEY_ONLY));
    const table = resourcesOf(stacks.Store).StoreTable.Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: 'storeId', KeyType: 'HASH' },
      { AttributeName: 'city', KeyType: 'RANGE' },
    ]);
    expect(table.GlobalSecondaryIndexes[0]).toMatchObject({
      IndexName: 'byCategory',
      KeySchema: [
        { AttributeName: 'category', KeyType: 'HASH' },
        { AttributeName: 'name#city', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    expect(table.AttributeDefinitions).toEqual([
      { AttributeName: 'storeId', AttributeType: 'S' },
      { AttributeName: 'city', AttributeType: 'S' },
      { AttributeName: 'category', AttributeType: 'S' },
      { AttributeName: 'name#city', AttributeType: 'S' },
    ]);
  });
});

describe('pipelines (§7)', () => {
  const functionsOf = (resolver: { Properties: Record<string, any> }) => resolver.Properties.PipelineConfig.Functions;

  it('shares identical functions across resolvers and stacks, unless deduping is disabled', () => {
    const { stacks, rootStack } = synthesizeResources(fx.blogPostComment(), fx.input(fx.API_KEY_ONLY));
    const blog = resourcesOf(stacks.Blog);
    const postAuth = 'QuerygetBlogpostAuth0FunctionQuerygetBlogpostAuth0FunctionAppSyncFunction';
    const postAuthIds = Object.keys(blog).filter((id) => id.startsWith(postAuth));
    expect(postAuthIds).toHaveLength(1);
    expect(functionsOf(blog.ListBlogResolver)[0]).toEqual({ 'Fn::GetAtt': [postAuthIds[0], 'FunctionId'] });
    // The Post stack reuses the Blog stack's postAuth function through an output and a parameter.
    const post = resourcesOf(stacks.Post);
    const reused = functionsOf(post.GetPostResolver)[0];
    expect(reused.Ref).toMatch(/^referencetotransformerrootstackBlogNestedStackBlogNestedStackResource[0-9A-F]{8}OutputstransformerrootstackBlogQuerygetBlogpostAuth0Function/);
    expect(resourcesOf(rootStack).Post.DependsOn).toEqual(['GraphQLAPITransformerSchema3CB2AE18', 'Blog']);
    const undeduped = synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { transformConfig: { DisableResolverDeduping: true } }));
    expect(Object.values(resourcesOf(undeduped.stacks.Todo)).map((resource) => resource.Properties.Name)).toContain('MutationcreateTodopostAuth0Function');
  });

  it('orders slots around the data function and stashes the resolver context inline', () => {
    const { stacks } = synthesizeResources(fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY, { adminRoles: ['fn-dev'], identityPoolId: 'us-east-1:pool' }));
    const resources = resourcesOf(stacks.Todo);
    const names = functionsOf(resources.UpdateTodoResolver).map((fn: { 'Fn::GetAtt': [string] }) => resources[fn['Fn::GetAtt'][0]].Properties.Name);
    // postAuth is the same template for every Todo resolver, so the get resolver's function serves them all.
    expect(names).toEqual(['MutationupdateTodoinit0Function', 'MutationupdateTodoauth0Function', 'QuerygetTodopostAuth0Function', 'MutationUpdateTodoDataResolverFn']);
    const authFunction = Object.values(resources).find((resource) => resource.Properties.Name === 'MutationupdateTodoauth0Function')!;
    expect(authFunction.Properties.DataSourceName).toEqual({ 'Fn::GetAtt': ['TodoDataSource', 'Name'] });
    const inline = JSON.stringify(resources.GetTodoResolver.Properties.RequestMappingTemplate);
    for (const part of ['typeName', 'fieldName', 'conditions', 'metadata', 'dataSourceType', 'apiId', 'connectionAttributes', 'tableName', 'identityPoolId', 'adminRoles']) {
      expect(inline).toContain(`\\"${part}\\"`);
    }
    expect(inline).toContain('[\\"fn-dev\\"]');
  });

  it('moves a resolver and its functions to the stack StackMapping names', () => {
    const { stacks, rootStack } = synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { transformConfig: { StackMapping: { GetTodoResolver: 'MyCustomStack' } } }));
    expect(resourcesOf(stacks.MyCustomStack).GetTodoResolver).toBeDefined();
    expect(resourcesOf(stacks.Todo).GetTodoResolver).toBeUndefined();
    expect(resourcesOf(rootStack).MyCustomStack.Type).toBe('AWS::CloudFormation::Stack');
  });

  it('puts @function and @http fields in their stacks', () => {
    const { stacks, rootStack, resolvers } = synthesizeResources(fx.functionAndHttp(), fx.input(fx.IAM_AND_API_KEY));
    const functions = resourcesOf(stacks.FunctionDirectiveStack);
    expect(functions.EchofnLambdaDataSource.Properties).toMatchObject({ Name: 'EchofnLambdaDataSource', Type: 'AWS_LAMBDA' });
    expect(Object.keys(functions).some((id) => /^EchofnLambdaDataSourceServiceRole[0-9A-F]{8}$/.test(id))).toBe(true);
    expect(functions.QueryechoResolver).toBeDefined();
    expect(Object.keys(resourcesOf(rootStack)).some((id) => id.startsWith('QueryEchoAuthFNQueryEchoAuthFNAppSyncFunction'))).toBe(true);
    const http = resourcesOf(stacks.HttpStack);
    expect(http.httpsapiexamplecomDataSource.Properties.HttpConfig).toEqual({ Endpoint: 'https://api.example.com' });
    expect(http.QueryweatherResolver).toBeDefined();
    expect(Object.keys(resolvers)).toEqual(
      expect.arrayContaining([
        'InvokeEchofnLambdaDataSource.req.vtl',
        'Query.echo.auth.req.vtl',
        'Query.echo.res.vtl',
        'Query.weather.DataResolver.req.vtl',
        'Query.weather.DataResolver.res.vtl',
        'Query.weather.res.vtl',
      ]),
    );
    expect(resolvers['Query.weather.DataResolver.req.vtl']).toContain('"resourcePath": "/weather/${ctx.args.params.city}"');
  });
});

describe('user overrides (§13.1)', () => {
  it('replaces generated files and inserts slot functions', () => {
    const userResolvers = {
      'Query.getTodo.req.vtl': '## mine\n$util.toJson({})',
      'Query.getTodo.preAuth.1.req.vtl': '## pre\n$util.toJson({})',
      'Query.getTodo.postDataLoad.1.res.vtl': '$util.toJson($ctx.prev.result)',
      'Query.hello.req.vtl': 'custom',
    };
    const { resolvers, stacks } = synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { userResolvers }));
    expect(resolvers['Query.getTodo.req.vtl']).toBe('## mine\n$util.toJson({})');
    expect(resolvers['Query.hello.req.vtl']).toBe('custom');
    const resources = resourcesOf(stacks.Todo);
    const names = resources.GetTodoResolver.Properties.PipelineConfig.Functions.map((fn: { 'Fn::GetAtt': [string] }) => resources[fn['Fn::GetAtt'][0]].Properties.Name);
    expect(names).toEqual(['QuerygetTodopreAuth0Function', 'QuerygetTodopostAuth0Function', 'QueryGetTodoDataResolverFn', 'QuerygetTodopostDataLoad0Function']);
    const postDataLoad = Object.values(resources).find((resource) => resource.Properties.Name === 'QuerygetTodopostDataLoad0Function')!;
    expect(postDataLoad.Properties.RequestMappingTemplate).toBe('$util.toJson({})');
  });

  it('refuses a slot the operation does not have', () => {
    const userResolvers = { 'Mutation.createTodo.postDataLoad.1.req.vtl': '{}' };
    expect(() => synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { userResolvers }))).toThrow(new TransformError('Resolver is missing slot postDataLoad'));
  });
});

describe('user stacks (§6.8)', () => {
  const custom = JSON.stringify({
    Parameters: { AppSyncApiId: { Type: 'String' }, env: { Type: 'String', Default: 'NONE' }, extra: { Type: 'String', Default: 'x' } },
    Resources: {},
  });

  it('nests them, feeding declared parameters and hoisting new ones', () => {
    const { rootStack, stacks } = synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { userStacks: { 'CustomResources.json': custom } }));
    const nested = resourcesOf(rootStack).CustomResourcesjson;
    expect(nested.Properties.Parameters).toEqual({ AppSyncApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] }, env: { Ref: 'env' }, extra: { Ref: 'extra' } });
    expect(nested.DependsOn).toEqual(['GraphQLAPI', 'GraphQLAPITransformerSchema3CB2AE18', 'Todo']);
    expect((rootStack.Parameters as Record<string, unknown>).extra).toEqual({ Type: 'String', Default: 'x' });
    expect(stacks.CustomResources).toEqual(JSON.parse(custom));
  });

  it.each([
    ['a.yaml', 'x', 'Yaml is not yet supported. Please convert the CloudFormation stack a.yaml to json.'],
    ['a.txt', 'x', 'Invalid extension .txt for stack a.txt'],
    ['a.json', '{', 'The CloudFormation template a.json does not contain valid JSON.'],
    ['Todo.json', '{}', 'You cannot provide a stack named Todo as it will be overwritten by a stack generated by the GraphQL Transform.'],
  ])('refuses %s', (fileName, text, message) => {
    expect(() => synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { userStacks: { [fileName]: text } }))).toThrow(new TransformError(message));
  });

  it('refuses two stacks defining one new parameter differently', () => {
    const other = JSON.stringify({ Parameters: { extra: { Type: 'Number' } }, Resources: {} });
    expect(() => synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY, { userStacks: { 'A.json': custom, 'B.json': other } }))).toThrow(
      new TransformError('Cannot redefine CloudFormation parameter extra in stack B.json.'),
    );
  });
});

describe('more configurations', () => {
  it('keeps the @mapsTo original table in a stack of its own, with the resolvers in the model stack', () => {
    const { stacks, rootStack } = synthesizeResources(fx.mappedTask(), fx.input(fx.API_KEY_ONLY));
    expect(resourcesOf(stacks.Todo).TodoTable.Properties.TableName).toEqual({
      'Fn::Join': ['', ['Todo-', { Ref: 'referencetotransformerrootstackGraphQLAPI20497F53ApiId' }, '-', { Ref: 'referencetotransformerrootstackenv10C5A902Ref' }]],
    });
    expect(resourcesOf(stacks.Task).GetTaskResolver).toBeDefined();
    expect(resourcesOf(stacks.Task).TaskTable).toBeUndefined();
    expect(resourcesOf(rootStack).Task.DependsOn).toContain('Todo');
  });

  it('configures OIDC and Lambda providers', () => {
    const authConfig = {
      defaultAuthentication: {
        authenticationType: 'OPENID_CONNECT' as const,
        openIDConnectConfig: { name: 'idp', issuerUrl: 'https://idp.example.com/', clientId: 'c1', authTTL: '1000', iatTTL: '2000' },
      },
      additionalAuthenticationProviders: [{ authenticationType: 'AWS_LAMBDA' as const, lambdaAuthorizerConfig: { lambdaFunction: 'authfn', ttlSeconds: '60' } }],
    };
    const { rootStack } = synthesizeResources(fx.sandboxTodo(), fx.input(authConfig));
    expect(resourcesOf(rootStack).GraphQLAPI.Properties).toMatchObject({
      AuthenticationType: 'OPENID_CONNECT',
      OpenIDConnectConfig: { AuthTTL: 1000, ClientId: 'c1', IatTTL: 2000, Issuer: 'https://idp.example.com/' },
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_LAMBDA', LambdaAuthorizerConfig: { AuthorizerResultTtlInSeconds: 60, IdentityValidationExpression: '' } }],
    });
  });

  it('grants the unauth role for public IAM rules and stashes the role ARNs', () => {
    const api = fx.sandboxTodo();
    api.authProviders = ['apiKey', 'iam'];
    api.models[0].auth = [{ allow: 'public', provider: 'iam', operations: ['get', 'list'] }];
    const { rootStack, stacks } = synthesizeResources(api, fx.input(fx.IAM_AND_API_KEY));
    const policy = resourcesOf(rootStack).UnauthRolePolicy019D4A6CE4;
    expect(policy.Properties.Roles).toEqual([{ Ref: 'unauthRoleName' }]);
    // Every operation field is listed; the resolvers enforce which operations the rule allows.
    expect(policy.Properties.PolicyDocument.Statement[0].Resource).toHaveLength(10);
    const inline = JSON.stringify(resourcesOf(stacks.Todo).GetTodoResolver.Properties.RequestMappingTemplate);
    expect(inline).toContain('referencetotransformerrootstackunauthRoleName49F3C1FERef');
    expect(inline).toContain('/CognitoIdentityCredentials');
  });

  it('reads ${env} of an @http URL path from the stash the resolver fills', () => {
    const api = fx.functionAndHttp();
    api.customFields[1].http!.url = 'https://api.example.com/${env}/weather/:city';
    const { stacks, resolvers } = synthesizeResources(api, fx.input(fx.IAM_AND_API_KEY));
    expect(resolvers['Query.weather.DataResolver.req.vtl']).toContain('"resourcePath": "/${ctx.stash.env}/weather/${ctx.args.params.city}"');
    expect(JSON.stringify(resourcesOf(stacks.HttpStack).QueryweatherResolver.Properties.RequestMappingTemplate)).toContain('\\"env\\"');
  });
});
