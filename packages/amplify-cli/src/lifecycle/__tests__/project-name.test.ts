import { isValidProjectName, normalizeProjectName } from '../init/project-name';

describe('project name', () => {
  test('the folder name without its non-alphanumerics', () => {
    expect(normalizeProjectName('my-react_app')).toBe('myreactapp');
  });
  test('cut to 20 characters', () => {
    expect(normalizeProjectName('a-very-long-project-folder-name')).toBe('averylongprojectfold');
  });
  test('padded to a valid length with random characters', () => {
    const name = normalizeProjectName('ab');
    expect(name.startsWith('ab')).toBe(true);
    expect(isValidProjectName(name)).toBe(true);
  });
  test('"amplify" and random characters when nothing is left', () => {
    const name = normalizeProjectName('---');
    expect(name).toMatch(/^amplify[a-zA-Z0-9]{5}$/);
  });
  test('valid names are 3 to 20 letters or digits', () => {
    expect(isValidProjectName('abc')).toBe(true);
    expect(isValidProjectName('ab')).toBe(false);
    expect(isValidProjectName('my-app')).toBe(false);
    expect(isValidProjectName('a'.repeat(21))).toBe(false);
  });
});
