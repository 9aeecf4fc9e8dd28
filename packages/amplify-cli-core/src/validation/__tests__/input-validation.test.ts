import { inputValidation } from '../input-validation';

describe('inputValidation', () => {
  it('includes: the answer must contain the value', () => {
    const validate = inputValidation({ validation: { operator: 'includes', value: '@', onErrorMsg: 'Need an @' } });
    expect(validate('a@b')).toBe(true);
    expect(validate('ab')).toBe('Need an @');
  });

  it('regex: the answer must match the pattern', () => {
    const validate = inputValidation({ validation: { operator: 'regex', value: '^[a-z]{2,10}$', onErrorMsg: 'Lowercase letters' } });
    expect(validate('dev')).toBe(true);
    expect(validate('Dev1')).toBe('Lowercase letters');
  });

  it('range: the answer must be a number within min and max', () => {
    const validate = inputValidation({ validation: { operator: 'range', value: { min: 1, max: 365 }, onErrorMsg: '1 to 365' } });
    expect(validate('30')).toBe(true);
    expect(validate(365)).toBe(true);
    expect(validate('0')).toBe('1 to 365');
    expect(validate('abc')).toBe('1 to 365');
  });

  it('noEmptyArray: at least one item must be picked', () => {
    const validate = inputValidation({ validation: { operator: 'noEmptyArray', onErrorMsg: 'Pick one' } });
    expect(validate(['a'])).toBe(true);
    expect(validate([])).toBe('Pick one');
  });

  it('required: an empty answer is refused; an empty optional answer skips the operator', () => {
    expect(inputValidation({ required: true })('  ')).toBe('A response is required for this field');
    expect(inputValidation({ required: true })('x')).toBe(true);
    const optional = inputValidation({ validation: { operator: 'regex', value: '^a', onErrorMsg: 'starts with a' } });
    expect(optional('')).toBe(true);
    const required = inputValidation({ required: true, validation: { operator: 'regex', value: '^a', onErrorMsg: 'starts with a' } });
    expect(required('')).toBe('starts with a');
  });

  it('falls back to a generic message without onErrorMsg', () => {
    expect(inputValidation({ validation: { operator: 'includes', value: 'x' } })('y')).toBe('Invalid input');
  });
});
