import type { SpawnOptions } from 'child_process';
import { AmplifyError } from '../errors/amplify-error';
import type { Prompter } from './prompter';

/**
 * The editors `amplify init` offers (`defaultEditor` in local-env-info.json) and how to start them. Terminal editors
 * take over the terminal until they exit; windowed ones are started detached and the user presses enter when done.
 */
export const EDITORS: Readonly<Record<string, { command: string; terminal: boolean }>> = {
  vscode: { command: 'code', terminal: false },
  atom: { command: 'atom', terminal: false },
  sublime: { command: 'subl', terminal: false },
  intellij: { command: 'idea', terminal: false },
  vim: { command: 'vim', terminal: true },
  emacs: { command: 'emacs', terminal: true },
};

export interface OpenEditorOptions {
  filePath: string;
  /** A key of `EDITORS`, `none`/undefined for no editor, or any other value as a command of a windowed editor. */
  editor: string | undefined;
  prompter: Prompter;
  /** Where to tell the user which file to edit. */
  info: (message: string) => void;
}

type ChildProcessModule = typeof import('child_process');

/** Starts `command` and resolves once it runs, or fails naming the editor when it cannot start. */
function start(command: string, args: string[], options: SpawnOptions): Promise<import('child_process').ChildProcess> {
  const { spawn } = require('child_process') as ChildProcessModule;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    child.once('spawn', () => resolve(child));
    child.once('error', (cause) =>
      reject(
        new AmplifyError('EditorNotFound', `Could not start "${command}" to edit ${args[0]}`, {
          resolution: 'Install it or put it on PATH, or pick another editor with "amplify configure project"',
          cause,
        }),
      ),
    );
  });
}

/**
 * Opens `filePath` for the user to edit (the original's `openEditor`) and returns when they are done: when a
 * terminal editor exits, or when they press enter after a windowed one. Without an editor it names the file.
 */
export async function openEditor(options: OpenEditorOptions): Promise<void> {
  const { filePath, editor, prompter, info } = options;
  const pressEnter = async (): Promise<void> => {
    await prompter.input({ message: 'Press enter to continue', default: '' });
  };
  if (!editor || editor === 'none') {
    info(`Edit the file in your editor: ${filePath}`);
    return pressEnter();
  }
  const known = EDITORS[editor] ?? { command: editor, terminal: false };
  if (known.terminal) {
    const child = await start(known.command, [filePath], { stdio: 'inherit' });
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return;
  }
  const child = await start(known.command, [filePath], { detached: true, stdio: 'ignore' });
  child.unref();
  return pressEnter();
}
