import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import * as fs from 'fs';
import * as path from 'path';
import { hashLayerVersion } from '../layer-hash';
import { getResourceStatus } from '../resource-status';
import { stateManager } from '../../state/state-manager';

const layerFiles = (root: string) => ({
  [`${root}/function/shared/lib/nodejs/package.json`]: '{"dependencies":{"is-number":"7.0.0"}}',
  [`${root}/function/shared/lib/nodejs/node_modules/is-number/index.js`]: 'installed',
  [`${root}/function/shared/opt/nodejs/node_modules/greeter/index.js`]: 'hello',
  [`${root}/function/shared/layer-configuration.json`]: '{}',
});

describe('hashLayerVersion and the status of layers', () => {
  afterEach(cleanupTempDirs);

  /** A pushed layer whose recorded version hash is that of its content. */
  function project(): { root: string; layerDir: string } {
    const entry = { service: 'LambdaLayer', providerPlugin: 'awscloudformation', build: true, lastPushTimeStamp: '2026-01-01T00:00:00.000Z' };
    const root = createFixtureProject({ meta: { function: { shared: entry } }, currentMeta: { function: { shared: entry } }, files: { ...layerFiles('backend'), ...layerFiles('#current-cloud-backend') } });
    const layerDir = path.join(root, 'amplify', 'backend', 'function', 'shared');
    const pushed = { function: { shared: { ...entry, latestPushedVersionHash: hashLayerVersion(layerDir) } } };
    stateManager.setMeta(root, pushed);
    stateManager.setCurrentMeta(root, pushed);
    return { root, layerDir };
  }

  it('hashes lib/nodejs (without node_modules) and opt/ (with it), and nothing else of the resource', () => {
    const { layerDir } = project();
    const first = hashLayerVersion(layerDir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    fs.writeFileSync(path.join(layerDir, 'lib', 'nodejs', 'node_modules', 'is-number', 'index.js'), 'reinstalled');
    fs.writeFileSync(path.join(layerDir, 'layer-configuration.json'), '{"permissions":[]}');
    expect(hashLayerVersion(layerDir)).toBe(first);
    fs.writeFileSync(path.join(layerDir, 'opt', 'nodejs', 'node_modules', 'greeter', 'index.js'), 'bonjour');
    expect(hashLayerVersion(layerDir)).not.toBe(first);
  });

  it('a layer whose content changed only under opt/nodejs/node_modules is an Update', () => {
    const { root, layerDir } = project();
    expect(getResourceStatus(root).resourcesToBeUpdated).toEqual([]);
    fs.writeFileSync(path.join(layerDir, 'opt', 'nodejs', 'node_modules', 'greeter', 'index.js'), 'bonjour');
    expect(getResourceStatus(root).resourcesToBeUpdated.map((r) => r.resourceName)).toEqual(['shared']);
  });
});
