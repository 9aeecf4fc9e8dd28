import { type Prompter, runWalkthrough } from 'amplify-cli-core';
import { ENVIRONMENT_VARIABLE_NAME_VALIDATION, environmentVariableProblem } from './function-name';

export interface EnvironmentVariables {
  names: string[];
  values: Record<string, string>;
}

type Action = 'add' | 'update' | 'remove' | 'done';

async function askValue(prompter: Prompter, name: string, current?: string): Promise<string> {
  const answers = await runWalkthrough([{ key: 'value', type: 'input', message: `Enter the environment variable value of ${name}:`, default: current, required: true }], prompter);
  return String(answers.value);
}

async function askNewName(prompter: Prompter, taken: readonly string[], print: (line: string) => void): Promise<string> {
  for (;;) {
    const answers = await runWalkthrough(
      [{ key: 'name', type: 'input', message: 'Enter the environment variable name:', required: true, validation: ENVIRONMENT_VARIABLE_NAME_VALIDATION }],
      prompter,
    );
    const name = String(answers.name);
    const problem = environmentVariableProblem(name, taken);
    if (!problem) return name;
    print(problem);
  }
}

/**
 * The original's environment variable menu: add, update, remove until done. Values are per env, so they are kept
 * apart from the names. Starts from `current` and returns the result.
 */
export async function editEnvironmentVariables(prompter: Prompter, current: EnvironmentVariables, print: (line: string) => void): Promise<EnvironmentVariables> {
  const names = [...current.names];
  const values = { ...current.values };
  // Having chosen to configure variables, the user most likely wants to add one first; then to be done.
  let first = true;
  for (;;) {
    const choices: Array<{ name: string; value: Action }> = [{ name: 'Add new environment variable', value: 'add' }];
    if (names.length > 0) {
      choices.push({ name: 'Update existing environment variables', value: 'update' }, { name: 'Remove existing environment variables', value: 'remove' });
    }
    choices.push({ name: "I'm done", value: 'done' });
    const action = await prompter.pick<Action>({
      message: 'Select what you want to do with environment variables:',
      choices,
      default: first && names.length === 0 ? 'add' : 'done',
    });
    first = false;
    if (action === 'done') return { names, values };
    if (action === 'add') {
      const name = await askNewName(prompter, names, print);
      values[name] = await askValue(prompter, name);
      names.push(name);
      continue;
    }
    const name = await prompter.pick<string>({ message: `Which environment variable do you want to ${action}?`, choices: names });
    if (action === 'update') {
      values[name] = await askValue(prompter, name, values[name]);
    } else {
      names.splice(names.indexOf(name), 1);
      delete values[name];
    }
  }
}
