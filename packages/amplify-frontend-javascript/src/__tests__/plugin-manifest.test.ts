import * as path from 'path';
import { inspectFrontendPluginPackage } from 'amplify-test-support';
import * as plugin from '../index';

describe('the javascript plugin as the platform discovers it', () => {
  it('declares a valid frontend manifest that matches its package name and is shipped, and exports the frontend contract', () => {
    const { manifest, problems } = inspectFrontendPluginPackage(path.join(__dirname, '..', '..'), plugin.constants.Label, plugin);
    expect(problems).toEqual([]);
    expect(manifest).toMatchObject({ name: 'javascript', type: 'frontend', aliases: ['js'] });
  });
});
