import * as path from 'path';
import { PathOutsideRootError, resolveInside } from '../confined-path';

const root = path.resolve('/data/cloudformation/lambda');

test('names that stay below the root resolve under it', () => {
  expect(resolveInside(root, 'my-function')).toBe(path.join(root, 'my-function'));
  expect(resolveInside(root, 'src', 'index')).toBe(path.join(root, 'src', 'index'));
  expect(resolveInside(root, 'a/../b')).toBe(path.join(root, 'b'));
});

test.each([['..'], ['../x'], ['../../../etc'], ['.'], [''], ['/etc/passwd'], ['a/../..'], ['x\0y']])('%j is refused', (name) => {
  expect(() => resolveInside(root, name)).toThrow(PathOutsideRootError);
});

test('a later absolute segment cannot replace the root', () => {
  expect(() => resolveInside(root, 'fine', '/tmp/elsewhere')).toThrow(PathOutsideRootError);
});
