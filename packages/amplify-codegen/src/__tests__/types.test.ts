import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, thrownAmplifyError } from 'amplify-test-support';
import { loadProjectSchema, writeStatements, writeTypes } from '../service/codegen-runner';
import { buildCodegenProject, describeAppFrontend } from '../service/codegen-defaults';
import { saveCodegenProject, type CodegenProject, type CodegenTarget } from '../service/graphql-config';
import { findProjectApi } from '../service/project-api';
import { stateManager } from 'amplify-cli-core';
import { createCodegenProject, type FixtureName } from './helpers';
import { strictDiagnostics } from './typescript-compile';

afterAll(() => cleanupTempDirs());

/** A project configured for `target`, with statements and types generated; returns its root and project. */
function generated(fixture: FixtureName, target: CodegenTarget, generatedFileName: string, includes: string[], maxDepth = 2): { root: string; project: CodegenProject; typesText: string } {
  const root = createCodegenProject({ fixture });
  const app = describeAppFrontend(root, stateManager.getProjectConfig(root));
  const project = buildCodegenProject(`${fixture}api`, app, { target, includes, generatedFileName, maxDepth }, {});
  saveCodegenProject(root, project);
  const schema = loadProjectSchema(root, project, findProjectApi(root));
  writeStatements(root, project, schema);
  const result = writeTypes(root, project, schema);
  expect(result).toEqual({ type: 'written', file: generatedFileName });
  return { root, project, typesText: fs.readFileSync(path.join(root, generatedFileName), 'utf8') };
}

describe('API.ts (typescript)', () => {
  test('Todo: the original header, inputs in first-use order, enums, object types and per-operation types', () => {
    const { typesText } = generated('todo', 'typescript', 'src/API.ts', ['src/graphql/**/*.ts']);
    expect(typesText.split('\n').slice(0, 4)).toEqual(['/* tslint:disable */', '/* eslint-disable */', '//  This file was automatically generated and should not be edited.', '']);
    // Mutations come first (documents are read in file-name order), so the create input is the first type.
    const declared = [...typesText.matchAll(/^export (?:type|enum) (\w+)/gm)].map((match) => match[1]);
    expect(declared.slice(0, 6)).toEqual(['CreateTodoInput', 'ModelTodoConditionInput', 'ModelStringInput', 'ModelAttributeTypes', 'ModelSizeInput', 'Todo']);
    expect(typesText).toContain(`export type CreateTodoInput = {
  id?: string | null,
  name: string,
  description?: string | null,
};`);
    expect(typesText).toContain(`export enum ModelAttributeTypes {
  binary = "binary",`);
    expect(typesText).toContain(`export type ListTodosQuery = {
  listTodos?:  {
    __typename: "ModelTodoConnection",
    items:  Array< {
      __typename: "Todo",
      id: string,
      name: string,
      description?: string | null,
      createdAt: string,
      updatedAt: string,
    } | null >,
    nextToken?: string | null,
  } | null,
};`);
    expect(typesText).toContain(`export type GetTodoQueryVariables = {
  id: string,
};`);
  });

  test('Blog/Post: API.ts and the typed statements pass tsc --strict, and the types follow the selections', () => {
    const { root } = generated('blog', 'typescript', 'src/API.ts', ['src/graphql/**/*.ts'], 2);
    const usage = path.join(root, 'src', 'usage.ts');
    fs.writeFileSync(
      usage,
      `import { CreatePostMutationVariables, GetPostQuery, PostStatus, ListBooksQuery } from './API';
import { getPost } from './graphql/queries';
import { createPost } from './graphql/mutations';
import { onCreateBlog } from './graphql/subscriptions';

type InputOf<T> = T extends { __generatedQueryInput: infer I } ? I : T extends { __generatedMutationInput: infer M } ? M : never;
const variables: CreatePostMutationVariables = { input: { title: 'Hello', status: PostStatus.ACTIVE, rating: 3 } };
const getVariables: InputOf<typeof getPost> = { id: 'p1' };
const createVariables: InputOf<typeof createPost> = variables;
declare const result: GetPostQuery;
const title: string | undefined = result.getPost?.title;
const blogName: string | undefined = result.getPost?.blog?.name;
const typename: 'Post' | undefined = result.getPost?.__typename;
const nextToken: string | null | undefined = result.getPost?.comments?.nextToken;
// @ts-expect-error connection items are not selected at depth 2
result.getPost?.comments?.items;
declare const books: ListBooksQuery;
const genres: Array<string | null> | null | undefined = books.listBooks?.items[0]?.genres;
const statement: string = onCreateBlog;
export { title, blogName, typename, nextToken, getVariables, createVariables, genres, statement };
`,
    );
    const files = ['API.ts', 'usage.ts', 'graphql/queries.ts', 'graphql/mutations.ts', 'graphql/subscriptions.ts'].map((file) => path.join(root, 'src', file));
    expect(strictDiagnostics(root, files)).toEqual([]);
  }, 60_000);

  test('the typed statements give Amplify JS v6 clients typed variables and results (strict)', () => {
    const { root } = generated('todo', 'typescript', 'src/API.ts', ['src/graphql/**/*.ts']);
    const app = path.join(root, 'src', 'client.ts');
    fs.writeFileSync(
      app,
      `import { generateClient } from 'aws-amplify/api';
import { getTodo, listTodos } from './graphql/queries';
import { createTodo } from './graphql/mutations';

const client = generateClient();
export async function run(): Promise<string | undefined> {
  const created = await client.graphql({ query: createTodo, variables: { input: { name: 'milk' } } });
  const id: string | undefined = created.data.createTodo?.id;
  const one = await client.graphql({ query: getTodo, variables: { id: id ?? '' } });
  const all = await client.graphql({ query: listTodos });
  const names: Array<string | undefined> = all.data.listTodos?.items.map((item) => item?.name) ?? [];
  // @ts-expect-error the variables are typed: name is required
  await client.graphql({ query: createTodo, variables: { input: {} } });
  return one.data.getTodo?.description ?? names[0];
}
`,
    );
    expect(strictDiagnostics(root, [app])).toEqual([]);
  }, 60_000);

  test('a deeper maxDepth still compiles', () => {
    const { root } = generated('blog', 'typescript', 'src/API.ts', ['src/graphql/**/*.ts'], 4);
    expect(strictDiagnostics(root, [path.join(root, 'src', 'API.ts'), path.join(root, 'src', 'graphql', 'queries.ts')])).toEqual([]);
  }, 60_000);
});

describe('documents the types are generated from', () => {
  test('a hand-written document that does not match the schema is an error naming its file, even beside generated ones', () => {
    const { root, project } = generated('todo', 'typescript', 'src/API.ts', ['src/graphql/**/*.ts']);
    fs.writeFileSync(path.join(root, 'src', 'graphql', 'custom.ts'), 'export const bad = /* GraphQL */ `query Bad { getTodo(id: "1") { nope } }`;\n');
    const schema = loadProjectSchema(root, project, findProjectApi(root));
    const error = thrownAmplifyError(() => writeTypes(root, project, schema, ['src/graphql/queries.ts', 'src/graphql/mutations.ts']));
    expect([error.code, error.message]).toEqual(['InvalidGraphQLDocument', 'src/graphql/custom.ts: Cannot query field "nope" on type "Todo". Did you mean "name"?']);
  });

  test('operations of hand-written documents get their types too, fragments included', () => {
    const { root, project } = generated('todo', 'typescript', 'src/API.ts', ['src/graphql/**/*.ts']);
    fs.writeFileSync(
      path.join(root, 'src', 'graphql', 'custom.ts'),
      'export const names = /* GraphQL */ `query TodoNames { listTodos { items { ...TodoName } } }`;\nexport const fragment = /* GraphQL */ `fragment TodoName on Todo { label: name }`;\n',
    );
    writeTypes(root, project, loadProjectSchema(root, project, findProjectApi(root)));
    expect(fs.readFileSync(path.join(root, 'src', 'API.ts'), 'utf8')).toContain(`export type TodoNamesQuery = {
  listTodos?:  {
    items:  Array< {
      label: string,
    } | null >,
  } | null,
};`);
  });
});

describe('flow types (API.js)', () => {
  test('exact object types, ?T for nullable, enums as string unions', () => {
    const { typesText } = generated('blog', 'flow', 'src/API.js', ['src/graphql/**/*.js']);
    expect(typesText.split('\n').slice(0, 2)).toEqual(['/* @flow */', '//  This file was automatically generated and should not be edited.']);
    expect(typesText).toContain(`export type CreateTodoInput = {|`.replace('Todo', 'Blog'));
    expect(typesText).toContain(`export type PostStatus =
  "ACTIVE" |
  "INACTIVE";`);
    expect(typesText).toContain(`export type GetPostQueryVariables = {|
  id: string,
|};`);
    expect(typesText).toMatch(/export type GetPostQuery = \{\|\n {2}getPost: \?\{\|\n {4}__typename: "Post",\n {4}id: string,\n {4}title: string,\n {4}rating: \?number,/);
  });
});

describe('Angular service (API.service.ts)', () => {
  test('an injectable APIService with a method per operation compiles (strict) against the Angular and Amplify API shapes', () => {
    const { root, typesText } = generated('todo', 'angular', 'src/app/API.service.ts', ['src/graphql/**/*.graphql']);
    expect(typesText).toContain('export class APIService {');
    expect(typesText).toContain('  async CreateTodo(input: CreateTodoInput, condition?: ModelTodoConditionInput): Promise<CreateTodoMutation> {');
    expect(typesText).toContain('  OnCreateTodoListener(filter?: ModelSubscriptionTodoFilterInput): Observable<SubscriptionResponse<Pick<__SubscriptionContainer, "onCreateTodo">>> {');
    // Minimal declarations of the three imported modules (Angular and zen-observable are not installed here).
    const stubs = path.join(root, 'src', 'stubs.d.ts');
    fs.writeFileSync(
      stubs,
      `declare module "@angular/core" { export function Injectable(options: { providedIn: string }): ClassDecorator; }
declare module "@aws-amplify/api-graphql" {
  export interface GraphQLResult<T> { data?: T; errors?: unknown[] }
  export function graphqlOperation(query: string, variables?: object): object;
  const API: { graphql(operation: object): unknown };
  export default API;
}
declare module "zen-observable-ts" { export class Observable<T> { subscribe(next: (value: T) => void): void } }
`,
    );
    expect(strictDiagnostics(root, [path.join(root, 'src', 'app', 'API.service.ts'), stubs])).toEqual([]);
  }, 60_000);
});
