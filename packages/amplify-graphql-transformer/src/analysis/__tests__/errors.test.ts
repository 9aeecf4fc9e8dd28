import { analyzeSchema } from '..';
import { TransformError } from '../../transform-types';
import { API_KEY, IAM, LAMBDA, OIDC, schemaInput, USER_POOLS } from './helpers';
import type { InputOptions } from './helpers';

const UP: InputOptions = { modes: [USER_POOLS, API_KEY, IAM, OIDC] };

function refusal(schema: string, options?: InputOptions): TransformError {
  try {
    analyzeSchema(schemaInput(schema, options));
  } catch (error) {
    if (error instanceof TransformError) return error;
    throw error;
  }
  throw new Error('the schema was accepted');
}

describe('schema refusals (reference §14, verbatim)', () => {
  const cases: Array<[string, string, string, InputOptions?]> = [
    [
      '@hasMany to a type without @model',
      'type Post @model { id: ID! comments: [Comment] @hasMany } type Comment { id: ID! }',
      'Object type Comment must be annotated with @model.',
    ],
    [
      '@manyToMany used once',
      'type Post @model { id: ID! tags: [Tag] @manyToMany(relationName: "PostTags") } type Tag @model { id: ID! }',
      "@manyToMany relation 'PostTags' must be used in exactly two locations.",
    ],
    [
      '@manyToMany relation named like a type',
      'type Post @model { id: ID! tags: [Tag] @manyToMany(relationName: "Tag") } type Tag @model { id: ID! posts: [Post] @manyToMany(relationName: "Tag") }',
      "@manyToMany relation name 'Tag' (derived from 'Tag') already exists as a type in the schema.",
    ],
    [
      '@manyToMany pointing at another type than its partner',
      'type Post @model { id: ID! tags: [Tag] @manyToMany(relationName: "PostTags") } type Tag @model { id: ID! } type Label @model { id: ID! posts: [Post] @manyToMany(relationName: "PostTags") }',
      "@manyToMany relation 'PostTags' expects 'Tag' but got 'Label'.",
    ],
    [
      'partial sort key in fields',
      'type Test @model { id: ID! email: String! testObj: Test1 @hasOne(fields: ["id", "email"]) } type Test1 @model { id: ID! @primaryKey(sortKeyFields: ["friendID", "name"]) friendID: ID! name: String! }',
      'Invalid @hasOne directive on testObj. Partial sort keys are not accepted.',
    ],
    [
      'fields of another type than the key',
      'type Test @model { id: ID! email: String! testObj: Test1 @hasOne(fields: ["email"]) } type Test1 @model { id: ID! }',
      'email field is not of type ID',
    ],
    [
      'empty fields',
      'type Test @model { id: ID! testObj: Test1 @hasOne(fields: []) } type Test1 @model { id: ID! }',
      'No fields passed to @hasOne directive.',
    ],
    [
      'references (a Gen 2 form)',
      'type Test @model { id: ID! testObj: Test1 @hasOne(references: ["testId"]) } type Test1 @model { id: ID! testId: ID }',
      "'references' defined on Test.testObj @hasOne. Expecting 'fields' only.",
    ],
    [
      '@manyToMany of a type with itself',
      'type User @model { id: ID! following: [User] @manyToMany(relationName: "Follow") followers: [User] @manyToMany(relationName: "Follow") }',
      "@manyToMany relation 'Follow' joins User to itself, which GraphQL Transformer v2 cannot name; model the join as a @model with two @belongsTo fields and @hasMany on User instead.",
    ],
    [
      '@hasMany on a single value',
      'type Post @model { id: ID! comment: Comment @hasMany } type Comment @model { id: ID! }',
      '@hasMany must be used with a list. Use @hasOne for non-list types.',
    ],
    [
      '@hasOne on a list',
      'type Post @model { id: ID! comments: [Comment] @hasOne } type Comment @model { id: ID! }',
      '@hasOne cannot be used with lists. Use @hasMany instead.',
    ],
    [
      '@belongsTo on a list',
      'type Post @model { id: ID! comments: [Comment] @belongsTo } type Comment @model { id: ID! }',
      '@belongsTo cannot be used with lists.',
    ],
    [
      '@belongsTo without a relation back',
      'type Post @model { id: ID! } type Comment @model { id: ID! post: Post @belongsTo }',
      'Post must have a relationship with Comment in order to use @belongsTo.',
    ],
    [
      '@hasOne naming an unknown field',
      'type Post @model { id: ID! meta: Meta @hasOne(fields: ["nope"]) } type Meta @model { id: ID! }',
      'nope is not a field in Post',
    ],
    [
      '@hasMany naming an unknown index',
      'type Post @model { id: ID! comments: [Comment] @hasMany(indexName: "byPost", fields: ["id"]) } type Comment @model { id: ID! postID: ID! }',
      'Index byPost does not exist for model Comment',
    ],
    ['list primary key', 'type Post @model { tags: [String]! @primaryKey }', "The primary key on type 'Post.tags' cannot be a non-scalar."],
    ['nullable primary key', 'type Post @model { slug: String @primaryKey }', "The primary key on type 'Post' must reference non-null fields."],
    [
      'unknown sort key field',
      'type Post @model { slug: String! @primaryKey(sortKeyFields: ["nope"]) }',
      "Can't find field 'nope' in Post, but it was specified in the primary key.",
    ],
    ['two primary keys', 'type Post @model { a: ID! @primaryKey b: ID! @primaryKey }', "You may only supply one primary key on type 'Post'."],
    [
      '@primaryKey outside a model',
      'type Post { id: ID! @primaryKey }',
      'The @primaryKey directive may only be added to object definitions annotated with @model.',
    ],
    [
      'sort key that is also the owner field',
      'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! @primaryKey(sortKeyFields: ["owner"]) owner: String! }',
      "The primary key's sort key type 'owner' cannot be used as an owner @auth field too. Please use another field for the sort key.",
      UP,
    ],
    [
      'index on an object field',
      'type Post @model { id: ID! meta: Meta @index(name: "byMeta") } type Meta { a: String }',
      "Index 'byMeta' on type 'Post.meta' cannot be a non-scalar.",
    ],
    [
      'duplicate index name',
      'type Post @model { id: ID! a: String @index(name: "byX") b: String @index(name: "byX") }',
      "You may only supply one @index with the name 'byX' on type 'Post'.",
    ],
    [
      'index name too short',
      'type Post @model { id: ID! a: String @index(name: "x") }',
      'The indexName is invalid. It should be between 3 and 255 characters. Only A–Z, a–z, 0–9, underscore characters, hyphens, and periods allowed.',
    ],
    [
      'index name checked before the non-model check',
      'type Post { id: ID! a: String @index(name: "x") }',
      'The indexName is invalid. It should be between 3 and 255 characters. Only A–Z, a–z, 0–9, underscore characters, hyphens, and periods allowed.',
    ],
    [
      '@index outside a model',
      'type Post { id: ID! a: String @index(name: "byA") }',
      'The @index directive may only be added to object definitions annotated with @model.',
    ],
    ['@default not an Int', 'type Post @model { id: ID! n: Int @default(value: "abc") }', 'Default value "abc" is not a valid Int.'],
    [
      '@default on a list',
      'type Post @model { id: ID! tags: [String] @default(value: "a") }',
      'The @default directive may only be added to scalar or enum field types.',
    ],
    [
      '@default outside an enum',
      'type Post @model { id: ID! s: Status @default(value: "C") } enum Status { A B }',
      'Default value "C" is not a member of Status enum.',
    ],
    [
      '@default outside a model',
      'type Post { id: ID! n: Int @default(value: "1") }',
      'The @default directive may only be added to object definitions annotated with @model.',
    ],
    [
      '@default without value',
      'type Post @model { id: ID! n: Int @default }',
      'Schema validation failed. Directive "@default" argument "value" of type "String!" is required, but it was not provided.',
    ],
    [
      'reserved model name',
      'type Subscription @model { id: ID! }',
      "'Subscription' is a reserved type name and currently in use within the default schema element.",
    ],
    ['@model on an interface', 'interface Node @model { id: ID! }', 'Schema validation failed. Directive "@model" may not be used on INTERFACE.'],
    ['@searchable without @model', 'type Post @searchable { id: ID! }', 'Types annotated with @searchable must also be annotated with @model.'],
    ['@auth without @model', 'type Post @auth(rules: [{ allow: owner }]) { id: ID! }', 'Types annotated with @auth must also be annotated with @model.', UP],
    ['unknown directive', 'type Post @model {\n  id: ID!\n  title: String @foo\n}', 'Schema validation failed. Unknown directive "@foo".'],
    ['unknown type', 'type Post @model { id: ID! n: Nope }', 'Schema validation failed. Unknown type "Nope".'],
    [
      'duplicate type',
      'type Post @model { id: ID! } type Post { id: ID! }',
      'Schema validation failed. There can be only one type named "Post". Field "Post.id" can only be defined once.',
    ],
    ['missing brace', 'type Post @model { id: ID!', 'Syntax Error: Expected Name, found <EOF>.'],
    [
      '@function without name',
      'type Query { echo: String @function }',
      'Schema validation failed. Directive "@function" argument "name" of type "String!" is required, but it was not provided.',
    ],
    [
      '@http with a non-http url (location: the directive\'s character offset)',
      'type Query { a: String @http(url: "ftp://x.example.com/a") }',
      '@http directive at location 23 requires a url parameter that begins with http:// or https://.',
    ],
    [
      'private rule without user pools',
      'type Post @model @auth(rules: [{ allow: private }]) { id: ID! }',
      "@auth directive with 'userPools' provider found, but the project has no Cognito User Pools authentication provider configured.",
    ],
    [
      'owner rule without user pools',
      'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! }',
      "@auth directive with 'userPools' provider found, but the project has no Cognito User Pools authentication provider configured.",
    ],
    [
      'public iam without IAM',
      'type Post @model @auth(rules: [{ allow: public, provider: iam }]) { id: ID! }',
      "@auth directive with 'iam' provider found, but the project has no IAM authentication provider configured.",
    ],
    [
      'oidc without OIDC',
      'type Post @model @auth(rules: [{ allow: private, provider: oidc }]) { id: ID! }',
      "@auth directive with 'oidc' provider found, but the project has no OPENID_CONNECT authentication provider configured.",
    ],
    [
      'custom without a Lambda mode',
      'type Post @model @auth(rules: [{ allow: custom }]) { id: ID! }',
      "@auth directive with 'function' provider found, but the project has no Lambda authentication provider configured.",
    ],
    [
      'api key rule without an API key',
      'type Post @model @auth(rules: [{ allow: public }]) { id: ID! }',
      "@auth directive with 'apiKey' provider found, but the project has no API Key authentication provider configured.",
      { modes: [USER_POOLS] },
    ],
    [
      'public with user pools',
      'type Post @model @auth(rules: [{ allow: public, provider: userPools }]) { id: ID! }',
      "@auth directive with 'public' strategy only supports 'apiKey' (default) and 'identityPool' providers, but found 'userPools' assigned.",
      UP,
    ],
    [
      'private with api key',
      'type Post @model @auth(rules: [{ allow: private, provider: apiKey }]) { id: ID! }',
      "@auth directive with 'private' strategy only supports 'userPools' (default) and 'identityPool' providers, but found 'apiKey' assigned.",
      UP,
    ],
    [
      'owner with api key',
      'type Post @model @auth(rules: [{ allow: owner, provider: apiKey }]) { id: ID! }',
      "@auth directive with 'owner' strategy only supports 'userPools' (default) and 'oidc' providers, but found 'apiKey' assigned.",
      UP,
    ],
    [
      'groups with iam',
      'type Post @model @auth(rules: [{ allow: groups, groups: ["A"], provider: iam }]) { id: ID! }',
      "@auth directive with 'groups' strategy only supports 'userPools' and 'oidc' providers, but found 'iam' assigned.",
      UP,
    ],
    [
      'groups without groups',
      'type Post @model @auth(rules: [{ allow: groups }]) { id: ID! }',
      "@auth directive with 'groups' should have a defined groups list or a groupsField.",
      UP,
    ],
    [
      'groups and groupsField',
      'type Post @model @auth(rules: [{ allow: groups, groups: ["A"], groupsField: "g" }]) { id: ID! g: [String] }',
      'This rule has groupsField and groups, please use one or the other',
      UP,
    ],
    [
      'empty groups',
      'type Post @model @auth(rules: [{ allow: groups, groups: [] }]) { id: ID! }',
      '@auth rules using groups cannot have an empty list',
      UP,
    ],
    [
      'fine-grained read at field level',
      'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! secret: String @auth(rules: [{ allow: owner, operations: [get] }]) }',
      "'get' operation is not allowed at the field level.",
      UP,
    ],
    [
      'a role that reads only a field leaves the required fields unreadable',
      'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! title: String! secret: String @auth(rules: [{ allow: groups, groups: ["Admin"] }]) }',
      'When using field-level authorization rules you need to add rules to all of the model\'s required fields with at least read permissions. Found model "Post" with required fields ["id","title"] missing field-level authorization rules. For more information visit https://docs.amplify.aws/cli/graphql/authorization-rules/#field-level-authorization-rules',
      UP,
    ],
    [
      'read plus a fine-grained read',
      'type Post @model @auth(rules: [{ allow: owner, operations: [read, list] }]) { id: ID! }',
      "'list' operations are specified in addition to 'read'. Either remove 'read' to limit access only to 'list' or only keep 'read' to grant all get,list,listen,search,sync access.",
      UP,
    ],
    [
      'operations on a root field rule',
      'type Query { echo: String @function(name: "f") @auth(rules: [{ allow: private, operations: [read] }]) }',
      "@auth rules on fields within Query, Mutation, Subscription cannot specify 'operations' argument as these rules are already on an operation already.",
      UP,
    ],
    ['@auth on an interface field', 'interface Node { id: ID! @auth(rules: [{ allow: owner }]) }', "The @auth directive cannot be placed on an interface's field.", UP],
    [
      'directive on an extension',
      'type Post @model { id: ID! } extend type Post @auth(rules: [{ allow: owner }])',
      "Directives are not supported on object or interface extensions. See the '@auth' directive on 'Post'",
      UP,
    ],
    [
      'sandbox input of another shape',
      'input AMPLIFY { globalAuthRule: AuthRule = { allow: private } }\ntype Post @model { id: ID! }',
      'There was a problem with your auth configuration. Learn more about auth here: https://docs.amplify.aws/cli/graphql/authorization-rules',
    ],
    [
      'hasMany both ways with DataStore',
      'type A @model { id: ID! bs: [B] @hasMany } type B @model { id: ID! a: A @hasOne }',
      'A and B cannot refer to each other via @hasOne or @hasMany when DataStore is in use. Use @belongsTo instead. See https://docs.amplify.aws/cli/graphql/data-modeling/#belongs-to-relationship',
      { dataStore: true },
    ],
  ];

  // Every row gets its options so jest does not read a fourth callback parameter as `done`.
  test.each(cases.map(([name, schema, message, options]) => [name, schema, message, options ?? {}] as const))('%s', (_name, schema, message, options) => {
    const error = refusal(schema, options);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  test.each([
    ['@key', 'type Post @model @key(fields: ["id"]) { id: ID! }', '@key on Post', '@primaryKey / @index'],
    ['@connection', 'type Post @model { id: ID! c: [Post] @connection }', '@connection on Post.c', '@hasOne / @hasMany / @belongsTo'],
  ])('Transformer v1 %s is refused with its v2 replacement', (_name, schema, where, replacement) => {
    expect(refusal(schema).message).toBe(
      `${where} is a GraphQL Transformer v1 directive; use ${replacement} instead (see https://docs.amplify.aws/cli/migration/transformer-migration/).`,
    );
  });
});

describe('error locations', () => {
  test('a validation error names the file, line and column', () => {
    const error = refusal('type Post @model {\n  id: ID!\n  title: String @foo\n}');
    expect(error.location).toEqual({ path: 'schema.graphql', line: 3, column: 17 });
  });

  test('errors point into the file of a schema/ folder that holds the problem', () => {
    const input = schemaInput('');
    input.sources = [
      { path: 'schema/a.graphql', text: 'type Post @model { id: ID! }' },
      { path: 'schema/b.graphql', text: '\ntype Comment @model {\n  id: ID!\n  n: Int @default(value: "x")\n}' },
    ];
    let caught: unknown;
    try {
      analyzeSchema(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TransformError);
    expect((caught as TransformError).message).toBe('Default value "x" is not a valid Int.');
    expect((caught as TransformError).location).toEqual({ path: 'schema/b.graphql', line: 4, column: 10 });
  });

  test('a syntax error names its file and position', () => {
    const error = refusal('type Post @model {\n  id: ID!');
    expect(error.location).toEqual({ path: 'schema.graphql', line: 2, column: 10 });
  });
});

describe('accepted without error (reference §14)', () => {
  test.each([
    ['@default on id', 'type Post @model { id: ID! @default(value: "x") }'],
    ['owner field of type Int', 'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! owner: Int }'],
    ['@hasOne on a required field', 'type Post @model { id: ID! meta: Meta! @hasOne } type Meta @model { id: ID! }'],
    ['field rule limited to create', 'type Post @model @auth(rules: [{ allow: owner }]) { id: ID! f: String @auth(rules: [{ allow: owner, operations: [create] }]) }'],
    ['every operation disabled', 'type Post @model(queries: null, mutations: null, subscriptions: null) { id: ID! }'],
    ['a model without @auth', 'type Post @model { id: ID! }'],
    [
      'a required field with its own rules while others have none',
      'type Post @model @auth(rules: [{ allow: private }]) { id: ID! title: String! @auth(rules: [{ allow: private }]) body: String }',
    ],
    [
      'a private rule that reads the field stands in for the owner',
      'type Post @model @auth(rules: [{ allow: owner }, { allow: private, operations: [read] }]) { id: ID! title: String! @auth(rules: [{ allow: private, operations: [read] }]) }',
    ],
    [
      'unreadable required fields with subscriptions off',
      'type Post @model(subscriptions: { level: off }) @auth(rules: [{ allow: owner }]) { id: ID! secret: String @auth(rules: [{ allow: groups, groups: ["Admin"] }]) }',
    ],
  ])('%s', (_name, schema) => {
    expect(() => analyzeSchema(schemaInput(schema, UP))).not.toThrow();
  });

  test('a Lambda rule is accepted when the API has a Lambda mode', () => {
    expect(() => analyzeSchema(schemaInput('type Post @model @auth(rules: [{ allow: custom }]) { id: ID! }', { modes: [LAMBDA] }))).not.toThrow();
  });
});
