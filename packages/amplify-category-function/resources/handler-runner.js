'use strict';
/**
 * Runs one Lambda handler in this (child) process for `amplify function invoke`: loads the module, calls the
 * handler with the event and a Lambda-like context, and sends the outcome to the parent over IPC. The parent
 * passes `{ file, handler, event, functionName, timeoutMs }` as the first message.
 */
process.once('message', (request) => {
  const deadline = Date.now() + request.timeoutMs;
  let settled = false;
  const finish = (outcome) => {
    if (settled) return;
    settled = true;
    process.send(outcome, () => process.exit(0));
  };
  const failure = (error) =>
    finish({
      ok: false,
      error: {
        name: (error && error.name) || 'Error',
        message: error && error.message !== undefined ? String(error.message) : String(error),
        stack: error && error.stack,
      },
    });
  const success = (value) => finish({ ok: true, result: value === undefined ? null : value });
  const callback = (error, value) => (error ? failure(error instanceof Error ? error : new Error(String(error))) : success(value));
  const context = {
    functionName: request.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.REGION || 'us-east-1'}:000000000000:function:${request.functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: require('crypto').randomUUID(),
    logGroupName: `/aws/lambda/${request.functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: callback,
    succeed: (value) => success(value),
    fail: (error) => callback(error instanceof Error ? error : new Error(String(error))),
  };
  process.on('uncaughtException', failure);
  process.on('unhandledRejection', failure);
  try {
    const handler = require(request.file)[request.handler];
    if (typeof handler !== 'function') {
      throw new Error(`${request.file} does not export a function named ${request.handler}`);
    }
    const returned = handler(request.event, context, callback);
    if (returned && typeof returned.then === 'function') returned.then(success, failure);
  } catch (error) {
    failure(error);
  }
});
