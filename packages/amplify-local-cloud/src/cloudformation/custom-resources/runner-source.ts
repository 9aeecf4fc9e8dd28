/**
 * The program a custom resource's Node.js Lambda runs in: a child `node` process that receives one job over its IPC
 * channel (the `file.export` handler, already resolved by the engine to a module inside the function's code, and the
 * event), runs the handler with a Lambda-like context, and routes https requests (and `fetch`) for the ResponseURL's
 * host to the engine's response listener on 127.0.0.1, so handlers that PUT their response like `cfn-response` does
 * reach the engine unchanged. A job without a response host (a Cognito trigger) wants the handler's result instead:
 * it is sent back over the IPC channel as `{result}` or `{error}` before the process ends.
 */
export const RUNNER_SOURCE = `'use strict';
const http = require('http');
const https = require('https');

// The channel to the local cloud closes when it stops or dies: the function must not outlive it. The whole
// process group goes, so that processes the function started do not stay behind either.
process.on('disconnect', () => {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
});

function readJob() {
  return new Promise((resolve) => {
    process.once('message', (job) => {
      // Only 'disconnect' matters from here on; the channel alone must not keep a finished function alive.
      process.channel.unref();
      resolve(job);
    });
  });
}

function routeResponses(job) {
  const originalRequest = https.request;
  const local = (options, callback) => {
    const { agent, protocol, host, hostname, port, ...rest } = options;
    return http.request({ ...rest, protocol: 'http:', hostname: '127.0.0.1', port: job.responsePort }, callback);
  };
  https.request = function request(first, second, third) {
    if (typeof first === 'string' || first instanceof URL) {
      const url = new URL(first);
      if (url.hostname === job.responseHost) {
        const options = typeof second === 'object' && second !== null ? second : {};
        const callback = typeof second === 'function' ? second : third;
        return local({ ...options, path: url.pathname + url.search }, callback);
      }
    } else if (first && (first.hostname || String(first.host || '').split(':')[0]) === job.responseHost) {
      return local(first, second);
    }
    return originalRequest.apply(this, arguments);
  };
  if (typeof globalThis.fetch === 'function') {
    const originalFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      if (url.hostname !== job.responseHost) return originalFetch(input, init);
      return originalFetch('http://127.0.0.1:' + job.responsePort + url.pathname + url.search, init);
    };
  }
}

async function main() {
  const job = await readJob();
  if (job.responseHost) routeResponses(job);
  const exported = require(job.handlerModule)[job.handlerExport];
  if (typeof exported !== 'function') throw new Error('Handler ' + job.handler + ' is not a function exported by ' + job.handlerModule);
  const deadline = Date.now() + job.timeoutMs;
  // Like Lambda, the invocation ends at its timeout even if the engine that started it is gone.
  setTimeout(() => process.exit(124), job.timeoutMs + 1000).unref();
  let finished = false;
  const finish = (error, result) => {
    if (finished) return;
    finished = true;
    if (error) console.error('Invocation failed:', error);
    // Lambda freezes the environment after the invocation: end the process once pending output is written.
    const exit = () => setImmediate(() => process.exit(error ? 1 : 0));
    if (job.responseHost) return exit();
    const outcome = error
      ? { error: { errorType: (error && error.name) || 'Error', errorMessage: error && error.message !== undefined ? String(error.message) : String(error) } }
      : { result: result === undefined ? null : result };
    process.send(outcome, exit);
  };
  const context = {
    functionName: job.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: job.functionArn,
    memoryLimitInMB: '128',
    awsRequestId: job.requestId,
    logGroupName: '/aws/lambda/' + job.functionName,
    logStreamName: job.logStreamName,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error, result) => finish(error, result),
    succeed: (result) => finish(undefined, result),
    fail: (error) => finish(error || new Error('fail')),
  };
  let result;
  try {
    result = exported(job.event, context, (error, value) => finish(error, value));
  } catch (error) {
    return finish(error);
  }
  if (result && typeof result.then === 'function') result.then((value) => finish(undefined, value), (error) => finish(error));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
`;
