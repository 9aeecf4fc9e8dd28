import { inspect } from 'util';
import type { GluegunPrint } from 'gluegun';
import { defineLazyProperty } from './lazy-property';

type MessageMethod = 'info' | 'warning' | 'success' | 'error' | 'highlight' | 'muted';
const MESSAGE_METHODS: readonly MessageMethod[] = ['info', 'warning', 'success', 'error', 'highlight', 'muted'];

/** Every other member of gluegun's print, taken from the real one on first use. */
const DELEGATED = [
  'colors',
  'divider',
  'findWidths',
  'columnHeaderDivider',
  'table',
  'debug',
  'spin',
  'printCommands',
  'printHelp',
  'checkmark',
  'xmark',
] as const satisfies ReadonlyArray<keyof GluegunPrint>;

/**
 * What gluegun's themed methods print with colours off: colors/safe passes strings (and String objects) through
 * and `util.inspect`s anything else.
 */
function uncoloured(message: unknown): string {
  return message !== null && message !== undefined && (message as object).constructor === String ? String(message) : inspect(message);
}

/**
 * gluegun's `print` for output without colours (a pipe, CI, `NO_COLOR`), where its messages are plain lines:
 * `info`, `warning`, `success`, `error`, `highlight`, `muted`, `fancy` and `newline` print exactly what gluegun
 * prints, through `console.log` as gluegun does, without loading its print module (colors, cli-table3: about
 * 15 ms that headless runs of init and push would pay for a few lines). Tables, spinners, `colors` and the rest
 * come from gluegun's own print, loaded (with colours off) the first time one of them is touched.
 */
export function createPlainPrint(loadGluegunPrint: () => GluegunPrint): GluegunPrint {
  const print: Partial<Record<keyof GluegunPrint, unknown>> = {
    fancy: (message: unknown) => console.log(message),
    newline: () => console.log(''),
  };
  for (const method of MESSAGE_METHODS) {
    print[method] = (message: unknown) => console.log(uncoloured(message));
  }
  for (const member of DELEGATED) {
    defineLazyProperty(print, member, () => loadGluegunPrint()[member]);
  }
  return print as GluegunPrint;
}
