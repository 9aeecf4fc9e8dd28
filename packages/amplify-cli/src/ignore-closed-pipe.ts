/** The part of a process output stream this module needs: its `error` events. */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Keeps the CLI alive when the reader of its output goes away (`amplify status | head -1`, a CI log shipper that
 * stops): Node ignores SIGPIPE, so each later write would emit an EPIPE error that nobody listens to, which
 * crashes the process with a stack trace. Aborting could also cut a push off mid-deploy, so the rest of the output
 * is dropped and the command finishes as it would have. Any other stream error still surfaces as before.
 */
export function ignoreClosedPipe(stream: ErrorEmitter): void {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
  });
}
