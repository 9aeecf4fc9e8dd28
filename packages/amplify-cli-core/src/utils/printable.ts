/**
 * `text` with control characters (ESC, BEL, CR, ...) written as `\u001b` escapes, so that a name read from a file
 * or an argument cannot move the cursor, recolour or clear the terminal when it is printed.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
