import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudFormationSpecError } from './errors';

/**
 * Reads the compact specification data that scripts/generate.js writes under `data/`. Each shard is read and
 * parsed at most once per process, when a type of its namespace is first asked for.
 */

/** A property list as stored: type expressions, required names, update types ('I' Immutable, 'C' Conditional). */
export interface StoredProperties {
  readonly p: Readonly<Record<string, string>>;
  readonly r?: readonly string[];
  readonly u?: Readonly<Record<string, 'I' | 'C'>>;
}

export interface StoredResourceType extends StoredProperties {
  readonly t?: Readonly<Record<string, StoredProperties>>;
  readonly a?: Readonly<Record<string, string>>;
  readonly i?: readonly string[];
  readonly f?: readonly string[];
  readonly n?: string;
  readonly x?: readonly string[];
}

interface StoredIndex {
  readonly formatVersion: number;
  readonly fingerprint: string;
  readonly typeCount: number;
}

interface GeneratorModule {
  generate(options: { outDir?: string }): unknown;
}

/** The data format this code reads; scripts/generate.js writes the same number into `index.json`. */
const DATA_FORMAT_VERSION = 3;

// Both src/ (tests) and lib/ (built) sit directly under the package root, as do data/ and scripts/.
const PACKAGE_ROOT = path.join(__dirname, '..');
const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
const GENERATOR = path.join(PACKAGE_ROOT, 'scripts', 'generate.js');

/** Shard name -> (type name -> JSON text of the stored type), or null for a namespace with no shard. */
const shards = new Map<string, Readonly<Record<string, string>> | null>();
let typeNames: readonly string[] | undefined;
let dataChecked = false;

/**
 * The stored form of a resource type, or undefined when the specification has no such type. Not cached: the
 * caller keeps what it builds from it.
 */
export function readStoredResourceType(typeName: string): StoredResourceType | undefined {
  const shardName = shardNameOf(typeName);
  if (shardName === undefined) return undefined;
  let shard = shards.get(shardName);
  if (shard === undefined) {
    shard = readShard(shardName);
    shards.set(shardName, shard);
  }
  if (shard === null || !Object.prototype.hasOwnProperty.call(shard, typeName)) return undefined;
  return JSON.parse(shard[typeName]) as StoredResourceType;
}

/** Every resource type name of the specification, sorted. */
export function storedTypeNames(): readonly string[] {
  if (typeNames === undefined) {
    ensureData();
    typeNames = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'types.json'), 'utf8')) as string[];
  }
  return typeNames;
}

function shardNameOf(typeName: string): string | undefined {
  const match = /^([A-Za-z0-9]+)::([A-Za-z0-9]+)::[A-Za-z0-9]+$/.exec(typeName);
  return match ? `${match[1]}_${match[2]}` : undefined;
}

function readShard(shardName: string): Readonly<Record<string, string>> | null {
  ensureData();
  let text: string;
  try {
    text = fs.readFileSync(path.join(DATA_DIR, `${shardName}.json`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return JSON.parse(text) as Record<string, string>;
}

/**
 * The data exists after `npm run build`. Unit tests run from sources without a build, so when the data is
 * missing or in an older format and the generator with its specification source is at hand (a development
 * checkout), generate it.
 */
function ensureData(): void {
  if (dataChecked) return;
  if (readIndexFormat() !== DATA_FORMAT_VERSION) {
    if (!fs.existsSync(GENERATOR)) throw missingData();
    // A computed path keeps the compiler from pulling the plain-JS generator into the build.
    const generator = require(GENERATOR) as GeneratorModule;
    try {
      generator.generate({ outDir: DATA_DIR });
    } catch (error) {
      throw missingData(error);
    }
    if (readIndexFormat() !== DATA_FORMAT_VERSION) throw missingData();
  }
  dataChecked = true;
}

function readIndexFormat(): number | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'index.json'), 'utf8')) as StoredIndex).formatVersion;
  } catch {
    return undefined;
  }
}

function missingData(cause?: unknown): CloudFormationSpecError {
  return new CloudFormationSpecError('CloudFormationSpecMissing', `The CloudFormation specification data in ${DATA_DIR} is missing or outdated.`, {
    resolution: 'Generate it with: npm run generate -w amplify-cloudformation-spec',
    cause,
  });
}
