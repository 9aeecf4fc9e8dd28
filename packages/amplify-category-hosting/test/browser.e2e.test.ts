import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { AppSandbox, runProcess } from 'amplify-test-support';

/**
 * Apps in a real browser, Debian's chromium driven by playwright-core. Screenshots go to
 * `<AMPLIFY_TEST_OUTPUT or .ci/results>/hosting-browser/`.
 *
 * 1. The published app: an app bundled with aws-amplify 6 (esbuild) that imports ./aws-exports is published with
 *    `amplify publish` to the local cloud; the DEV website URL and the PROD CloudFront URL show that the page ran and
 *    applied the project's config.
 * 2. An app on a local-cloud env (`configLevel: "local"`, auth + an owner-protected GraphQL API + storage, pushed),
 *    bundled the same way and served from another origin: the page signs up, is confirmed with the code from
 *    `amplify local-cloud messages`, signs in, runs a GraphQL mutation and query, uploads and downloads a private
 *    file (XMLHttpRequest) and fetches its presigned URL (fetch), both of which the generated aws-exports.js routes
 *    to the local cloud. Chromium trusts only the local cloud's own key (`--ignore-certificate-errors-spki-list`).
 */
jest.setTimeout(240_000);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const CHROMIUM = '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTPUT_DIR = path.join(process.env.AMPLIFY_TEST_OUTPUT ?? path.join(REPO_ROOT, '.ci', 'results'), 'hosting-browser');
const FIXTURE = path.join(__dirname, 'fixtures', 'browser-app');
const LOCAL_APP_FIXTURE = path.join(__dirname, 'fixtures', 'local-app');

const chromiumInstalled = fs.existsSync(CHROMIUM);
if (!chromiumInstalled && !process.env.CI) {
  console.warn(`Skipping the hosting browser test: ${CHROMIUM} is missing (install it with "apt-get install -y chromium"; CI always runs it).`);
}

interface Expected {
  userPoolId: string;
  contentDeliveryUrl: string;
}

type PageCheck = (page: Page, expected: Expected) => Promise<void>;

/** The page's script ran and shows what Amplify.configure took from aws-exports.js. */
const configApplied: PageCheck = async (page, expected) => {
  await page.waitForFunction("document.getElementById('status').textContent !== 'loading'", undefined, { timeout: 15_000 });
  expect(await page.textContent('#status')).toBe('configured');
  expect(await page.textContent('#region')).toBe('us-east-1');
  expect(await page.textContent('#user-pool')).toBe(expected.userPoolId);
  expect(await page.textContent('#content-delivery-url')).toBe(expected.contentDeliveryUrl);
};

const PAGE_CHECKS: PageCheck[] = [configApplied];

/** Debian's chromium, as every test here launches it, with extra command-line switches when given. */
async function launchChromium(switches: string[] = []): Promise<Browser> {
  if (!chromiumInstalled) throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs it with "apt-get install -y chromium"`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', ...switches] });
}

/**
 * The base64 SHA-256 of the public key the local cloud's HTTPS listener presents, for chromium's
 * `--ignore-certificate-errors-spki-list`: the page trusts that one key (the certificate its per-data-dir CA
 * issued), not every certificate error.
 */
async function localCloudKeyHash(httpsEndpoint: string): Promise<string> {
  const { host, port } = new URL(httpsEndpoint);
  const tls = await import('tls');
  const crypto = await import('crypto');
  const certificate = await new Promise<import('crypto').X509Certificate>((resolve, reject) => {
    const socket = tls.connect({ host: host.replace(/:\d+$/, ''), port: Number(port), rejectUnauthorized: false }, () => {
      const peer = socket.getPeerX509Certificate();
      socket.end();
      if (peer === undefined) reject(new Error(`${httpsEndpoint} presented no certificate`));
      else resolve(peer);
    });
    socket.on('error', reject);
  });
  return crypto.createHash('sha256').update(certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
}

/** Copies a fixture page and the shared build script into the app, so `npm run build` bundles it into build/. */
function installFixtureApp(sandbox: AppSandbox, fixture: string): void {
  const app = sandbox.app;
  for (const file of ['index.html', 'main.js']) fs.copyFileSync(path.join(fixture, file), path.join(app, 'src', file));
  fs.copyFileSync(path.join(FIXTURE, 'build.js'), path.join(app, 'build.js'));
  fs.writeFileSync(path.join(app, 'build-tools.json'), JSON.stringify({ esbuildPath: require.resolve('esbuild'), nodeModules: path.join(REPO_ROOT, 'node_modules') }));
  const pkg = sandbox.readJson<Record<string, unknown>>('package.json');
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ ...pkg, scripts: { build: 'node build.js' } }));
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, name), fullPage: true });
}

type Meta = { auth: Record<string, { service: string; output?: Record<string, string> }>; hosting: { S3AndCloudFront: { output: Record<string, string> } } };

(chromiumInstalled || process.env.CI ? describe : describe.skip)('published app in chromium (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  let browser: Browser;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
  const userPoolId = (): string => Object.values(meta().auth).find((entry) => entry.service === 'Cognito')!.output!.UserPoolId;

  async function openAndCheck(url: string, expected: Expected, screenshotName: string): Promise<void> {
    // The local cloud's HTTPS certificate comes from a CA made for its data directory, which chromium does not know.
    const page = await browser.newPage({ ignoreHTTPSErrors: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      for (const check of PAGE_CHECKS) await check(page, expected);
      expect(errors).toEqual([]);
    } finally {
      await screenshot(page, screenshotName);
      await page.close();
    }
  }

  beforeAll(async () => {
    sandbox = await AppSandbox.start('browserapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    installFixtureApp(sandbox, FIXTURE);
    for (const args of [['add', 'auth', '--yes'], ['add', 'hosting', '--yes']]) {
      const result = await sandbox.run(args);
      expect([args.join(' '), result.exitCode, result.stderr]).toEqual([args.join(' '), 0, '']);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  test('DEV: the app published to the S3 website runs with its config', async () => {
    const result = await sandbox.run(['publish', '--yes']);
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toMatchObject({ exitCode: 0 });
    const url = meta().hosting.S3AndCloudFront.output.WebsiteURL;
    await openAndCheck(`${url}/`, { userPoolId: userPoolId(), contentDeliveryUrl: url }, 'dev-website.png');
  });

  test('PROD: the same app through the CloudFront distribution', async () => {
    expect((await sandbox.run(['configure', 'hosting', '--yes', '--environment', 'PROD'])).exitCode).toBe(0);
    const result = await sandbox.run(['publish', '--yes', '--invalidateCloudFront']);
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toMatchObject({ exitCode: 0 });
    const output = meta().hosting.S3AndCloudFront.output;
    // The secure URL names the listener the distribution's DomainName was made for: the HTTPS one where the local
    // cloud has it, else its only (HTTP) listener, where the distribution answers at the same host and path.
    const secure = new URL(output.CloudFrontSecureURL);
    const reachable = secure.host === new URL(sandbox.cloud.endpoint).host ? `http://${secure.host}${secure.pathname}` : secure.href;
    await openAndCheck(`${reachable}/`, { userPoolId: userPoolId(), contentDeliveryUrl: output.CloudFrontSecureURL }, 'prod-cloudfront.png');
  });
});

const NOTES_API = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'AppSync',
    apiName: 'notesapi',
    transformSchema: 'type Note @model @auth(rules: [{ allow: owner }]) {\n  id: ID!\n  text: String!\n}\n',
    defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS' },
  },
};
const FILES = { version: 1, serviceConfiguration: { serviceName: 'S3', resourceName: 'pagefiles', permissions: { auth: ['CREATE_AND_UPDATE', 'READ', 'DELETE'] } } };

/** Serves the app's build/ folder on a loopback port of its own: the page's origin is not the local cloud's. */
function serveBuild(buildDir: string): Promise<http.Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://localhost').pathname) || 'index.html';
    const file = path.join(buildDir, name);
    if (!fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

(chromiumInstalled || process.env.CI ? describe : describe.skip)('an app on a local-cloud env in chromium (built binary)', () => {
  let sandbox: AppSandbox;
  let browser: Browser;
  let server: http.Server;

  async function ok(args: string[], stdin?: string): Promise<string> {
    const result = await sandbox.run(args, stdin);
    if (result.exitCode !== 0) throw new Error(`amplify ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  beforeAll(async () => {
    sandbox = await AppSandbox.start('browserlocal');
    await ok([
      'init', '--amplify', JSON.stringify({ projectName: 'browserlocal', envName: 'dev', defaultEditor: 'code' }),
      '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers', JSON.stringify({ awscloudformation: { configLevel: 'local' } }), '--yes',
    ]);
    await ok(['add', 'auth', '--yes']);
    await ok(['add', 'api', '--headless'], JSON.stringify(NOTES_API));
    await ok(['add', 'storage', '--headless'], JSON.stringify(FILES));
    await ok(['push', '--yes']);
    installFixtureApp(sandbox, LOCAL_APP_FIXTURE);
    const build = await runProcess(process.execPath, ['build.js'], { cwd: sandbox.app, env: { PATH: process.env.PATH } });
    if (build.exitCode !== 0) throw new Error(`the bundle failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveBuild(path.join(sandbox.app, 'build'));
    const httpsEndpoint = sandbox.cloud.endpoint.replace(/^http:/, 'https:');
    browser = await launchChromium([`--ignore-certificate-errors-spki-list=${await localCloudKeyHash(httpsEndpoint)}`]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await sandbox?.close();
  });

  test('signs up, signs in, runs GraphQL and stores a file from the page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.waitForFunction("document.getElementById('status').textContent === 'ready'", undefined, { timeout: 15_000 });
      const email = 'page@example.com';
      expect(await page.evaluate((username) => (globalThis as unknown as { localApp: { signUp(u: string): Promise<string> } }).localApp.signUp(username), email)).toBe('CONFIRM_SIGN_UP');
      const messages = JSON.parse(await ok(['local-cloud', 'messages', '--json', '--data-dir', sandbox.cloud.dataDir])) as Array<{ destination: string; code: string }>;
      const code = messages.filter((message) => message.destination === email).pop()?.code;
      expect(code).toMatch(/^\d{6}$/);
      const out = (await page.evaluate(
        ([username, confirmationCode]) => (globalThis as unknown as { localApp: { confirmAndUse(u: string, c: string): Promise<unknown> } }).localApp.confirmAndUse(username, confirmationCode),
        [email, code as string] as const,
      )) as Record<string, unknown>;
      expect(out).toMatchObject({ confirmed: true, signedIn: true, created: { text: 'from chromium' }, uploadProgress: true, downloaded: 'stored from the page' });
      expect(out.listed).toEqual([out.created]);
      expect(out.uploadedPath).toBe(`private/${out.identityId as string}/page.txt`);
      // getUrl presigns for AWS's host; the page's fetch of it is routed to the local cloud.
      expect(out.presignedHost).toMatch(/^browserlocal[0-9a-f]+-dev\.s3\.us-east-1\.amazonaws\.com$/);
      expect(out.presignedFetched).toBe('stored from the page');
      expect(errors).toEqual([]);
    } finally {
      await screenshot(page, 'local-cloud-app.png');
      await page.close();
    }
  });
});
