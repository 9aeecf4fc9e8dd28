import { parse } from 'graphql';
import { API_KEY, IAM, LAMBDA, OIDC, schemaInput, USER_POOLS } from '../../analysis/__tests__/helpers';
import { analyzeSchema } from '../../analysis';
import { printTransformedSchema } from '..';
import { buildsOnAppSync, definition, definitionNames, printed, sdl } from './helpers';

const SHARED_INPUTS = `input ModelStringInput {
  ne: String
  eq: String
  le: String
  lt: String
  ge: String
  gt: String
  contains: String
  notContains: String
  between: [String]
  beginsWith: String
  attributeExists: Boolean
  attributeType: ModelAttributeTypes
  size: ModelSizeInput
}

input ModelIntInput {
  ne: Int
  eq: Int
  le: Int
  lt: Int
  ge: Int
  gt: Int
  between: [Int]
  attributeExists: Boolean
  attributeType: ModelAttributeTypes
}

input ModelFloatInput {
  ne: Float
  eq: Float
  le: Float
  lt: Float
  ge: Float
  gt: Float
  between: [Float]
  attributeExists: Boolean
  attributeType: ModelAttributeTypes
}

input ModelBooleanInput {
  ne: Boolean
  eq: Boolean
  attributeExists: Boolean
  attributeType: ModelAttributeTypes
}

input ModelIDInput {
  ne: ID
  eq: ID
  le: ID
  lt: ID
  ge: ID
  gt: ID
  contains: ID
  notContains: ID
  between: [ID]
  beginsWith: ID
  attributeExists: Boolean
  attributeType: ModelAttributeTypes
  size: ModelSizeInput
}

input ModelSubscriptionStringInput {
  ne: String
  eq: String
  le: String
  lt: String
  ge: String
  gt: String
  contains: String
  notContains: String
  between: [String]
  beginsWith: String
  in: [String]
  notIn: [String]
}

input ModelSubscriptionIntInput {
  ne: Int
  eq: Int
  le: Int
  lt: Int
  ge: Int
  gt: Int
  between: [Int]
  in: [Int]
  notIn: [Int]
}

input ModelSubscriptionFloatInput {
  ne: Float
  eq: Float
  le: Float
  lt: Float
  ge: Float
  gt: Float
  between: [Float]
  in: [Float]
  notIn: [Float]
}

input ModelSubscriptionBooleanInput {
  ne: Boolean
  eq: Boolean
}

input ModelSubscriptionIDInput {
  ne: ID
  eq: ID
  le: ID
  lt: ID
  ge: ID
  gt: ID
  contains: ID
  notContains: ID
  between: [ID]
  beginsWith: ID
  in: [ID]
  notIn: [ID]
}

enum ModelAttributeTypes {
  binary
  binarySet
  bool
  list
  map
  number
  numberSet
  string
  stringSet
  _null
}

input ModelSizeInput {
  ne: Int
  eq: Int
  le: Int
  lt: Int
  ge: Int
  gt: Int
  between: [Int]
}

enum ModelSortDirection {
  ASC
  DESC
}`;

const TODO_SCHEMA = `type Todo {
  id: ID!
  name: String!
  description: String
  createdAt: AWSDateTime!
  updatedAt: AWSDateTime!
}

${SHARED_INPUTS}

type ModelTodoConnection {
  items: [Todo]!
  nextToken: String
}

input ModelTodoFilterInput {
  id: ModelIDInput
  name: ModelStringInput
  description: ModelStringInput
  createdAt: ModelStringInput
  updatedAt: ModelStringInput
  and: [ModelTodoFilterInput]
  or: [ModelTodoFilterInput]
  not: ModelTodoFilterInput
}

type Query {
  getTodo(id: ID!): Todo
  listTodos(filter: ModelTodoFilterInput, limit: Int, nextToken: String): ModelTodoConnection
}

input ModelTodoConditionInput {
  name: ModelStringInput
  description: ModelStringInput
  and: [ModelTodoConditionInput]
  or: [ModelTodoConditionInput]
  not: ModelTodoConditionInput
  createdAt: ModelStringInput
  updatedAt: ModelStringInput
}

input CreateTodoInput {
  id: ID
  name: String!
  description: String
}

input UpdateTodoInput {
  id: ID!
  name: String
  description: String
}

input DeleteTodoInput {
  id: ID!
}

type Mutation {
  createTodo(input: CreateTodoInput!, condition: ModelTodoConditionInput): Todo
  updateTodo(input: UpdateTodoInput!, condition: ModelTodoConditionInput): Todo
  deleteTodo(input: DeleteTodoInput!, condition: ModelTodoConditionInput): Todo
}

input ModelSubscriptionTodoFilterInput {
  id: ModelSubscriptionIDInput
  name: ModelSubscriptionStringInput
  description: ModelSubscriptionStringInput
  createdAt: ModelSubscriptionStringInput
  updatedAt: ModelSubscriptionStringInput
  and: [ModelSubscriptionTodoFilterInput]
  or: [ModelSubscriptionTodoFilterInput]
}

type Subscription {
  onCreateTodo(filter: ModelSubscriptionTodoFilterInput): Todo @aws_subscribe(mutations: ["createTodo"])
  onUpdateTodo(filter: ModelSubscriptionTodoFilterInput): Todo @aws_subscribe(mutations: ["updateTodo"])
  onDeleteTodo(filter: ModelSubscriptionTodoFilterInput): Todo @aws_subscribe(mutations: ["deleteTodo"])
}
`;

const SANDBOX_HEADER = `# This "input" configures a global authorization rule to enable public access to
# all models in this schema. Learn more about authorization rules here: https://docs.amplify.aws/cli/graphql/authorization-rules
input AMPLIFY { globalAuthRule: AuthRule = { allow: public } } # FOR TESTING ONLY!
`;

const BLOG_SCHEMA = `
type Blog @model { id: ID! name: String! posts: [Post] @hasMany }
type Post @model { id: ID! title: String! blog: Blog @belongsTo comments: [Comment] @hasMany }
type Comment @model { id: ID! post: Post @belongsTo content: String! }
`;

/** Every schema printed in these tests, checked at the end to build on AppSync's prelude. */
const outputs: string[] = [];
const print = (schema: string, options?: Parameters<typeof printed>[1]): string => {
  const text = printed(schema, options);
  outputs.push(text);
  return text;
};

describe('single model (the "Todo" template)', () => {
  test('prints exactly the original schema', () => {
    expect(print('type Todo @model { id: ID! name: String! description: String }')).toBe(TODO_SCHEMA);
  });

  test('the sandbox input is removed and the rest prints the same', () => {
    expect(print(`${SANDBOX_HEADER}\ntype Todo @model {\n  id: ID!\n  name: String!\n  description: String\n}`)).toBe(TODO_SCHEMA);
  });

  test('a model without an id gets `id: ID!` after its own fields, optional in create and required in update', () => {
    const text = print('type Note @model { content: String }');
    expect(definition(text, 'Note')).toBe(sdl(`type Note {
      content: String
      id: ID!
      createdAt: AWSDateTime!
      updatedAt: AWSDateTime!
    }`));
    expect(definition(text, 'CreateNoteInput')).toBe(sdl(`input CreateNoteInput {
      content: String
      id: ID
    }`));
    expect(definition(text, 'UpdateNoteInput')).toBe(sdl(`input UpdateNoteInput {
      content: String
      id: ID!
    }`));
  });
});

describe('Blog / Post / Comment (@hasMany + @belongsTo)', () => {
  const text = print(BLOG_SCHEMA);

  test('definition order: types, shared inputs, then each model block', () => {
    expect(definitionNames(text)).toEqual([
      'Blog', 'Post', 'Comment',
      'ModelStringInput', 'ModelIntInput', 'ModelFloatInput', 'ModelBooleanInput', 'ModelIDInput',
      'ModelSubscriptionStringInput', 'ModelSubscriptionIntInput', 'ModelSubscriptionFloatInput', 'ModelSubscriptionBooleanInput',
      'ModelSubscriptionIDInput', 'ModelAttributeTypes', 'ModelSizeInput', 'ModelSortDirection',
      'ModelBlogConnection', 'ModelBlogFilterInput', 'Query', 'ModelBlogConditionInput', 'CreateBlogInput', 'UpdateBlogInput',
      'DeleteBlogInput', 'Mutation', 'ModelSubscriptionBlogFilterInput', 'Subscription',
      'ModelPostConnection', 'ModelPostFilterInput', 'ModelPostConditionInput', 'CreatePostInput', 'UpdatePostInput', 'DeletePostInput',
      'ModelSubscriptionPostFilterInput',
      'ModelCommentConnection', 'ModelCommentFilterInput', 'ModelCommentConditionInput', 'CreateCommentInput', 'UpdateCommentInput',
      'DeleteCommentInput', 'ModelSubscriptionCommentFilterInput',
    ]);
  });

  test('the hasMany field becomes a connection; the child gets the `blogPostsId` foreign key after its timestamps', () => {
    expect(definition(text, 'Blog')).toBe(sdl(`type Blog {
      id: ID!
      name: String!
      posts(filter: ModelPostFilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ModelPostConnection
      createdAt: AWSDateTime!
      updatedAt: AWSDateTime!
    }`));
    expect(definition(text, 'Post')).toBe(sdl(`type Post {
      id: ID!
      title: String!
      blog: Blog
      comments(filter: ModelCommentFilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ModelCommentConnection
      createdAt: AWSDateTime!
      updatedAt: AWSDateTime!
      blogPostsId: ID
    }`));
  });

  test('the foreign key is filterable, settable, and (the quirk) lands in the parent subscription filter', () => {
    expect(definition(text, 'ModelPostFilterInput')).toContain('  not: ModelPostFilterInput\n  blogPostsId: ModelIDInput\n}');
    expect(definition(text, 'ModelPostConditionInput')).toContain('  updatedAt: ModelStringInput\n  blogPostsId: ModelIDInput\n}');
    expect(definition(text, 'CreatePostInput')).toBe(sdl(`input CreatePostInput {
      id: ID
      title: String!
      blogPostsId: ID
    }`));
    expect(definition(text, 'ModelSubscriptionBlogFilterInput')).toContain('  or: [ModelSubscriptionBlogFilterInput]\n  blogPostsId: ModelSubscriptionIDInput\n}');
    expect(definition(text, 'ModelSubscriptionCommentFilterInput')).not.toContain('postCommentsId');
  });

  test('all queries live in the Query created with the first model', () => {
    expect(definition(text, 'Query')).toBe(sdl(`type Query {
      getBlog(id: ID!): Blog
      listBlogs(filter: ModelBlogFilterInput, limit: Int, nextToken: String): ModelBlogConnection
      getPost(id: ID!): Post
      listPosts(filter: ModelPostFilterInput, limit: Int, nextToken: String): ModelPostConnection
      getComment(id: ID!): Comment
      listComments(filter: ModelCommentFilterInput, limit: Int, nextToken: String): ModelCommentConnection
    }`));
  });

  test('without respectprimarykeyattributesonconnectionfield a composite parent key gives one `<parent><Field>Id`', () => {
    const schema = 'type Store @model { storeId: ID! @primaryKey(sortKeyFields: ["city"]) city: String! products: [Product] @hasMany } type Product @model { id: ID! }';
    expect(definition(print(schema), 'Product')).toContain('  storeProductsStoreId: ID\n  storeProductsCity: String\n}');
    const single = print(schema, { flags: { respectprimarykeyattributesonconnectionfield: false } });
    expect(definition(single, 'Product')).toContain('  updatedAt: AWSDateTime!\n  storeProductsId: ID\n}');
  });

  test('a required relational field makes its foreign key required in the type and the create input only', () => {
    const required = print('type Blog @model { id: ID! posts: [Post]! @hasMany } type Post @model { id: ID! }');
    expect(definition(required, 'Post')).toContain('  blogPostsId: ID!\n}');
    expect(definition(required, 'CreatePostInput')).toContain('  blogPostsId: ID!\n}');
    expect(definition(required, 'UpdatePostInput')).toContain('  blogPostsId: ID\n}');
    expect(definition(required, 'ModelPostFilterInput')).toContain('  blogPostsId: ModelIDInput\n}');
  });

  test('a hasMany on the related primary key takes its sort-key condition (composite keys by their Primary input)', () => {
    const text2 = print(`
      type Team @model { id: ID! members: [Member] @hasMany(fields: ["id"]) }
      type Member @model { teamId: ID! @primaryKey(sortKeyFields: ["joinedAt", "name"]) joinedAt: AWSDateTime! name: String! }
    `);
    expect(definition(text2, 'Team')).toContain(
      'members(joinedAtName: ModelMemberPrimaryCompositeKeyConditionInput, filter: ModelMemberFilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ModelMemberConnection',
    );
  });

  test('@hasOne adds the foreign key to its own type', () => {
    const text2 = print('type Customer @model { id: ID! profile: Profile @hasOne } type Profile @model { id: ID! bio: String }');
    expect(definition(text2, 'Customer')).toContain('  profile: Profile\n  createdAt: AWSDateTime!\n  updatedAt: AWSDateTime!\n  customerProfileId: ID\n}');
    expect(definition(text2, 'ModelSubscriptionCustomerFilterInput')).toContain('customerProfileId: ModelSubscriptionIDInput');
  });
});

describe('@manyToMany', () => {
  const text = print(`
    type Post @model { id: ID! title: String! tags: [Tag] @manyToMany(relationName: "PostTags") }
    type Tag @model { id: ID! label: String! posts: [Post] @manyToMany(relationName: "PostTags") }
  `);

  test('generates the join model after the user types, with by<Model> index queries', () => {
    expect(definitionNames(text).slice(0, 3)).toEqual(['Post', 'Tag', 'PostTags']);
    expect(definition(text, 'PostTags')).toBe(sdl(`type PostTags {
      id: ID!
      postId: ID!
      tagId: ID!
      post: Post!
      tag: Tag!
      createdAt: AWSDateTime!
      updatedAt: AWSDateTime!
    }`));
    expect(definition(text, 'Query')).toContain(
      '  postTagsByPostId(postId: ID!, sortDirection: ModelSortDirection, filter: ModelPostTagsFilterInput, limit: Int, nextToken: String): ModelPostTagsConnection\n' +
        '  postTagsByTagId(tagId: ID!, sortDirection: ModelSortDirection, filter: ModelPostTagsFilterInput, limit: Int, nextToken: String): ModelPostTagsConnection\n}',
    );
  });

  test('a side with a sort key adds `<model><sortKey>` join fields and indexes on them', () => {
    const keyed = print(`
      type Post @model { id: ID! @primaryKey(sortKeyFields: ["title"]) title: String! tags: [Tag] @manyToMany(relationName: "PostTags") }
      type Tag @model { id: ID! posts: [Post] @manyToMany(relationName: "PostTags") }
    `);
    expect(definition(keyed, 'PostTags')).toContain('  id: ID!\n  postId: ID!\n  posttitle: String!\n  tagId: ID!\n  post: Post!\n  tag: Tag!\n');
    expect(definition(keyed, 'Query')).toContain('postTagsByPostIdAndPosttitle(postId: ID!, posttitle: ModelStringKeyConditionInput, ');
  });

  test('both sides return connections of the join model', () => {
    expect(definition(text, 'Post')).toContain(
      'tags(filter: ModelPostTagsFilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ModelPostTagsConnection',
    );
    expect(definition(text, 'CreatePostTagsInput')).toBe(sdl(`input CreatePostTagsInput {
      id: ID
      postId: ID!
      tagId: ID!
    }`));
  });
});

describe('keys and indexes', () => {
  test('a composite sort key changes get/list arguments and the mutation inputs', () => {
    const text = print('type E @model { a: ID! @primaryKey(sortKeyFields: ["b", "c"]) b: String! c: Int! note: String }');
    const query = definition(text, 'Query');
    expect(query).toContain('  getE(a: ID!, b: String!, c: Int!): E\n');
    expect(query).toContain(
      '  listES(a: ID, bC: ModelEPrimaryCompositeKeyConditionInput, filter: ModelEFilterInput, limit: Int, nextToken: String, sortDirection: ModelSortDirection): ModelEConnection\n',
    );
    expect(definition(text, 'ModelEPrimaryCompositeKeyConditionInput')).toBe(sdl(`input ModelEPrimaryCompositeKeyConditionInput {
      eq: ModelEPrimaryCompositeKeyInput
      le: ModelEPrimaryCompositeKeyInput
      lt: ModelEPrimaryCompositeKeyInput
      ge: ModelEPrimaryCompositeKeyInput
      gt: ModelEPrimaryCompositeKeyInput
      between: [ModelEPrimaryCompositeKeyInput]
      beginsWith: ModelEPrimaryCompositeKeyInput
    }`));
    expect(definition(text, 'ModelEPrimaryCompositeKeyInput')).toBe(sdl(`input ModelEPrimaryCompositeKeyInput {
      b: String
      c: Int
    }`));
    expect(definition(text, 'E')).not.toContain('id: ID!');
    expect(definition(text, 'ModelEConditionInput')).toBe(sdl(`input ModelEConditionInput {
      note: ModelStringInput
      and: [ModelEConditionInput]
      or: [ModelEConditionInput]
      not: ModelEConditionInput
      createdAt: ModelStringInput
      updatedAt: ModelStringInput
    }`));
    expect(definition(text, 'UpdateEInput')).toBe(sdl(`input UpdateEInput {
      a: ID!
      b: String!
      c: Int!
      note: String
    }`));
    expect(definition(text, 'DeleteEInput')).toBe(sdl(`input DeleteEInput {
      a: ID!
      b: String!
      c: Int!
    }`));
  });

  test('a single sort key uses the shared key-condition input, emitted after the model blocks', () => {
    const text = print('type Customer @model { email: String! @primaryKey(sortKeyFields: ["region"]) region: String! }');
    expect(definition(text, 'Query')).toContain(
      'listCustomers(email: String, region: ModelStringKeyConditionInput, filter: ModelCustomerFilterInput, limit: Int, nextToken: String, sortDirection: ModelSortDirection)',
    );
    expect(definitionNames(text).slice(-1)).toEqual(['ModelStringKeyConditionInput']);
    expect(definition(text, 'ModelStringKeyConditionInput')).toBe(sdl(`input ModelStringKeyConditionInput {
      eq: String
      le: String
      lt: String
      ge: String
      gt: String
      between: [String]
      beginsWith: String
    }`));
  });

  const STORE = `type Store @model {
    id: ID!
    name: String @index
    category: String @index(name: "byCategory", sortKeyFields: ["name", "city"])
    city: String
    owner: ID @index(name: "byOwner", queryField: "storesOfOwner")
  }`;

  test('index queries: explicit queryField, auto names, composite sort keys', () => {
    const query = definition(print(STORE), 'Query');
    expect(query).toContain(
      '  storesByName(name: String!, sortDirection: ModelSortDirection, filter: ModelStoreFilterInput, limit: Int, nextToken: String): ModelStoreConnection\n' +
        '  storesByCategoryAndNameAndCity(category: String!, nameCity: ModelStoreByCategoryCompositeKeyConditionInput, sortDirection: ModelSortDirection, filter: ModelStoreFilterInput, limit: Int, nextToken: String): ModelStoreConnection\n' +
        '  storesOfOwner(owner: ID!, sortDirection: ModelSortDirection, filter: ModelStoreFilterInput, limit: Int, nextToken: String): ModelStoreConnection\n}',
    );
  });

  test('enableautoindexquerynames=false drops the queries of indexes without queryField', () => {
    const query = definition(print(STORE, { flags: { enableautoindexquerynames: false } }), 'Query');
    expect(query).not.toContain('storesByName');
    expect(query).not.toContain('storesByCategoryAndNameAndCity');
    expect(query).toContain('storesOfOwner(');
  });

  test('a hasMany over an index with a sort key takes the sort-key condition', () => {
    const text = print(`
      type Order @model { id: ID! lines: [OrderLine] @hasMany(indexName: "byOrder", fields: ["id"]) }
      type OrderLine @model { id: ID! orderId: ID! @index(name: "byOrder", sortKeyFields: ["createdAt"]) createdAt: AWSDateTime! }
    `);
    expect(definition(text, 'Order')).toContain(
      'lines(createdAt: ModelStringKeyConditionInput, filter: ModelOrderLineFilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ModelOrderLineConnection',
    );
    expect(definition(text, 'OrderLine')).not.toContain('orderLinesId');
  });
});

describe('@default, enums and non-model types', () => {
  const text = print(`
    type Item @model { id: ID! status: Status! @default(value: "A") kinds: [Status] count: Int @default(value: "3") address: Address }
    enum Status { A B }
    type Address { street: String geo: Geo }
    type Geo { lat: Float }
  `);

  test('@default keeps the input nullability', () => {
    expect(definition(text, 'CreateItemInput')).toBe(sdl(`input CreateItemInput {
      id: ID
      status: Status!
      kinds: [Status]
      count: Int
      address: AddressInput
    }`));
  });

  test('enum fields filter with Model<Enum>Input / Model<Enum>ListInput, subscriptions with strings', () => {
    expect(definition(text, 'ModelStatusInput')).toBe(sdl(`input ModelStatusInput {
      eq: Status
      ne: Status
    }`));
    expect(definition(text, 'ModelStatusListInput')).toBe(sdl(`input ModelStatusListInput {
      eq: [Status]
      ne: [Status]
      contains: Status
      notContains: Status
    }`));
    expect(definition(text, 'ModelSubscriptionItemFilterInput')).toContain('  status: ModelSubscriptionStringInput\n  kinds: ModelSubscriptionStringInput\n');
  });

  test('non-model object types get mirrored inputs, nested ones too, before the model block', () => {
    expect(definition(text, 'AddressInput')).toBe(sdl(`input AddressInput {
      street: String
      geo: GeoInput
    }`));
    const names = definitionNames(text);
    expect(names.indexOf('GeoInput')).toBe(names.indexOf('AddressInput') + 1);
    expect(names.indexOf('ModelItemConnection')).toBe(names.indexOf('GeoInput') + 1);
  });
});

test('id and timestamps the transformer fills are optional in generated inputs, mirrored objects included', () => {
  const text = print(`
    type Post @model { id: ID! createdAt: AWSDateTime! title: String! ref: Ref! }
    type Ref { id: ID! updatedAt: String! label: String! }
  `);
  expect(definition(text, 'CreatePostInput')).toBe(sdl(`input CreatePostInput {
    id: ID
    createdAt: AWSDateTime
    title: String!
    ref: RefInput!
  }`));
  expect(definition(text, 'RefInput')).toBe(sdl(`input RefInput {
    id: ID
    updatedAt: String
    label: String!
  }`));
  expect(definition(text, 'Post')).toContain('  createdAt: AWSDateTime!\n  title: String!\n  ref: Ref!\n  updatedAt: AWSDateTime!\n}');
});

describe('@model maps and timestamps', () => {
  test('renamed and removed operations; subscriptions follow the renamed mutations', () => {
    const text = print(
      'type Note @model(queries: { get: "customer", list: null }, mutations: { create: "addNote", update: null, delete: "removeNote" }) { id: ID! }',
    );
    expect(definition(text, 'Query')).toBe(sdl(`type Query {
      customer(id: ID!): Note
    }`));
    expect(definition(text, 'Mutation')).toBe(sdl(`type Mutation {
      addNote(input: CreateNoteInput!, condition: ModelNoteConditionInput): Note
      removeNote(input: DeleteNoteInput!, condition: ModelNoteConditionInput): Note
    }`));
    expect(definition(text, 'Subscription')).toBe(sdl(`type Subscription {
      onCreateNote(filter: ModelSubscriptionNoteFilterInput): Note @aws_subscribe(mutations: ["addNote"])
      onDeleteNote(filter: ModelSubscriptionNoteFilterInput): Note @aws_subscribe(mutations: ["removeNote"])
    }`));
    expect(definitionNames(text)).not.toContain('ModelNoteConnection');
    expect(definitionNames(text)).not.toContain('UpdateNoteInput');
  });

  test('one subscription name drops the others unless the deep-merge flag is on', () => {
    const schema = 'type C @model(subscriptions: { onCreate: ["cCreated"] }) { id: ID! }';
    expect(definition(print(schema), 'Subscription')).toBe(sdl(`type Subscription {
      cCreated(filter: ModelSubscriptionCFilterInput): C @aws_subscribe(mutations: ["createC"])
    }`));
    const merged = definition(print(schema, { flags: { shoulddeepmergedirectiveconfigdefaults: true } }), 'Subscription');
    expect(merged).toContain('cCreated(');
    expect(merged).toContain('onUpdateC(');
  });

  test('level off and null maps remove the root types', () => {
    expect(definitionNames(print('type C @model(subscriptions: { level: off }) { id: ID! }'))).not.toContain('Subscription');
    const none = definitionNames(print('type C @model(queries: null, mutations: null, subscriptions: null) { id: ID! }'));
    expect(none).not.toContain('Query');
    expect(none).not.toContain('Mutation');
    expect(none).not.toContain('Subscription');
  });

  test('timestamps: null removes them; a rename keeps only what is named', () => {
    expect(definition(print('type A @model(timestamps: null) { id: ID! }'), 'A')).toBe('type A {\n  id: ID!\n}');
    const renamed = print('type A @model(timestamps: { createdAt: "made", updatedAt: null }) { id: ID! }');
    expect(definition(renamed, 'A')).toBe('type A {\n  id: ID!\n  made: AWSDateTime!\n}');
    expect(definition(renamed, 'ModelAConditionInput')).toContain('  not: ModelAConditionInput\n  made: ModelStringInput\n}');
  });
});

describe('names', () => {
  test('list and sync names always go through pluralize', () => {
    const query = definition(print('type Person @model { id: ID! } type Category @model { id: ID! } type Status @model { id: ID! } type D @model { id: ID! }'), 'Query');
    for (const name of ['listPeople(', 'listCategories(', 'listStatuses(', 'listDS(']) expect(query).toContain(name);
  });

  test('improvepluralization does not change list names', () => {
    const schema = 'type Person @model { id: ID! } type D @model { id: ID! }';
    expect(print(schema, { flags: { improvepluralization: true } })).toBe(print(schema));
  });

  test('subscription names longer than 50 characters are cut to 45 plus 5 hex of their md5', () => {
    const text = print('type VeryLongModelNameThatKeepsGoingAndGoingForeverAndEver @model { id: ID! }');
    expect(definition(text, 'Query')).toContain('listVeryLongModelNameThatKeepsGoingAndGoingForeverAndEvers(');
    expect(definition(text, 'Subscription')).toContain('  onCreateVeryLongModelNameThatKeepsGoingAndGoi5dfd2(');
  });
});

const AUTH_DIRECTIVE = /@aws_(api_key|iam|cognito_user_pools|oidc|lambda)/;

describe('auth directives (only with more than one auth mode)', () => {
  const PROJECT = `
    type Query { getRandomQuote: QuoteResponse @function(name: "quote-\${env}") }
    type QuoteResponse { quote: String! }
    type Project @model @auth(rules: [{ allow: public, operations: [read] }, { allow: owner }]) { id: ID! title: String! todos: [Todo] @hasMany }
    type Todo @model @auth(rules: [{ allow: public, operations: [read] }, { allow: owner }]) { id: ID! name: String! }
  `;

  test('a single-mode project has none, even with rules', () => {
    const single = print('type Post @model @auth(rules: [{ allow: owner }, { allow: private, operations: [read] }]) { id: ID! }', { modes: [USER_POOLS] });
    expect(single).not.toMatch(AUTH_DIRECTIVE);
  });

  const text = print(PROJECT, { modes: [API_KEY, USER_POOLS] });

  test('the type lists its non-default providers, then the default', () => {
    expect(definition(text, 'Project')).toMatch(/^type Project @aws_cognito_user_pools @aws_api_key \{/);
    expect(definition(text, 'Project')).toContain('  owner: String\n}');
  });

  test('operation fields list the providers of the rules that allow them', () => {
    const query = definition(text, 'Query');
    expect(query).toContain('  getProject(id: ID!): Project @aws_api_key @aws_cognito_user_pools\n');
    expect(definition(text, 'Mutation')).toContain(
      '  createProject(input: CreateProjectInput!, condition: ModelProjectConditionInput): Project @aws_cognito_user_pools\n',
    );
    expect(definition(text, 'Subscription')).toContain(
      '  onCreateProject(filter: ModelSubscriptionProjectFilterInput, owner: String): Project @aws_subscribe(mutations: ["createProject"]) @aws_api_key @aws_cognito_user_pools\n',
    );
  });

  test('a connection first reached through a relation keeps the order of that relation', () => {
    expect(definition(text, 'ModelProjectConnection')).toMatch(/^type ModelProjectConnection @aws_api_key @aws_cognito_user_pools \{/);
    expect(definition(text, 'ModelTodoConnection')).toMatch(/^type ModelTodoConnection @aws_cognito_user_pools @aws_api_key \{/);
  });

  test('owner fields: appended to the type and filters, re-appended to the subscription filter as ModelStringInput', () => {
    expect(definition(text, 'ModelProjectFilterInput')).toContain('  not: ModelProjectFilterInput\n  owner: ModelStringInput\n}');
    expect(definition(text, 'ModelSubscriptionProjectFilterInput')).toContain(
      '  or: [ModelSubscriptionProjectFilterInput]\n  projectTodosId: ModelSubscriptionIDInput\n  owner: ModelStringInput\n}',
    );
    expect(definition(text, 'CreateProjectInput')).not.toContain('owner');
  });

  test('a model whose rules use only the default provider gets no directives', () => {
    const blog = print('type Post @model @auth(rules: [{ allow: owner }]) { id: ID! }', { modes: [USER_POOLS, API_KEY] });
    expect(blog).not.toMatch(AUTH_DIRECTIVE);
  });

  test('Blog with public read, private iam and owner rules (reference §11.4)', () => {
    const blog = print(
      `type Blog @model @auth(rules: [{ allow: public, operations: [read] }, { allow: private, provider: iam }, { allow: owner }]) {
        id: ID! name: String posts: [Post] @hasMany
      }
      type Post @model @auth(rules: [{ allow: owner }]) { id: ID! title: String }`,
      { modes: [USER_POOLS, API_KEY, IAM] },
    );
    expect(definition(blog, 'Blog')).toMatch(/^type Blog @aws_api_key @aws_iam @aws_cognito_user_pools \{/);
    expect(definition(blog, 'Query')).toContain('listBlogs(filter: ModelBlogFilterInput, limit: Int, nextToken: String): ModelBlogConnection @aws_api_key @aws_iam @aws_cognito_user_pools');
    expect(definition(blog, 'Mutation')).toContain('deleteBlog(input: DeleteBlogInput!, condition: ModelBlogConditionInput): Blog @aws_iam @aws_cognito_user_pools');
    expect(definition(blog, 'ModelPostConnection')).toMatch(/^type ModelPostConnection @aws_api_key @aws_iam @aws_cognito_user_pools \{/);
  });

  test('root fields with @auth get their providers and move behind the model fields, as the original re-appends them', () => {
    const custom = print(
      `type Board @model @auth(rules: [{ allow: public }]) { id: ID! }
      type Query { getRandomEmoji: String @function(name: "emoji") @auth(rules: [{ allow: private }]) }`,
      { modes: [API_KEY, USER_POOLS] },
    );
    expect(definition(custom, 'Query')).toBe(sdl(`type Query {
      getBoard(id: ID!): Board
      listBoards(filter: ModelBoardFilterInput, limit: Int, nextToken: String): ModelBoardConnection
      getRandomEmoji: String @aws_cognito_user_pools
    }`));
  });

  test('sandbox models without rules are opened to API key when it is not the default mode', () => {
    const sandbox = print(`${SANDBOX_HEADER}\ntype Todo @model { id: ID! address: Address } type Address { city: String }`, { modes: [USER_POOLS, API_KEY] });
    expect(definition(sandbox, 'Todo')).toMatch(/^type Todo @aws_api_key \{/);
    expect(definition(sandbox, 'Address')).toMatch(/^type Address @aws_api_key \{/);
    expect(definition(sandbox, 'Query')).toContain('getTodo(id: ID!): Todo @aws_api_key\n');
  });

  test('public-level subscriptions carry no owner argument and no auth directives', () => {
    const open = print('type Post @model(subscriptions: { level: public }) @auth(rules: [{ allow: owner }, { allow: public }]) { id: ID! }', {
      modes: [USER_POOLS, API_KEY],
    });
    expect(definition(open, 'Subscription')).toContain('  onCreatePost(filter: ModelSubscriptionPostFilterInput): Post @aws_subscribe(mutations: ["createPost"])\n');
  });

  test('list owner fields and dynamic groups fields leave the subscription filter', () => {
    const posts = print(
      'type Post @model @auth(rules: [{ allow: owner, ownerField: "authors" }, { allow: groups, groupsField: "editors" }]) { id: ID! authors: [String] editors: [String] }',
      { modes: [USER_POOLS] },
    );
    expect(definition(posts, 'ModelSubscriptionPostFilterInput')).toBe(sdl(`input ModelSubscriptionPostFilterInput {
      id: ModelSubscriptionIDInput
      createdAt: ModelSubscriptionStringInput
      updatedAt: ModelSubscriptionStringInput
      and: [ModelSubscriptionPostFilterInput]
      or: [ModelSubscriptionPostFilterInput]
      authors: ModelStringInput
    }`));
    // A list owner field takes no subscription argument.
    expect(definition(posts, 'Subscription')).toContain('onCreatePost(filter: ModelSubscriptionPostFilterInput): Post');
  });

  test('a type whose rules do not use the default mode does not list it', () => {
    const open = print('type Post @model @auth(rules: [{ allow: public }]) { id: ID! }', { modes: [USER_POOLS, API_KEY] });
    expect(definition(open, 'Post')).toMatch(/^type Post @aws_api_key \{/);
    expect(definition(open, 'Query')).toContain('getPost(id: ID!): Post @aws_api_key\n');
  });

  test('directives follow the fixed provider order, not the order of the rules', () => {
    const ordered = print('type Post @model @auth(rules: [{ allow: custom }, { allow: private, provider: iam }]) { id: ID! }', {
      modes: [IAM, LAMBDA],
    });
    expect(definition(ordered, 'Post')).toMatch(/^type Post @aws_lambda @aws_iam \{/);
    expect(definition(ordered, 'Query')).toContain('getPost(id: ID!): Post @aws_iam @aws_lambda\n');
  });

  test('admin roles give every protected model IAM access next to its own modes', () => {
    const input = schemaInput('type Post @model @auth(rules: [{ allow: owner }]) { id: ID! } type Open @model { id: ID! }', { modes: [USER_POOLS, IAM] });
    input.adminRoles = ['myfunction-dev'];
    const admin = printTransformedSchema(analyzeSchema(input));
    outputs.push(admin);
    expect(definition(admin, 'Post')).toMatch(/^type Post @aws_iam @aws_cognito_user_pools \{/);
    expect(definition(admin, 'Mutation')).toContain('createPost(input: CreatePostInput!, condition: ModelPostConditionInput): Post @aws_iam @aws_cognito_user_pools\n');
    expect(definition(admin, 'Open')).toBe('type Open {\n  id: ID!\n  createdAt: AWSDateTime!\n  updatedAt: AWSDateTime!\n}');
  });

  test('field rules without delete take the delete mutation away from those modes; index queries get the read modes', () => {
    const fielded = print(
      `type Comment @model @auth(rules: [{ allow: owner }, { allow: private, provider: oidc }, { allow: public, operations: [read] }]) {
        id: ID!
        postID: ID! @index(name: "byPost", queryField: "commentsByPost")
        note: String @auth(rules: [{ allow: owner, operations: [read, update] }, { allow: public, operations: [read] }])
      }`,
      { modes: [API_KEY, USER_POOLS, OIDC] },
    );
    expect(definition(fielded, 'Mutation')).toContain('updateComment(input: UpdateCommentInput!, condition: ModelCommentConditionInput): Comment @aws_oidc @aws_cognito_user_pools\n');
    expect(definition(fielded, 'Mutation')).toContain('deleteComment(input: DeleteCommentInput!, condition: ModelCommentConditionInput): Comment\n');
    expect(definition(fielded, 'Query')).toContain(
      'commentsByPost(postID: ID!, sortDirection: ModelSortDirection, filter: ModelCommentFilterInput, limit: Int, nextToken: String): ModelCommentConnection @aws_api_key @aws_oidc @aws_cognito_user_pools\n',
    );
  });

  test('a field-level owner rule also takes its field out of the subscription filter and adds the subscription argument', () => {
    const posts = print(
      'type Post @model @auth(rules: [{ allow: private }]) { id: ID! editor: String notes: String @auth(rules: [{ allow: owner, ownerField: "editor" }]) }',
      { modes: [USER_POOLS] },
    );
    expect(definition(posts, 'ModelSubscriptionPostFilterInput')).toContain('  or: [ModelSubscriptionPostFilterInput]\n  editor: ModelStringInput\n}');
    expect(definition(posts, 'ModelSubscriptionPostFilterInput')).not.toContain('  editor: ModelSubscriptionStringInput');
    expect(definition(posts, 'Subscription')).toContain('onCreatePost(filter: ModelSubscriptionPostFilterInput, editor: String): Post');
  });

  test('addmissingownerfields=false leaves the owner field out', () => {
    const posts = print('type Post @model @auth(rules: [{ allow: owner }]) { id: ID! }', { modes: [USER_POOLS], flags: { addmissingownerfields: false } });
    expect(definition(posts, 'Post')).not.toContain('owner');
  });
});

describe('@function and @http fields', () => {
  const text = print(`
    type Query {
      echo(msg: String): String @function(name: "echofn-\${env}")
      weather(city: String!, units: String): String @http(url: "https://api.example.com/weather/:city")
    }
    type Mutation { report(id: ID!, text: String!): String @http(method: POST, url: "https://api.example.com/reports/:id") }
  `);

  test('@function leaves the field as written; @http regroups arguments into params/query/body inputs', () => {
    expect(definition(text, 'Query')).toBe(sdl(`type Query {
      echo(msg: String): String
      weather(params: QueryWeatherParamsInput!, query: QueryWeatherQueryInput): String
    }`));
    expect(definition(text, 'Mutation')).toBe(sdl(`type Mutation {
      report(params: MutationReportParamsInput!, query: MutationReportQueryInput, body: MutationReportBodyInput): String
    }`));
    expect(definition(text, 'QueryWeatherParamsInput')).toBe('input QueryWeatherParamsInput {\n  city: String!\n}');
    expect(definition(text, 'QueryWeatherQueryInput')).toBe('input QueryWeatherQueryInput {\n  units: String\n}');
    expect(definition(text, 'MutationReportBodyInput')).toBe('input MutationReportBodyInput {\n  text: String\n}');
  });

  test('a schema without models gets no model inputs', () => {
    expect(text).not.toContain('ModelStringInput');
  });
});

describe('DataStore (conflict resolution on)', () => {
  const text = print('type Todo @model { id: ID! name: String! }', { dataStore: true });

  test('sync fields, sync query and _version/_deleted inputs', () => {
    expect(definition(text, 'Todo')).toBe(sdl(`type Todo {
      id: ID!
      name: String!
      createdAt: AWSDateTime!
      updatedAt: AWSDateTime!
      _version: Int!
      _deleted: Boolean
      _lastChangedAt: AWSTimestamp!
    }`));
    expect(definition(text, 'ModelTodoConnection')).toContain('  startedAt: AWSTimestamp\n}');
    expect(definition(text, 'Query')).toContain(
      '  syncTodos(filter: ModelTodoFilterInput, limit: Int, nextToken: String, lastSync: AWSTimestamp): ModelTodoConnection\n}',
    );
    expect(definition(text, 'CreateTodoInput')).toContain('  _version: Int\n}');
    expect(definition(text, 'DeleteTodoInput')).toBe('input DeleteTodoInput {\n  id: ID!\n  _version: Int\n}');
    expect(definition(text, 'ModelTodoFilterInput')).toContain('  not: ModelTodoFilterInput\n  _deleted: ModelBooleanInput\n}');
    expect(definition(text, 'ModelTodoFilterInput')).not.toContain('_version');
  });
});

describe('user definitions', () => {
  test('root types keep their place and fields; enums, interfaces and AppSync directives stay; transformer directives go', () => {
    const text = print(`
      interface Node { id: ID! }
      type Query { ping: String @aws_api_key }
      type Post implements Node @model { id: ID! title: String @deprecated(reason: "old") }
      enum Color { RED }
    `);
    expect(definitionNames(text).slice(0, 4)).toEqual(['Node', 'Query', 'Post', 'Color']);
    expect(definition(text, 'Query')).toMatch(/^type Query \{\n {2}ping: String @aws_api_key\n {2}getPost\(/);
    expect(definition(text, 'Post')).toMatch(/^type Post implements Node \{\n {2}id: ID!\n {2}title: String @deprecated\(reason: "old"\)\n/);
    expect(text).not.toMatch(/@model|@auth|@function|@http|@primaryKey|@index|@hasMany|@default/);
  });
});

test('a schema using every common directive at once prints and builds', () => {
  const text = print(
    `${SANDBOX_HEADER}
    type Blog @model @auth(rules: [{ allow: owner }, { allow: public, operations: [read] }]) {
      id: ID!
      name: String!
      posts: [Post] @hasMany
    }
    type Post @model @auth(rules: [{ allow: owner }, { allow: public, operations: [read] }]) {
      id: ID!
      title: String!
      blog: Blog @belongsTo
      tags: [Tag] @manyToMany(relationName: "PostTags")
      status: PostStatus @default(value: "DRAFT")
    }
    type Tag @model @auth(rules: [{ allow: public }]) { id: ID! label: String! posts: [Post] @manyToMany(relationName: "PostTags") }
    type Customer @model @auth(rules: [{ allow: private }]) {
      email: String! @primaryKey(sortKeyFields: ["region"])
      region: String!
      name: String @index(name: "byName", queryField: "customersByName")
    }
    enum PostStatus { DRAFT PUBLISHED }
    type Query { echo(msg: String): String @function(name: "echofn-\${env}") }`,
    { modes: [USER_POOLS, API_KEY] },
  );
  // Reference §11.4: join models carry the union of both sides.
  expect(definition(text, 'PostTags')).toMatch(/^type PostTags @aws_api_key @aws_cognito_user_pools \{/);
  expect(definition(text, 'Query')).toContain('customersByName(name: String!, sortDirection: ModelSortDirection, filter: ModelCustomerFilterInput, limit: Int, nextToken: String): ModelCustomerConnection');
  expect(text).not.toContain('AMPLIFY');
});

test('every schema printed above builds on top of the AppSync prelude', () => {
  expect(outputs.length).toBeGreaterThan(20);
  for (const text of outputs) {
    expect(buildsOnAppSync(text)).toBe(true);
    expect(() => parse(text)).not.toThrow();
  }
});

test('printing is deterministic for one analysis', () => {
  const analysis = analyzeSchema(schemaInput(BLOG_SCHEMA));
  expect(printTransformedSchema(analysis)).toBe(printTransformedSchema(analysis));
});
