import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { AppSandbox } from 'amplify-test-support';

/**
 * The published app in a real browser: an app bundled with aws-amplify 6 (esbuild) that imports ./aws-exports is
 * published with `amplify publish` to the local cloud, then Debian's chromium (driven by playwright-core) opens the
 * DEV website URL and the PROD CloudFront URL and checks that the page ran and applied the project's config.
 * Screenshots go to `<AMPLIFY_TEST_OUTPUT or .ci/results>/hosting-browser/`.
 *
 * Further checks (sign-in, GraphQL reads and writes) plug in as more `PageCheck`s once the local cloud started by
 * `startLocalCloud` runs AppSync's DynamoDB data sources against its own tables and serves Cognito (the page is served
 * from the local cloud's own origin, so its GraphQL calls are same-origin).
 */
jest.setTimeout(240_000);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const CHROMIUM = '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTPUT_DIR = path.join(process.env.AMPLIFY_TEST_OUTPUT ?? path.join(REPO_ROOT, '.ci', 'results'), 'hosting-browser');
const FIXTURE = path.join(__dirname, 'fixtures', 'browser-app');

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

type Meta = { auth: Record<string, { service: string; output?: Record<string, string> }>; hosting: { S3AndCloudFront: { output: Record<string, string> } } };

(chromiumInstalled || process.env.CI ? describe : describe.skip)('published app in chromium (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  let browser: Browser;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
  const userPoolId = (): string => Object.values(meta().auth).find((entry) => entry.service === 'Cognito')!.output!.UserPoolId;

  async function openAndCheck(url: string, expected: Expected, screenshot: string): Promise<void> {
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
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT_DIR, screenshot), fullPage: true });
      await page.close();
    }
  }

  beforeAll(async () => {
    if (!chromiumInstalled) throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs it with "apt-get install -y chromium"`);
    sandbox = await AppSandbox.start('browserapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    const app = sandbox.app;
    for (const file of ['index.html', 'main.js']) fs.copyFileSync(path.join(FIXTURE, file), path.join(app, 'src', file));
    fs.copyFileSync(path.join(FIXTURE, 'build.js'), path.join(app, 'build.js'));
    fs.writeFileSync(path.join(app, 'build-tools.json'), JSON.stringify({ esbuildPath: require.resolve('esbuild'), nodeModules: path.join(REPO_ROOT, 'node_modules') }));
    const pkg = sandbox.readJson<Record<string, unknown>>('package.json');
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ ...pkg, scripts: { build: 'node build.js' } }));
    for (const args of [['add', 'auth', '--yes'], ['add', 'hosting', '--yes']]) {
      const result = await sandbox.run(args);
      expect([args.join(' '), result.exitCode, result.stderr]).toEqual([args.join(' '), 0, '']);
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
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
