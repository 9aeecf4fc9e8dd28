import type { AmplifyContext } from '../../context/amplify-context';
import { dispatchCategoryCommand } from '../command-dispatch';

function contextFor(command: string | undefined): AmplifyContext {
  return { input: { argv: [], plugin: 'notes', command, subCommands: [], options: {} } } as unknown as AmplifyContext;
}

describe('dispatchCategoryCommand', () => {
  const ran: string[] = [];
  const execute = dispatchCategoryCommand('notes', {
    add: () => ({ run: async () => void ran.push('add') }),
    help: () => ({ run: async () => void ran.push('help') }),
  });
  beforeEach(() => (ran.length = 0));

  it('runs the module of the command, and help when none is given', async () => {
    await execute(contextFor('add'));
    await execute(contextFor(undefined));
    expect(ran).toEqual(['add', 'help']);
  });

  it('names the help command for a verb the category does not have, prototype names included', async () => {
    for (const verb of ['remove', 'constructor']) {
      await expect(execute(contextFor(verb))).rejects.toMatchObject({
        code: 'CommandNotFound',
        message: `"amplify notes ${verb}" is not a command`,
        resolution: 'Run "amplify notes help" to list the commands',
      });
    }
    expect(ran).toEqual([]);
  });
});
