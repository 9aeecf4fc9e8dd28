/**
 * The `cfn-response` module Lambda offers to inline (`Code.ZipFile`) Node.js functions: `send` PUTs the custom
 * resource response as JSON to the event's ResponseURL over https, then ends the invocation with `context.done()`.
 * Written to disk beside the inline code, so `require('cfn-response')`-style imports (`./cfn-response`) resolve.
 */
export const CFN_RESPONSE_SOURCE = `'use strict';
const https = require('https');

exports.SUCCESS = 'SUCCESS';
exports.FAILED = 'FAILED';

exports.send = function send(event, context, responseStatus, responseData, physicalResourceId, noEcho, reason) {
  const body = JSON.stringify({
    Status: responseStatus,
    Reason: reason || 'See the details in the function output: ' + context.logStreamName,
    PhysicalResourceId: physicalResourceId || context.logStreamName,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    NoEcho: noEcho || false,
    Data: responseData,
  });
  const url = new URL(event.ResponseURL);
  const request = https.request(
    {
      hostname: url.hostname,
      port: 443,
      path: url.pathname + url.search,
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
    },
    (response) => {
      response.resume();
      response.on('end', () => context.done());
    },
  );
  request.on('error', (error) => {
    console.log('send(..) failed executing https.request(..): ' + error);
    context.done();
  });
  request.end(body);
};
`;
