import { pathSegmentProblem, projectRelativePathProblem } from '../confined-path';
import { pathManager } from '../path-manager';

describe('projectRelativePathProblem', () => {
  it.each(['src', 'src/', './src', 'app/src/main/res', '/', '.', './', 'a/../b', 'src\\app'])('accepts %j, a folder inside the project', (value) => {
    expect(projectRelativePathProblem(value)).toBeUndefined();
  });

  it.each([
    ['../x', 'leads outside the project'],
    ['..', 'leads outside the project'],
    ['src/../../x', 'leads outside the project'],
    ['..\\x', 'leads outside the project'],
    ['/etc', 'is an absolute path'],
    ['/home/me/app/src', 'is an absolute path'],
    ['~/x', 'is an absolute path'],
    ['C:\\x', 'is an absolute path'],
    ['src\0', 'contains a NUL character'],
  ])('refuses %j: it %s', (value, problem) => {
    expect(projectRelativePathProblem(value)).toBe(problem);
  });
});

describe('pathSegmentProblem and resource paths', () => {
  it.each(['worker', 'storage', 'myFunction1'])('accepts %j', (name) => expect(pathSegmentProblem(name)).toBeUndefined());

  it.each(['', '.', '..', '../x', 'a/b', 'a\\b'])('refuses %j', (name) => expect(pathSegmentProblem(name)).toBeDefined());

  it('keeps resource folders under amplify/backend/<category>', () => {
    expect(() => pathManager.getResourceDirectoryPath('/p', 'function', '../../x')).toThrow(
      expect.objectContaining({ code: 'InvalidResourceName', message: 'Resource name "../../x" contains a path separator, so it cannot be a folder of amplify/backend' }),
    );
    expect(() => pathManager.getResourceParametersFilePath('/p', '..', 'x')).toThrow(expect.objectContaining({ code: 'InvalidResourceName' }));
    expect(() => pathManager.getCurrentCloudResourceDirectoryPath('/p', 'auth', '..')).toThrow(expect.objectContaining({ code: 'InvalidResourceName' }));
    expect(pathManager.getResourceDirectoryPath('/p', 'function', 'worker')).toBe('/p/amplify/backend/function/worker');
  });
});
