import { synthesizeResources } from '..';
import * as fx from './fixtures/models';
import { type Caller, contextOf, type JavaMap, plain, renderTemplate, type TemplateContext, VtlError } from './vtl-shim';

const { parse } = require('amplify-velocity-template/index.js') as { parse(template: string): unknown };

const fixtures = {
  todoWithOwnerAuth: synthesizeResources(fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY)),
  sandboxTodo: synthesizeResources(fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY)),
  blogPostComment: synthesizeResources(fx.blogPostComment(), fx.input(fx.API_KEY_ONLY)),
  customKeyStore: synthesizeResources(fx.customKeyStore(), fx.input(fx.API_KEY_ONLY)),
  manyToMany: synthesizeResources(fx.manyToMany(), fx.input(fx.USER_POOLS_AND_API_KEY)),
  functionAndHttp: synthesizeResources(fx.functionAndHttp(), fx.input(fx.IAM_AND_API_KEY)),
  dataStoreTodo: synthesizeResources(fx.dataStoreTodo(), fx.input(fx.API_KEY_ONLY)),
  fieldAuthNote: synthesizeResources(fx.fieldAuthNote(), fx.input(fx.USER_POOLS_ONLY)),
};

describe.each(Object.entries(fixtures))('templates of %s', (_, output) => {
  it.each(Object.keys(output.resolvers))('%s parses', (file) => {
    expect(() => parse(output.resolvers[file])).not.toThrow();
  });
});

const ALICE: Caller = { authType: 'User Pool Authorization', claims: { sub: 's1', username: 'alice', 'cognito:groups': [] } };
const API_KEY: Caller = { authType: 'API Key Authorization' };

/** Runs templates in order on one context, as the functions of a pipeline share the stash and arguments. */
function run(resolvers: Record<string, string>, files: string[], caller: Caller, values: TemplateContext): { context: JavaMap; output: string } {
  const context = contextOf(values, caller);
  let output = '';
  for (const file of files) {
    expect(resolvers[file]).toBeDefined();
    output = renderTemplate(resolvers[file], context, caller).output;
  }
  return { context, output };
}

const todo = fixtures.todoWithOwnerAuth.resolvers;

describe('create with owner auth', () => {
  const steps = ['Mutation.createTodo.init.1.req.vtl', 'Mutation.createTodo.auth.1.req.vtl', 'Mutation.createTodo.postAuth.1.req.vtl', 'Mutation.createTodo.req.vtl'];

  it('records the caller as owner and puts the item only if its key is new', () => {
    const { context, output } = run(todo, steps, ALICE, { args: { input: { name: 'milk' } } });
    expect(plain(context.get('args'))).toEqual({ input: { name: 'milk', owner: 's1::alice' } });
    const request = JSON.parse(output);
    expect(request).toMatchObject({ version: '2018-05-29', operation: 'PutItem' });
    expect(request.key.id.S).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.attributeValues).toMatchObject({
      name: { S: 'milk' },
      owner: { S: 's1::alice' },
      __typename: { S: 'Todo' },
      createdAt: { S: '2026-01-01T00:00:00.000Z' },
      updatedAt: { S: '2026-01-01T00:00:00.000Z' },
    });
    expect(request.condition).toEqual({ expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' } });
  });

  it("refuses an owner that is not the caller's", () => {
    expect(() => run(todo, steps, ALICE, { args: { input: { name: 'milk', owner: 'bob' } } })).toThrow(new VtlError('Unauthorized'));
  });

  it('refuses API key callers, whose rule only reads', () => {
    expect(() => run(todo, steps, API_KEY, { args: { input: { name: 'milk' } } })).toThrow(VtlError);
  });
});

describe('list with the auth filter', () => {
  const steps = ['Query.listTodos.auth.1.req.vtl', 'Query.listTodos.postAuth.1.req.vtl', 'Query.listTodos.req.vtl'];

  it("scans only the caller's items, ANDed with the caller's filter", () => {
    const { context, output } = run(todo, steps, ALICE, { args: { filter: { name: { eq: 'milk' } }, limit: 10 } });
    expect(plain((context.get('stash') as JavaMap).get('authFilter'))).toEqual({
      or: [{ owner: { eq: 's1::alice' } }, { owner: { eq: 's1' } }, { owner: { eq: 'alice' } }],
    });
    const request = JSON.parse(output);
    expect(request).toMatchObject({ version: '2018-05-29', operation: 'Scan', limit: 10 });
    expect(request.filter.expression).toBe('(((#owner = :owner_eq_0) OR (#owner = :owner_eq_1) OR (#owner = :owner_eq_2)) AND (#name = :name_eq_3))');
    expect(request.filter.expressionValues[':owner_eq_1']).toEqual({ S: 's1' });
  });

  it('scans everything for the public API key rule', () => {
    const { output } = run(todo, steps, API_KEY, { args: {} });
    const request = JSON.parse(output);
    expect(request).toEqual({ version: '2018-05-29', limit: 100, operation: 'Scan' });
  });

  it('hides an item the filter excluded from get as unauthorized', () => {
    const context = contextOf({ result: { items: [], scannedCount: 1 } }, ALICE);
    expect(() => renderTemplate(todo['Query.getTodo.res.vtl'], context, ALICE)).toThrow(new VtlError('Unauthorized'));
  });
});

describe('update and delete check the stored item', () => {
  it("lets the owner update and builds SET/REMOVE, refusing someone else's item", () => {
    const args = { input: { id: 't1', name: 'eggs', description: null } };
    const owned = run(todo, ['Mutation.updateTodo.init.1.req.vtl', 'Mutation.updateTodo.auth.1.req.vtl'], ALICE, { args });
    expect(JSON.parse(owned.output)).toEqual({ version: '2018-05-29', operation: 'GetItem', key: { id: { S: 't1' } }, consistentRead: true });
    owned.context.put('result', { id: 't1', owner: 's1::alice' });
    renderTemplate(todo['Mutation.updateTodo.auth.1.res.vtl'], owned.context, ALICE);
    const request = JSON.parse(renderTemplate(todo['Mutation.updateTodo.req.vtl'], owned.context, ALICE).output);
    expect(request.operation).toBe('UpdateItem');
    expect(request.key).toEqual({ id: { S: 't1' } });
    expect(request.update.expression).toBe('SET #attr1 = :attr1, #attr2 = :attr2, #attr4 = :attr4 REMOVE #attr3');
    expect(request.update.expressionNames).toEqual({ '#attr1': 'updatedAt', '#attr2': 'name', '#attr3': 'description', '#attr4': '__typename' });
    expect(request.condition.expression).toBe('attribute_exists(#id)');

    const foreign = contextOf({ args, result: { id: 't1', owner: 'bob' } }, ALICE);
    expect(() => renderTemplate(todo['Mutation.updateTodo.auth.1.res.vtl'], foreign, ALICE)).toThrow(new VtlError('Unauthorized'));
  });
});

describe('subscriptions', () => {
  it("filters an owner's subscription to their items, and refuses someone else's owner argument", () => {
    const { context } = run(todo, ['Subscription.onCreateTodo.auth.1.req.vtl', 'Subscription.onCreateTodo.res.vtl'], ALICE, { args: {} });
    expect(plain(context.get('subscriptionFilter'))).toEqual({ or: [{ owner: { eq: 's1::alice' } }, { owner: { eq: 's1' } }, { owner: { eq: 'alice' } }] });
    expect(() => run(todo, ['Subscription.onCreateTodo.auth.1.req.vtl'], ALICE, { args: { owner: 'bob' } })).toThrow(new VtlError('Unauthorized'));
  });
});

describe('sandbox postAuth', () => {
  const postAuth = fixtures.sandboxTodo.resolvers['Query.getTodo.postAuth.1.req.vtl'];

  it('returns early for API key callers and refuses others without auth', () => {
    expect(renderTemplate(postAuth, contextOf({}, API_KEY), API_KEY).returned).toBe(true);
    expect(() => renderTemplate(postAuth, contextOf({}, ALICE), ALICE)).toThrow(new VtlError('Unauthorized'));
  });
});

describe('custom primary key and composite index', () => {
  const store = fixtures.customKeyStore.resolvers;

  it('lists by key condition on the partition and sort key', () => {
    const { output } = run(store, ['Query.listStores.preAuth.1.req.vtl', 'Query.listStores.req.vtl'], API_KEY, {
      args: { storeId: 's1', city: { beginsWith: 'Ber' }, sortDirection: 'DESC' },
    });
    const request = JSON.parse(output);
    expect(request).toMatchObject({ operation: 'Query', scanIndexForward: false });
    expect(request.query).toEqual({
      expression: '#partitionKey = :partitionKey AND begins_with(#sortKey, :sortKey)',
      expressionNames: { '#partitionKey': 'storeId', '#sortKey': 'city' },
      expressionValues: { ':partitionKey': { S: 's1' }, ':sortKey': { S: 'Ber' } },
    });
  });

  it('refuses a sort key condition without the partition key', () => {
    expect(() => run(store, ['Query.listStores.preAuth.1.req.vtl'], API_KEY, { args: { city: { eq: 'Berlin' } } })).toThrow(
      new VtlError("When providing argument 'city' you must also provide arguments storeId", 'InvalidArgumentsError'),
    );
  });

  it('writes the composite index attribute and requires all of its parts', () => {
    const steps = ['Mutation.createStore.init.1.req.vtl', 'Mutation.createStore.init.2.req.vtl', 'Mutation.createStore.preAuth.1.req.vtl', 'Mutation.createStore.preAuth.2.req.vtl', 'Mutation.createStore.req.vtl'];
    const { output } = run(store, steps, API_KEY, { args: { input: { storeId: 's1', city: 'Berlin', name: 'Corner', category: 'food' } } });
    const request = JSON.parse(output);
    expect(request.key).toEqual({ storeId: { S: 's1' }, city: { S: 'Berlin' } });
    expect(request.attributeValues['name#city']).toEqual({ S: 'Corner#Berlin' });
    expect(request.attributeValues.rating).toEqual({ N: '3' });
    expect(() => run(store, steps, API_KEY, { args: { input: { storeId: 's1', city: 'Berlin', name: null } } })).toThrow(
      "When creating/updating any part of the composite sort key for @index 'byCategory', you must provide all fields for the key. Missing key: 'name'.",
    );
  });

  it('queries the index with a composite sort key condition', () => {
    const { output } = run(store, ['Query.storesByCategoryAndNameAndCity.req.vtl'], API_KEY, { args: { category: 'food', nameCity: { eq: { name: 'Corner', city: 'Berlin' } } } });
    const request = JSON.parse(output);
    expect(request).toMatchObject({ operation: 'Query', index: 'byCategory', limit: 100 });
    expect(request.query.expressionValues[':sortKey']).toEqual({ S: 'Corner#Berlin' });
    expect(request.query.expressionNames['#sortKey']).toBe('name#city');
  });
});

describe('relations', () => {
  const blog = fixtures.blogPostComment.resolvers;

  it('queries the child index with the parent id', () => {
    const { output } = run(blog, ['Blog.posts.req.vtl'], API_KEY, { source: { id: 'b1' }, args: { limit: 5 } });
    expect(JSON.parse(output)).toEqual({
      version: '2018-05-29',
      operation: 'Query',
      query: { expression: '#partitionKey = :partitionKey', expressionNames: { '#partitionKey': 'blogPostsId' }, expressionValues: { ':partitionKey': { S: 'b1' } } },
      limit: 5,
      index: 'gsi-Blog.posts',
      scanIndexForward: true,
    });
  });

  it('returns no parent without a foreign key, and no children without a parent id', () => {
    const parent = renderTemplate(blog['Post.blog.req.vtl'], contextOf({ source: { id: 'p1' } }, API_KEY), API_KEY);
    expect(parent).toEqual({ returned: true, output: 'null' });
    const children = renderTemplate(blog['Blog.posts.req.vtl'], contextOf({ source: {} }, API_KEY), API_KEY);
    expect(children.returned).toBe(true);
    expect(JSON.parse(children.output)).toEqual({ items: [] });
  });

  it('looks the parent up by the foreign key', () => {
    const { output } = run(blog, ['Post.blog.req.vtl'], API_KEY, { source: { id: 'p1', blogPostsId: 'b1' } });
    expect(JSON.parse(output)).toEqual({
      version: '2018-05-29',
      operation: 'Query',
      query: { expression: '#partitionKey = :partitionKey', expressionNames: { '#partitionKey': 'id' }, expressionValues: { ':partitionKey': { S: 'b1' } } },
    });
  });
});

describe('@http', () => {
  it('fills the path parameters and the static headers', () => {
    const { output } = run(fixtures.functionAndHttp.resolvers, ['Query.weather.DataResolver.req.vtl'], API_KEY, { args: { params: { city: 'Berlin' } } });
    expect(JSON.parse(output)).toEqual({
      version: '2018-05-29',
      method: 'GET',
      resourcePath: '/weather/Berlin',
      params: { headers: { 'accept-encoding': 'application/json', 'x-demo': 'yes' }, query: {} },
    });
  });
});

describe('field-level auth', () => {
  const note = fixtures.fieldAuthNote.resolvers;
  const ADMIN: Caller = { authType: 'User Pool Authorization', claims: { sub: 'a1', username: 'admin', 'cognito:groups': ['Admin'] } };
  const create = ['Mutation.createNote.init.1.req.vtl', 'Mutation.createNote.auth.1.req.vtl'];

  it('lets a static group create notes but not write the owner-only field of someone else', () => {
    const { context } = run(note, create, ADMIN, { args: { input: { text: 'hi' } } });
    // The admin is recorded as owner (populateownerfieldforstaticgroupauth).
    expect(plain(context.get('args'))).toEqual({ input: { text: 'hi', owner: 'a1::admin' } });
    expect(() => run(note, create, ADMIN, { args: { input: { text: 'hi', owner: 'bob', secret: 's' } } })).toThrow(new VtlError('Unauthorized on [secret]', 'Unauthorized'));
    expect(() => run(note, create, ALICE, { args: { input: { text: 'hi', secret: 's' } } })).not.toThrow();
  });

  it("hides the field from readers who do not own the item, and from mutation results", () => {
    const read = (caller: Caller, source: Record<string, unknown>) => run(note, ['Note.secret.req.vtl', 'Note.secret.res.vtl'], caller, { source });
    expect(read(ALICE, { secret: 's', owner: 's1::alice' }).output.trim()).toBe('"s"');
    expect(() => read(ADMIN, { secret: 's', owner: 's1::alice' })).toThrow(new VtlError('Unauthorized'));
    expect(read(ALICE, { secret: 's', owner: 's1::alice', __operation: 'Mutation' }).output.trim()).toBe('null');
  });

  it('shows the stored sub::username owner as the username', () => {
    const fixturesWithOwner = fixtures.todoWithOwnerAuth.resolvers;
    const { output } = run(fixturesWithOwner, ['Todo.owner.req.vtl', 'Todo.owner.res.vtl'], ALICE, { source: { owner: 's1::alice' } });
    expect(output.trim()).toBe('"alice"');
  });
});

describe('IAM rules', () => {
  const auth = fixtures.functionAndHttp.resolvers['Query.echo.auth.req.vtl'];
  const IAM: Caller = { authType: 'IAM Authorization' };
  const stash = {
    authRole: 'arn:aws:sts::123:assumed-role/authRole/CognitoIdentityCredentials',
    unauthRole: 'arn:aws:sts::123:assumed-role/unauthRole/CognitoIdentityCredentials',
    identityPoolId: 'us-east-1:pool',
    adminRoles: ['echofn-dev'],
  };
  const call = (identity: Record<string, unknown>) => renderTemplate(auth, contextOf({ stash, identity }, IAM), IAM);

  it('lets in the auth role, identities of the project pool, and admin roles', () => {
    expect(() => call({ userArn: stash.authRole })).not.toThrow();
    expect(() => call({ userArn: 'arn:aws:sts::123:assumed-role/other/x', cognitoIdentityPoolId: 'us-east-1:pool', cognitoIdentityAuthType: 'authenticated' })).not.toThrow();
    expect(() => call({ userArn: 'arn:aws:sts::123:assumed-role/echofn-dev/session' })).not.toThrow();
  });

  it('refuses other IAM principals, and the unauth role for a private rule', () => {
    expect(() => call({ userArn: 'arn:aws:sts::123:assumed-role/other/x' })).toThrow(new VtlError('Unauthorized'));
    expect(() => call({ userArn: stash.unauthRole })).toThrow(new VtlError('Unauthorized'));
  });
});
