import { createPrinter, renderMarkdownTable, useColors } from '../printer';

describe('printer', () => {
  it('renders a padded markdown table', () => {
    expect(renderMarkdownTable([['Category', 'Name'], ['Api', 'x'], ['Storage']])).toBe(
      '| Category | Name |\n| -------- | ---- |\n| Api      | x    |\n| Storage  |      |\n',
    );
    expect(renderMarkdownTable([])).toBe('');
  });

  it('uses colours only on a terminal without NO_COLOR', () => {
    expect(useColors({ write: () => true, isTTY: true }, {})).toBe(true);
    expect(useColors({ write: () => true, isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColors({ write: () => true, isTTY: false }, {})).toBe(false);
    expect(useColors({ write: () => true }, { TERM: 'dumb' })).toBe(false);
  });

  it('writes plain text into pipes and ANSI colours to terminals', () => {
    let piped = '';
    let terminal = '';
    createPrinter({ write: (text: string) => (piped += text) }, { write: (text: string) => (piped += text) }, {}).success('ok');
    const tty = { write: (text: string) => (terminal += text), isTTY: true };
    createPrinter(tty, tty, {}).success('ok');
    expect(piped).toBe('ok\n');
    expect(terminal).toBe('\u001b[32mok\u001b[39m\n');
  });
});
