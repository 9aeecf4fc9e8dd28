/**
 * The placeholders of the original's headless examples and docs (`<YOUR_ACCESS_KEY_ID>`,
 * `<YOUR_SECRET_ACCESS_KEY>`): pasted unchanged they are no key, and would only fail later at the first AWS call.
 */
const PLACEHOLDER = /^<YOUR_.*>$/;

/** True for a key that is empty or still one of the placeholders. */
export function isMissingAccessKey(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length === 0 || PLACEHOLDER.test(trimmed);
}

/** The prompt validator of an access key id or secret, naming the field the person must still fill in. */
export function requireAccessKey(label: string): (value: string) => true | string {
  return (value) => (isMissingAccessKey(value) ? `${label} is required` : true);
}
