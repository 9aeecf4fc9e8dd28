#!/usr/bin/env node
'use strict';
/**
 * Extracts the official CloudFormation resource specification (npm `@aws-cdk/aws-service-spec`) into compact JSON
 * shards under `data/`, one per service namespace (`AWS::S3` -> `AWS_S3.json`), the sorted list of every type
 * name (`types.json`) and `index.json` (format version, fingerprint of the inputs, type count).
 *
 * Why: loading the whole specification database costs 300 ms or more; a shard of the one service a template uses
 * parses in about a millisecond. The output is deterministic (sorted keys, no timestamps) and the run is skipped
 * when `index.json` already carries the fingerprint of the current database and of this script.
 *
 * A shard maps each resource type name to the JSON text of its entry: parsing a shard then only scans strings,
 * several times faster than building every type's objects, and a lookup parses the one entry it needs.
 * Entry format (see src/spec-data.ts, which reads it):
 *   p: property name -> type expression, r: required property names, u: property name -> 'I' (Immutable,
 *   replacement) or 'C' (Conditional replacement), t: property type name -> { p, r, u }, a: attribute name -> type
 *   expression, i: primary identifier, f: Ref identifier when it differs, n: ARN template, x: replacement paths below
 *   the top level (dotted; '*' stands for every list item or map key).
 * Type expressions: String, Integer, Double, Boolean, Json, Timestamp, Null, Tag, @Name (a property type of the same
 *   resource type), List<T>, Map<T>, and unions written T1|T2.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const FORMAT_VERSION = 3;
const DEFAULT_OUT_DIR = path.join(__dirname, '..', 'data');

const PRIMITIVES = {
  string: 'String',
  integer: 'Integer',
  number: 'Double',
  boolean: 'Boolean',
  json: 'Json',
  'date-time': 'Timestamp',
  null: 'Null',
  tag: 'Tag',
};

/** The file name of the shard that holds a resource type: its first two name segments. */
function shardNameOf(typeName) {
  return typeName.split('::').slice(0, 2).join('_');
}

function specPackageDir() {
  return path.dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
}

/** Fingerprint of the inputs: the database file, the specification package version and this script. */
function fingerprint() {
  const hash = crypto.createHash('sha256');
  const dir = specPackageDir();
  hash.update(`format:${FORMAT_VERSION}\n`);
  hash.update(fs.readFileSync(path.join(dir, 'package.json')));
  hash.update(fs.readFileSync(path.join(dir, 'db.json.gz')));
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
}

function sortedObject(entries) {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function checkName(name, what) {
  if (!/^[A-Za-z0-9_.]+$/.test(name)) {
    throw new Error(`Unexpected ${what} name "${name}" in the CloudFormation specification`);
  }
  return name;
}

function typeExpression(type, typeNames) {
  switch (type.type) {
    case 'ref': {
      const name = typeNames.get(type.reference.$ref);
      if (name === undefined) throw new Error(`Dangling type reference ${type.reference.$ref}`);
      return `@${name}`;
    }
    case 'array':
      return `List<${typeExpression(type.element, typeNames)}>`;
    case 'map':
      return `Map<${typeExpression(type.element, typeNames)}>`;
    case 'union':
      return [...new Set(type.types.map((member) => typeExpression(member, typeNames)))].join('|');
    default: {
      const primitive = PRIMITIVES[type.type];
      if (primitive === undefined) throw new Error(`Unknown property type kind "${type.type}"`);
      return primitive;
    }
  }
}

function compactProperties(properties, typeNames) {
  const p = [];
  const r = [];
  const u = [];
  for (const [name, property] of Object.entries(properties)) {
    checkName(name, 'property');
    p.push([name, typeExpression(property.type, typeNames)]);
    if (property.required) r.push(name);
    if (property.causesReplacement === 'yes') u.push([name, 'I']);
    if (property.causesReplacement === 'maybe') u.push([name, 'C']);
  }
  const out = { p: sortedObject(p) };
  if (r.length > 0) out.r = r.sort();
  if (u.length > 0) out.u = sortedObject(u);
  return out;
}

function compactResource(db, resource) {
  const typeNames = new Map();
  const typeDefinitions = db.follow('usesType', resource).map((link) => link.entity);
  for (const definition of typeDefinitions) typeNames.set(definition.$id, checkName(definition.name, 'property type'));

  const out = compactProperties(resource.properties, typeNames);
  if (typeDefinitions.length > 0) {
    out.t = sortedObject(typeDefinitions.map((d) => [d.name, compactProperties(d.properties, typeNames)]));
  }
  const attributes = Object.entries(resource.attributes).map(([name, attribute]) => [
    checkName(name, 'attribute'),
    typeExpression(attribute.type, typeNames),
  ]);
  if (attributes.length > 0) out.a = sortedObject(attributes);
  if (resource.primaryIdentifier && resource.primaryIdentifier.length > 0) out.i = [...resource.primaryIdentifier];
  const refIdentifier = resource.cfnRefIdentifier;
  if (refIdentifier && refIdentifier.join('\0') !== (resource.primaryIdentifier ?? []).join('\0')) {
    out.f = [...refIdentifier];
  }
  if (resource.arnTemplate) out.n = resource.arnTemplate;
  const deeper = [
    ...nestedReplacementPaths(resource.properties, typeDefinitions),
    ...(resource.additionalReplacementProperties ?? []).map((segments) => segments.join('.')),
  ];
  if (deeper.length > 0) out.x = [...new Set(deeper)].sort();
  return out;
}

/**
 * Paths below the top level whose change replaces the resource: properties of property types marked as causing
 * replacement, under a top-level property that does not already replace it. `*` stands for any list item or
 * map key. Recursive property types are followed once per path.
 */
function nestedReplacementPaths(properties, typeDefinitions) {
  const byId = new Map(typeDefinitions.map((definition) => [definition.$id, definition]));
  const paths = [];
  const walk = (props, prefix, visiting) => {
    for (const [name, property] of Object.entries(props)) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      if (property.causesReplacement === 'yes') {
        if (prefix !== '') paths.push(path);
        continue;
      }
      let type = property.type;
      let itemPath = path;
      while (type.type === 'array' || type.type === 'map') {
        type = type.element;
        itemPath = `${itemPath}.*`;
      }
      if (type.type !== 'ref' || visiting.has(type.reference.$ref)) continue;
      const definition = byId.get(type.reference.$ref);
      if (definition) walk(definition.properties, itemPath, new Set([...visiting, type.reference.$ref]));
    }
  };
  walk(properties, '', new Set());
  return paths;
}

/** Builds every shard in memory: { index, shards: Map<shardName, object> }. */
function buildShards(stamp) {
  const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');
  const db = loadAwsServiceSpecSync();
  const byShard = new Map();
  for (const resource of db.all('resource')) {
    const typeName = resource.cloudFormationType;
    if (!/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(typeName)) {
      throw new Error(`Unexpected resource type name "${typeName}" in the CloudFormation specification`);
    }
    const shard = shardNameOf(typeName);
    if (!byShard.has(shard)) byShard.set(shard, []);
    byShard.get(shard).push([typeName, JSON.stringify(compactResource(db, resource))]);
  }
  const shards = new Map([...byShard.entries()].map(([name, entries]) => [name, sortedObject(entries)]));
  const types = [...shards.values()].flatMap((shard) => Object.keys(shard)).sort();
  const index = { formatVersion: FORMAT_VERSION, fingerprint: stamp, typeCount: types.length };
  return { index, types, shards };
}

function readStamp(outDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, 'index.json'), 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

/**
 * Generates the data directory unless it is up to date. The new data is written to a sibling temporary
 * directory and swapped in with renames, so a concurrent reader never sees a half-written directory for long
 * and two concurrent generators cannot interleave their files.
 *
 * @param {{ outDir?: string, force?: boolean }} [options]
 * @returns {{ status: 'up-to-date' | 'generated', outDir: string, typeCount: number }}
 */
function generate(options = {}) {
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const stamp = fingerprint();
  if (!options.force && readStamp(outDir) === stamp) {
    const { typeCount } = JSON.parse(fs.readFileSync(path.join(outDir, 'index.json'), 'utf8'));
    return { status: 'up-to-date', outDir, typeCount };
  }
  const { index, types, shards } = buildShards(stamp);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmpDir = fs.mkdtempSync(`${outDir}.tmp-`);
  try {
    for (const [name, shard] of shards) fs.writeFileSync(path.join(tmpDir, `${name}.json`), JSON.stringify(shard));
    fs.writeFileSync(path.join(tmpDir, 'types.json'), JSON.stringify(types));
    // index.json last: its presence with the right fingerprint is what marks the data complete.
    fs.writeFileSync(path.join(tmpDir, 'index.json'), JSON.stringify(index));
    // A concurrent run (parallel test workers) may have finished meanwhile; replacing its output would only
    // pull the directory from under its readers.
    if (readStamp(outDir) !== stamp) swapIn(tmpDir, outDir);
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  return { status: 'generated', outDir, typeCount: index.typeCount };
}

function swapIn(tmpDir, outDir) {
  const oldDir = `${tmpDir}-old`;
  let movedOld = false;
  try {
    fs.renameSync(outDir, oldDir);
    movedOld = true;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    fs.renameSync(tmpDir, outDir);
  } catch (error) {
    // Another generator won the race and its output is equally valid: keep it.
    if (!['EEXIST', 'ENOTEMPTY', 'EPERM'].includes(error.code) || readStamp(outDir) === undefined) throw error;
  } finally {
    if (movedOld) fs.rmSync(oldDir, { recursive: true, force: true });
  }
}

module.exports = { generate, FORMAT_VERSION };

if (require.main === module) {
  const force = process.argv.includes('--force');
  const outFlag = process.argv.indexOf('--out');
  const outDir = outFlag >= 0 ? process.argv[outFlag + 1] : undefined;
  const started = Date.now();
  const result = generate({ outDir, force });
  const verb = result.status === 'generated' ? 'Generated' : 'Up to date:';
  console.log(`${verb} ${result.typeCount} CloudFormation resource types in ${result.outDir} (${Date.now() - started} ms)`);
}
