import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import { resolveInside } from '../store/confined-path';
import { unpackZip } from './zip-archive';

/** One statement of a layer version's resource policy, as GetLayerVersionPolicy shows it. */
export interface LayerPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: string | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: { StringEquals: { 'aws:PrincipalOrgID': string } };
}

/** A published layer version, as GetLayerVersion describes it (without the download location). */
export interface LayerVersionRecord {
  LayerArn: string;
  LayerVersionArn: string;
  Version: number;
  Description: string;
  CreatedDate: string;
  CompatibleRuntimes?: string[];
  CompatibleArchitectures?: string[];
  LicenseInfo?: string;
  CodeSha256: string;
  CodeSize: number;
  policy: { RevisionId: string; Statement: LayerPolicyStatement[] };
}

export interface PublishLayerVersion {
  layerName: string;
  region: string;
  accountId: string;
  zip: Buffer;
  description?: string;
  compatibleRuntimes?: string[];
  compatibleArchitectures?: string[];
  licenseInfo?: string;
}

/** A refusal in Lambda's terms, thrown by the store and turned into the API's error or a resource failure. */
export class LayerError extends Error {
  constructor(
    readonly code: 'ResourceNotFoundException' | 'ResourceConflictException' | 'PreconditionFailedException' | 'InvalidParameterValueException',
    message: string,
  ) {
    super(message);
    this.name = 'LayerError';
  }
}

const LAYER_VERSION_ARN = /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+):(\d+)$/;
const COUNTER_FILE = 'last-version';

/** `arn:aws:lambda:<region>:<account>:layer:<name>:<version>` as its parts. */
export function parseLayerVersionArn(arn: string): { region: string; accountId: string; name: string; version: number } | undefined {
  const match = LAYER_VERSION_ARN.exec(arn);
  return match === null ? undefined : { region: match[1], accountId: match[2], name: match[3], version: Number(match[4]) };
}

/** The layer name a `LayerName` designates: the name itself or the layer's ARN (`...:layer:<name>`). */
export function layerNameOf(reference: string): string {
  const marker = reference.lastIndexOf(':layer:');
  return marker < 0 ? reference : reference.slice(marker + ':layer:'.length);
}

/**
 * Lambda layers of the local cloud, on disk under one folder: `<name>/<version>/` holds a version's unpacked content
 * (its `/opt`), `<name>/<version>.json` its description and resource policy, `<name>/last-version` the last number
 * given, so that numbers are never reused (as on AWS) even after versions are deleted or the cloud restarts.
 * Published both by CloudFormation (`AWS::Lambda::LayerVersion`) and by the Lambda API.
 */
export class LayerStore {
  constructor(private readonly root: string) {}

  /** Where a version's content is unpacked, or `undefined` when the store does not hold that version. */
  contentDirectory(layerVersionArn: string): string | undefined {
    const parsed = parseLayerVersionArn(layerVersionArn);
    if (parsed === undefined || this.get(parsed.name, parsed.version) === undefined) return undefined;
    return this.versionPath(parsed.name, String(parsed.version));
  }

  publish(request: PublishLayerVersion): LayerVersionRecord {
    const name = request.layerName;
    const version = this.nextVersion(name);
    const directory = this.versionPath(name, String(version));
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    try {
      unpackZip(request.zip, directory);
    } catch (error) {
      fs.rmSync(directory, { recursive: true, force: true });
      throw error;
    }
    const layerArn = `arn:aws:lambda:${request.region}:${request.accountId}:layer:${name}`;
    const record: LayerVersionRecord = {
      LayerArn: layerArn,
      LayerVersionArn: `${layerArn}:${version}`,
      Version: version,
      Description: request.description ?? '',
      CreatedDate: new Date().toISOString().replace('Z', '+0000'),
      ...(request.compatibleRuntimes && request.compatibleRuntimes.length > 0 ? { CompatibleRuntimes: request.compatibleRuntimes } : {}),
      ...(request.compatibleArchitectures && request.compatibleArchitectures.length > 0 ? { CompatibleArchitectures: request.compatibleArchitectures } : {}),
      ...(request.licenseInfo !== undefined ? { LicenseInfo: request.licenseInfo } : {}),
      CodeSha256: createHash('sha256').update(request.zip).digest('base64'),
      CodeSize: request.zip.length,
      policy: { RevisionId: randomUUID(), Statement: [] },
    };
    this.write(name, record);
    return record;
  }

  get(name: string, version: number): LayerVersionRecord | undefined {
    const file = this.versionPath(name, `${version}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as LayerVersionRecord) : undefined;
  }

  /** The versions of a layer, newest first. */
  versions(name: string): LayerVersionRecord[] {
    const directory = this.layerPath(name);
    if (!fs.existsSync(directory)) return [];
    return fs
      .readdirSync(directory)
      .flatMap((file) => (/^\d+\.json$/.test(file) ? [this.get(name, Number(file.slice(0, -'.json'.length)))!] : []))
      .sort((a, b) => b.Version - a.Version);
  }

  /** Every layer that has a version, by name. */
  layerNames(): string[] {
    if (!fs.existsSync(this.root)) return [];
    return fs
      .readdirSync(this.root)
      .filter((name) => this.versions(name).length > 0)
      .sort();
  }

  delete(name: string, version: number): void {
    fs.rmSync(this.versionPath(name, String(version)), { recursive: true, force: true });
    fs.rmSync(this.versionPath(name, `${version}.json`), { force: true });
  }

  /** Adds a statement (AddLayerVersionPermission); a taken statement id or a stale revision id is refused. */
  addPermission(
    name: string,
    version: number,
    grant: { statementId: string; action: string; principal: string; organizationId?: string; revisionId?: string },
  ): { statement: LayerPolicyStatement; revisionId: string } {
    const record = this.require(name, version);
    if (grant.revisionId !== undefined && grant.revisionId !== record.policy.RevisionId) {
      throw new LayerError('PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id');
    }
    if (record.policy.Statement.some((statement) => statement.Sid === grant.statementId)) {
      throw new LayerError('ResourceConflictException', `The statement id (${grant.statementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`);
    }
    const statement: LayerPolicyStatement = {
      Sid: grant.statementId,
      Effect: 'Allow',
      Principal: grant.principal === '*' ? '*' : { AWS: /^\d{12}$/.test(grant.principal) ? `arn:aws:iam::${grant.principal}:root` : grant.principal },
      Action: grant.action,
      Resource: record.LayerVersionArn,
      ...(grant.organizationId !== undefined ? { Condition: { StringEquals: { 'aws:PrincipalOrgID': grant.organizationId } } } : {}),
    };
    record.policy = { RevisionId: randomUUID(), Statement: [...record.policy.Statement, statement] };
    this.write(name, record);
    return { statement, revisionId: record.policy.RevisionId };
  }

  removePermission(name: string, version: number, statementId: string): void {
    const record = this.require(name, version);
    if (!record.policy.Statement.some((statement) => statement.Sid === statementId)) {
      throw new LayerError('ResourceNotFoundException', `Statement ${statementId} is not found in resource policy.`);
    }
    record.policy = { RevisionId: randomUUID(), Statement: record.policy.Statement.filter((statement) => statement.Sid !== statementId) };
    this.write(name, record);
  }

  require(name: string, version: number): LayerVersionRecord {
    const record = this.get(name, version);
    if (record === undefined) throw new LayerError('ResourceNotFoundException', 'The resource you requested does not exist.');
    return record;
  }

  private nextVersion(name: string): number {
    const counter = this.versionPath(name, COUNTER_FILE);
    const recorded = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
    // Folders count too: versions unpacked before descriptions were kept must not be overwritten.
    const directory = this.layerPath(name);
    const numbers = fs.existsSync(directory) ? fs.readdirSync(directory).flatMap((entry) => (/^\d+(\.json)?$/.test(entry) ? [parseInt(entry, 10)] : [])) : [];
    const existing = Math.max(0, ...numbers);
    const next = Math.max(Number.isInteger(recorded) ? recorded : 0, existing) + 1;
    fs.mkdirSync(this.layerPath(name), { recursive: true });
    fs.writeFileSync(counter, String(next));
    return next;
  }

  private write(name: string, record: LayerVersionRecord): void {
    const file = this.versionPath(name, `${record.Version}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  }

  private layerPath(name: string): string {
    return resolveInside(this.root, name);
  }

  private versionPath(name: string, entry: string): string {
    return resolveInside(this.layerPath(name), entry);
  }
}

/** The description of a version as the Lambda API returns it (the policy is its own call). */
export function describeLayerVersion(record: LayerVersionRecord): Omit<LayerVersionRecord, 'policy'> {
  const description: Partial<LayerVersionRecord> = { ...record };
  delete description.policy;
  return description as Omit<LayerVersionRecord, 'policy'>;
}
