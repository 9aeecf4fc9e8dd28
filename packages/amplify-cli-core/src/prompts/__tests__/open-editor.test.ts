import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { AmplifyError } from '../../errors/amplify-error';
import { createPrompter } from '../prompter';
import { openEditor } from '../open-editor';

/** A stand-in windowed editor: records the file it was asked to open. */
function fakeEditor(dir: string): { command: string; opened: string } {
  const opened = path.join(dir, 'opened.txt');
  const command = path.join(dir, 'fake-editor');
  fs.writeFileSync(command, `#!/bin/sh\nprintf '%s' "$1" > ${JSON.stringify(opened)}\n`, { mode: 0o755 });
  return { command, opened };
}

async function waitFor(file: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== '') return fs.readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${file} never appeared`);
}

describe('openEditor', () => {
  afterEach(cleanupTempDirs);

  it('starts a windowed editor on the file, then waits for enter (taken from the default under --yes)', async () => {
    const dir = makeTempDir();
    const editor = fakeEditor(dir);
    const file = path.join(dir, 'schema.graphql');
    await openEditor({ filePath: file, editor: editor.command, prompter: createPrompter({ yes: true }), info: () => undefined });
    expect(await waitFor(editor.opened)).toBe(file);
  });

  it('names the file when no editor is configured', async () => {
    const messages: string[] = [];
    await openEditor({ filePath: '/p/index.js', editor: 'none', prompter: createPrompter({ yes: true }), info: (m) => messages.push(m) });
    expect(messages).toEqual(['Edit the file in your editor: /p/index.js']);
  });

  it('fails naming the editor when it cannot be started', async () => {
    const error = await openEditor({
      filePath: '/p/index.js',
      editor: path.join(makeTempDir(), 'no-such-editor'),
      prompter: createPrompter({ yes: true }),
      info: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmplifyError);
    expect((error as AmplifyError).code).toBe('EditorNotFound');
  });

  it('does not wait for a keypress without a terminal', async () => {
    const error = await openEditor({ filePath: '/p/x', editor: undefined, prompter: createPrompter({ isInteractive: () => false }), info: () => undefined }).catch(
      (e: unknown) => e,
    );
    expect((error as AmplifyError).code).toBe('NonInteractiveShell');
  });
});
