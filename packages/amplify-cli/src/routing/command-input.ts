import { isOptionWord as isDash, readOption, type CommandInput, type CommandOptions } from 'amplify-cli-core';

/**
 * Flags that never take a value and mean the same wherever they stand, so `amplify --debug status` and
 * `amplify -y push` run the command instead of reading it as the flag's value.
 */
const GLOBAL_FLAG_WORDS: ReadonlyMap<string, string> = new Map([
  ['--debug', 'debug'],
  ['--yes', 'yes'],
  ['-y', 'y'],
  ['--help', 'help'],
  ['-h', 'h'],
  ['--version', 'version'],
  ['-v', 'v'],
]);

/**
 * Splits argv the way the original does, global flags (GLOBAL_FLAG_WORDS) first taken out wherever they are. When the first word is not a plugin noun but the second is, the two are
 * swapped, so `amplify add api` and `amplify api add` mean the same. After the noun comes the command, then
 * sub-commands up to the first dash token, then options: `--x value` or `--x=value` takes the value, a lone flag is
 * `true`, and a bare word in option position becomes a `true` option of its own.
 */
export function parseCommandInput(argv: string[], pluginNouns: ReadonlySet<string>): CommandInput {
  const globalFlags: string[] = [];
  const words = argv.slice(2).filter((word) => {
    const flag = GLOBAL_FLAG_WORDS.get(word);
    if (flag !== undefined) globalFlags.push(flag);
    return flag === undefined;
  });
  if (words.length > 1 && !pluginNouns.has(words[0]) && pluginNouns.has(words[1]) && !isDash(words[0])) {
    [words[0], words[1]] = [words[1], words[0]];
  }
  const input: CommandInput = { argv };
  let index = 0;
  if (index < words.length && pluginNouns.has(words[index])) {
    input.plugin = words[index++];
  }
  if (index < words.length && !isDash(words[index])) {
    input.command = words[index++];
  }
  while (index < words.length && !isDash(words[index])) {
    (input.subCommands ??= []).push(words[index++]);
  }
  while (index < words.length) {
    const options = (input.options ??= {});
    if (!isDash(words[index])) {
      options[words[index++]] = true;
      continue;
    }
    const option = readOption(words, index);
    options[option.name] = option.value;
    index = option.next;
  }
  for (const flag of globalFlags) (input.options ??= {})[flag] = true;
  return input;
}

const SHORT_OPTIONS: Record<string, string> = { v: 'version', h: 'help', y: 'yes' };

/** `-v`, `-h`, `-y` become `version`, `help`, `yes`, as plugins written for the original expect. */
export function normaliseOptions(options: CommandOptions | undefined): CommandOptions | undefined {
  if (!options) {
    return options;
  }
  const normalised: CommandOptions = {};
  for (const [key, value] of Object.entries(options)) {
    normalised[SHORT_OPTIONS[key] ?? key] = value;
  }
  return normalised;
}
