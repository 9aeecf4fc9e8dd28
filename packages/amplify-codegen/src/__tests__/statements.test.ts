import { parse, validate } from 'graphql';
import { renderStatementFile, statementLanguageOf } from '../service/statement-files';
import { generateOperations, type GeneratedOperations } from '../service/statements';
import { buildAppSyncSchema } from '../service/appsync-schema';
import { fixtureSchema, fixtureText, type FixtureName } from './helpers';

const operationsOf = (fixture: FixtureName, maxDepth: number, typenameIntrospection = true): GeneratedOperations =>
  generateOperations(fixtureSchema(fixture), { maxDepth, typenameIntrospection });

const documentOf = (fixture: FixtureName, fieldName: string, maxDepth: number): string => {
  const all = operationsOf(fixture, maxDepth);
  const found = [...all.queries, ...all.mutations, ...all.subscriptions].find((op) => op.fieldName === fieldName);
  if (!found) throw new Error(`no operation ${fieldName}`);
  return found.document;
};

describe('Todo statements (javascript, default depth 2)', () => {
  test('queries.js has the original header, one export per query and 2-space indented documents', () => {
    expect(renderStatementFile('javascript', 'queries', operationsOf('todo', 2).queries)).toBe(`/* eslint-disable */
// this is an auto generated file. This will be overwritten

export const getTodo = /* GraphQL */ \`
  query GetTodo($id: ID!) {
    getTodo(id: $id) {
      id
      name
      description
      createdAt
      updatedAt
      __typename
    }
  }
\`;
export const listTodos = /* GraphQL */ \`
  query ListTodos(
    $filter: ModelTodoFilterInput
    $limit: Int
    $nextToken: String
  ) {
    listTodos(filter: $filter, limit: $limit, nextToken: $nextToken) {
      items {
        id
        name
        description
        createdAt
        updatedAt
        __typename
      }
      nextToken
      __typename
    }
  }
\`;
`);
  });

  test('mutations pass input and condition by name, with identical variable types', () => {
    expect(documentOf('todo', 'createTodo', 2)).toBe(`mutation CreateTodo(
  $input: CreateTodoInput!
  $condition: ModelTodoConditionInput
) {
  createTodo(input: $input, condition: $condition) {
    id
    name
    description
    createdAt
    updatedAt
    __typename
  }
}`);
  });

  test('subscriptions take the filter', () => {
    expect(documentOf('todo', 'onCreateTodo', 2).split('\n').slice(0, 2)).toEqual([
      'subscription OnCreateTodo($filter: ModelSubscriptionTodoFilterInput) {',
      '  onCreateTodo(filter: $filter) {',
    ]);
  });

  test('depth 1 selects only the returned type\'s scalars: a connection keeps nextToken', () => {
    expect(documentOf('todo', 'listTodos', 1)).toContain('listTodos(filter: $filter, limit: $limit, nextToken: $nextToken) {\n    nextToken\n    __typename\n  }');
    expect(documentOf('todo', 'getTodo', 1)).toBe(documentOf('todo', 'getTodo', 3));
  });
});

describe('Blog/Post selection depth', () => {
  test('getPost at depth 2 is the reference selection', () => {
    expect(documentOf('blog', 'getPost', 2)).toBe(`query GetPost($id: ID!) {
  getPost(id: $id) {
    id
    title
    rating
    status
    blog {
      id
      name
      createdAt
      updatedAt
      owner
      __typename
    }
    comments {
      nextToken
      __typename
    }
    tags {
      nextToken
      __typename
    }
    author
    createdAt
    updatedAt
    blogPostsId
    __typename
  }
}`);
  });

  test('getPost at depth 1 has no object fields', () => {
    expect(documentOf('blog', 'getPost', 1)).toBe(`query GetPost($id: ID!) {
  getPost(id: $id) {
    id
    title
    rating
    status
    author
    createdAt
    updatedAt
    blogPostsId
    __typename
  }
}`);
  });

  test('getPost at depth 3 expands connection items and nested connections', () => {
    expect(documentOf('blog', 'getPost', 3)).toBe(`query GetPost($id: ID!) {
  getPost(id: $id) {
    id
    title
    rating
    status
    blog {
      id
      name
      posts {
        nextToken
        __typename
      }
      createdAt
      updatedAt
      owner
      __typename
    }
    comments {
      items {
        id
        content
        createdAt
        updatedAt
        postCommentsId
        __typename
      }
      nextToken
      __typename
    }
    tags {
      items {
        id
        postId
        tagId
        createdAt
        updatedAt
        __typename
      }
      nextToken
      __typename
    }
    author
    createdAt
    updatedAt
    blogPostsId
    __typename
  }
}`);
  });

  test('list and index queries at depth 2 give items with scalars and nextToken', () => {
    const byTitle = documentOf('blog', 'booksByTitle', 2);
    expect(byTitle).toContain(`query BooksByTitle(
  $title: String!
  $sortDirection: ModelSortDirection
  $filter: ModelBookFilterInput
  $limit: Int
  $nextToken: String
) {
  booksByTitle(
    title: $title
    sortDirection: $sortDirection
    filter: $filter
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      isbn
      title
      genres
      createdAt
      updatedAt
      __typename
    }
    nextToken
    __typename
  }
}`);
  });

  test('a custom query returning a scalar has no selection set; custom primary keys become the get arguments', () => {
    expect(documentOf('blog', 'echo', 2)).toBe('query Echo($message: String!) {\n  echo(message: $message)\n}');
    expect(documentOf('blog', 'getBook', 2).split('\n')[0]).toBe('query GetBook($isbn: ID!) {');
    // A non-model object counts as a level: selected under getBook, not under list items at the same depth.
    expect(documentOf('blog', 'getBook', 2)).toContain('    meta {\n      pages\n      language\n      __typename\n    }');
  });

  test('owner arguments of subscriptions become variables', () => {
    expect(documentOf('blog', 'onCreateBlog', 2).split('\n').slice(0, 5)).toEqual([
      'subscription OnCreateBlog(',
      '  $filter: ModelSubscriptionBlogFilterInput',
      '  $owner: String',
      ') {',
      '  onCreateBlog(filter: $filter, owner: $owner) {',
    ]);
  });

  test('typenameIntrospection false leaves __typename out', () => {
    const all = operationsOf('blog', 3, false);
    expect([...all.queries, ...all.mutations, ...all.subscriptions].some((op) => op.document.includes('__typename'))).toBe(false);
  });

  test('operations follow the order of the root types\' fields', () => {
    const all = operationsOf('blog', 2);
    const schema = fixtureSchema('blog');
    expect(all.queries.map((op) => op.fieldName)).toEqual(Object.keys(schema.getQueryType()?.getFields() ?? {}));
    expect(all.mutations.map((op) => op.operationName).slice(0, 3)).toEqual(['CreateBlog', 'UpdateBlog', 'DeleteBlog']);
    expect(all.subscriptions).toHaveLength(18);
  });
});

describe('DataStore APIs (conflict resolution on)', () => {
  // The compiled schema of a DataStore API: version fields on the model, startedAt on connections, sync queries.
  const dataStoreSdl = fixtureText('todo.compiled.graphql')
    .replace('  updatedAt: AWSDateTime!\n}', '  updatedAt: AWSDateTime!\n  _version: Int!\n  _deleted: Boolean\n  _lastChangedAt: AWSTimestamp!\n}')
    .replace('  nextToken: String\n}', '  nextToken: String\n  startedAt: AWSTimestamp\n}')
    .replace('type Query {', 'type Query {\n  syncTodos(filter: ModelTodoFilterInput, limit: Int, nextToken: String, lastSync: AWSTimestamp): ModelTodoConnection @aws_api_key');

  test('sync queries and the version fields are selected, and the statements validate', () => {
    const schema = buildAppSyncSchema(dataStoreSdl);
    const all = generateOperations(schema, { maxDepth: 2, typenameIntrospection: true });
    const sync = all.queries.find((op) => op.fieldName === 'syncTodos')?.document ?? '';
    expect(sync).toContain('  $lastSync: AWSTimestamp\n) {\n  syncTodos(\n    filter: $filter\n    limit: $limit\n    nextToken: $nextToken\n    lastSync: $lastSync\n  ) {');
    expect(sync).toContain('      _version\n      _deleted\n      _lastChangedAt\n      __typename\n    }\n    nextToken\n    startedAt\n    __typename');
    const ops = [...all.queries, ...all.mutations, ...all.subscriptions];
    expect(ops.flatMap((op) => validate(schema, parse(op.document)))).toEqual([]);
  });
});

describe('every generated statement parses and validates against the compiled schema', () => {
  test.each([
    ['todo', 1],
    ['todo', 2],
    ['blog', 1],
    ['blog', 2],
    ['blog', 3],
    ['blog', 5],
  ] as Array<[FixtureName, number]>)('%s at depth %d', (fixture, depth) => {
    const schema = fixtureSchema(fixture);
    const all = operationsOf(fixture, depth);
    const operations = [...all.queries, ...all.mutations, ...all.subscriptions];
    expect(operations.length).toBeGreaterThan(5);
    const problems = operations.flatMap((op) => validate(schema, parse(op.document)).map((error) => `${op.fieldName}: ${error.message}`));
    expect(problems).toEqual([]);
  });
});

describe('statement file layouts', () => {
  const ops = operationsOf('todo', 2);

  test('typescript: typed exports importing the API types, long closings wrapped as prettier does', () => {
    const text = renderStatementFile('typescript', 'mutations', ops.mutations, { typesModule: '../API' });
    expect(text.split('\n').slice(0, 10)).toEqual([
      '/* tslint:disable */',
      '/* eslint-disable */',
      '// this is an auto generated file. This will be overwritten',
      '',
      'import * as APITypes from "../API";',
      'type GeneratedMutation<InputType, OutputType> = string & {',
      '  __generatedMutationInput: InputType;',
      '  __generatedMutationOutput: OutputType;',
      '};',
      '',
    ]);
    expect(text).toContain('export const createTodo = /* GraphQL */ `mutation CreateTodo(\n  $input: CreateTodoInput!');
    expect(text).toContain('}\n` as GeneratedMutation<\n  APITypes.CreateTodoMutationVariables,\n  APITypes.CreateTodoMutation\n>;\n');
    const queries = renderStatementFile('typescript', 'queries', ops.queries, { typesModule: '../API' });
    expect(queries).toContain('}\n` as GeneratedQuery<APITypes.GetTodoQueryVariables, APITypes.GetTodoQuery>;\n');
  });

  test('flow: the @flow header and the javascript body', () => {
    const flow = renderStatementFile('flow', 'queries', ops.queries);
    const js = renderStatementFile('javascript', 'queries', ops.queries);
    expect(flow.split('\n').slice(0, 2)).toEqual(['// @flow', '// this is an auto generated file. This will be overwritten']);
    expect(flow.split('\n').slice(2)).toEqual(js.split('\n').slice(2));
  });

  test('graphql (angular, swift, android): a comment header and documents separated by blank lines', () => {
    const text = renderStatementFile('graphql', 'queries', ops.queries);
    expect(text).toBe(`# this is an auto generated file. This will be overwritten\n\n${ops.queries[0].document}\n\n${ops.queries[1].document}\n`);
    expect(parse(text).definitions).toHaveLength(2);
  });

  test('targets map to statement languages', () => {
    expect(['javascript', 'typescript', 'flow', 'angular', 'swift', 'android', ''].map(statementLanguageOf)).toEqual([
      'javascript',
      'typescript',
      'flow',
      'graphql',
      'graphql',
      'graphql',
      'graphql',
    ]);
  });
});
