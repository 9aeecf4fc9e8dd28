import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { DEFAULT_PROJECT_TAGS, getProjectTags } from '../project-tags';

describe('getProjectTags', () => {
  afterEach(cleanupTempDirs);

  it('fills {project-name} and {project-env} in every tag value', () => {
    const root = createFixtureProject({
      localEnvInfo: { envName: 'prod' },
      files: { 'backend/tags.json': JSON.stringify([...DEFAULT_PROJECT_TAGS, { Key: 'team', Value: '{project-name}-{project-env}-x' }]) },
    });
    expect(getProjectTags(root)).toEqual([
      { Key: 'user:Stack', Value: 'prod' },
      { Key: 'user:Application', Value: 'fixture' },
      { Key: 'team', Value: 'fixture-prod-x' },
    ]);
  });

  it('has no tags without tags.json', () => {
    expect(getProjectTags(createFixtureProject({}))).toEqual([]);
  });
});
