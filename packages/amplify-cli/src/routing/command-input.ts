import { isOptionWord as isDash, readOption, type CommandInput, type CommandOptions } from 'amplify-cli-core';

/**
 * Splits argv the way the original does. When the first word is not a plugin noun but the second is, the two are
 * swapped, so `amplify add api` and `amplify api add` mean the same. After the noun comes the command, then
 * sub-commands up to the first dash token, then options: `--x value` or `--x=value` takes the value, a lone flag is
 * `true`, and a bare word in option position becomes a `true` option of its own.
 */
export function parseCommandInput(argv: string[], pluginNouns: ReadonlySet<string>): CommandInput {
  const words = argv.slice(2);
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
