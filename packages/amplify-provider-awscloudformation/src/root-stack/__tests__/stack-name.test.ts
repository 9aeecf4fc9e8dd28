import { normalizeStackName, rootStackName, rootStackNames } from '../stack-name';

describe('rootStackName', () => {
  it('follows amplify-<project>-<env>-<Hmmss> with the hour not zero-padded', () => {
    expect(rootStackName('myproj', 'dev', new Date(2026, 0, 2, 9, 5, 7))).toBe('amplify-myproj-dev-90507');
    expect(rootStackName('myproj', 'dev', new Date(2026, 0, 2, 13, 45, 0))).toBe('amplify-myproj-dev-134500');
  });

  it('lower-cases project names instead of dropping capitals', () => {
    expect(rootStackName('MyApp', 'prod', new Date(2026, 0, 2, 0, 0, 1))).toBe('amplify-myapp-prod-00001');
  });
});

describe('normalizeStackName', () => {
  it('keeps only [-a-z0-9] and starts with a letter', () => {
    expect(normalizeStackName('My_App.v2')).toBe('myappv2');
    expect(normalizeStackName('9lives')).toBe('a9lives');
    expect(normalizeStackName('-x')).toBe('a-x');
  });
});

describe('rootStackNames', () => {
  it('derives the bucket and role names from the stack name', () => {
    expect(rootStackNames('amplify-p-dev-1')).toEqual({
      stackName: 'amplify-p-dev-1',
      deploymentBucketName: 'amplify-p-dev-1-deployment',
      authRoleName: 'amplify-p-dev-1-authRole',
      unauthRoleName: 'amplify-p-dev-1-unauthRole',
    });
  });

  it('keeps the longest allowed names within the 63-character bucket limit', () => {
    const name = rootStackName('a'.repeat(20), 'b'.repeat(10), new Date(2026, 0, 2, 23, 59, 59));
    expect(rootStackNames(name).deploymentBucketName.length).toBeLessThanOrEqual(63);
  });
});
