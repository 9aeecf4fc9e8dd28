/** Prints a schema through analysis and the printer, and reads single definitions back out of the text. */
import { buildSchema } from 'graphql';
import { analyzeSchema } from '../../analysis';
import { schemaInput } from '../../analysis/__tests__/helpers';
import type { InputOptions } from '../../analysis/__tests__/helpers';
import { APPSYNC_PRELUDE_SDL } from '../../directives';
import { printTransformedSchema } from '..';

export function printed(schema: string, options?: InputOptions): string {
  return printTransformedSchema(analyzeSchema(schemaInput(schema, options)));
}

const blocks = (text: string): string[] => text.trimEnd().split('\n\n');

/** The printed definition named `name` (`type Query {...}`, `input CreateTodoInput {...}`). */
export function definition(text: string, name: string): string {
  const found = blocks(text).find((block) => new RegExp(`^(type|input|enum|interface|union|scalar) ${name}\\b`).test(block));
  if (!found) throw new Error(`${name} is not defined in the printed schema`);
  return found;
}

export const definitionNames = (text: string): string[] => blocks(text).map((block) => block.split(/[ {]/)[1]);

/** Joins the lines of an expected definition written indented in a test. */
export const sdl = (lines: string): string =>
  lines
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .map((line, index, all) => (index === 0 || index === all.length - 1 ? line : `  ${line}`))
    .join('\n');

/** AppSync would accept the schema: it builds with graphql-js on top of AppSync's scalars and directives. */
export const buildsOnAppSync = (text: string): boolean => {
  buildSchema(`${APPSYNC_PRELUDE_SDL}\n${text}`);
  return true;
};
