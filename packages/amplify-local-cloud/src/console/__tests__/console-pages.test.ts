import type { ResourceRecord, StackRecord } from '../../cloudformation/stack-store';
import type { ServiceRequest } from '../../contracts';
import { CONSOLE_PATH, CONSOLE_SERVICE, createConsolePages, escapeHtml } from '../console-pages';

function stack(stackName: string, extra: Partial<StackRecord> = {}): StackRecord {
  return {
    stackId: `arn:aws:cloudformation:us-east-1:000000000000:stack/${stackName}/1`,
    stackName,
    status: 'CREATE_COMPLETE',
    creationTime: '2026-01-01T00:00:00.000Z',
    templateBody: '{}',
    parameters: {},
    capabilities: [],
    tags: {},
    outputs: [],
    disableRollback: false,
    ...extra,
  } as StackRecord;
}

const root = stack('amplify-app-dev-1234', { outputs: [{ key: 'DeploymentBucketName', value: 'amplify-app-dev-1234-deployment' }] });
const nested = stack('amplify-app-dev-1234-authusers-XYZ', { rootId: root.stackId, parentId: root.stackId, outputs: [{ key: 'UserPoolId', value: 'us-east-1_abc<script>' }] });
const unrelated = stack('amplify-other-dev-9');
const resources: Record<string, ResourceRecord[]> = {
  [root.stackId]: [{ logicalId: 'DeploymentBucket', physicalId: 'amplify-app-dev-1234-deployment', type: 'AWS::S3::Bucket', status: 'CREATE_COMPLETE', properties: {}, attributes: {}, lastUpdated: '' }],
  [nested.stackId]: [{ logicalId: 'UserPool', physicalId: 'us-east-1_abc', type: 'AWS::Cognito::UserPool', status: 'CREATE_COMPLETE', properties: {}, attributes: {}, lastUpdated: '' }],
};
const stacks = {
  findStack: (name: string) => [root, nested, unrelated].find((candidate) => candidate.stackName === name),
  allStacks: () => [unrelated, nested, root],
  resources: (stackId: string) => resources[stackId] ?? [],
};

function linkRequest(query: string, accessKeyId = 'INSTANCE'): ServiceRequest {
  return { service: CONSOLE_SERVICE, region: 'us-east-1', accessKeyId, method: 'GET', path: CONSOLE_PATH, query: new URLSearchParams(query), headers: {}, body: Buffer.alloc(0) };
}

describe('the local cloud console page', () => {
  let clock = 0;
  const pages = createConsolePages({ stacks, isInstanceKey: (key) => key === 'INSTANCE', now: () => clock });

  it('issues a link to the instance key only, for a stack that exists', async () => {
    expect((await pages.issueLink(linkRequest('stack=amplify-app-dev-1234', 'ROLE-SESSION'))).status).toBe(403);
    expect((await pages.issueLink(linkRequest(''))).status).toBe(400);
    const missing = await pages.issueLink(linkRequest('stack=nope'));
    expect(missing.status).toBe(404);
    expect(String(missing.body)).toContain('No stack named nope');
  });

  it("shows the env's stacks, resources and outputs once, escaped, and nothing of other projects", async () => {
    const issued = await pages.issueLink(linkRequest('stack=amplify-app-dev-1234'));
    const { path } = JSON.parse(String(issued.body)) as { path: string };
    expect(path).toMatch(new RegExp(`^${CONSOLE_PATH}/[0-9a-f]{48}$`));
    const shown = pages.servePage({ method: 'GET', path });
    expect(shown.status).toBe(200);
    expect(shown.headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    const html = String(shown.body);
    for (const text of ['amplify-app-dev-1234-authusers-XYZ', 'DeploymentBucket', 'AWS::Cognito::UserPool', 'DeploymentBucketName', 'us-east-1_abc&#60;script&#62;']) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('amplify-other-dev-9');
    expect(html.indexOf('<h2>amplify-app-dev-1234</h2>')).toBeLessThan(html.indexOf('<h2>amplify-app-dev-1234-authusers-XYZ</h2>'));
    expect(pages.servePage({ method: 'GET', path }).status).toBe(403);
  });

  it('refuses an expired link and a made-up one', async () => {
    const { path } = JSON.parse(String((await pages.issueLink(linkRequest('stack=amplify-app-dev-1234'))).body)) as { path: string };
    clock += 5 * 60 * 1000;
    expect(pages.servePage({ method: 'GET', path }).status).toBe(403);
    expect(pages.servePage({ method: 'GET', path: `${CONSOLE_PATH}/${'0'.repeat(48)}` }).status).toBe(403);
  });

  it('escapes the characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
