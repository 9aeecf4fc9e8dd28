import { AmplifyError, isOptionWord, readOption, type CommandFlagHelp } from 'amplify-cli-core';
import { FLAG_SPELLINGS, GLOBAL_FLAGS } from '../commands/command-help';
import { didYouMean } from './did-you-mean';

/** The option names typed on the command line (without dashes), in order; values and bare words are skipped. */
export function typedOptionNames(argv: readonly string[]): string[] {
  const words = argv.slice(2);
  const names: string[] = [];
  for (let index = 0; index < words.length; ) {
    if (!isOptionWord(words[index]) || !/^--?[a-zA-Z]/.test(words[index])) {
      index++;
      continue;
    }
    const option = readOption(words, index);
    names.push(option.name);
    index = option.next;
  }
  return names;
}

export interface OptionCheck {
  /** Accepted without being shown in help (e.g. `plugin`, which picks between plugins). */
  hidden?: string[];
  /** The original's flags that have no effect here: accepted, and returned so the caller can say so. */
  noEffect?: string[];
}

/**
 * Rejects an option that `flags` (a command's complete list) does not declare, naming the closest declared one.
 * Returns the typed options that have no effect here (OptionCheck.noEffect).
 */
export function rejectUnknownOptions(argv: readonly string[], commandWords: string, flags: CommandFlagHelp[], check: OptionCheck = {}): string[] {
  const declared = [...GLOBAL_FLAGS, ...flags];
  const known = new Set([...declared.flatMap((flag) => (flag.short ? [flag.name, flag.short] : [flag.name])), 'version', 'v', ...(check.hidden ?? [])]);
  for (const [spelling, name] of Object.entries(FLAG_SPELLINGS)) if (known.has(name)) known.add(spelling);
  const noEffect = new Set(check.noEffect ?? []);
  const typed = typedOptionNames(argv);
  const unknown = typed.find((name) => !known.has(name) && !noEffect.has(name));
  if (unknown === undefined) return typed.filter((name) => noEffect.has(name));
  const shown = unknown.length === 1 ? `-${unknown}` : `--${unknown}`;
  const suggestion = didYouMean(unknown, declared.map((flag) => flag.name));
  throw new AmplifyError(
    'UnknownOption',
    `"amplify ${commandWords}" has no option ${shown}${suggestion ? `. Did you mean --${suggestion}?` : ''}`,
    { resolution: `Run "amplify ${commandWords} --help" to see its options` },
  );
}
