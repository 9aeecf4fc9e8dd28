import { PassThrough } from 'stream';
import { UserAbort } from '../../errors/amplify-error';
import { rejectedAmplifyError } from 'amplify-test-support';
import { createPrompter, type Prompter } from '../prompter';

const DOWN = '\u001b[B';
const ENTER = '\r';

/**
 * A fake terminal: the prompter renders to `output`, and each key is typed into `input` once the prompt has drawn
 * itself, with a short pause between keys so inquirer handles them one at a time.
 */
function terminal(): { prompter: Prompter; type: (...keys: string[]) => void; screen: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  let rendered: () => void = () => undefined;
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    rendered();
  });
  const type = (...keys: string[]): void => {
    rendered = () => {
      rendered = () => undefined;
      let i = 0;
      const next = (): void => {
        if (i < keys.length) {
          input.write(keys[i++]);
          setTimeout(next, 15);
        }
      };
      setTimeout(next, 15);
    };
  };
  return { prompter: createPrompter({ isInteractive: () => true, input, output }), type, screen: () => screen };
}

describe('prompter under --yes', () => {
  const prompter = createPrompter({ yes: true, isInteractive: () => false });

  it('takes each default without asking', async () => {
    await expect(prompter.confirm({ message: 'Continue?', default: false })).resolves.toBe(false);
    await expect(prompter.input({ message: 'Name', default: 'dev' })).resolves.toBe('dev');
    await expect(prompter.password({ message: 'Secret', default: 's3cret' })).resolves.toBe('s3cret');
    await expect(prompter.pick({ message: 'Region', choices: ['us-east-1', 'eu-west-1'], default: 'eu-west-1' })).resolves.toBe('eu-west-1');
    await expect(
      prompter.pick({ message: 'Events', choices: [{ name: 'Pre', value: 1 }, { name: 'Post', value: 2 }], multiSelect: true, default: [2] }),
    ).resolves.toEqual([2]);
  });

  it('fails for a question without a default, naming the flag', async () => {
    const error = await rejectedAmplifyError(prompter.input({ message: 'Environment name', flag: '--envName' }));
    expect(error.code).toBe('MissingAnswer');
    expect(error.message).toBe('No default for "Environment name" under --yes');
    expect(error.resolution).toBe('Pass --envName');
  });
});

describe('prompter without a terminal', () => {
  const prompter = createPrompter({ isInteractive: () => false });

  it.each<[string, (p: Prompter) => Promise<unknown>]>([
    ['confirm', (p) => p.confirm({ message: 'Continue?', default: true, flag: '--force' })],
    ['input', (p) => p.input({ message: 'Continue?', default: 'x', flag: '--force' })],
    ['password', (p) => p.password({ message: 'Continue?', flag: '--force' })],
    ['pick', (p) => p.pick({ message: 'Continue?', choices: ['a'], default: 'a', flag: '--force' })],
    ['pick many', (p) => p.pick({ message: 'Continue?', choices: ['a'], multiSelect: true, flag: '--force' })],
  ])('%s fails at once naming the flag, even with a default', async (_name, ask) => {
    const error = await rejectedAmplifyError(ask(prompter));
    expect(error.code).toBe('NonInteractiveShell');
    expect(error.message).toBe('Cannot ask "Continue?" without a terminal');
    expect(error.resolution).toBe('Pass --force (or --yes to accept defaults)');
  });

  it('says only "Pass --yes" when --yes is the flag, and how to answer when there is no flag', async () => {
    expect((await rejectedAmplifyError(prompter.confirm({ message: 'Deploy?', flag: '--yes' }))).resolution).toBe('Pass --yes');
    expect((await rejectedAmplifyError(prompter.confirm({ message: 'Deploy?' }))).resolution).toBe(
      'Run the command in a terminal, or pass --yes to accept defaults',
    );
  });

  it('by default decides from stdin.isTTY at the time of asking', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    const prompterOnStdin = createPrompter();
    try {
      Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
      expect((await rejectedAmplifyError(prompterOnStdin.confirm({ message: 'Deploy?', flag: '--yes' }))).code).toBe('NonInteractiveShell');
    } finally {
      if (descriptor) Object.defineProperty(process.stdin, 'isTTY', descriptor);
      else delete (process.stdin as { isTTY?: boolean }).isTTY;
    }
  });

  it('fails on an empty pick list before anything else', async () => {
    const error = await rejectedAmplifyError(createPrompter({ yes: true }).pick({ message: 'Resource', choices: [], flag: '--name' }));
    expect(error.code).toBe('NoChoices');
    const many = await rejectedAmplifyError(createPrompter({ isInteractive: () => true }).pick({ message: 'Resources', choices: [], multiSelect: true }));
    expect(many.code).toBe('NoChoices');
  });
});

describe('prompter in a terminal', () => {
  it('confirm reads y/n', async () => {
    const t = terminal();
    t.type('n', ENTER);
    await expect(t.prompter.confirm({ message: 'Delete?', default: true })).resolves.toBe(false);
    expect(t.screen()).toContain('Delete?');
  });

  it('input re-asks until the validator accepts, and takes the default on enter', async () => {
    const t = terminal();
    t.type('ab', ENTER, 'c', ENTER);
    await expect(
      t.prompter.input({ message: 'Name', validate: (v) => (v.length > 2 ? true : 'At least 3 characters') }),
    ).resolves.toBe('abc');
    expect(t.screen()).toContain('At least 3 characters');

    const t2 = terminal();
    t2.type(ENTER);
    await expect(t2.prompter.input({ message: 'Env', default: 'dev' })).resolves.toBe('dev');
  });

  it('password masks what is typed', async () => {
    const t = terminal();
    t.type('hunter2', ENTER);
    await expect(t.prompter.password({ message: 'Secret key' })).resolves.toBe('hunter2');
    expect(t.screen()).not.toContain('hunter2');
  });

  it('pick returns the chosen value; pick many the checked values', async () => {
    const t = terminal();
    t.type(DOWN, ENTER);
    await expect(
      t.prompter.pick({ message: 'Framework', choices: [{ name: 'React', value: 'react' }, { name: 'Vue', value: 'vue' }] }),
    ).resolves.toBe('vue');

    const t2 = terminal();
    t2.type(' ', DOWN, ' ', ENTER);
    await expect(t2.prompter.pick({ message: 'Events', choices: ['PreInit', 'PostInit', 'PrePush'], multiSelect: true })).resolves.toEqual([
      'PreInit',
      'PostInit',
    ]);
  });

  it('turns Ctrl-C into a UserAbort', async () => {
    const t = terminal();
    t.type('\u0003');
    await expect(t.prompter.confirm({ message: 'Go?' })).rejects.toBeInstanceOf(UserAbort);
  });
});
