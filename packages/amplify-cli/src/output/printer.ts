/** A stream the printer writes to; only `isTTY` is consulted to decide on colours. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The core commands' own output. Deliberately tiny so that `amplify help` and `amplify status` do not pay for
 * gluegun's printer (colors, cli-table3) at start-up; plugins still get gluegun's `print` on their context.
 */
export interface Printer {
  readonly colors: boolean;
  info(message: string): void;
  success(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** A markdown table (the original's `print.table(rows, { format: 'markdown' })`). */
  table(rows: string[][]): void;
}

const STYLES = { green: 32, yellow: 33, red: 31, cyan: 36 } as const;

/** Colours only on a terminal, and never when `NO_COLOR` is set (https://no-color.org). */
export function useColors(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function createPrinter(stdout: OutputStream, stderr: OutputStream, env: NodeJS.ProcessEnv): Printer {
  const colors = useColors(stdout, env);
  const paint = (style: keyof typeof STYLES, text: string, on: boolean): string =>
    on ? `\u001b[${STYLES[style]}m${text}\u001b[39m` : text;
  const errorColors = useColors(stderr, env);
  return {
    colors,
    info: (message) => stdout.write(`${message}\n`),
    success: (message) => stdout.write(`${paint('green', message, colors)}\n`),
    warning: (message) => stderr.write(`${paint('yellow', message, errorColors)}\n`),
    error: (message) => stderr.write(`${paint('red', message, errorColors)}\n`),
    table: (rows) => stdout.write(renderMarkdownTable(rows)),
  };
}

/** First row is the header; columns are padded to their widest cell. */
export function renderMarkdownTable(rows: string[][]): string {
  if (rows.length === 0) {
    return '';
  }
  const widths = rows[0].map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |\n`;
  const [header, ...body] = rows;
  return (
    line(header) +
    line(widths.map((width) => '-'.repeat(width))) +
    body.map((row) => line(widths.map((_, column) => row[column] ?? ''))).join('')
  );
}
