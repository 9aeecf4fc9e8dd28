const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** S3's general-purpose bucket naming rules; returns why a name breaks them, or `undefined` when it is valid. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) {
    return 'must be between 3 and 63 characters long';
  }
  if (!SHAPE.test(name)) {
    return 'may contain only lower-case letters, digits, dots and hyphens, and must begin and end with a letter or digit';
  }
  if (name.includes('..')) {
    return 'must not contain two adjacent dots';
  }
  if (IP_ADDRESS.test(name)) {
    return 'must not be formatted as an IP address';
  }
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    return `must not start with ${RESERVED_PREFIXES.join(', ')}`;
  }
  if (RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    return `must not end with ${RESERVED_SUFFIXES.join(', ')}`;
  }
  return undefined;
}
