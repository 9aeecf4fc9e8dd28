import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stateManager } from 'amplify-cli-core';
import { metaOf, testContext, writeProject } from 'amplify-test-support';
import type { FrontendContext } from '../frontend-context';
import { localCloudEndpointOf } from '../local-cloud-endpoint';

/** The local cloud plugin as the core would hand it over: only the status functions are read. */
function localCloudPlugin(status: { type: string; info?: { endpoint: string } }): FrontendContext['amplify']['getPluginInstance'] {
  const plugin = { defaultDataDir: () => '/data', getInstanceStatus: async () => status };
  return (_context, name) => (name === 'local-cloud' ? (plugin as unknown as ReturnType<NonNullable<FrontendContext['amplify']['getPluginInstance']>>) : undefined);
}

describe('localCloudEndpointOf', () => {
  let root: string;
  const savedEndpoint = process.env.AWS_ENDPOINT_URL;
  beforeEach(() => {
    root = writeProject(fs.mkdtempSync(path.join(os.tmpdir(), 'local-endpoint-')), { projectName: 'app', version: '3.1', frontend: 'javascript', providers: ['awscloudformation'] }, metaOf());
    delete process.env.AWS_ENDPOINT_URL;
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = savedEndpoint;
  });

  function withRunningInstance(endpoint: string) {
    const { context } = testContext();
    context.amplify.getPluginInstance = localCloudPlugin({ type: 'running', info: { endpoint } });
    return context;
  }

  it('is undefined for an env on AWS, whatever runs', async () => {
    stateManager.setLocalAWSInfo(root, { dev: { configLevel: 'project', useProfile: true, profileName: 'default' } });
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4581';
    expect(await localCloudEndpointOf(withRunningInstance('http://127.0.0.1:4581'), root)).toBeUndefined();
  });

  it("is the https form of this HOME's running instance for a local env", async () => {
    stateManager.setLocalAWSInfo(root, { dev: { configLevel: 'local' } });
    expect(await localCloudEndpointOf(withRunningInstance('http://127.0.0.1:4590'), root)).toBe('https://127.0.0.1:4590');
  });

  it('prefers the loopback instance AWS_ENDPOINT_URL names, as the provider does', async () => {
    stateManager.setLocalAWSInfo(root, { dev: { configLevel: 'local' } });
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:5000/';
    expect(await localCloudEndpointOf(withRunningInstance('http://127.0.0.1:4590'), root)).toBe('https://127.0.0.1:5000');
  });

  it('warns and gives no endpoint for a local env when no instance runs', async () => {
    stateManager.setLocalAWSInfo(root, { dev: { configLevel: 'local' } });
    const { context, printed } = testContext();
    context.amplify.getPluginInstance = localCloudPlugin({ type: 'stopped' });
    expect(await localCloudEndpointOf(context, root)).toBeUndefined();
    expect(printed.warning).toEqual([expect.stringContaining('The local cloud is not running')]);
  });
});
