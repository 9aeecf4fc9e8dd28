/**
 * The program a Node.js Lambda function runs in: a child `node` process that receives jobs over its IPC channel
 * (the `file.export` handler, already resolved to a module inside the function's code, and the event), runs the
 * handler with a Lambda-like context, and sends back over the channel its `console` output, formatted as the Node.js
 * runtimes format it (`<time>\t<request id>\t<LEVEL>\t<message>`), then the outcome: the result as JSON, or the
 * error as `{errorType, errorMessage, trace}`. Output and outcome travel on one channel, so they arrive in order.
 *
 * A job with `reuse` leaves the process waiting for the next one, its modules loaded (Lambda's warm execution
 * environment); others end the process once answered. During an invocation the channel does not keep the process
 * alive, so a handler that neither returns a promise nor calls back ends the invocation when its event loop empties.
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

let currentRequestId = '';

function formatConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const text = new Date().toISOString() + '\\t' + currentRequestId + '\\t' + level + '\\t' + util.format(...args) + '\\n';
      if (process.connected) process.send({ type: 'log', text });
      else process.stderr.write(text);
    };
  }
}

function describeError(error) {
  if (error instanceof Error) {
    return { errorType: error.name || 'Error', errorMessage: error.message, trace: String(error.stack || '').split('\\n') };
  }
  return { errorType: typeof error === 'string' ? 'string' : 'Error', errorMessage: typeof error === 'string' ? error : JSON.stringify(error), trace: [] };
}

let prepared = false;

function runJob(job) {
  if (!prepared) {
    prepared = true;
    if (job.responseHost) routeResponses(job);
    formatConsole();
  }
  currentRequestId = job.requestId;
  process.channel.unref();
  let finished = false;
  let deadline;
  const finish = (error, result) => {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
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
    if (job.reuse) {
      process.channel.ref();
      process.send(outcome);
    } else {
      // Lambda freezes the environment after the invocation: end the process once the outcome is out.
      process.send(outcome, () => setImmediate(() => process.exit(0)));
    }
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
  const ends = Date.now() + job.timeoutMs;
  // Like Lambda, the invocation ends at its timeout even if the cloud that started it is gone.
  deadline = setTimeout(() => process.exit(124), job.timeoutMs + 1000);
  deadline.unref();
  const context = {
    functionName: job.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: job.functionArn,
    memoryLimitInMB: String(job.memorySize),
    awsRequestId: job.requestId,
    logGroupName: '/aws/lambda/' + job.functionName,
    logStreamName: job.logStreamName,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, ends - Date.now()),
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

process.on('message', (job) => runJob(job));
`;
