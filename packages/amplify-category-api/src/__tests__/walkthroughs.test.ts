import { createPrompter, type Prompter } from 'amplify-cli-core';
import { rejectedAmplifyError } from 'amplify-test-support';
import { graphQLDefaults, runGraphQLAddWalkthrough, runGraphQLUpdateWalkthrough, type GraphQLWalkthroughEnvironment } from '../service/graphql-walkthrough';
import { runRestAddWalkthrough, runRestUpdateWalkthrough, type RestWalkthroughEnvironment } from '../service/rest-walkthrough';

interface Asked {
  message: string;
  choices?: string[];
  default?: unknown;
}

/** Answers from a queue per message prefix (each answer used once, in order); unscripted questions take their default. */
function scripted(script: Array<[string, unknown]>): { prompter: Prompter; asked: Asked[] } {
  const asked: Asked[] = [];
  const queue = [...script];
  const answer = async (options: { message: string; default?: unknown; choices?: ReadonlyArray<string | { name: string }>; validate?: (v: never) => unknown }): Promise<never> => {
    asked.push({ message: options.message, default: options.default, choices: options.choices?.map((c) => (typeof c === 'string' ? c : c.name)) });
    if (asked.length > 60) throw new Error('too many questions');
    const index = queue.findIndex(([prefix]) => options.message.startsWith(prefix));
    const value = index >= 0 ? queue.splice(index, 1)[0][1] : options.default;
    if (value === undefined) throw new Error(`unexpected question: ${options.message}`);
    if (options.validate) {
      const verdict = await options.validate(value as never);
      if (verdict !== true) throw new Error(`rejected ${JSON.stringify(value)}: ${String(verdict)}`);
    }
    return value as never;
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

function graphQLEnv(prompter: Prompter, overrides: Partial<GraphQLWalkthroughEnvironment> = {}): GraphQLWalkthroughEnvironment {
  return { prompter, functions: [], ensureUserPool: async () => 'shopauth', info: () => undefined, ...overrides };
}

describe('GraphQL add walkthrough (reference §2.1)', () => {
  test('--yes takes the defaults: the project name lower-cased, an API key for 7 days, no conflict detection, the Todo template', async () => {
    const answers = await runGraphQLAddWalkthrough(graphQLEnv(createPrompter({ yes: true })), graphQLDefaults('My-Shop'));
    expect(answers).toEqual({ config: { apiName: 'myshop', serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7, keyDescription: '' } }, template: 'single-object' });
  });

  test('the summary menu, then the template; the fine-grained template only once user pools is a mode', async () => {
    const { prompter, asked } = scripted([]);
    await runGraphQLAddWalkthrough(graphQLEnv(prompter), graphQLDefaults('shop'));
    expect(asked.map((q) => q.message)).toEqual(['Here is the GraphQL API that we will create. Select a setting to edit or continue', 'Choose a schema template:']);
    expect(asked[0].choices).toEqual(['Name: shop', 'Authorization modes: API key (default, expiration time: 7 days from now)', 'Conflict detection (required for DataStore): Disabled', 'Continue']);
    expect(asked[0].default).toBe('continue');
    expect(asked[1].choices).toEqual(['Single object with fields (e.g., “Todo” with ID, name, description)', 'One-to-many relationship (e.g., “Blogs” with “Posts” and “Comments”)', 'Blank Schema']);
  });

  test('editing name and auth: user pool default (auth added through the hook), API key additional, in the original order', async () => {
    const ensureUserPool = jest.fn(async () => 'shopauth');
    const { prompter, asked } = scripted([
      ['Here is the GraphQL API', 'name'],
      ['Provide API name:', 'storeapi'],
      ['Here is the GraphQL API', 'auth'],
      ['Choose the default authorization type', 'AMAZON_COGNITO_USER_POOLS'],
      ['Configure additional auth types?', true],
      ['Choose the additional authorization types', ['API_KEY']],
      ['Enter a description for the API key:', 'public'],
      ['After how many days', '30'],
      ['Here is the GraphQL API', 'continue'],
      ['Choose a schema template:', 'fine-grained'],
    ]);
    const answers = await runGraphQLAddWalkthrough(graphQLEnv(prompter, { ensureUserPool }), graphQLDefaults('shop'));
    expect(asked.map((q) => q.message)).toEqual([
      'Here is the GraphQL API that we will create. Select a setting to edit or continue',
      'Provide API name:',
      'Here is the GraphQL API that we will create. Select a setting to edit or continue',
      'Choose the default authorization type for the API',
      'Configure additional auth types?',
      'Choose the additional authorization types you want to configure for the API',
      'Enter a description for the API key:',
      'After how many days from now the API key should expire (1-365):',
      'Here is the GraphQL API that we will create. Select a setting to edit or continue',
      'Choose a schema template:',
    ]);
    expect(asked[3].choices).toEqual(['API key', 'Amazon Cognito User Pool', 'IAM', 'OpenID Connect', 'Lambda']);
    expect(asked[8].choices?.[1]).toBe('Authorization modes: Amazon Cognito User Pool (default), API key (expiration time: 30 days from now)');
    expect(asked[9].choices).toContain('Objects with fine-grained access control (e.g., a project management app with owner-based authorization)');
    expect(ensureUserPool).toHaveBeenCalledTimes(1);
    expect(answers).toEqual({
      config: {
        apiName: 'storeapi',
        serviceName: 'AppSync',
        defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS', cognitoUserPoolId: 'authshopauth' },
        additionalAuthTypes: [{ mode: 'API_KEY', expirationTime: 30, keyDescription: 'public' }],
      },
      template: 'fine-grained',
    });
  });

  test('validation: API names and key lifetimes as the original words them', async () => {
    await expect(runGraphQLAddWalkthrough(graphQLEnv(scripted([['Here is', 'name'], ['Provide API name:', 'my-api']]).prompter), graphQLDefaults('shop'))).rejects.toThrow(
      'You can use the following characters: a-z A-Z 0-9 with maximum length of 80',
    );
    await expect(
      runGraphQLAddWalkthrough(graphQLEnv(scripted([['Here is', 'auth'], ['Choose the default', 'API_KEY'], ['After how many days', '400']]).prompter), graphQLDefaults('shop')),
    ).rejects.toThrow('Number of days must be between 1 and 365.');
  });

  test('conflict detection: enabled with the default Auto Merge', async () => {
    const { prompter, asked } = scripted([
      ['Here is the GraphQL API', 'conflict'],
      ['Enable conflict detection?', true],
    ]);
    const answers = await runGraphQLAddWalkthrough(graphQLEnv(prompter), graphQLDefaults('shop'));
    expect(asked.map((q) => q.message).slice(1, 3)).toEqual(['Enable conflict detection?', 'Select the default resolution strategy']);
    expect(asked[2].default).toBe('AUTOMERGE');
    expect(answers.config.conflictResolution).toEqual({ defaultResolutionStrategy: { type: 'AUTOMERGE' } });
  });

  test('a Lambda authorizer needs a function of the project', async () => {
    const error = await rejectedAmplifyError(runGraphQLAddWalkthrough(graphQLEnv(scripted([['Here is', 'auth'], ['Choose the default', 'AWS_LAMBDA']]).prompter), graphQLDefaults('shop')));
    expect(error.code).toBe('FunctionNotFound');
  });
});

describe('GraphQL update walkthrough', () => {
  test('offers Enable conflict detection when it is off, and per-model strategies once models exist', async () => {
    const { prompter, asked } = scripted([
      ['Select a setting to edit', 'enable-conflict'],
      ['Select the default resolution strategy', 'OPTIMISTIC_CONCURRENCY'],
      ['Do you want to override default per model settings?', true],
      ['Select the models from below:', ['Todo']],
      ['Select the resolution strategy for Todo model', 'AUTOMERGE'],
    ]);
    const next = await runGraphQLUpdateWalkthrough(graphQLEnv(prompter), graphQLDefaults('shop'), ['Todo', 'Note']);
    expect(asked[0].choices).toEqual(['Authorization modes', 'Enable conflict detection (required for DataStore)']);
    expect(next.conflictResolution).toEqual({ defaultResolutionStrategy: { type: 'OPTIMISTIC_CONCURRENCY' }, perModelResolutionStrategy: [{ entityName: 'Todo', resolutionStrategy: { type: 'AUTOMERGE' } }] });
    const disabled = await runGraphQLUpdateWalkthrough(graphQLEnv(scripted([['Select a setting', 'disable-conflict']]).prompter), next, []);
    expect(disabled.conflictResolution).toBeUndefined();
  });
});

function restEnv(prompter: Prompter, overrides: Partial<RestWalkthroughEnvironment> = {}): RestWalkthroughEnvironment {
  return { prompter, apiNames: [], functions: ['itemsfn'], groups: [], createFunction: async () => 'newfn', ...overrides };
}

describe('REST add walkthrough (reference §3.1)', () => {
  test('--yes: api<8 hex>, /items, a new function, restricted to signed-in users with every operation, one path', async () => {
    const createFunction = jest.fn(async () => 'apifn');
    const result = await runRestAddWalkthrough(restEnv(createPrompter({ yes: true }), { createFunction }));
    expect(result.apiName).toMatch(/^api[0-9a-f]{8}$/);
    expect(result.paths).toEqual({ '/items': { name: '/items', lambdaFunction: 'apifn', permissions: { setting: 'private', auth: ['create', 'read', 'update', 'delete'] } } });
    expect(createFunction).toHaveBeenCalledTimes(1);
  });

  test('questions in order, an existing function, guest access, a second path', async () => {
    const { prompter, asked } = scripted([
      ['Provide a friendly name', 'shoprest'],
      ['Provide a path', '/items'],
      ['Choose a Lambda source', 'existing'],
      ['Choose the Lambda function', 'itemsfn'],
      ['Restrict API access?', true],
      ['Who should have access?', 'protected'],
      ['What permissions do you want to grant to Authenticated', ['create', 'read']],
      ['What permissions do you want to grant to Guest', ['read']],
      ['Do you want to add another path?', true],
      ['Provide a path', '/open'],
      ['Choose a Lambda source', 'existing'],
      ['Choose the Lambda function', 'itemsfn'],
      ['Restrict API access?', false],
      ['Do you want to add another path?', false],
    ]);
    const result = await runRestAddWalkthrough(restEnv(prompter));
    expect(asked.slice(0, 9).map((q) => q.message)).toEqual([
      'Provide a friendly name for your resource to be used as a label for this category in the project:',
      'Provide a path (e.g., /book/{isbn}):',
      'Choose a Lambda source',
      'Choose the Lambda function to invoke by this path',
      'Restrict API access?',
      'Who should have access?',
      'What permissions do you want to grant to Authenticated users?',
      'What permissions do you want to grant to Guest users?',
      'Do you want to add another path?',
    ]);
    expect(asked[1].default).toBe('/items');
    expect(asked[2].choices).toEqual(['Create a new Lambda function', 'Use a Lambda function already added in the current Amplify project']);
    expect(result).toEqual({
      apiName: 'shoprest',
      paths: {
        '/items': { name: '/items', lambdaFunction: 'itemsfn', permissions: { setting: 'protected', auth: ['create', 'read'], guest: ['read'] } },
        '/open': { name: '/open', lambdaFunction: 'itemsfn', permissions: { setting: 'open' } },
      },
    });
  });

  test('names and paths are validated; AdminQueries is reserved', async () => {
    await expect(runRestAddWalkthrough(restEnv(scripted([['Provide a friendly name', 'AdminQueries']]).prompter))).rejects.toThrow('AdminQueries is a reserved name');
    await expect(runRestAddWalkthrough(restEnv(scripted([['Provide a friendly name', 'taken']]).prompter, { apiNames: ['taken'] }))).rejects.toThrow('already exists');
    await expect(runRestAddWalkthrough(restEnv(scripted([['Provide a friendly name', 'x'], ['Provide a path', '/items/']]).prompter))).rejects.toThrow('The path must not end with /');
    await expect(runRestAddWalkthrough(restEnv(scripted([['Provide a friendly name', 'x'], ['Provide a path', '/it ems']]).prompter))).rejects.toThrow('invalid part');
  });

  test('groups: restrict by individual groups asks per group', async () => {
    const { prompter } = scripted([
      ['Provide a friendly name', 'shoprest'],
      ['Choose a Lambda source', 'existing'],
      ['Restrict access by:', 'groups'],
      ['Select groups:', ['Admins']],
      ['What permissions do you want to grant to Admins', ['read']],
    ]);
    const result = await runRestAddWalkthrough(restEnv(prompter, { groups: ['Admins', 'Staff'] }));
    expect(result.paths['/items'].permissions).toEqual({ setting: 'private', groups: { Admins: ['read'] } });
  });
});

describe('REST update walkthrough', () => {
  const current = { '/items': { name: '/items', lambdaFunction: 'itemsfn', permissions: { setting: 'open' as const } } };
  test('add another path (an overlapping one is confirmed), remove a path, never the last one', async () => {
    const { prompter, asked } = scripted([
      ['What would you like to do?', 'add'],
      ['Provide a path', '/items/{id}'],
      ['The path /items/{id} overlaps with /items', true],
      ['Choose a Lambda source', 'existing'],
      ['Restrict API access?', false],
    ]);
    const paths = await runRestUpdateWalkthrough(restEnv(prompter), current);
    expect(Object.keys(paths)).toEqual(['/items', '/items/{id}']);
    expect(asked[1].default).toBe('/items2');
    const removed = await runRestUpdateWalkthrough(restEnv(scripted([['What would you like to do?', 'remove'], ['Select the path to remove', '/items']]).prompter), paths);
    expect(Object.keys(removed)).toEqual(['/items/{id}']);
    const error = await rejectedAmplifyError(runRestUpdateWalkthrough(restEnv(scripted([['What would you like to do?', 'remove']]).prompter), current));
    expect(error.code).toBe('LastPathRemoval');
  });
});
