import { stackTags } from '../stack-tags';

describe('stackTags', () => {
  it('fills in the project and env placeholders', () => {
    expect(
      stackTags(
        [
          { Key: 'user:Stack', Value: '{project-env}' },
          { Key: 'user:Application', Value: '{project-name}' },
          { Key: 'team', Value: 'web' },
        ],
        'myapp',
        'dev',
      ),
    ).toEqual([
      { Key: 'user:Stack', Value: 'dev' },
      { Key: 'user:Application', Value: 'myapp' },
      { Key: 'team', Value: 'web' },
    ]);
  });

  it('sends no tags for a project without any', () => {
    expect(stackTags([], 'myapp', 'dev')).toBeUndefined();
  });
});
