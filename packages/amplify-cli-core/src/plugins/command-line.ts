/**
 * How a command-line word becomes an option, the one rule for the `amplify` binary and the standalone binaries of
 * plugins (the local cloud's): as the original reads argv, `--x=value` and `--x value` give a string, a lone `--x`
 * gives true, and one dash works like two.
 */

/** A word that names an option: a dash and something after it (a lone `-` is a value, as for stdin). */
export function isOptionWord(word: string): boolean {
  return word.startsWith('-') && word.length > 1;
}

/** `-5`, `-0.5`: a value, never an option (no option is named with a digit), so `--timeout -5` keeps its value. */
function isNegativeNumber(word: string): boolean {
  return /^-\d/.test(word);
}

export interface ReadOption {
  name: string;
  value: string | true;
  /** The index of the first word after the option (and its value). */
  next: number;
}

/**
 * Reads the option word at `words[index]`. Its value is what follows `=`, else the next word unless that is an
 * option too or the option is one of `flags` (options that never take a value, named without dashes, so that
 * `--detach start` does not read `start` as the value of `--detach`).
 */
export function readOption(words: readonly string[], index: number, flags: ReadonlySet<string> = new Set()): ReadOption {
  const body = words[index].replace(/^--?/, '');
  const equals = body.indexOf('=');
  if (equals > 0) {
    return { name: body.slice(0, equals), value: body.slice(equals + 1), next: index + 1 };
  }
  const following = words[index + 1];
  if (following !== undefined && (!isOptionWord(following) || isNegativeNumber(following)) && !flags.has(body)) {
    return { name: body, value: following, next: index + 2 };
  }
  return { name: body, value: true, next: index + 1 };
}
