#!/usr/bin/env node
/**
 * Benchmarks sign-in against the local Cognito user pools as an app does it: aws-amplify 6's default `signIn`
 * (USER_SRP_AUTH: InitiateAuth, then RespondToAuthChallenge with the PASSWORD_VERIFIER claim) followed by `signOut`,
 * on a pool and client deployed by CloudFormation. Two numbers: the round trips (the two Cognito requests, from
 * sending to the parsed answer: what the local cloud costs, the target), and the whole `signIn` call, which adds
 * aws-amplify's own SRP arithmetic in JavaScript. Uses the built output: run `npx tsc -b packages/amplify-local-cloud`
 * first. Prints median and 95th percentile wall time.
 *
 * The round trips are timed around the `fetch` aws-amplify calls: they include the client's HTTP work (undici
 * building the request, reading the answer) and the server's (SRP, two RS256 tokens, the session row); they leave
 * out aws-amplify's SRP arithmetic between the two requests, which the whole-signIn figure shows.
 *
 *   node scripts/bench/local-cloud-signin.js [--runs N]   (N sign-ins, default 100; a bare number also works)
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const pkg = path.join(__dirname, '..', '..', 'packages', 'amplify-local-cloud');
const { startLocalCloud } = require(path.join(pkg, 'lib'));
const { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } = require('@aws-sdk/client-cloudformation');
const { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand } = require('@aws-sdk/client-cognito-identity-provider');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : Number(process.argv[2]) || 100;
const USERNAME = 'bench-user';
const PASSWORD = 'Bench-Password-1!';

const TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'bench-users', MfaConfiguration: 'OFF' } },
    WebClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'UserPool' }, ClientName: 'web' } },
  },
  Outputs: { UserPoolId: { Value: { Ref: 'UserPool' } }, WebClientId: { Value: { Ref: 'WebClient' } } },
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function deploy(cloud) {
  const cfn = new CloudFormationClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials });
  await cfn.send(new CreateStackCommand({ StackName: 'bench-auth', TemplateBody: TEMPLATE }));
  for (;;) {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'bench-auth' }));
    const stack = Stacks[0];
    if (stack.StackStatus === 'CREATE_COMPLETE') return Object.fromEntries(stack.Outputs.map((output) => [output.OutputKey, output.OutputValue]));
    if (!stack.StackStatus.endsWith('IN_PROGRESS')) throw new Error(`The bench stack ended ${stack.StackStatus}: ${stack.StackStatusReason}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signin-'));
  const cloud = await startLocalCloud({ dataDir, port: 0 });
  try {
    const outputs = await deploy(cloud);
    const admin = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials });
    await admin.send(new AdminCreateUserCommand({ UserPoolId: outputs.UserPoolId, Username: USERNAME, MessageAction: 'SUPPRESS' }));
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: outputs.UserPoolId, Username: USERNAME, Password: PASSWORD, Permanent: true }));
    const { Amplify } = require('aws-amplify');
    const { signIn, signOut } = require('aws-amplify/auth');
    Amplify.configure({ Auth: { Cognito: { userPoolId: outputs.UserPoolId, userPoolClientId: outputs.WebClientId, userPoolEndpoint: cloud.endpoint } } });
    // The Cognito requests' time, measured around the fetch aws-amplify sends them with.
    const realFetch = globalThis.fetch;
    let inFlightMs = 0;
    let inFlightCpuMs = 0;
    let perTarget = {};
    globalThis.fetch = async (...args) => {
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const response = await realFetch(...args);
      const body = await response.arrayBuffer();
      const took = Number(process.hrtime.bigint() - started) / 1e6;
      inFlightMs += took;
      const cpu = process.cpuUsage(cpuBefore);
      inFlightCpuMs += (cpu.user + cpu.system) / 1000;
      const target = String(args[1]?.headers?.['x-amz-target'] ?? '').split('.').pop();
      perTarget[target] = took;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
    const times = [];
    const roundTrips = [];
    const roundTripCpu = [];
    const initiate = [];
    const respond = [];
    for (let run = 0; run < RUNS + 5; run += 1) {
      inFlightMs = 0;
      inFlightCpuMs = 0;
      perTarget = {};
      const started = process.hrtime.bigint();
      const result = await signIn({ username: USERNAME, password: PASSWORD });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      // Read before signOut, whose RevokeToken request is not part of signing in.
      const signInRoundTrips = inFlightMs;
      const signInCpu = inFlightCpuMs;
      const { InitiateAuth: initiateMs, RespondToAuthChallenge: respondMs } = perTarget;
      if (!result.isSignedIn) throw new Error(`Sign-in did not finish: ${JSON.stringify(result.nextStep)}`);
      await signOut();
      // The first runs warm up the JIT and the connection.
      if (run >= 5) {
        times.push(elapsed);
        roundTrips.push(signInRoundTrips);
        roundTripCpu.push(signInCpu);
        initiate.push(initiateMs);
        respond.push(respondMs);
      }
    }
    globalThis.fetch = realFetch;
    for (const samples of [times, roundTrips, roundTripCpu, initiate, respond]) samples.sort((a, b) => a - b);
    console.log(`local Cognito sign-in (load average ${os.loadavg()[0].toFixed(1)})`);
    console.log(`sign-in round trips (InitiateAuth + RespondToAuthChallenge, ${RUNS} runs): median ${percentile(roundTrips, 50).toFixed(2)} ms, p95 ${percentile(roundTrips, 95).toFixed(2)} ms (target median <= 20 ms)`);
    console.log(`  InitiateAuth (USER_SRP_AUTH: B = k·v + g^b): median ${percentile(initiate, 50).toFixed(2)} ms; RespondToAuthChallenge (S, the proof, two tokens): median ${percentile(respond, 50).toFixed(2)} ms`);
    console.log(`  CPU of this process during the two round trips (client HTTP and server): median ${percentile(roundTripCpu, 50).toFixed(2)} ms`);
    console.log(`whole aws-amplify 6 signIn (adds the client's SRP in JavaScript): median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
  } finally {
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
