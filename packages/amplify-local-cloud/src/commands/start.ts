import { startDetached } from '../instance/detached-start';
import { runForeground } from '../instance/foreground-run';
import { readSelector, type LocalCloudCommand } from './command-types';

export const start: LocalCloudCommand = {
  description: 'Start the local cloud (in the foreground until Ctrl+C, or in the background with --detach)',
  async run(options, output) {
    const selector = readSelector(options);
    if (options.detach === true || options.detach === 'true') {
      const result = await startDetached(selector);
      if (result.type === 'already-running') {
        output.info(`The local cloud is already running at ${result.info.endpoint} (pid ${result.info.pid}, data in ${result.info.dataDir}).`);
      } else {
        output.success(`The local cloud is running at ${result.info.endpoint} (pid ${result.info.pid}, data in ${result.info.dataDir}).`);
      }
      return;
    }
    await runForeground(selector, (info) => {
      output.success(`The local cloud is listening at ${info.endpoint} (data in ${info.dataDir}). Press Ctrl+C to stop.`);
    });
    output.info('The local cloud stopped.');
  },
};
