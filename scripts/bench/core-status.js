#!/usr/bin/env node
// Start-up cost of computing `amplify status` with the core library alone, beside bare node, on a
// 10-resource fixture project (pushed, three edited, one new, one removed). Needs the built lib/ (`npx tsc -b`).
// Usage: node scripts/bench/core-status.js [runs]
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runs = Number(process.argv[2] || 20);
const lib = path.join(__dirname, '..', '..', 'packages', 'amplify-cli-core', 'lib', 'index.js');

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

/**
 * A project as the CLI leaves it: ten resources added and pushed through the library (so the deployed copies and
 * recorded hashes are real), then three edited locally, one added and not pushed, and one removed.
 */
function makeFixture() {
  const core = require(lib);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-bench-status-'));
  const amplify = path.join(root, 'amplify');
  write(path.join(amplify, '.config', 'project-config.json'), { projectName: 'bench', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write(path.join(amplify, '.config', 'local-env-info.json'), { envName: 'dev' });
  const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-bench-dev-1' } };
  write(path.join(amplify, 'backend', 'amplify-meta.json'), { providers });
  write(path.join(amplify, 'backend', 'backend-config.json'), {});
  const categories = ['auth', 'api', 'function', 'storage', 'hosting'];
  const resources = [];
  for (let i = 0; i < 10; i++) {
    const category = categories[i % categories.length];
    const resourceName = `${category}${i}`;
    const dir = path.join(amplify, 'backend', category, resourceName);
    write(path.join(dir, `${resourceName}-cloudformation-template.json`), { Resources: { R: { Type: 'AWS::S3::Bucket' } } });
    write(path.join(dir, 'parameters.json'), { env: 'dev', resourceName });
    write(path.join(dir, 'src', 'index.js'), `exports.handler = async () => ${i};\n`.repeat(50));
    core.updateamplifyMetaAfterResourceAdd(root, category, resourceName, { service: 'Svc', providerPlugin: 'awscloudformation' });
    resources.push({ category, resourceName });
  }
  core.updateamplifyMetaAfterPush(root, resources);
  for (const { category, resourceName } of resources.slice(0, 3)) {
    write(path.join(amplify, 'backend', category, resourceName, 'parameters.json'), { env: 'dev', edited: true });
  }
  write(path.join(amplify, 'backend', 'storage', 'newbucket', 'parameters.json'), {});
  core.updateamplifyMetaAfterResourceAdd(root, 'storage', 'newbucket', { service: 'S3', providerPlugin: 'awscloudformation' });
  fs.rmSync(path.join(amplify, 'backend', 'hosting', 'hosting9'), { recursive: true });
  const meta = core.stateManager.getMeta(root);
  delete meta.hosting.hosting9;
  core.stateManager.setMeta(root, meta);
  return root;
}

/** Every probe reports the CPU time its whole process used, which waiting for a busy CPU does not inflate. */
const REPORT_CPU = `\nprocess.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(String((u.user + u.system) / 1000)); });\n`;

/** Runs the variants in turn, `runs` rounds, so load changes on a shared machine hit them alike. */
function timeInterleaved(variants, cwd) {
  const wall = variants.map(() => []);
  const cpu = variants.map(() => []);
  for (let i = 0; i < runs; i++) {
    variants.forEach((args, v) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
      wall[v].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
      cpu[v].push(Number(result.stderr));
    });
  }
  const stats = (list) => {
    list.sort((a, b) => a - b);
    return { min: list[0], median: list[Math.floor(list.length / 2)] };
  };
  return variants.map((_, v) => ({ wall: stats(wall[v]), cpu: stats(cpu[v]) }));
}

const root = makeFixture();
try {
  // Script files rather than `node -e`: eval mode preloads modules (crypto) a real binary does not.
  const probe = (name, body) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, body + REPORT_CPU);
    return file;
  };
  const bareScript = probe('bare.js', '');
  const loadScript = probe('load.js', `require(${JSON.stringify(lib)});`);
  const statusScript = probe(
    'status.js',
    `const c = require(${JSON.stringify(lib)});
     const s = c.getResourceStatus(c.pathManager.findProjectRoot());
     for (const r of c.getStatusTable(s)) process.stdout.write(r.category + ' ' + r.resourceName + ' ' + r.operation + '\\n');`,
  );
  console.log(execFileSync(process.execPath, [statusScript], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
  const [bare, load, status] = timeInterleaved([[bareScript], [loadScript], [statusScript]], root);
  const fmt = (t) => `wall min ${t.wall.min.toFixed(1)} / median ${t.wall.median.toFixed(1)} ms, cpu median ${t.cpu.median.toFixed(1)} ms`;
  const extra = (t) => `(+${(t.wall.median - bare.wall.median).toFixed(1)} ms wall, +${(t.cpu.median - bare.cpu.median).toFixed(1)} ms cpu over bare node)`;
  console.log(`bare node:              ${fmt(bare)}`);
  console.log(`require core library:   ${fmt(load)} ${extra(load)}`);
  console.log(`core status (10 res):   ${fmt(status)} ${extra(status)}`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
