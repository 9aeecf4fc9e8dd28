const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random lowercase alphanumeric id (used in resource and role names, so no upper case). */
export function makeId(length = 5): string {
  const bytes = (require('crypto') as typeof import('crypto')).randomBytes(length);
  let id = '';
  for (let i = 0; i < length; i++) {
    // 256 is not a multiple of 36; the slight skew does not matter for naming.
    id += ALPHABET[bytes[i] % ALPHABET.length];
  }
  return id;
}
