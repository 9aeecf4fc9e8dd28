import { spawn } from 'child_process';
import type { CliEnvironment } from '../cli-environment';

/**
 * Opens `url` in the user's browser, but only where a person is looking: stdout is a terminal and no CI is
 * detected. Never waits for the browser and never fails the command (the URL has been printed already).
 */
export function openInBrowser(url: string, environment: CliEnvironment): boolean {
  if (environment.stdout.isTTY !== true || environment.env.CI || environment.env.AMPLIFY_NO_BROWSER) return false;
  const [command, args] =
    environment.platform === 'darwin' ? ['open', [url]] : environment.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
