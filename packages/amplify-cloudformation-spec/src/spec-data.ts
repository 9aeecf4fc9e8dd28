import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AmplifyFault } from 'amplify-cli-core';
import { amplifyFault } from './errors';

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
  readonly types: readonly string[];
}

interface GeneratorModule {
  generate(options: { outDir?: string }): { status: string; outDir: string; typeCount: number };
  FORMAT_VERSION: number;
}

// Both src/ (tests) and lib/ (built) sit directly under the package root, as do data/ and scripts/.
const PACKAGE_ROOT = path.join(__dirname, '..');
const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
const GENERATOR = path.join(PACKAGE_ROOT, 'scripts', 'generate.js');

const shards = new Map<string, Readonly<Record<string, StoredResourceType>> | null>();
let index: StoredIndex | undefined;
let dataChecked = false;

/** The stored form of a resource type, or undefined when the specification has no such type. */
export function readStoredResourceType(typeName: string): StoredResourceType | undefined {
  const shardName = shardNameOf(typeName);
  if (shardName === undefined) return undefined;
  let shard = shards.get(shardName);
  if (shard === undefined) {
    shard = readShard(shardName);
    shards.set(shardName, shard);
  }
  return shard !== null && Object.prototype.hasOwnProperty.call(shard, typeName) ? shard[typeName] : undefined;
}

/** Every resource type name of the specification, sorted. */
export function storedTypeNames(): readonly string[] {
  return readIndex().types;
}

function shardNameOf(typeName: string): string | undefined {
  const match = /^([A-Za-z0-9]+)::([A-Za-z0-9]+)::[A-Za-z0-9]+$/.exec(typeName);
  return match ? `${match[1]}_${match[2]}` : undefined;
}

function readShard(shardName: string): Readonly<Record<string, StoredResourceType>> | null {
  ensureData();
  let text: string;
  try {
    text = fs.readFileSync(path.join(DATA_DIR, `${shardName}.json`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return JSON.parse(text) as Record<string, StoredResourceType>;
}

function readIndex(): StoredIndex {
  if (index === undefined) {
    ensureData();
    index = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'index.json'), 'utf8')) as StoredIndex;
  }
  return index;
}

/**
 * The data exists after `npm run build`. Unit tests run from sources without a build, so when the data is
 * missing and the generator with its specification source is at hand (a development checkout), generate it.
 */
function ensureData(): void {
  if (dataChecked) return;
  if (!fs.existsSync(path.join(DATA_DIR, 'index.json'))) {
    if (!fs.existsSync(GENERATOR)) throw missingData();
    // A computed path keeps the compiler from pulling the plain-JS generator into the build.
    const generator = require(GENERATOR) as GeneratorModule;
    try {
      generator.generate({ outDir: DATA_DIR });
    } catch (error) {
      throw missingData(error);
    }
  }
  dataChecked = true;
}

function missingData(cause?: unknown): AmplifyFault {
  return amplifyFault('CloudFormationSpecMissing', `The CloudFormation specification data is missing from ${DATA_DIR}.`, {
    resolution: 'Generate it with: npm run generate -w amplify-cloudformation-spec',
    cause,
  });
}
