/**
 * Finds the first syntax error of a JSON text. V8's JSON.parse messages give a position only for some errors
 * ("Unexpected token '}', ... is not valid JSON" has none), so when a parse fails we scan the text once more to
 * report a precise line and column. Runs only on the failure path.
 */
export interface JsonSyntaxError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let pos = 0;

  const unexpected = (): never => {
    if (pos >= text.length) {
      throw new ScanError('Unexpected end of JSON input', pos);
    }
    throw new ScanError(`Unexpected token ${JSON.stringify(text[pos])}`, pos);
  };
  const skipWhitespace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const expect = (literal: string): void => {
    for (const ch of literal) {
      if (text[pos] !== ch) unexpected();
      pos++;
    }
  };
  const scanString = (): void => {
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) unexpected();
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\\') {
        pos++;
        const esc = text[pos];
        if (esc === 'u') {
          pos++;
          for (let i = 0; i < 4; i++) {
            if (!/[0-9a-fA-F]/.test(text[pos] ?? '')) unexpected();
            pos++;
          }
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) {
          pos++;
        } else {
          unexpected();
        }
      } else if (ch.charCodeAt(0) < 0x20) {
        unexpected();
      } else {
        pos++;
      }
    }
  };
  const scanNumber = (): void => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(pos, pos + 400));
    if (!match || match[0] === '' || match[0] === '-') unexpected();
    pos += match![0].length;
  };
  const scanValue = (): void => {
    skipWhitespace();
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      skipWhitespace();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') unexpected();
        scanString();
        skipWhitespace();
        expect(':');
        scanValue();
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (ch === '[') {
      pos++;
      skipWhitespace();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        scanValue();
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (ch === '"') return scanString();
    if (ch === 't') return expect('true');
    if (ch === 'f') return expect('false');
    if (ch === 'n') return expect('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return scanNumber();
    unexpected();
  };

  try {
    scanValue();
    skipWhitespace();
    if (pos < text.length) unexpected();
    return undefined;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { message: error.message, ...lineAndColumn(text, error.position) };
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
