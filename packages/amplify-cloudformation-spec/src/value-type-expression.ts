import { CloudFormationSpecError } from './errors';
import type { PrimitiveType, ValueType } from './resource-type-spec';

/**
 * Parses the compact type expressions the generator writes (`String`, `List<@Rule>`, `Map<String>`,
 * `String|@Policy`, ...) into `ValueType` trees. See scripts/generate.js for the grammar.
 */
export function parseValueType(expression: string): ValueType {
  let type = parsed.get(expression);
  if (type === undefined) {
    const parser = new ExpressionParser(expression);
    type = parser.union();
    parser.expectEnd();
    parsed.set(expression, type);
  }
  return type;
}

// Most properties share a few expressions ("String" alone is more than half of them) and the trees are never
// mutated, so each expression is parsed once and its tree shared.
const parsed = new Map<string, ValueType>();

const PRIMITIVE_TYPES = new Set<string>(['String', 'Integer', 'Double', 'Boolean', 'Json', 'Timestamp', 'Null']);

class ExpressionParser {
  private position = 0;

  constructor(private readonly text: string) {}

  union(): ValueType {
    const types = [this.term()];
    while (this.text[this.position] === '|') {
      this.position++;
      types.push(this.term());
    }
    return types.length === 1 ? types[0] : { kind: 'union', types };
  }

  expectEnd(): void {
    if (this.position !== this.text.length) this.fail();
  }

  private term(): ValueType {
    if (this.text.startsWith('List<', this.position)) return { kind: 'list', element: this.generic('List<'.length) };
    if (this.text.startsWith('Map<', this.position)) return { kind: 'map', element: this.generic('Map<'.length) };
    const word = this.word();
    if (word.startsWith('@') && word.length > 1) return { kind: 'named', name: word.slice(1) };
    if (word === 'Tag') return { kind: 'tag' };
    if (PRIMITIVE_TYPES.has(word)) return { kind: 'primitive', primitive: word as PrimitiveType };
    return this.fail();
  }

  private generic(openLength: number): ValueType {
    this.position += openLength;
    const element = this.union();
    if (this.text[this.position] !== '>') this.fail();
    this.position++;
    return element;
  }

  private word(): string {
    const start = this.position;
    while (this.position < this.text.length && !'|<>'.includes(this.text[this.position])) this.position++;
    return this.text.slice(start, this.position);
  }

  private fail(): never {
    throw new CloudFormationSpecError(
      'CloudFormationSpecCorrupt',
      `Unreadable type expression "${this.text}" in the CloudFormation specification data (at ${this.position}).`,
      { resolution: 'Regenerate the data with: npm run generate -w amplify-cloudformation-spec -- --force' },
    );
  }
}
