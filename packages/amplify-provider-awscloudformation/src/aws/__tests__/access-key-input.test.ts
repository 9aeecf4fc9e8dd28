import { isMissingAccessKey, requireAccessKey } from '../access-key-input';

describe('access key input', () => {
  it('treats empty keys and the placeholders of the examples as missing', () => {
    expect(isMissingAccessKey('')).toBe(true);
    expect(isMissingAccessKey('  ')).toBe(true);
    expect(isMissingAccessKey('<YOUR_ACCESS_KEY_ID>')).toBe(true);
    expect(isMissingAccessKey(' <YOUR_SECRET_ACCESS_KEY> ')).toBe(true);
    expect(isMissingAccessKey('AKIAIOSFODNN7EXAMPLE')).toBe(false);
  });

  it('validates a prompt answer, naming the field', () => {
    expect(requireAccessKey('accessKeyId')('<YOUR_ACCESS_KEY_ID>')).toBe('accessKeyId is required');
    expect(requireAccessKey('secretAccessKey')('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
  });
});
