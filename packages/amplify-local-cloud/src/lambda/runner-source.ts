/**
 * The program a Node.js Lambda function runs in: a child `node` process that receives one job over its IPC channel
 * (the `file.export` handler, already resolved to a module inside the function's code, and the event), runs the
 * handler with a Lambda-like context, writes `console` output as the Node.js runtimes format it
 * (`<time>\t<request id>\t<LEVEL>\t<message>`), and sends the outcome back over the channel: the result as JSON, or
 * the error as `{errorType, errorMessage, trace}`.
 *
 * For custom resources the job also names the ResponseURL's host: https requests (and `fetch`) for it are routed to
 * the engine's response listener on 127.0.0.1, so handlers that PUT their response like `cfn-response` does reach
 * the engine unchanged.
 */
export const RUNNER_SOURCE = `'use strict';
const http = require('http');
const https = require('https');
const util = require('util');

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

function formatConsole(requestId) {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    const stream = method === 'log' || method === 'info' || method === 'debug' ? process.stdout : process.stderr;
    console[method] = (...args) => {
      stream.write(new Date().toISOString() + '\\t' + requestId + '\\t' + level + '\\t' + util.format(...args) + '\\n');
    };
  }
}

function describeError(error) {
  if (error instanceof Error) {
    return { errorType: error.name || 'Error', errorMessage: error.message, trace: String(error.stack || '').split('\\n') };
  }
  return { errorType: typeof error === 'string' ? 'string' : 'Error', errorMessage: typeof error === 'string' ? error : JSON.stringify(error), trace: [] };
}

async function main() {
  const job = await readJob();
  if (job.responseHost) routeResponses(job);
  formatConsole(job.requestId);
  let finished = false;
  const finish = (error, result) => {
    if (finished) return;
    finished = true;
    let outcome;
    if (error !== undefined && error !== null) {
      console.error('Invoke Error \\t' + JSON.stringify(describeError(error)));
      outcome = { type: 'error', error: describeError(error) };
    } else {
      try {
        outcome = { type: 'result', payload: JSON.stringify(result === undefined ? null : result) };
      } catch (serialisation) {
        outcome = { type: 'error', error: describeError(serialisation) };
      }
    }
    // Lambda freezes the environment after the invocation: end the process once the outcome and output are out.
    process.send(outcome, () => setImmediate(() => process.exit(0)));
  };
  let exported;
  try {
    exported = require(job.handlerModule)[job.handlerExport];
    if (typeof exported !== 'function') {
      throw Object.assign(new Error(job.handler + ' is undefined or not exported'), { name: 'Runtime.HandlerNotFound' });
    }
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(job.handlerModule)) {
      error.name = 'Runtime.ImportModuleError';
    }
    finish(error);
    return;
  }
  const deadline = Date.now() + job.timeoutMs;
  // Like Lambda, the invocation ends at its timeout even if the cloud that started it is gone.
  setTimeout(() => process.exit(124), job.timeoutMs + 1000).unref();
  const context = {
    functionName: job.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: job.functionArn,
    memoryLimitInMB: String(job.memorySize),
    awsRequestId: job.requestId,
    logGroupName: '/aws/lambda/' + job.functionName,
    logStreamName: job.logStreamName,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error, result) => finish(error, result),
    succeed: (result) => finish(null, result),
    fail: (error) => finish(error || new Error('fail')),
  };
  try {
    const result = exported(job.event, context, (error, value) => finish(error, value));
    if (result && typeof result.then === 'function') result.then((value) => finish(null, value), (error) => finish(error || new Error('rejected')));
  } catch (error) {
    finish(error);
  }
}

main().catch((error) => {
  process.stderr.write((error && error.stack ? error.stack : String(error)) + '\\n');
  process.exit(1);
});
`;
