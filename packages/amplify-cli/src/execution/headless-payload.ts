import { AmplifyError } from 'amplify-cli-core';
import type { InputStream } from '../cli-environment';

/** How long stdin may stay silent before a headless command gives up (the original waited 2 s for its line). */
const HEADLESS_STDIN_TIMEOUT_MS = 5000;

const resolution = `Pipe one JSON document to the command, e.g. echo '{"version":1,...}' | amplify add api --headless`;

/**
 * Reads the `--headless` payload: one JSON document on stdin. Fails at once when stdin is a terminal (nobody
 * is going to type JSON there), when it is empty, or when it is not JSON; returns the text, which is what
 * `executeAmplifyHeadlessCommand(context, payload)` receives.
 */
export async function readHeadlessPayload(stdin: InputStream, timeoutMs = HEADLESS_STDIN_TIMEOUT_MS): Promise<string> {
  if (stdin.isTTY) {
    throw new AmplifyError('HeadlessInputMissing', '--headless reads its JSON payload from stdin, but stdin is a terminal', {
      resolution,
    });
  }
  const text = (await readAll(stdin, timeoutMs)).trim();
  if (text === '') {
    throw new AmplifyError('HeadlessInputMissing', '--headless received no JSON payload on stdin', { resolution });
  }
  try {
    JSON.parse(text);
  } catch (cause) {
    throw new AmplifyError('HeadlessInputInvalid', `The --headless payload on stdin is not valid JSON: ${(cause as Error).message}`, {
      resolution,
      cause,
    });
  }
  return text;
}

function readAll(stream: InputStream, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new AmplifyError('HeadlessInputMissing', `No --headless payload arrived on stdin within ${timeoutMs / 1000} s`, {
          resolution,
        }),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer | string): void => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}
