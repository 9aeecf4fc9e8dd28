#!/usr/bin/env node
// Start-up cost of computing `amplify status` with the core library alone, beside bare node, on a
// 10-resource fixture project (pushed, a few edited, one new, one deleted). Needs the built lib/ (`npx tsc -b`).
// Usage: node packages/amplify-cli-core/scripts/bench-status.js [runs]
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runs = Number(process.argv[2] || 20);
const lib = path.join(__dirname, '..', 'lib', 'index.js');

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

function makeFixture() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-bench-status-'));
  const amplify = path.join(root, 'amplify');
  write(path.join(amplify, '.config', 'project-config.json'), { projectName: 'bench', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write(path.join(amplify, '.config', 'local-env-info.json'), { envName: 'dev' });
  const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-bench-dev-1' } };
  const meta = { providers };
  const current = { providers };
  const categories = ['auth', 'api', 'function', 'storage', 'hosting'];
  for (let i = 0; i < 10; i++) {
    const category = categories[i % categories.length];
    const name = `${category}${i}`;
    const entry = { service: 'Svc', providerPlugin: 'awscloudformation', lastPushTimeStamp: '2026-01-01T00:00:00.000Z' };
    (meta[category] = meta[category] || {})[name] = i === 9 ? { service: 'Svc', providerPlugin: 'awscloudformation' } : entry;
    if (i !== 9) (current[category] = current[category] || {})[name] = entry;
    for (const base of ['backend', '#current-cloud-backend']) {
      if (base === '#current-cloud-backend' && i === 9) continue;
      const dir = path.join(amplify, base, category, name);
      write(path.join(dir, `${name}-cloudformation-template.json`), { Resources: { R: { Type: 'AWS::S3::Bucket', Properties: { Tag: base === 'backend' && i % 4 === 0 ? 'edited' : 'same' } } } });
      write(path.join(dir, 'parameters.json'), { env: 'dev', name });
      write(path.join(dir, 'src', 'index.js'), `exports.handler = async () => ${i};\n`.repeat(50));
    }
  }
  (current.storage = current.storage || {}).removed = { service: 'S3', providerPlugin: 'awscloudformation', lastPushTimeStamp: '2026-01-01T00:00:00.000Z' };
  write(path.join(amplify, 'backend', 'amplify-meta.json'), meta);
  write(path.join(amplify, '#current-cloud-backend', 'amplify-meta.json'), current);
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
  console.log(execFileSync(process.execPath, [statusScript], { cwd: root }).toString().trim());
  const [bare, load, status] = timeInterleaved([[bareScript], [loadScript], [statusScript]], root);
  const fmt = (t) => `wall min ${t.wall.min.toFixed(1)} / median ${t.wall.median.toFixed(1)} ms, cpu median ${t.cpu.median.toFixed(1)} ms`;
  const extra = (t) => `(+${(t.wall.median - bare.wall.median).toFixed(1)} ms wall, +${(t.cpu.median - bare.cpu.median).toFixed(1)} ms cpu over bare node)`;
  console.log(`bare node:              ${fmt(bare)}`);
  console.log(`require core library:   ${fmt(load)} ${extra(load)}`);
  console.log(`core status (10 res):   ${fmt(status)} ${extra(status)}`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
