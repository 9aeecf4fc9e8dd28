import { AmplifyError } from 'amplify-cli-core';
import { reportError } from '../cli';
import { createPrinter } from '../output/printer';

function rendered(error: unknown, debug = false): string {
  let text = '';
  const stream = { write: (chunk: string) => (text += chunk) };
  reportError(createPrinter(stream, stream, { NO_COLOR: '1' }), error, debug);
  return text;
}

describe('reportError', () => {
  it('names a file system failure a plugin let through, with its path and the fix', () => {
    const cause = Object.assign(new Error("EPERM: operation not permitted, open '/p/amplify/.config/.lock'"), { code: 'EPERM', syscall: 'open', path: '/p/amplify/.config/.lock' });
    const wrapped = new AmplifyError('PluginCommandFailed', 'Plugin "storage" failed in add: EPERM', { resolution: 'report it to the plugin author', cause });
    expect(rendered(wrapped)).toBe(
      '✖ Cannot open /p/amplify/.config/.lock: permission denied (EPERM); the folder is read-only for this user\n' +
        '  Make it writable (e.g. "chmod -R u+w /p/amplify/.config", or "chattr -i" for an immutable file), or run the command in a copy you own\n',
    );
  });

  it('prints one line of a multi-line message, control characters escaped; the rest only with --debug', () => {
    const error = new AmplifyError('EnvironmentNotFound', 'Env "qa\u001b[2J" is missing\nRequire stack:\n- a.js', { resolution: 'Run "amplify env list"' });
    expect(rendered(error)).toBe('✖ Env "qa\\u001b[2J" is missing\n  Run "amplify env list"\n');
    expect(rendered(error, true)).toContain('Require stack:\n- a.js');
  });

  it('still calls an unknown error a bug', () => {
    expect(rendered(new TypeError('x is undefined'))).toBe('✖ x is undefined\n  This is a bug in amplify; run again with --debug and report the output.\n  (run with --debug for the stack trace)\n');
  });
});
