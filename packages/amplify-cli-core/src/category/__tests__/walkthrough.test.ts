import { AmplifyError } from '../../errors/amplify-error';
import { createPrompter, type Prompter } from '../../prompts/prompter';
import { runWalkthrough, type Question } from '../walkthrough';

const questions: Question[] = [
  { key: 'name', type: 'input', message: 'Name?', default: 'thing1', flag: '--name', validation: { operator: 'regex', value: '^[a-z0-9]+$', onErrorMsg: 'lowercase only' } },
  { key: 'size', type: 'input', message: 'Size?', default: (a) => String(String(a.name).length), parse: Number },
  { key: 'mode', type: 'pick', message: 'Mode?', choices: [{ name: 'Fast', value: 'fast' }, { name: 'Safe', value: 'safe' }], default: 'safe' },
  { key: 'extras', type: 'pickMany', message: 'Extras?', choices: ['a', 'b'].map((v) => ({ name: v, value: v })), default: ['a'], when: (a) => a.mode === 'fast' },
  { key: 'sure', type: 'confirm', message: 'Sure?', default: true },
];

/** A prompter that answers from a script, recording the options of each question. */
function scripted(answers: unknown[]): { prompter: Prompter; asked: Array<{ message: string; default?: unknown }> } {
  const asked: Array<{ message: string; default?: unknown }> = [];
  const next = async (options: { message: string; default?: unknown; validate?: (v: never) => unknown }): Promise<never> => {
    asked.push({ message: options.message, default: options.default });
    const answer = answers.shift();
    if (options.validate) {
      const verdict = await options.validate(answer as never);
      if (verdict !== true) throw new Error(`rejected: ${String(verdict)}`);
    }
    return answer as never;
  };
  return { prompter: { confirm: next, input: next, password: next, pick: next } as unknown as Prompter, asked };
}

describe('runWalkthrough', () => {
  it('under --yes takes every default, computing dynamic ones from earlier answers, and skips questions whose when is false', async () => {
    const answers = await runWalkthrough(questions, createPrompter({ yes: true }));
    expect(answers).toEqual({ name: 'thing1', size: 6, mode: 'safe', sure: true });
  });

  it('asks in order, parses input and asks conditional questions when they apply', async () => {
    const { prompter, asked } = scripted(['abc', '9', 'fast', ['b'], false]);
    const answers = await runWalkthrough(questions, prompter);
    expect(answers).toEqual({ name: 'abc', size: 9, mode: 'fast', extras: ['b'], sure: false });
    expect(asked.map((q) => q.message)).toEqual(['Name?', 'Size?', 'Mode?', 'Extras?', 'Sure?']);
    expect(asked[1].default).toBe('3');
  });

  it('hands the question validation to the prompt', async () => {
    const { prompter } = scripted(['Not Valid']);
    await expect(runWalkthrough(questions, prompter)).rejects.toThrow('rejected: lowercase only');
  });

  it('hands a list-valued default to the prompt as the equal choice value, so the prompt can find it', async () => {
    const email = ['email'];
    const lists: Question[] = [{ key: 'signIn', type: 'pick', message: 'Sign in?', choices: [{ name: 'Username', value: [] }, { name: 'Email', value: email }] }];
    const { prompter, asked } = scripted([['email']]);
    await runWalkthrough(lists, prompter, { previous: { signIn: ['email'] } });
    expect(asked[0].default).toBe(email);
  });

  it('uses previous answers as defaults', async () => {
    const answers = await runWalkthrough(questions, createPrompter({ yes: true }), { previous: { name: 'old', mode: 'fast', extras: ['b'] } });
    expect(answers).toEqual({ name: 'old', size: 3, mode: 'fast', extras: ['b'], sure: true });
  });

  it('takes supplied answers without asking, after validating them', async () => {
    const { prompter, asked } = scripted(['7', true]);
    const answers = await runWalkthrough(questions, prompter, { supplied: { name: 'given', mode: 'safe' } });
    expect(answers).toMatchObject({ name: 'given', size: 7, mode: 'safe', sure: true });
    expect(asked.map((q) => q.message)).toEqual(['Size?', 'Sure?']);
  });

  it('rejects a supplied answer that breaks a rule or is not a choice, naming its flag', async () => {
    const prompter = createPrompter({ yes: true });
    await expect(runWalkthrough(questions, prompter, { supplied: { name: 'UPPER' } })).rejects.toThrow('--name: lowercase only');
    await expect(runWalkthrough(questions, prompter, { supplied: { mode: 'slow' } })).rejects.toThrow('mode: "slow" is not one of "fast", "safe"');
    await expect(runWalkthrough(questions, prompter, { supplied: { mode: 'fast', extras: ['z'] } })).rejects.toBeInstanceOf(AmplifyError);
  });

  it('without a terminal and without --yes fails naming the flag of the first question', async () => {
    const prompter = createPrompter({ isInteractive: () => false });
    await expect(runWalkthrough(questions, prompter)).rejects.toMatchObject({ code: 'NonInteractiveShell', resolution: expect.stringContaining('--name') });
  });
});
