import type { Database, Statement } from 'better-sqlite3';
import { ResourceStatus, StackStatus } from './stack-status';
import { TemplateValue } from './template-value';
import { ParameterValues } from './parameters';

export interface StackOutput {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

/** What an update can be rolled back to: the stack as it was before the update started. */
export interface StackSnapshot {
  templateBody: string;
  /** The export names the stack imported. */
  imports: string[];
  parameters: ParameterValues;
  outputs: StackOutput[];
  description?: string;
  resources: ResourceRecord[];
}

export interface StackRecord {
  stackId: string;
  stackName: string;
  status: StackStatus;
  statusReason?: string;
  creationTime: string;
  lastUpdatedTime?: string;
  deletionTime?: string;
  description?: string;
  templateBody: string;
  parameters: ParameterValues;
  capabilities: string[];
  tags: Record<string, string>;
  outputs: StackOutput[];
  disableRollback: boolean;
  parentId?: string;
  rootId?: string;
  previous?: StackSnapshot;
}

export interface ResourceRecord {
  logicalId: string;
  physicalId?: string;
  type: string;
  status: ResourceStatus;
  statusReason?: string;
  properties: Record<string, TemplateValue>;
  attributes: Record<string, TemplateValue>;
  lastUpdated: string;
  deletionPolicy?: string;
  updateReplacePolicy?: string;
}

export interface StackEvent {
  seq: number;
  eventId: string;
  stackId: string;
  stackName: string;
  logicalId: string;
  physicalId?: string;
  type: string;
  status: string;
  reason?: string;
  properties?: string;
  timestamp: string;
}

export interface ExportRecord {
  name: string;
  value: string;
  stackId: string;
}

interface StackRow {
  stack_id: string;
  stack_name: string;
  status: StackStatus;
  status_reason: string | null;
  creation_time: string;
  last_updated_time: string | null;
  deletion_time: string | null;
  description: string | null;
  template_body: string;
  parameters: string;
  capabilities: string;
  tags: string;
  outputs: string;
  disable_rollback: number;
  parent_id: string | null;
  root_id: string | null;
  previous: string | null;
}

interface ResourceRow {
  logical_id: string;
  physical_id: string | null;
  type: string;
  status: ResourceStatus;
  status_reason: string | null;
  properties: string;
  attributes: string;
  last_updated: string;
  deletion_policy: string | null;
  update_replace_policy: string | null;
}

interface EventRow {
  seq: number;
  event_id: string;
  stack_id: string;
  stack_name: string;
  logical_id: string;
  physical_id: string | null;
  type: string;
  status: string;
  reason: string | null;
  properties: string | null;
  timestamp: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cfn_stacks (
  stack_id TEXT PRIMARY KEY, stack_name TEXT NOT NULL, status TEXT NOT NULL, status_reason TEXT,
  creation_time TEXT NOT NULL, last_updated_time TEXT, deletion_time TEXT, description TEXT,
  template_body TEXT NOT NULL, parameters TEXT NOT NULL, capabilities TEXT NOT NULL, tags TEXT NOT NULL,
  outputs TEXT NOT NULL, disable_rollback INTEGER NOT NULL, parent_id TEXT, root_id TEXT, previous TEXT);
CREATE INDEX IF NOT EXISTS cfn_stacks_by_name ON cfn_stacks (stack_name);
CREATE TABLE IF NOT EXISTS cfn_resources (
  stack_id TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT, type TEXT NOT NULL, status TEXT NOT NULL,
  status_reason TEXT, properties TEXT NOT NULL, attributes TEXT NOT NULL, last_updated TEXT NOT NULL,
  deletion_policy TEXT, update_replace_policy TEXT, PRIMARY KEY (stack_id, logical_id));
CREATE INDEX IF NOT EXISTS cfn_resources_by_type ON cfn_resources (type);
CREATE TABLE IF NOT EXISTS cfn_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, stack_id TEXT NOT NULL, stack_name TEXT NOT NULL,
  logical_id TEXT NOT NULL, physical_id TEXT, type TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
  properties TEXT, timestamp TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cfn_events_by_stack ON cfn_events (stack_id, seq);
CREATE TABLE IF NOT EXISTS cfn_exports (name TEXT PRIMARY KEY, value TEXT NOT NULL, stack_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cfn_imports (stack_id TEXT NOT NULL, export_name TEXT NOT NULL, PRIMARY KEY (stack_id, export_name));
CREATE TABLE IF NOT EXISTS iam_role_trust_policies (role_name TEXT PRIMARY KEY, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cfn_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The CloudFormation engine's tables in the local cloud's SQLite database; every write is immediate. */
export class StackStore {
  private readonly statements: Record<string, Statement>;

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      insertStack: prepare(`INSERT INTO cfn_stacks VALUES (@stack_id, @stack_name, @status, @status_reason, @creation_time,
        @last_updated_time, @deletion_time, @description, @template_body, @parameters, @capabilities, @tags, @outputs,
        @disable_rollback, @parent_id, @root_id, @previous)`),
      replaceStack: prepare(`UPDATE cfn_stacks SET stack_name=@stack_name, status=@status, status_reason=@status_reason,
        creation_time=@creation_time, last_updated_time=@last_updated_time, deletion_time=@deletion_time,
        description=@description, template_body=@template_body, parameters=@parameters, capabilities=@capabilities,
        tags=@tags, outputs=@outputs, disable_rollback=@disable_rollback, parent_id=@parent_id, root_id=@root_id,
        previous=@previous WHERE stack_id=@stack_id`),
      stackById: prepare('SELECT * FROM cfn_stacks WHERE stack_id = ?'),
      liveStackByName: prepare(`SELECT * FROM cfn_stacks WHERE stack_name = ? AND status <> 'DELETE_COMPLETE' ORDER BY creation_time DESC LIMIT 1`),
      allStacks: prepare('SELECT * FROM cfn_stacks ORDER BY creation_time DESC, rowid DESC'),
      upsertResource: prepare(`INSERT OR REPLACE INTO cfn_resources VALUES (@stack_id, @logical_id, @physical_id, @type,
        @status, @status_reason, @properties, @attributes, @last_updated, @deletion_policy, @update_replace_policy)`),
      resources: prepare('SELECT * FROM cfn_resources WHERE stack_id = ? ORDER BY rowid'),
      deleteResource: prepare('DELETE FROM cfn_resources WHERE stack_id = ? AND logical_id = ?'),
      deleteResources: prepare('DELETE FROM cfn_resources WHERE stack_id = ?'),
      liveResource: prepare(`SELECT * FROM cfn_resources WHERE type = ? AND physical_id = ?
        AND status NOT IN ('DELETE_COMPLETE', 'CREATE_FAILED') ORDER BY last_updated DESC LIMIT 1`),
      liveResourcesOfType: prepare(`SELECT * FROM cfn_resources WHERE type = ? AND physical_id IS NOT NULL
        AND status NOT IN ('DELETE_COMPLETE', 'CREATE_FAILED') ORDER BY last_updated`),
      putTrustPolicy: prepare('INSERT OR REPLACE INTO iam_role_trust_policies VALUES (?, ?)'),
      trustPolicy: prepare('SELECT document FROM iam_role_trust_policies WHERE role_name = ?'),
      deleteTrustPolicy: prepare('DELETE FROM iam_role_trust_policies WHERE role_name = ?'),
      nextCounter: prepare(`INSERT INTO cfn_counters VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`),
      lambdaByArn: prepare(`SELECT * FROM cfn_resources WHERE type = 'AWS::Lambda::Function' AND json_extract(attributes, '$.Arn') = ?
        AND status NOT IN ('DELETE_COMPLETE', 'CREATE_FAILED')`),
      insertEvent: prepare(`INSERT INTO cfn_events (event_id, stack_id, stack_name, logical_id, physical_id, type, status,
        reason, properties, timestamp) VALUES (@event_id, @stack_id, @stack_name, @logical_id, @physical_id, @type, @status,
        @reason, @properties, @timestamp)`),
      events: prepare('SELECT * FROM cfn_events WHERE stack_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
      putExport: prepare('INSERT INTO cfn_exports VALUES (?, ?, ?)'),
      getExport: prepare('SELECT * FROM cfn_exports WHERE name = ?'),
      exportsOf: prepare('SELECT * FROM cfn_exports WHERE stack_id = ?'),
      deleteExportsOf: prepare('DELETE FROM cfn_exports WHERE stack_id = ?'),
      allExports: prepare('SELECT * FROM cfn_exports ORDER BY name'),
      putImport: prepare('INSERT OR IGNORE INTO cfn_imports VALUES (?, ?)'),
      importsOf: prepare('SELECT export_name FROM cfn_imports WHERE stack_id = ? ORDER BY export_name'),
      deleteImportsOf: prepare('DELETE FROM cfn_imports WHERE stack_id = ?'),
      importers: prepare(`SELECT i.stack_id FROM cfn_imports i JOIN cfn_stacks s ON s.stack_id = i.stack_id
        WHERE i.export_name = ? AND s.status <> 'DELETE_COMPLETE'`),
    };
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  insertStack(stack: StackRecord): void {
    this.statements.insertStack.run(toStackRow(stack));
  }

  saveStack(stack: StackRecord): void {
    this.statements.replaceStack.run(toStackRow(stack));
  }

  getStack(stackId: string): StackRecord | undefined {
    const row = this.statements.stackById.get(stackId) as StackRow | undefined;
    return row && fromStackRow(row);
  }

  /** A stack by name (not deleted) or by id (deleted too), as DescribeStacks finds them. */
  findStack(nameOrId: string): StackRecord | undefined {
    const row = (nameOrId.startsWith('arn:') ? this.statements.stackById.get(nameOrId) : this.statements.liveStackByName.get(nameOrId)) as
      | StackRow
      | undefined;
    return row && fromStackRow(row);
  }

  allStacks(): StackRecord[] {
    return (this.statements.allStacks.all() as StackRow[]).map(fromStackRow);
  }

  putResource(stackId: string, resource: ResourceRecord): void {
    this.statements.upsertResource.run({
      stack_id: stackId,
      logical_id: resource.logicalId,
      physical_id: resource.physicalId ?? null,
      type: resource.type,
      status: resource.status,
      status_reason: resource.statusReason ?? null,
      properties: JSON.stringify(resource.properties),
      attributes: JSON.stringify(resource.attributes),
      last_updated: resource.lastUpdated,
      deletion_policy: resource.deletionPolicy ?? null,
      update_replace_policy: resource.updateReplacePolicy ?? null,
    });
  }

  resources(stackId: string): ResourceRecord[] {
    return (this.statements.resources.all(stackId) as ResourceRow[]).map(fromResourceRow);
  }

  deleteResource(stackId: string, logicalId: string): void {
    this.statements.deleteResource.run(stackId, logicalId);
  }

  replaceResources(stackId: string, resources: ResourceRecord[]): void {
    this.transaction(() => {
      this.statements.deleteResources.run(stackId);
      for (const resource of resources) this.putResource(stackId, resource);
    });
  }

  /** The live `AWS::Lambda::Function` resource with this ARN, wherever its stack is. */
  lambdaByArn(arn: string): ResourceRecord | undefined {
    const row = this.statements.lambdaByArn.get(arn) as ResourceRow | undefined;
    return row && fromResourceRow(row);
  }

  /** Every resource of this type that exists now, in every stack, with the id of its stack (the data plane serves what stacks deployed). */
  liveResourcesOfType(type: string): (ResourceRecord & { stackId: string })[] {
    return (this.statements.liveResourcesOfType.all(type) as (ResourceRow & { stack_id: string })[]).map((row) => ({ ...fromResourceRow(row), stackId: row.stack_id }));
  }

  /** The resource of this type and physical id that exists now (retained ones included), wherever its stack is. */
  liveResource(type: string, physicalId: string): ResourceRecord | undefined {
    const row = this.statements.liveResource.get(type, physicalId) as ResourceRow | undefined;
    return row && fromResourceRow(row);
  }

  /** 1, 2, 3... per name, across restarts: Lambda version numbers, layer versions. */
  nextCounter(name: string): number {
    return (this.statements.nextCounter.get(name) as { value: number }).value;
  }

  /** A role trust policy set through the IAM API, which overrides the template's until CloudFormation sets it again. */
  trustPolicy(roleName: string): string | undefined {
    return (this.statements.trustPolicy.get(roleName) as { document: string } | undefined)?.document;
  }

  setTrustPolicy(roleName: string, document: string | undefined): void {
    if (document === undefined) this.statements.deleteTrustPolicy.run(roleName);
    else this.statements.putTrustPolicy.run(roleName, document);
  }

  addEvent(event: Omit<StackEvent, 'seq'>): void {
    this.statements.insertEvent.run({
      event_id: event.eventId,
      stack_id: event.stackId,
      stack_name: event.stackName,
      logical_id: event.logicalId,
      physical_id: event.physicalId ?? null,
      type: event.type,
      status: event.status,
      reason: event.reason ?? null,
      properties: event.properties ?? null,
      timestamp: event.timestamp,
    });
  }

  /** Newest first, starting below `beforeSeq`. */
  events(stackId: string, beforeSeq: number, limit: number): StackEvent[] {
    return (this.statements.events.all(stackId, beforeSeq, limit) as EventRow[]).map((row) => ({
      seq: row.seq,
      eventId: row.event_id,
      stackId: row.stack_id,
      stackName: row.stack_name,
      logicalId: row.logical_id,
      physicalId: optional(row.physical_id),
      type: row.type,
      status: row.status,
      reason: optional(row.reason),
      properties: optional(row.properties),
      timestamp: row.timestamp,
    }));
  }

  getExport(name: string): ExportRecord | undefined {
    const row = this.statements.getExport.get(name) as { name: string; value: string; stack_id: string } | undefined;
    return row && { name: row.name, value: row.value, stackId: row.stack_id };
  }

  exportsOf(stackId: string): ExportRecord[] {
    return (this.statements.exportsOf.all(stackId) as { name: string; value: string; stack_id: string }[]).map((row) => ({
      name: row.name,
      value: row.value,
      stackId: row.stack_id,
    }));
  }

  allExports(): ExportRecord[] {
    return (this.statements.allExports.all() as { name: string; value: string; stack_id: string }[]).map((row) => ({
      name: row.name,
      value: row.value,
      stackId: row.stack_id,
    }));
  }

  replaceExports(stackId: string, exports: { name: string; value: string }[]): void {
    this.transaction(() => {
      this.statements.deleteExportsOf.run(stackId);
      for (const item of exports) this.statements.putExport.run(item.name, item.value, stackId);
    });
  }

  replaceImports(stackId: string, exportNames: string[]): void {
    this.transaction(() => {
      this.statements.deleteImportsOf.run(stackId);
      for (const name of exportNames) this.statements.putImport.run(stackId, name);
    });
  }

  importsOf(stackId: string): string[] {
    return (this.statements.importsOf.all(stackId) as { export_name: string }[]).map((row) => row.export_name);
  }

  /** Live stacks that import the export. */
  importersOf(exportName: string): string[] {
    return (this.statements.importers.all(exportName) as { stack_id: string }[]).map((row) => row.stack_id);
  }
}

function toStackRow(stack: StackRecord): StackRow {
  return {
    stack_id: stack.stackId,
    stack_name: stack.stackName,
    status: stack.status,
    status_reason: stack.statusReason ?? null,
    creation_time: stack.creationTime,
    last_updated_time: stack.lastUpdatedTime ?? null,
    deletion_time: stack.deletionTime ?? null,
    description: stack.description ?? null,
    template_body: stack.templateBody,
    parameters: JSON.stringify(stack.parameters),
    capabilities: JSON.stringify(stack.capabilities),
    tags: JSON.stringify(stack.tags),
    outputs: JSON.stringify(stack.outputs),
    disable_rollback: stack.disableRollback ? 1 : 0,
    parent_id: stack.parentId ?? null,
    root_id: stack.rootId ?? null,
    previous: stack.previous === undefined ? null : JSON.stringify(stack.previous),
  };
}

function fromStackRow(row: StackRow): StackRecord {
  return {
    stackId: row.stack_id,
    stackName: row.stack_name,
    status: row.status,
    statusReason: optional(row.status_reason),
    creationTime: row.creation_time,
    lastUpdatedTime: optional(row.last_updated_time),
    deletionTime: optional(row.deletion_time),
    description: optional(row.description),
    templateBody: row.template_body,
    parameters: JSON.parse(row.parameters) as ParameterValues,
    capabilities: JSON.parse(row.capabilities) as string[],
    tags: JSON.parse(row.tags) as Record<string, string>,
    outputs: JSON.parse(row.outputs) as StackOutput[],
    disableRollback: row.disable_rollback === 1,
    parentId: optional(row.parent_id),
    rootId: optional(row.root_id),
    previous: row.previous === null ? undefined : (JSON.parse(row.previous) as StackSnapshot),
  };
}

function fromResourceRow(row: ResourceRow): ResourceRecord {
  return {
    logicalId: row.logical_id,
    physicalId: optional(row.physical_id),
    type: row.type,
    status: row.status,
    statusReason: optional(row.status_reason),
    properties: JSON.parse(row.properties) as Record<string, TemplateValue>,
    attributes: JSON.parse(row.attributes) as Record<string, TemplateValue>,
    lastUpdated: row.last_updated,
    deletionPolicy: optional(row.deletion_policy),
    updateReplacePolicy: optional(row.update_replace_policy),
  };
}
