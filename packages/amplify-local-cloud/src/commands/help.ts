import { DEFAULT_PORT } from '../contracts';
import { defaultDataDir } from '../instance/instance-selector';
import type { LocalCloudCommand } from './command-types';

/** Usage text; the command list is passed in so help never drifts from the commands that exist. */
export function usage(commands: Record<string, LocalCloudCommand>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.description}`);
  return [
    'Usage: amplify local-cloud <command> [--port <n>] [--data-dir <dir>] [--detach]',
    '',
    'An AWS-compatible CloudFormation, S3 and STS endpoint on 127.0.0.1.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    `  --port <n>        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
    `  --data-dir <dir>  where state is kept (default ${defaultDataDir()})`,
    '  --detach          start: run in the background and return once the server answers',
  ].join('\n');
}

export function helpCommand(commands: () => Record<string, LocalCloudCommand>): LocalCloudCommand {
  return {
    description: 'Show this help',
    async run(_options, output) {
      output.info(usage(commands()));
    },
  };
}
