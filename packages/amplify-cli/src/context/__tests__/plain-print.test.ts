import type { GluegunPrint } from 'gluegun';
import { createPlainPrint } from '../plain-print';

function gluegunPrint(): GluegunPrint {
  const { print } = require('gluegun/build/toolbox/print-tools') as { print: GluegunPrint };
  print.colors.disable();
  return print;
}

/** Every `console.log` call `run` makes, each call's arguments as given. */
function logged(run: () => void): unknown[][] {
  const calls: unknown[][] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return calls;
}

const MESSAGES: unknown[] = ['a line', '', 'two\nlines', 42, { a: 1 }, ['x'], undefined, null, new String('boxed'), true];

describe('createPlainPrint (gluegun print without colours)', () => {
  test('prints exactly what gluegun prints with colours off, without loading it', () => {
    let loads = 0;
    const plain = createPlainPrint(() => {
      loads++;
      return gluegunPrint();
    });
    const real = gluegunPrint();
    for (const method of ['info', 'warning', 'success', 'error', 'highlight', 'muted', 'fancy'] as const) {
      for (const message of MESSAGES) {
        expect(logged(() => plain[method](message as string))).toEqual(logged(() => real[method](message as string)));
      }
    }
    expect(logged(() => plain.newline())).toEqual(logged(() => real.newline()));
    expect(loads).toBe(0);
  });

  test('has every member of gluegun print; tables, spinners and colours come from gluegun on first use', () => {
    let loads = 0;
    const plain = createPlainPrint(() => {
      loads++;
      return gluegunPrint();
    });
    const real = gluegunPrint();
    expect(Object.keys(plain).sort()).toEqual(Object.keys(real).sort());
    const rows = [
      ['Name', 'Value'],
      ['a', '1'],
    ];
    expect(logged(() => plain.table(rows.map((r) => [...r]), { format: 'markdown' }))).toEqual(
      logged(() => real.table(rows.map((r) => [...r]), { format: 'markdown' })),
    );
    expect(plain.colors.green('x')).toBe('x');
    expect(plain.checkmark).toBe(real.checkmark);
    expect(loads).toBe(3);
  });

  test('members stay assignable, as extensions written for gluegun replace them', () => {
    const plain = createPlainPrint(gluegunPrint);
    const replaced = jest.fn();
    plain.info = replaced;
    plain.table = replaced;
    plain.info('x');
    plain.table([['a']]);
    expect(replaced).toHaveBeenCalledTimes(2);
  });
});
