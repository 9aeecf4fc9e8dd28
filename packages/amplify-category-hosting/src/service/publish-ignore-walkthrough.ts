import type { Prompter } from 'amplify-cli-core';
import { readPublishIgnore, writePublishIgnore } from './publish-ignore';

/** The configure menu's Publish section: add or remove glob patterns of amplifyPublishIgnore.json. */
export async function editPublishIgnore(prompter: Prompter, projectRoot: string): Promise<void> {
  const patterns = readPublishIgnore(projectRoot);
  for (;;) {
    const action = await prompter.pick<'add' | 'remove' | 'exit'>({ message: 'Files and folders to ignore when publishing', choices: ['add', 'remove', 'exit'], default: 'exit' });
    if (action === 'exit') break;
    if (action === 'add') {
      const pattern = (await prompter.input({ message: 'Glob pattern to ignore (e.g. *.map, drafts/**)', validate: (value) => (value.trim() === '' ? 'Enter a pattern' : true) })).trim();
      if (!patterns.includes(pattern)) patterns.push(pattern);
    } else if (patterns.length > 0) {
      const removed = await prompter.pick<string>({ message: 'Patterns to remove', choices: patterns, multiSelect: true, default: [] });
      patterns.splice(0, patterns.length, ...patterns.filter((pattern) => !removed.includes(pattern)));
    }
  }
  writePublishIgnore(projectRoot, patterns);
}
