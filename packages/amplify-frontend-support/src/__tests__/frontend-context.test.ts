import { headlessFrontendInput } from '../frontend-context';

describe('headlessFrontendInput', () => {
  const names = ['javascript', 'js'];

  it('finds the flattened block, or the raw --frontend payload addressed by name or alias', () => {
    expect(headlessFrontendInput({ javascript: { framework: 'vue' } }, names)).toEqual({ framework: 'vue' });
    expect(headlessFrontendInput({ frontend: { frontend: 'javascript', framework: 'vue' } }, names)).toEqual({
      frontend: 'javascript',
      framework: 'vue',
    });
    expect(headlessFrontendInput({ frontend: { type: 'js' } }, names)).toEqual({ type: 'js' });
  });

  it('ignores payloads for another frontend and missing input', () => {
    expect(headlessFrontendInput({ frontend: { frontend: 'android' } }, names)).toBeUndefined();
    expect(headlessFrontendInput({ frontend: 'javascript' }, names)).toBeUndefined();
    expect(headlessFrontendInput(undefined, names)).toBeUndefined();
  });
});
