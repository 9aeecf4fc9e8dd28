import * as path from 'path';
import * as ts from 'typescript';

/**
 * The prompter's option types, checked by the compiler: plugins call `pick` with plain lists of string literals, and
 * a `Choices<T>` that distributed over the union `'a' | 'b'` would reject that list. Each snippet is type-checked
 * against the real `prompter.ts` with the repository's compiler settings.
 */
const prompterModule = path.resolve(__dirname, '..', 'prompter');

function typeErrors(body: string): string[] {
  const file = path.join(path.dirname(prompterModule), '__type-probe__.ts');
  const source = `import type { Prompter } from ${JSON.stringify(prompterModule)};\nexport async function probe(p: Prompter): Promise<unknown> {\n${body}\n}\n`;
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: ['node'], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || path.resolve(d.file.fileName) === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('pick accepts a list of string literals for a union of literals, single and multiple', () => {
  expect(
    typeErrors(`
      const one: 'update' | 'remove' = await p.pick<'update' | 'remove'>({ message: 'm', choices: ['update', 'remove'], default: 'remove' });
      const many: Array<'a' | 'b' | 'c'> = await p.pick<'a' | 'b' | 'c'>({ message: 'm', choices: ['a', 'b', 'c'], multiSelect: true, default: ['a'] });
      const fromConst = await p.pick({ message: 'm', choices: ['x', 'y'] as const });
      const literal: 'x' | 'y' = fromConst;
      return [one, many, literal];`),
  ).toEqual([]);
}, 60000);

test('pick still rejects choices outside the union and plain strings for non-string values', () => {
  const errors = typeErrors(`
      await p.pick<'update' | 'remove'>({ message: 'm', choices: ['update', 'other'] });
      await p.pick<number>({ message: 'm', choices: ['1', '2'] });
      return undefined;`);
  expect(errors).toHaveLength(2);
}, 60000);
