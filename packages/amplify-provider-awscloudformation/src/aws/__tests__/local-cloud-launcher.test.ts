import type { ProviderContext } from '../../context/provider-context';
import { scriptedPrompter } from '../../io/__tests__/scripted-prompter';
import { LOCAL_CLOUD_PLUGIN, pluginLocalCloud } from '../local-cloud-launcher';

const access = { endpoint: 'http://127.0.0.1:4599', credentials: { accessKeyId: 'AKIALAUNCHER00000001', secretAccessKey: 'launcher-secret' } };
const print = { info: () => undefined, warning: () => undefined, success: () => undefined };

function context(plugins: Record<string, unknown> | undefined): ProviderContext {
  const amplify: ProviderContext['amplify'] = { prompter: scriptedPrompter([]) };
  if (plugins !== undefined) amplify.getPluginInstance = (_context, name) => plugins[name];
  return { print, amplify, environment: { env: {}, isInteractive: () => false, stdoutIsTTY: false } };
}

it('starts the local cloud through the plugin the platform hands out by its manifest name', async () => {
  const ensureLocalCloud = jest.fn(async () => access);
  await expect(pluginLocalCloud(context({ [LOCAL_CLOUD_PLUGIN]: { ensureLocalCloud } })).ensure()).resolves.toEqual(access);
  expect(ensureLocalCloud).toHaveBeenCalledTimes(1);
});

it.each([
  ['no plugin platform', undefined, /is not installed/],
  ['no local cloud plugin', {}, /is not installed/],
  ['a plugin without ensureLocalCloud', { [LOCAL_CLOUD_PLUGIN]: { executeAmplifyCommand: () => undefined } }, /not one this provider can start/],
])('fails naming the fix with %s', async (_, plugins, message) => {
  await expect(pluginLocalCloud(context(plugins)).ensure()).rejects.toMatchObject({
    code: 'LocalCloudUnavailable',
    message: expect.stringMatching(message),
    resolution: expect.stringContaining('amplify plugin scan'),
  });
});
