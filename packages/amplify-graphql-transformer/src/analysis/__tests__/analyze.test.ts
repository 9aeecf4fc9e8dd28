import { analyzeSchema } from '..';
import type { ModelDefinition } from '../../model/api-model';
import { API_KEY, IAM, schemaInput, USER_POOLS } from './helpers';
import type { InputOptions } from './helpers';

const analyze = (schema: string, options?: InputOptions) => analyzeSchema(schemaInput(schema, options));
const modelNamed = (models: ModelDefinition[], name: string): ModelDefinition => {
  const found = models.find((model) => model.name === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
};

describe('auth providers and sandbox', () => {
  test('providers come from authConfig, default first, identity pool read as iam', () => {
    expect(analyze('type T @model { id: ID! }', { modes: [USER_POOLS, API_KEY, IAM] }).model.authProviders).toEqual(['userPools', 'apiKey', 'iam']);
  });

  test('input AMPLIFY turns the sandbox on, is taken out of the document, and warns when an API key exists', () => {
    const { model, document, warnings } = analyze('input AMPLIFY { globalAuthRule: AuthRule = { allow: public } }\ntype T @model { id: ID! }');
    expect(model.sandbox).toBe(true);
    expect(document.definitions).toHaveLength(1);
    expect(warnings).toEqual([
      '⚠️  WARNING: Some types do not have authorization rules configured. That means all create, read, update, and delete operations are denied on these types:\n\t - T\nLearn more about "@auth" authorization rules here: https://docs.amplify.aws/cli/graphql/authorization-rules',
      '⚠️  WARNING: your GraphQL API currently allows public create, read, update, and delete access to all models via an API Key. To configure PRODUCTION-READY authorization rules, review: https://docs.amplify.aws/cli/graphql/authorization-rules',
    ]);
  });

  test('the snake_case field name is read too; without the input there is no sandbox', () => {
    expect(analyze('input AMPLIFY { global_auth_rule: AuthRule = { allow: public } } type T @model { id: ID! }').model.sandbox).toBe(true);
    expect(analyze('type T @model { id: ID! }').model.sandbox).toBe(false);
  });
});

describe('models', () => {
  test('fields in output order with what the transformer added', () => {
    const { model } = analyze('type Blog @model { id: ID! posts: [Post] @hasMany } type Post @model { title: String blog: Blog @belongsTo }');
    const post = modelNamed(model.models, 'Post');
    expect(post.fields.map((field) => [field.name, field.added ?? 'user', field.kind])).toEqual([
      ['title', 'user', 'scalar'],
      ['blog', 'user', 'model'],
      ['id', 'user', 'scalar'],
      ['createdAt', 'timestamp', 'scalar'],
      ['updatedAt', 'timestamp', 'scalar'],
      ['blogPostsId', 'foreignKey', 'scalar'],
    ]);
    expect(post.pluralName).toBe('Posts');
    expect(post.operations).toEqual({
      get: 'getPost',
      list: 'listPosts',
      create: 'createPost',
      update: 'updatePost',
      delete: 'deletePost',
      subscriptions: { level: 'on', onCreate: ['onCreatePost'], onUpdate: ['onUpdatePost'], onDelete: ['onDeletePost'] },
    });
  });

  test('relations: FK lookups, the gsi-<Parent>.<field> index, reuse by @belongsTo', () => {
    const { model } = analyze(`
      type Blog @model { id: ID! posts: [Post] @hasMany }
      type Post @model { id: ID! blog: Blog @belongsTo }
      type Customer @model { id: ID! profile: Profile @hasOne }
      type Profile @model { id: ID! }
    `);
    expect(modelNamed(model.models, 'Blog').relations).toEqual([
      {
        field: 'posts',
        kind: 'hasMany',
        relatedModel: 'Post',
        lookup: { indexName: 'gsi-Blog.posts', keyFields: ['blogPostsId'], sourceFields: ['id'] },
        limit: 100,
        foreignKeyFields: ['blogPostsId'],
      },
    ]);
    expect(modelNamed(model.models, 'Post').indexes).toEqual([
      { name: 'gsi-Blog.posts', partitionKey: 'blogPostsId', sortKeyFields: [], origin: 'hasMany' },
    ]);
    expect(modelNamed(model.models, 'Post').relations).toEqual([
      { field: 'blog', kind: 'belongsTo', relatedModel: 'Blog', lookup: { keyFields: ['id'], sourceFields: ['blogPostsId'] } },
    ]);
    expect(modelNamed(model.models, 'Customer').relations).toEqual([
      {
        field: 'profile',
        kind: 'hasOne',
        relatedModel: 'Profile',
        lookup: { keyFields: ['id'], sourceFields: ['customerProfileId'] },
        foreignKeyFields: ['customerProfileId'],
      },
    ]);
  });

  test('a composite parent key gives one FK per key field and a composite GSI', () => {
    const { model } = analyze(
      'type Store @model { storeId: ID! @primaryKey(sortKeyFields: ["city"]) city: String! products: [Product] @hasMany } type Product @model { id: ID! }',
    );
    expect(modelNamed(model.models, 'Product').indexes).toEqual([
      { name: 'gsi-Store.products', partitionKey: 'storeProductsStoreId', sortKeyFields: ['storeProductsCity'], origin: 'hasMany' },
    ]);
    expect(modelNamed(model.models, 'Store').primaryKey).toEqual({ partitionKey: 'storeId', sortKeyFields: ['city'] });
  });

  test('a hasMany over a named index looks up through it', () => {
    const { model } = analyze(`
      type Post @model { id: ID! comments: [Comment] @hasMany(indexName: "byPost", fields: ["id"], limit: 50) }
      type Comment @model { id: ID! postID: ID! @index(name: "byPost", sortKeyFields: ["content"]) content: String! }
    `);
    expect(modelNamed(model.models, 'Post').relations[0]).toEqual({
      field: 'comments',
      kind: 'hasMany',
      relatedModel: 'Comment',
      lookup: { indexName: 'byPost', keyFields: ['postID'], sourceFields: ['id'] },
      limit: 50,
    });
    expect(modelNamed(model.models, 'Comment').indexes).toEqual([
      { name: 'byPost', partitionKey: 'postID', sortKeyFields: ['content'], queryField: 'commentsByPostIDAndContent', origin: 'index' },
    ]);
  });

  test('@manyToMany: a generated join model with by<Model> indexes and the union of both sides\' rules', () => {
    const { model } = analyze(
      `type Post @model @auth(rules: [{ allow: public, operations: [read] }, { allow: owner }]) { id: ID! tags: [Tag] @manyToMany(relationName: "PostTags") }
       type Tag @model @auth(rules: [{ allow: public, operations: [read] }]) { id: ID! posts: [Post] @manyToMany(relationName: "PostTags") }`,
      { modes: [API_KEY, USER_POOLS] },
    );
    const join = modelNamed(model.models, 'PostTags');
    expect(model.models.map((candidate) => candidate.name)).toEqual(['Post', 'Tag', 'PostTags']);
    expect(join.generated).toBe(true);
    expect(join.fields.map((field) => field.name)).toEqual(['id', 'postId', 'tagId', 'post', 'tag', 'createdAt', 'updatedAt', 'owner']);
    expect(join.indexes.map((index) => [index.name, index.partitionKey, index.queryField])).toEqual([
      ['byPost', 'postId', 'postTagsByPostId'],
      ['byTag', 'tagId', 'postTagsByTagId'],
    ]);
    expect(join.auth.map((rule) => `${rule.allow}:${rule.provider}`)).toEqual(['public:apiKey', 'owner:userPools']);
    expect(modelNamed(model.models, 'Post').relations[0]).toEqual({
      field: 'tags',
      kind: 'manyToMany',
      relatedModel: 'Tag',
      joinModel: 'PostTags',
      lookup: { indexName: 'byPost', keyFields: ['postId'], sourceFields: ['id'] },
      limit: 100,
    });
    expect(join.relations.map((relation) => [relation.field, relation.kind, relation.lookup.sourceFields])).toEqual([
      ['post', 'hasOne', ['postId']],
      ['tag', 'hasOne', ['tagId']],
    ]);
  });

  test('@default values are typed as their fields', () => {
    const { model } = analyze(
      'type T @model { id: ID! n: Int @default(value: "3") f: Float @default(value: "1.5") b: Boolean @default(value: "true") s: S @default(value: "A") d: AWSDate @default(value: "2024-01-02") } enum S { A }',
    );
    expect(model.models[0].defaults).toEqual([
      { field: 'n', value: 3 },
      { field: 'f', value: 1.5 },
      { field: 'b', value: true },
      { field: 's', value: 'A' },
      { field: 'd', value: '2024-01-02' },
    ]);
  });

  test('@mapsTo keeps the original table name', () => {
    expect(analyze('type Article @model @mapsTo(name: "Post") { id: ID! }').model.models[0].originalName).toBe('Post');
  });

  test('subscription level public keeps the default names', () => {
    expect(analyze('type T @model(subscriptions: { level: public }) { id: ID! }').model.models[0].operations.subscriptions).toEqual({
      level: 'public',
      onCreate: ['onCreateT'],
      onUpdate: ['onUpdateT'],
      onDelete: ['onDeleteT'],
    });
  });
});

describe('@auth normalisation', () => {
  test('providers default per strategy, read expands, owner and group claims default', () => {
    const { model } = analyze(
      'type T @model @auth(rules: [{ allow: owner }, { allow: groups, groups: ["Admin"] }, { allow: private, operations: [read] }, { allow: public, provider: identityPool }]) { id: ID! }',
      { modes: [USER_POOLS, IAM] },
    );
    expect(model.models[0].auth).toEqual([
      {
        allow: 'owner',
        provider: 'userPools',
        operations: ['create', 'update', 'delete', 'get', 'list', 'listen', 'search', 'sync'],
        ownerField: 'owner',
        ownerFieldIsList: false,
        identityClaim: 'sub::username',
      },
      {
        allow: 'groups',
        provider: 'userPools',
        operations: ['create', 'update', 'delete', 'get', 'list', 'listen', 'search', 'sync'],
        groups: ['Admin'],
        groupClaim: 'cognito:groups',
      },
      { allow: 'private', provider: 'userPools', operations: ['get', 'list', 'listen', 'search', 'sync'] },
      { allow: 'public', provider: 'iam', operations: ['create', 'update', 'delete', 'get', 'list', 'listen', 'search', 'sync'] },
    ]);
  });

  test('usesubusernamefordefaultidentityclaim=false keeps username; list owner fields are recognised', () => {
    const { model } = analyze('type T @model @auth(rules: [{ allow: owner, ownerField: "editors" }]) { id: ID! editors: [String] }', {
      modes: [USER_POOLS],
      flags: { usesubusernamefordefaultidentityclaim: false },
    });
    expect(model.models[0].auth[0]).toMatchObject({ ownerField: 'editors', ownerFieldIsList: true, identityClaim: 'username' });
    expect(model.models[0].fields.some((field) => field.added === 'owner')).toBe(false);
  });

  test('field-level rules are kept on their field', () => {
    const { model } = analyze('type T @model @auth(rules: [{ allow: owner }]) { id: ID! secret: String @auth(rules: [{ allow: owner, operations: [read] }]) }', {
      modes: [USER_POOLS],
    });
    expect(model.models[0].fields.find((field) => field.name === 'secret')!.auth).toEqual([
      {
        allow: 'owner',
        provider: 'userPools',
        operations: ['get', 'list', 'listen', 'search', 'sync'],
        ownerField: 'owner',
        ownerFieldIsList: false,
        identityClaim: 'sub::username',
      },
    ]);
  });
});

describe('custom fields', () => {
  test('@function and @http fields, with their arguments regrouped', () => {
    const { model } = analyze(`type Query {
      echo(msg: String): String @function(name: "echofn-\${env}") @function(name: "second", region: "us-west-2")
      weather(city: String!, units: String!): String @http(url: "https://api.example.com/:city/weather", headers: [{ key: "X-A", value: "1" }])
    }`);
    expect(model.customFields).toEqual([
      { typeName: 'Query', fieldName: 'echo', functions: [{ name: 'echofn-${env}' }, { name: 'second', region: 'us-west-2' }] },
      {
        typeName: 'Query',
        fieldName: 'weather',
        functions: [],
        http: {
          method: 'GET',
          url: 'https://api.example.com/:city/weather',
          headers: [{ key: 'X-A', value: '1' }],
          pathParams: ['city'],
          hasQuery: true,
          hasBody: false,
          requiredArgs: ['units'],
        },
      },
    ]);
  });
});

test('a model field resolved by @function is a custom field; its @auth stays on the model field', () => {
  const { model } = analyze(
    'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! summary: String @function(name: "summarize") @auth(rules: [{ allow: owner, operations: [read] }]) }',
    { modes: [USER_POOLS] },
  );
  expect(model.customFields).toEqual([{ typeName: 'Post', fieldName: 'summary', functions: [{ name: 'summarize' }] }]);
  expect(model.models[0].fields.find((field) => field.name === 'summary')!.auth).toHaveLength(1);
});

describe('DataStore', () => {
  test('per-model conflict handlers win over the project one; every model gets a sync query', () => {
    const input = schemaInput('type A @model { id: ID! } type B @model { id: ID! }');
    input.transformConfig = {
      ResolverConfig: {
        project: { ConflictHandler: 'AUTOMERGE', ConflictDetection: 'VERSION' },
        models: { B: { ConflictHandler: 'OPTIMISTIC_CONCURRENCY', ConflictDetection: 'VERSION' } },
      },
    };
    const { model } = analyzeSchema(input);
    expect(model.conflictResolution).toEqual({ ConflictHandler: 'AUTOMERGE', ConflictDetection: 'VERSION' });
    expect(model.models.map((candidate) => [candidate.operations.sync, candidate.conflictResolution?.ConflictHandler])).toEqual([
      ['syncAS', 'AUTOMERGE'],
      ['syncBS', 'OPTIMISTIC_CONCURRENCY'],
    ]);
  });
});

describe('warnings', () => {
  test('models without a type-level rule are listed (join models are not)', () => {
    expect(
      analyze(
        'type A @model { id: ID! bs: [B] @manyToMany(relationName: "AB") } type B @model { id: ID! as: [A] @manyToMany(relationName: "AB") }',
      ).warnings,
    ).toEqual([
      '⚠️  WARNING: Some types do not have authorization rules configured. That means all create, read, update, and delete operations are denied on these types:\n\t - A\n\t - B\nLearn more about "@auth" authorization rules here: https://docs.amplify.aws/cli/graphql/authorization-rules',
    ]);
  });

  test('owners that may reassign ownership, unless the owner field has its own rules', () => {
    const { warnings } = analyze(
      `type Blog @model @auth(rules: [{ allow: owner }]) { id: ID! }
       type Post @model @auth(rules: [{ allow: owner, ownerField: "author" }]) { id: ID! author: String }
       type Note @model @auth(rules: [{ allow: owner }]) { id: ID! owner: String @auth(rules: [{ allow: owner, operations: [read] }]) }
       type Memo @model @auth(rules: [{ allow: owner, operations: [create, read] }]) { id: ID! }`,
      { modes: [USER_POOLS] },
    );
    expect(warnings).toEqual([
      '⚠️ WARNING: owners may reassign ownership for the following model(s) and role(s): Blog: [owner], Post: [author]. If this is not intentional, you may want to apply field-level authorization rules to these fields. To read more: https://docs.amplify.aws/cli/graphql/authorization-rules/#per-user--owner-based-data-access.',
    ]);
  });

  test('the default identity claim notice when the sub::username flag is off', () => {
    const { warnings } = analyze('type T @model @auth(rules: [{ allow: owner, operations: [read] }]) { id: ID! }', {
      modes: [USER_POOLS],
      flags: { usesubusernamefordefaultidentityclaim: false },
    });
    expect(warnings).toEqual([
      " WARNING: Amplify CLI will change the default identity claim from 'username' to use 'sub::username'. To continue using only usernames, set 'identityClaim: \"username\"' on your 'owner' rules on your schema. The default will be officially switched with v9.0.0. To read more: https://docs.amplify.aws/cli/migration/identity-claim-changes/",
    ]);
  });

  test('field rules that give the owner update on the owner field still warn', () => {
    const { warnings } = analyze(
      'type Note @model @auth(rules: [{ allow: owner }]) { id: ID! owner: String @auth(rules: [{ allow: owner, operations: [read, update] }]) }',
      { modes: [USER_POOLS] },
    );
    expect(warnings[0]).toContain('following model(s) and role(s): Note: [owner].');
  });

  test('@auth on a root field', () => {
    const { warnings } = analyze('type Query { a: String @function(name: "f") @auth(rules: [{ allow: private }]) }', { modes: [USER_POOLS] });
    expect(warnings).toEqual([
      'Be careful when using @auth directives on a field in a root type. @auth directives on field definitions use the source object to perform authorization logic and the source will be an empty object for fields on root types. Static group authorization should perform as expected.',
    ]);
  });
});

test('@searchable is accepted with a warning that no search is generated', () => {
  const { warnings } = analyze('type Article @model @searchable @auth(rules: [{ allow: public }]) { id: ID! }');
  expect(warnings).toEqual(['⚠️ @searchable is not supported by this CLI yet: Article get no search query and no OpenSearch domain.']);
});

test('@predictions is accepted with a warning that the field gets no resolver', () => {
  const { warnings } = analyze('type Query { speak: String @predictions(actions: [convertTextToSpeech]) }');
  expect(warnings).toEqual(['⚠️ @predictions is not supported by this CLI yet: Query.speak get no resolver.']);
});

test('`extend type` fields join their type', () => {
  const { document, model } = analyze(
    'type Query { a: String } extend type Query { echo: String @function(name: "f") } type T @model { id: ID! } extend type T { note: String }',
  );
  expect(document.definitions.map((definition) => ('name' in definition ? definition.name?.value : ''))).toEqual(['Query', 'T']);
  expect(model.customFields.map((field) => field.fieldName)).toEqual(['echo']);
  expect(model.models[0].fields.map((field) => field.name)).toContain('note');
});

test('feature flag names are read case-insensitively', () => {
  const input = schemaInput('type T @model { id: ID! a: String @index }');
  input.featureFlags = { EnableAutoIndexQueryNames: false } as unknown as typeof input.featureFlags;
  const { model, flags } = analyzeSchema(input);
  expect(flags.enableautoindexquerynames).toBe(false);
  expect(model.models[0].indexes[0].queryField).toBeUndefined();
});
