/**
 * An app written as the Amplify docs teach, against an env on the local cloud (build first: `npx tsc -b`): init with
 * `configLevel: "local"`, auth, a GraphQL API with an owner rule, a function behind a REST API, push; then a Node script imports the generated
 * aws-exports.js unchanged, signs up (code read with `amplify local-cloud messages`), signs in, fetches the session,
 * creates and lists notes through `generateClient().graphql` with a subscription receiving the creation, calls a
 * function through a private REST API with `get`; a wrong password and another user reading the note are refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { StartedLocalCloud } from 'amplify-local-cloud';
import { AppSandbox, runProcess } from 'amplify-test-support';

jest.setTimeout(300_000);

const SCHEMA = 'type Note @model @auth(rules: [{ allow: owner }]) {\n  id: ID!\n  text: String!\n}\n';

const graphQLRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'AppSync',
    apiName: 'notesapi',
    transformSchema: SCHEMA,
    defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS' },
  },
};

const restRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'API Gateway',
    apiName: 'notesrest',
    paths: { '/items': { lambdaFunction: 'notesfn', permissions: { setting: 'private', auth: ['read'] } } },
  },
};

/** The app: only the config import and the `ws` polyfill differ from a browser app. */
type Step = 'signup' | 'use' | 'intrude';

function appScript(app: string, step: Step, email: string, code?: string, noteId?: string): string {
  const moduleUrl = (name: string) => JSON.stringify(pathToFileURL(require.resolve(name)).href);
  const amplifyEntry = JSON.stringify(pathToFileURL(path.join(path.dirname(require.resolve('aws-amplify/package.json')), 'dist', 'esm', 'index.mjs')).href);
  const subpath = (sub: string) => JSON.stringify(pathToFileURL(path.join(path.dirname(require.resolve('aws-amplify/package.json')), 'dist', 'esm', sub, 'index.mjs')).href);
  return [
    `import WebSocket from ${moduleUrl('ws')};`,
    'globalThis.WebSocket = WebSocket;',
    `import config from ${JSON.stringify(pathToFileURL(path.join(app, 'src', 'aws-exports.mjs')).href)};`,
    `import { Amplify } from ${amplifyEntry};`,
    `import { signUp, confirmSignUp, signIn, fetchAuthSession } from ${subpath('auth')};`,
    `import { generateClient, get } from ${subpath('api')};`,
    'Amplify.configure(config);',
    `const username = ${JSON.stringify(email)};`,
    "const password = 'Passw0rd!long';",
    'const out = {};',
    step === 'intrude'
      ? [
          `await confirmSignUp({ username, confirmationCode: ${JSON.stringify(code)} });`,
          'await signIn({ username, password });',
          'const client = generateClient();',
          `try { out.otherNote = (await client.graphql({ query: 'query G($id: ID!) { getNote(id: $id) { id text } }', variables: { id: ${JSON.stringify(noteId)} } })).data.getNote; } catch (error) { out.otherNote = error.errors?.[0]?.errorType ?? String(error); }`,
          "out.listed = (await client.graphql({ query: '{ listNotes { items { id text } } }' })).data.listNotes.items;",
        ].join('\n')
      : step === 'signup'
      ? 'out.signUp = (await signUp({ username, password, options: { userAttributes: { email: username } } })).nextStep.signUpStep;'
      : [
          `out.confirm = (await confirmSignUp({ username, confirmationCode: ${JSON.stringify(code)} })).isSignUpComplete;`,
          "try { await signIn({ username, password: 'wrong-Passw0rd' }); out.wrongPassword = 'accepted'; } catch (error) { out.wrongPassword = error.name; }",
          'out.signIn = (await signIn({ username, password })).isSignedIn;',
          'const session = await fetchAuthSession();',
          'out.identityId = session.identityId;',
          'out.hasCredentials = Boolean(session.credentials?.accessKeyId);',
          'out.hasIdToken = Boolean(session.tokens?.idToken);',
          'const client = generateClient();',
          "const received = new Promise((resolve, reject) => { const timer = setTimeout(() => reject(new Error('no subscription event')), 10000); const subscription = client.graphql({ query: 'subscription { onCreateNote { id text } }' }).subscribe({ next: (event) => { clearTimeout(timer); subscription.unsubscribe(); resolve(event.data.onCreateNote); }, error: reject }); });",
          'await new Promise((resolve) => setTimeout(resolve, 500));',
          "const created = await client.graphql({ query: 'mutation C($input: CreateNoteInput!) { createNote(input: $input) { id text owner } }', variables: { input: { text: 'hello' } } });",
          'out.created = created.data.createNote;',
          'out.received = await received;',
          "const listed = await client.graphql({ query: '{ listNotes { items { id text } } }' });",
          'out.listed = listed.data.listNotes.items;',
          "const rest = await get({ apiName: 'notesrest', path: '/items' }).response;",
          'out.rest = { status: rest.statusCode, body: await rest.body.text() };',
        ].join('\n'),
    'process.stdout.write(JSON.stringify(out));',
    'process.exit(0);',
  ].join('\n');
}

describe('an app on a local-cloud env (built binary)', () => {
  let sandbox: AppSandbox;

  beforeAll(async () => {
    sandbox = await AppSandbox.start('notesapp');
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  async function ok(args: string[], stdin?: string): Promise<string> {
    const result = await sandbox.run(args, stdin);
    if (result.exitCode !== 0) throw new Error(`amplify ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  async function runApp(step: Step, email: string, code?: string, noteId?: string): Promise<Record<string, unknown>> {
    const script = path.join(sandbox.root, `app-${step}.mjs`);
    fs.writeFileSync(script, appScript(sandbox.app, step, email, code, noteId));
    const caCertificate = (sandbox.cloud as StartedLocalCloud).caCertificate;
    const result = await runProcess(process.execPath, [script], { cwd: sandbox.app, env: { PATH: process.env.PATH, HOME: sandbox.root, NODE_EXTRA_CA_CERTS: caCertificate } });
    if (result.exitCode !== 0) throw new Error(`the app failed (${step}):\n${result.stdout}\n${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  test('init, auth, an owner-protected GraphQL API, push, then the app signs up, signs in and uses the API', async () => {
    await ok([
      'init', '--amplify', JSON.stringify({ projectName: 'notesapp', envName: 'dev', defaultEditor: 'code' }),
      '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers', JSON.stringify({ awscloudformation: { configLevel: 'local' } }), '--yes',
    ]);
    await ok(['add', 'auth', '--yes']);
    await ok(['add', 'api', '--headless'], JSON.stringify(graphQLRequest));
    await ok(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'notesfn' }));
    await ok(['add', 'api', '--headless'], JSON.stringify(restRequest));
    await ok(['push', '--yes']);

    const awsExportsText = fs.readFileSync(path.join(sandbox.app, 'src', 'aws-exports.js'), 'utf8');
    // The file is an ES module; the app's package.json does not say so, so Node loads a byte-for-byte .mjs copy.
    fs.writeFileSync(path.join(sandbox.app, 'src', 'aws-exports.mjs'), awsExportsText);
    const config = sandbox.awsExports() as { Auth: { Cognito: Record<string, unknown> }; API: { GraphQL: Record<string, unknown> } };
    const httpsEndpoint = sandbox.cloud.endpoint.replace(/^http:/, 'https:');
    expect(config.Auth.Cognito).toMatchObject({ userPoolEndpoint: httpsEndpoint, identityPoolEndpoint: httpsEndpoint });
    expect(config.API.GraphQL).toMatchObject({ defaultAuthMode: 'userPool' });
    expect(config.API.GraphQL.endpoint).toEqual(expect.stringContaining(new URL(sandbox.cloud.endpoint).host));

    const email = 'ana@example.com';
    expect(await runApp('signup', email)).toEqual({ signUp: 'CONFIRM_SIGN_UP' });
    const codeFor = async (to: string) => {
      const messages = JSON.parse(await ok(['local-cloud', 'messages', '--json', '--data-dir', sandbox.cloud.dataDir])) as Array<{ destination: string; code: string }>;
      return messages.filter((message) => message.destination === to).pop()?.code;
    };
    const code = await codeFor(email);
    expect(code).toMatch(/^\d{6}$/);

    const used = await runApp('use', email, code);
    expect(used).toMatchObject({ confirm: true, wrongPassword: 'NotAuthorizedException', signIn: true, hasCredentials: true, hasIdToken: true });
    expect(used.identityId).toEqual(expect.stringMatching(/^us-east-1:/));
    expect(used.created).toMatchObject({ text: 'hello' });
    expect(used.received).toEqual({ id: (used.created as { id: string }).id, text: 'hello' });
    expect(used.rest).toEqual({ status: 200, body: JSON.stringify('Hello from Lambda!') });
    expect(used.listed).toEqual([{ id: (used.created as { id: string }).id, text: 'hello' }]);

    const other = 'bo@example.com';
    await runApp('signup', other);
    const intruded = await runApp('intrude', other, await codeFor(other), (used.created as { id: string }).id);
    // As on AppSync: another owner's item is refused by name, and the list holds only the caller's items.
    expect(intruded).toEqual({ otherNote: 'Unauthorized', listed: [] });
  });
});
