import type { ProviderPrompter } from '../provider-prompter';

/**
 * A prompter that answers from a script, in order, and records what was asked: the questions (and their flags)
 * are part of the behaviour under test. `undefined` in the script takes the question's default.
 */
export function scriptedPrompter(answers: unknown[]): ProviderPrompter & { asked: Array<{ message: string; flag?: string; choices?: string[] }> } {
  const asked: Array<{ message: string; flag?: string; choices?: string[] }> = [];
  const next = <T>(message: string, fallback: T | undefined): T => {
    if (answers.length === 0) throw new Error(`Unexpected question: ${message}`);
    const answer = answers.shift();
    return (answer === undefined ? fallback : answer) as T;
  };
  return {
    asked,
    async confirm(o) {
      asked.push({ message: o.message, flag: o.flag });
      return next(o.message, o.default);
    },
    async input(o) {
      asked.push({ message: o.message, flag: o.flag });
      return next(o.message, o.default);
    },
    async password(o) {
      asked.push({ message: o.message, flag: o.flag });
      return next(o.message, o.default);
    },
    async pick<T>(o: { message: string; flag?: string; choices: ReadonlyArray<{ name: string; value: T }>; default?: T }) {
      asked.push({ message: o.message, flag: o.flag, choices: o.choices.map((c) => String(c.value)) });
      return next<T>(o.message, o.default);
    },
  };
}
