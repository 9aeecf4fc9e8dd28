#!/usr/bin/env node
'use strict';
/**
 * `amplify codegen` on a 30-model API, on the built binary: statements for a JavaScript app, statements + API.ts for
 * a TypeScript app, and `codegen models`. The project is written directly (meta entry, annotated and compiled
 * schema as the api category leaves them), so no local cloud is involved. Prints medians of wall and CPU time.
 * Target: `amplify codegen` (TypeScript, statements + types) ≤ 500 ms. Run after `npm run build`:
 *   node scripts/bench/codegen.js [runs]
 */
const fs = require('fs');
const path = require('path');
const { createHarness } = require('./support/cli-harness');

const RUNS = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 7);
const MODELS = 30;
const repo = path.resolve(__dirname, '..', '..');
if (!fs.existsSync(path.join(repo, 'packages', 'amplify-codegen', 'lib', 'index.js')) || !fs.existsSync(path.join(repo, 'packages', 'amplify-cli', 'lib', 'index.js'))) {
  console.error('amplify-codegen or amplify-cli is not built: run "npm run build" first.');
  process.exit(1);
}

const names = Array.from({ length: MODELS }, (_, i) => `Item${i + 1}`);

/** The annotated schema: a chain of models, each owning a list of the next (hasMany/belongsTo), an enum, a nested type. */
function sourceSchema() {
  const models = names.map((name, i) => {
    const next = names[i + 1];
    const previous = names[i - 1];
    return [
      `type ${name} @model @auth(rules: [{ allow: public }]) {`,
      '  id: ID!',
      '  title: String!',
      '  count: Int',
      '  price: Float',
      '  status: Status',
      '  tags: [String]',
      '  meta: Meta',
      ...(next ? [`  children: [${next}] @hasMany`] : []),
      ...(previous ? [`  parent: ${previous} @belongsTo`] : []),
      '}',
    ].join('\n');
  });
  return ['enum Status {\n  DRAFT\n  LIVE\n}', 'type Meta {\n  note: String\n  size: Int\n}', ...models].join('\n\n') + '\n';
}

const input = (kind, name, fields) => `${kind} ${name} {\n${fields.map((field) => `  ${field}\n`).join('')}}\n`;

/** The compiled schema in the shape the transformer prints (see the api reference, section 8). */
function compiledSchema() {
  const scalarInputs = `input ModelStringInput {\n  ne: String\n  eq: String\n  contains: String\n  beginsWith: String\n  attributeExists: Boolean\n  size: ModelSizeInput\n}\n
input ModelIntInput {\n  ne: Int\n  eq: Int\n  le: Int\n  ge: Int\n  between: [Int]\n}\n
input ModelFloatInput {\n  ne: Float\n  eq: Float\n  le: Float\n  ge: Float\n  between: [Float]\n}\n
input ModelIDInput {\n  ne: ID\n  eq: ID\n  beginsWith: ID\n}\n
input ModelSizeInput {\n  ne: Int\n  eq: Int\n  between: [Int]\n}\n
input ModelStatusInput {\n  eq: Status\n  ne: Status\n}\n
input ModelSubscriptionStringInput {\n  ne: String\n  eq: String\n  in: [String]\n}\n
input ModelSubscriptionIDInput {\n  ne: ID\n  eq: ID\n  in: [ID]\n}\n
input ModelSubscriptionIntInput {\n  ne: Int\n  eq: Int\n  in: [Int]\n}\n
input ModelSubscriptionFloatInput {\n  ne: Float\n  eq: Float\n  in: [Float]\n}\n
enum ModelSortDirection {\n  ASC\n  DESC\n}\n
input MetaInput {\n  note: String\n  size: Int\n}\n`;
  const types = [];
  const blocks = [];
  const query = [];
  const mutation = [];
  const subscription = [];
  names.forEach((name, i) => {
    const next = names[i + 1];
    const previous = names[i - 1];
    const fk = previous ? [`${previous.charAt(0).toLowerCase()}${previous.slice(1)}ChildrenId`] : [];
    types.push(
      input('type', name, [
        'id: ID!',
        'title: String!',
        'count: Int',
        'price: Float',
        'status: Status',
        'tags: [String]',
        'meta: Meta',
        ...(next ? [`children(filter: Model${next}FilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): Model${next}Connection`] : []),
        ...(previous ? [`parent: ${previous}`] : []),
        'createdAt: AWSDateTime!',
        'updatedAt: AWSDateTime!',
        ...fk.map((f) => `${f}: ID`),
      ]).replace(`type ${name} {`, `type ${name} @aws_api_key {`),
    );
    const scalars = ['title: ModelStringInput', 'count: ModelIntInput', 'price: ModelFloatInput', 'status: ModelStatusInput', 'tags: ModelStringInput'];
    blocks.push(input('type', `Model${name}Connection`, [`items: [${name}]!`, 'nextToken: String']));
    blocks.push(input('input', `Model${name}FilterInput`, ['id: ModelIDInput', ...scalars, 'createdAt: ModelStringInput', 'updatedAt: ModelStringInput', `and: [Model${name}FilterInput]`, `or: [Model${name}FilterInput]`, `not: Model${name}FilterInput`, ...fk.map((f) => `${f}: ModelIDInput`)]));
    blocks.push(input('input', `Model${name}ConditionInput`, [...scalars, `and: [Model${name}ConditionInput]`, `or: [Model${name}ConditionInput]`, `not: Model${name}ConditionInput`, ...fk.map((f) => `${f}: ModelIDInput`)]));
    const fields = ['title: String', 'count: Int', 'price: Float', 'status: Status', 'tags: [String]', 'meta: MetaInput', ...fk.map((f) => `${f}: ID`)];
    blocks.push(input('input', `Create${name}Input`, ['id: ID', 'title: String!', ...fields.slice(1)]));
    blocks.push(input('input', `Update${name}Input`, ['id: ID!', ...fields]));
    blocks.push(input('input', `Delete${name}Input`, ['id: ID!']));
    blocks.push(input('input', `ModelSubscription${name}FilterInput`, ['id: ModelSubscriptionIDInput', 'title: ModelSubscriptionStringInput', 'count: ModelSubscriptionIntInput', 'price: ModelSubscriptionFloatInput', `and: [ModelSubscription${name}FilterInput]`, `or: [ModelSubscription${name}FilterInput]`]));
    query.push(`get${name}(id: ID!): ${name} @aws_api_key`, `list${name}s(filter: Model${name}FilterInput, limit: Int, nextToken: String): Model${name}Connection @aws_api_key`);
    for (const op of ['create', 'update', 'delete']) mutation.push(`${op}${name}(input: ${op.charAt(0).toUpperCase()}${op.slice(1)}${name}Input!, condition: Model${name}ConditionInput): ${name} @aws_api_key`);
    for (const op of ['Create', 'Update', 'Delete']) subscription.push(`on${op}${name}(filter: ModelSubscription${name}FilterInput): ${name} @aws_subscribe(mutations: ["${op.toLowerCase()}${name}"]) @aws_api_key`);
  });
  return [
    'enum Status {\n  DRAFT\n  LIVE\n}\n',
    'type Meta @aws_api_key {\n  note: String\n  size: Int\n}\n',
    ...types,
    scalarInputs,
    ...blocks,
    input('type', 'Query', query),
    input('type', 'Mutation', mutation),
    input('type', 'Subscription', subscription),
  ].join('\n');
}

function writeProject(dir, typescript) {
  const write = (relative, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  };
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  write('amplify/.config/project-config.json', json({ projectName: 'bench', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'], javascript: { framework: 'react', config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'npm run build', StartCommand: 'npm start' } } }));
  write('amplify/.config/local-env-info.json', json({ envName: 'dev', projectPath: dir, defaultEditor: 'code' }));
  const meta = { providers: { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-bench-dev-1' } }, api: { benchapi: { service: 'AppSync', providerPlugin: 'awscloudformation' } } };
  write('amplify/backend/amplify-meta.json', json(meta));
  write('amplify/backend/backend-config.json', json({ api: meta.api }));
  write('amplify/backend/api/benchapi/schema.graphql', sourceSchema());
  write('amplify/backend/api/benchapi/build/schema.graphql', compiledSchema());
  write('amplify/backend/api/benchapi/transform.conf.json', json({ Version: 5 }));
  if (typescript) write('tsconfig.json', '{}\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const harness = createHarness('codegen');
  const env = { PATH: process.env.PATH, HOME: path.join(harness.tmp, 'home'), AMPLIFY_HOME: path.join(harness.tmp, 'home', '.amplify'), NO_COLOR: '1' };
  fs.mkdirSync(env.HOME, { recursive: true });
  const js = path.join(harness.tmp, 'js-app');
  const ts = path.join(harness.tmp, 'ts-app');
  writeProject(js, false);
  writeProject(ts, true);
  // Configures codegen (and warms the plugin cache) once per app; the timed runs regenerate.
  await harness.amplify(js, env, ['codegen', 'add', '--yes']);
  await harness.amplify(ts, env, ['codegen', 'add', '--yes']);
  const scenarios = [
    ['amplify codegen (JavaScript: statements)', js, ['codegen']],
    ['amplify codegen (TypeScript: statements + API.ts)', ts, ['codegen']],
    ['amplify codegen models', ts, ['codegen', 'models']],
  ];
  const samples = new Map(scenarios.map(([name]) => [name, { wall: [], cpu: [] }]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, dir, args] of scenarios) {
      const result = await harness.amplify(dir, env, args);
      samples.get(name).wall.push(result.wall);
      samples.get(name).cpu.push(result.cpu);
    }
  }
  const apiLines = fs.readFileSync(path.join(ts, 'src', 'API.ts'), 'utf8').split('\n').length;
  console.log(`${MODELS} models, ${MODELS * 8} operations, API.ts ${apiLines} lines; medians of ${RUNS} runs\n`);
  console.log('| command | wall | CPU |\n| --- | --- | --- |');
  for (const [name] of scenarios) {
    const { wall, cpu } = samples.get(name);
    console.log(`| ${name} | ${median(wall).toFixed(0)} ms | ${median(cpu).toFixed(0)} ms |`);
  }
  const { wall, cpu } = samples.get(scenarios[1][0]);
  // On a shared machine wall time is mostly the queue for a CPU; the CPU time is what codegen itself costs.
  const verdict = (ms) => (ms <= 500 ? 'met' : 'NOT met');
  console.log(`\nTarget: TypeScript statements + types ≤ 500 ms: ${verdict(median(wall))} by wall (${median(wall).toFixed(0)} ms), ${verdict(median(cpu))} by CPU (${median(cpu).toFixed(0)} ms)`);
  fs.rmSync(harness.tmp, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
