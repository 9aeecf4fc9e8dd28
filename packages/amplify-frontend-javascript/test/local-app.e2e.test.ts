/**
 * An app written as the Amplify docs teach, against an env on the local cloud (build first: `npx tsc -b`): init with
 * `configLevel: "local"`, auth, a GraphQL API with owner rules and a @hasMany/@belongsTo relation, a function behind a REST API, storage (auth users
 * read/write/delete, guests read), push; then a Node script imports the generated aws-exports.js unchanged, signs up
 * (code read with `amplify local-cloud messages`), signs in, fetches the session, creates and lists notes and a note's comments through
 * `generateClient().graphql` with a subscription receiving the creation, calls a function through a private REST API
 * with `get`, and stores files with `uploadData`/`list`/`downloadData`/`getUrl`/`remove` (aws-exports.js routes the
 * bucket's requests to the local cloud); a wrong password, another user reading the note or the private file, and a
 * guest writing are refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { StartedLocalCloud } from 'amplify-local-cloud';
import { parseAwsExports } from 'amplify-frontend-javascript';
import { AppSandbox, runProcess } from 'amplify-test-support';

jest.setTimeout(300_000);

const SCHEMA = [
  'type Note @model @auth(rules: [{ allow: owner }]) {',
  '  id: ID!',
  '  text: String!',
  '  comments: [Comment] @hasMany',
  '}',
  'type Comment @model @auth(rules: [{ allow: owner }]) {',
  '  id: ID!',
  '  content: String!',
  '  note: Note @belongsTo',
  '}',
  '',
].join('\n');

const graphQLRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'AppSync',
    apiName: 'notesapi',
    transformSchema: SCHEMA,
    defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS' },
  },
};

const storageRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'S3',
    resourceName: 'notefiles',
    permissions: { auth: ['CREATE_AND_UPDATE', 'READ', 'DELETE'], guest: ['READ'] },
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
type Step = 'signup' | 'use' | 'intrude' | 'guest';

/** What a later step needs from an earlier one: the first user's note and identity id. */
interface Earlier {
  noteId?: string;
  ownerIdentityId?: string;
}

/** The script statements that store, list, fetch and remove files as the signed-in user. */
const OWNER_STORAGE = [
  "out.uploaded = (await uploadData({ path: 'public/hello.txt', data: 'hello storage', options: { contentType: 'text/plain' } }).result).path;",
  "await uploadData({ path: 'public/keep.txt', data: 'for guests' }).result;",
  "await uploadData({ path: ({ identityId }) => `private/${identityId}/secret.txt`, data: 'secret' }).result;",
  "await uploadData({ path: ({ identityId }) => `protected/${identityId}/shared.txt`, data: 'shared' }).result;",
  "out.listedFiles = (await list({ path: 'public/' })).items.map((item) => item.path).sort();",
  "out.privateFiles = (await list({ path: ({ identityId }) => `private/${identityId}/` })).items.map((item) => item.path.split('/').pop());",
  "out.downloaded = await (await downloadData({ path: 'public/hello.txt' }).result).body.text();",
  "const { url } = await getUrl({ path: 'public/hello.txt' });",
  'out.urlHost = url.host;',
  'out.fetchedUrl = await (await fetch(url)).text();',
  "await remove({ path: 'public/hello.txt' });",
  "out.afterRemove = (await list({ path: 'public/' })).items.map((item) => item.path);",
].join('\n');

/** `out[name]` is the text of what `call` downloads, or the name of the error it fails with. */
const attempt = (name: string, call: string) => `try { out.${name} = await (await ${call}.result).body.text(); } catch (error) { out.${name} = error.name; }`;
const attemptUpload = (name: string, path: string) => `try { await uploadData({ path: ${JSON.stringify(path)}, data: 'x' }).result; out.${name} = 'stored'; } catch (error) { out.${name} = error.name; }`;

function appScript(app: string, step: Step, email: string, code?: string, earlier: Earlier = {}): string {
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
    `import { uploadData, list, downloadData, getUrl, remove } from ${subpath('storage')};`,
    'Amplify.configure(config);',
    `const username = ${JSON.stringify(email)};`,
    "const password = 'Passw0rd!long';",
    'const out = {};',
    step === 'guest'
      ? [
          attempt('guestRead', "downloadData({ path: 'public/keep.txt' })"),
          attemptUpload('guestWrite', 'public/guest.txt'),
        ].join('\n')
      : step === 'intrude'
      ? [
          `await confirmSignUp({ username, confirmationCode: ${JSON.stringify(code)} });`,
          'await signIn({ username, password });',
          'const client = generateClient();',
          `try { out.otherNote = (await client.graphql({ query: 'query G($id: ID!) { getNote(id: $id) { id text } }', variables: { id: ${JSON.stringify(earlier.noteId)} } })).data.getNote; } catch (error) { out.otherNote = error.errors?.[0]?.errorType ?? String(error); }`,
          "out.listed = (await client.graphql({ query: '{ listNotes { items { id text } } }' })).data.listNotes.items;",
          attempt('otherPrivate', `downloadData({ path: ${JSON.stringify(`private/${earlier.ownerIdentityId}/secret.txt`)} })`),
          attempt('otherProtected', `downloadData({ path: ${JSON.stringify(`protected/${earlier.ownerIdentityId}/shared.txt`)} })`),
          attemptUpload('otherProtectedWrite', `protected/${earlier.ownerIdentityId}/shared.txt`),
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
          "await client.graphql({ query: 'mutation C($input: CreateCommentInput!) { createComment(input: $input) { id } }', variables: { input: { content: 'first', noteCommentsId: out.created.id } } });",
          "out.withComments = (await client.graphql({ query: 'query G($id: ID!) { getNote(id: $id) { text comments { items { content note { text } } } } }', variables: { id: out.created.id } })).data.getNote;",
          "const rest = await get({ apiName: 'notesrest', path: '/items' }).response;",
          'out.rest = { status: rest.statusCode, body: await rest.body.text() };',
          OWNER_STORAGE,
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

  async function runApp(step: Step, email: string, code?: string, earlier?: Earlier): Promise<Record<string, unknown>> {
    const script = path.join(sandbox.root, `app-${step}.mjs`);
    fs.writeFileSync(script, appScript(sandbox.app, step, email, code, earlier));
    const caCertificate = (sandbox.cloud as StartedLocalCloud).caCertificate;
    const result = await runProcess(process.execPath, [script], { cwd: sandbox.app, env: { PATH: process.env.PATH, HOME: sandbox.root, NODE_EXTRA_CA_CERTS: caCertificate } });
    if (result.exitCode !== 0) throw new Error(`the app failed (${step}):\n${result.stdout}\n${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  test('init, auth, an owner-protected GraphQL API with a relation, REST, storage, push, then the app signs up, signs in and uses them', async () => {
    await ok([
      'init', '--amplify', JSON.stringify({ projectName: 'notesapp', envName: 'dev', defaultEditor: 'code' }),
      '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers', JSON.stringify({ awscloudformation: { configLevel: 'local' } }), '--yes',
    ]);
    await ok(['add', 'auth', '--yes']);
    await ok(['add', 'api', '--headless'], JSON.stringify(graphQLRequest));
    await ok(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'notesfn' }));
    await ok(['add', 'api', '--headless'], JSON.stringify(restRequest));
    await ok(['add', 'storage', '--headless'], JSON.stringify(storageRequest));
    await ok(['push', '--yes']);

    const awsExportsText = fs.readFileSync(path.join(sandbox.app, 'src', 'aws-exports.js'), 'utf8');
    // The file is an ES module; the app's package.json does not say so, so Node loads a byte-for-byte .mjs copy.
    fs.writeFileSync(path.join(sandbox.app, 'src', 'aws-exports.mjs'), awsExportsText);
    const config = parseAwsExports(awsExportsText) as { Auth: { Cognito: Record<string, unknown> }; API: { GraphQL: Record<string, unknown> }; Storage: { S3: { bucket: string } } };
    const httpsEndpoint = sandbox.cloud.endpoint.replace(/^http:/, 'https:');
    expect(config.Auth.Cognito).toMatchObject({ userPoolEndpoint: httpsEndpoint, identityPoolEndpoint: httpsEndpoint });
    expect(config.API.GraphQL).toMatchObject({ defaultAuthMode: 'userPool' });
    expect(config.API.GraphQL.endpoint).toEqual(expect.stringContaining(new URL(sandbox.cloud.endpoint).host));
    // Storage keeps AWS's bucket and region (aws-amplify has no S3 endpoint setting); the file routes them.
    expect(awsExportsText).toContain(JSON.stringify({ bucket: config.Storage.S3.bucket, region: 'us-east-1', endpoint: httpsEndpoint }));

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
    // The relation both ways: the note's comments, and each comment's note.
    expect(used.withComments).toEqual({ text: 'hello', comments: { items: [{ content: 'first', note: { text: 'hello' } }] } });
    const bucketHost = `${config.Storage.S3.bucket}.s3.us-east-1.amazonaws.com`;
    expect(used).toMatchObject({
      uploaded: 'public/hello.txt',
      listedFiles: ['public/hello.txt', 'public/keep.txt'],
      privateFiles: ['secret.txt'],
      downloaded: 'hello storage',
      urlHost: bucketHost,
      fetchedUrl: 'hello storage',
      afterRemove: ['public/keep.txt'],
    });

    const other = 'bo@example.com';
    await runApp('signup', other);
    const earlier = { noteId: (used.created as { id: string }).id, ownerIdentityId: used.identityId as string };
    const intruded = await runApp('intrude', other, await codeFor(other), earlier);
    // As on AppSync: another owner's item is refused by name, and the list holds only the caller's items. As on S3
    // with the storage category's role policies: another's private file is refused, a protected one is readable only.
    expect(intruded).toEqual({ otherNote: 'Unauthorized', listed: [], otherPrivate: 'AccessDenied', otherProtected: 'shared', otherProtectedWrite: 'AccessDenied' });

    expect(await runApp('guest', 'nobody@example.com')).toEqual({ guestRead: 'for guests', guestWrite: 'AccessDenied' });
  });
});
