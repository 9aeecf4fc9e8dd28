import * as fs from 'fs';
import * as path from 'path';
import { buildResources } from '../build-resources';
import { createFixtureProject } from './fixture-project';

let projectRoot: string;
beforeEach(() => {
  projectRoot = createFixtureProject();
  const meta = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8'));
  meta.function = {
    one: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true },
    two: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true },
  };
  fs.writeFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), JSON.stringify(meta));
  for (const name of ['one', 'two']) {
    fs.mkdirSync(path.join(projectRoot, 'amplify/backend/function', name, 'src'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'amplify/backend/function', name, 'src', 'index.js'), `exports.handler = async () => "${name}";`);
  }
});
afterEach(() => fs.rmSync(projectRoot, { recursive: true, force: true }));

describe('buildResources', () => {
  it('packages the built resources (or the one named) and records the build in meta', async () => {
    const onlyOne = await buildResources({ projectRoot, category: 'function', resourceName: 'one', installDependencies: async () => undefined });
    expect(onlyOne.map((r) => r.resourceName)).toEqual(['one']);
    const all = await buildResources({ projectRoot, installDependencies: async () => undefined });
    expect(all.map((r) => r.resourceName)).toEqual(['one', 'two']);
    const meta = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8'));
    expect(meta.function.two.distZipFilename).toBe(all[1].zipFileName);
    expect(meta.function.two.lastBuildTimeStamp).toEqual(expect.any(String));
    expect(meta.storage.images.lastBuildTimeStamp).toBeUndefined();
    expect(fs.existsSync(path.join(projectRoot, 'amplify/backend/function/two/dist', all[1].zipFileName))).toBe(true);
  });
});
