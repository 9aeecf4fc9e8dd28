import type { JsonObject, JsonValue } from 'amplify-frontend-support';

/** Why a module could not be read as data; the caller turns this into a user-facing error naming the file. */
export class ModuleParseError extends Error {}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$]/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

/**
 * Reads a tiny subset of JavaScript: the shape of a generated `aws-exports.js` — variable declarations whose values
 * are literals (objects, arrays, strings, numbers, booleans, null, undefined), then a default export of one of
 * them. Nothing is evaluated, so a hand-edited file can never run code inside the CLI. Anything outside the subset
 * is rejected with its position.
 */
class LiteralModuleReader {
  private pos = 0;
  private readonly bindings = new Map<string, JsonValue | undefined>();

  constructor(private readonly text: string) {}

  readDefaultExport(): JsonValue | undefined {
    let exported: { value: JsonValue | undefined } | undefined;
    for (this.skipTrivia(); this.pos < this.text.length; this.skipTrivia()) {
      if (this.tryWord('const') || this.tryWord('let') || this.tryWord('var')) {
        const name = this.identifier();
        this.expect('=');
        this.bindings.set(name, this.value());
      } else if (this.tryWord('export')) {
        this.expectWord('default');
        exported = { value: this.valueOrBinding() };
      } else if (this.tryWord('module')) {
        this.expect('.');
        this.expectWord('exports');
        this.expect('=');
        exported = { value: this.valueOrBinding() };
      } else if (this.tryWord('exports')) {
        this.expect('.');
        this.expectWord('default');
        this.expect('=');
        exported = { value: this.valueOrBinding() };
      } else {
        throw this.error('expected a declaration or an export');
      }
      this.skipTrivia();
      this.tryChar(';');
    }
    if (exported === undefined) {
      throw new ModuleParseError('the file has no default export');
    }
    return exported.value;
  }

  private valueOrBinding(): JsonValue | undefined {
    this.skipTrivia();
    const start = this.pos;
    if (IDENTIFIER_START.test(this.peek())) {
      const name = this.identifier();
      if (this.bindings.has(name)) {
        return this.bindings.get(name);
      }
      this.pos = start;
    }
    return this.value();
  }

  private value(): JsonValue | undefined {
    this.skipTrivia();
    const c = this.peek();
    if (c === '{') {
      return this.object();
    }
    if (c === '[') {
      return this.array();
    }
    if (c === '"' || c === "'" || c === '`') {
      return this.string();
    }
    const number = NUMBER.exec(this.text.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    if (this.tryWord('true')) return true;
    if (this.tryWord('false')) return false;
    if (this.tryWord('null')) return null;
    if (this.tryWord('undefined')) return undefined;
    throw this.error('expected a literal value');
  }

  private object(): JsonObject {
    this.expect('{');
    const result: JsonObject = {};
    for (;;) {
      this.skipTrivia();
      if (this.tryChar('}')) {
        return result;
      }
      const c = this.peek();
      let key: string;
      if (c === '"' || c === "'" || c === '`') {
        key = this.string();
      } else if (IDENTIFIER_START.test(c)) {
        key = this.identifier();
      } else {
        const number = NUMBER.exec(this.text.slice(this.pos));
        if (!number) {
          throw this.error('expected a property name');
        }
        this.pos += number[0].length;
        key = String(Number(number[0]));
      }
      this.expect(':');
      // Own data property even for "__proto__", so a crafted file cannot swap the prototype.
      Object.defineProperty(result, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipTrivia();
      if (!this.tryChar(',')) {
        this.expect('}');
        return result;
      }
    }
  }

  private array(): JsonValue[] {
    this.expect('[');
    const result: JsonValue[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.tryChar(']')) {
        return result;
      }
      const item = this.value();
      // JSON has no undefined; an undefined element becomes null, as JSON.stringify would write it.
      result.push(item === undefined ? null : item);
      this.skipTrivia();
      if (!this.tryChar(',')) {
        this.expect(']');
        return result;
      }
    }
  }

  private string(): string {
    const quote = this.text[this.pos++];
    let result = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === quote) {
        return result;
      }
      if (quote === '`' && c === '$' && this.peek() === '{') {
        throw this.error('template substitutions are not data');
      }
      if (c === '\n' && quote !== '`') {
        throw this.error('unterminated string');
      }
      result += c === '\\' ? this.escape() : c;
    }
    throw this.error('unterminated string');
  }

  private escape(): string {
    const c = this.text[this.pos++];
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return '\0';
      case 'u': {
        const hex = /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/.exec(this.text.slice(this.pos));
        if (!hex) {
          throw this.error('bad unicode escape');
        }
        this.pos += hex[0].length;
        return String.fromCodePoint(parseInt(hex[0].replace(/[{}]/g, ''), 16));
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.text.slice(this.pos));
        if (!hex) {
          throw this.error('bad hex escape');
        }
        this.pos += 2;
        return String.fromCharCode(parseInt(hex[0], 16));
      }
      case '\r':
        if (this.peek() === '\n') this.pos++;
        return '';
      case '\n':
        return '';
      default:
        return c;
    }
  }

  private identifier(): string {
    this.skipTrivia();
    if (!IDENTIFIER_START.test(this.peek())) {
      throw this.error('expected a name');
    }
    const start = this.pos;
    while (this.pos < this.text.length && IDENTIFIER_PART.test(this.text[this.pos])) {
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private tryWord(word: string): boolean {
    this.skipTrivia();
    const end = this.pos + word.length;
    if (this.text.startsWith(word, this.pos) && !IDENTIFIER_PART.test(this.text[end] ?? '')) {
      this.pos = end;
      return true;
    }
    return false;
  }

  private expectWord(word: string): void {
    if (!this.tryWord(word)) {
      throw this.error(`expected "${word}"`);
    }
  }

  private tryChar(c: string): boolean {
    this.skipTrivia();
    if (this.peek() === c) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(c: string): void {
    if (!this.tryChar(c)) {
      throw this.error(`expected "${c}"`);
    }
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private skipTrivia(): void {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) {
        this.pos++;
      }
      if (this.text.startsWith('//', this.pos)) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end === -1 ? this.text.length : end + 1;
      } else if (this.text.startsWith('/*', this.pos)) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end === -1) {
          throw this.error('unterminated comment');
        }
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  private error(message: string): ModuleParseError {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    return new ModuleParseError(`${message} at line ${line}, column ${column}`);
  }
}

/** The default export of a literal-only JavaScript module, read without evaluating it. */
export function readLiteralModuleDefaultExport(text: string): JsonValue | undefined {
  return new LiteralModuleReader(text).readDefaultExport();
}
