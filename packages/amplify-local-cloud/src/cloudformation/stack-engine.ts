import { getResourceTypeSpec, isCustomResourceType, validateResourceProperties } from 'amplify-cloudformation-spec';
import type { CloudFormationServiceDeps } from '../contracts';
import { DependencyGraph, dependsOnList } from './dependency-graph';
import { NO_VALUE, resolveValue } from './intrinsics';
import { GivenParameter, ParameterValues, resolveParameters } from './parameters';
import { nestedStackName, regionOfArn, stackArn } from './physical-ids';
import type { ProvisionedResource, ResourceHandler, ResourceRequest, StackIdentity } from './resource-handlers/resource-handler';
import { StackContext } from './stack-context';
import { publishExports, resolveOutputs } from './stack-outputs';
import { StackRecorder } from './stack-recorder';
import { isInProgress, isUpdatable, ResourceStatus, StackStatus } from './stack-status';
import { ResourceRecord, StackRecord, StackSnapshot, StackStore } from './stack-store';
import { runInOrder } from './run-in-order';
import { checkCapabilities, prepareTemplate, storedTemplate } from './template-preparation';
import { validationError } from './template-error';
import { WireError } from '../query/wire-error';
import { canonicalJson, isTemplateObject, ResourceDeclaration, Template, TemplateValue } from './template-value';

export type OnFailure = 'ROLLBACK' | 'DELETE' | 'DO_NOTHING';

export interface CreateStackInput {
  stackName: string;
  templateBody: string;
  parameters: GivenParameter[];
  capabilities: string[];
  tags: Record<string, string>;
  onFailure: OnFailure;
  region: string;
}

export interface UpdateStackInput {
  stackName: string;
  /** Undefined with `UsePreviousTemplate`. */
  templateBody?: string;
  parameters: GivenParameter[];
  capabilities: string[];
  tags?: Record<string, string>;
}

const INTERRUPTED = 'Operation interrupted by a restart of the local cloud';
const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;
const STACK_NAME_MAX = 128;

const now = (): string => new Date().toISOString();

/** Shared by the resources of one create or update: once one fails, the others in flight are cancelled. */
interface Operation {
  failed: boolean;
}

interface DeleteOptions {
  /** Report events only: the resource's record is gone or describes its replacement. */
  keepRecord?: boolean;
  /** The resource was replaced in an update: `UpdateReplacePolicy` decides, not `DeletionPolicy`. */
  replaced?: boolean;
  /** Undoing the operation that created the resource: `RetainExceptOnCreate` deletes it. */
  undoingCreate?: boolean;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The CloudFormation engine: stack operations with AWS's lifecycle (create, update with cleanup, delete, rollbacks),
 * nested stacks, events and exports, all persisted in `StackStore`. API calls validate synchronously and return;
 * the operation runs in the background like on AWS.
 */
export class StackEngine {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private handlerFor!: (type: string) => ResourceHandler;
  private readonly recorder: StackRecorder;

  constructor(
    private readonly deps: CloudFormationServiceDeps,
    readonly store: StackStore,
  ) {
    this.recorder = new StackRecorder(store);
  }

  /** Set once by the service: the handlers need the engine (nested stacks) and the engine needs them. */
  useHandlers(handlerFor: (type: string) => ResourceHandler): void {
    this.handlerFor = handlerFor;
  }

  // ---- API operations -------------------------------------------------------------------------------------------

  createStack(input: CreateStackInput): string {
    if (input.stackName.length > STACK_NAME_MAX) {
      throw validationError(
        `1 validation error detected: Value '${input.stackName}' at 'stackName' failed to satisfy constraint: Member must have length less than or equal to ${STACK_NAME_MAX}`,
      );
    }
    if (!STACK_NAME.test(input.stackName)) {
      throw validationError(
        `1 validation error detected: Value '${input.stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
      );
    }
    if (this.store.findStack(input.stackName)) {
      throw new WireError('AlreadyExistsException', `Stack [${input.stackName}] already exists`);
    }
    const template = prepareTemplate(input.templateBody);
    checkCapabilities(template, input.capabilities);
    const parameters = resolveParameters(template.Parameters ?? {}, input.parameters);
    const stackId = stackArn(input.region, this.deps.accountId, input.stackName);
    this.checkConditions(template, parameters, stackId, input.stackName);
    this.store.insertStack({
      stackId,
      stackName: input.stackName,
      status: 'CREATE_IN_PROGRESS',
      creationTime: now(),
      description: template.Description,
      templateBody: input.templateBody,
      parameters,
      capabilities: input.capabilities,
      tags: input.tags,
      outputs: [],
      disableRollback: input.onFailure === 'DO_NOTHING',
    });
    this.recorder.stackEvent(stackId, 'CREATE_IN_PROGRESS', 'User Initiated');
    this.schedule(stackId, async () => {
      await this.runCreate(stackId, template, input.onFailure);
    });
    return stackId;
  }

  async updateStack(input: UpdateStackInput): Promise<string> {
    const stack = this.store.findStack(input.stackName);
    if (stack === undefined || stack.status === 'DELETE_COMPLETE') throw validationError(`Stack [${input.stackName}] does not exist`);
    if (!isUpdatable(stack.status)) throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
    const body = input.templateBody ?? stack.templateBody;
    const template = prepareTemplate(body);
    checkCapabilities(template, input.capabilities);
    const parameters = resolveParameters(template.Parameters ?? {}, input.parameters, stack.parameters);
    this.checkConditions(template, parameters, stack.stackId, stack.stackName);
    const tagsChanged = input.tags !== undefined && canonicalJson(input.tags) !== canonicalJson(stack.tags);
    if (!tagsChanged && !(await this.stackHasChanges(stack, template, parameters))) throw validationError('No updates are to be performed.');
    const current = this.store.getStack(stack.stackId)!;
    // Another operation may have started while nested templates were compared.
    if (!isUpdatable(current.status)) throw validationError(`Stack:${stack.stackId} is in ${current.status} state and can not be updated.`);
    this.beginUpdate(current, body, template, parameters, input.capabilities, input.tags);
    this.schedule(stack.stackId, async () => {
      const outcome = await this.runUpdatePhase(stack.stackId, template, parameters);
      if (outcome === undefined) await this.runCleanup(stack.stackId);
      else await this.runUpdateRollback(stack.stackId, outcome);
    });
    return stack.stackId;
  }

  /** Retries a rollback that failed (UPDATE_ROLLBACK_FAILED); resources to skip are taken as they were before the update. */
  continueUpdateRollback(nameOrId: string, resourcesToSkip: string[]): void {
    const stack = this.store.findStack(nameOrId);
    if (stack === undefined || stack.status === 'DELETE_COMPLETE') throw validationError(`Stack [${nameOrId}] does not exist`);
    if (stack.status !== 'UPDATE_ROLLBACK_FAILED') {
      throw validationError(`Stack ${stack.stackName} is in ${stack.status} state and can not be continued: ContinueUpdateRollback needs UPDATE_ROLLBACK_FAILED`);
    }
    const known = new Set((stack.previous?.resources ?? []).map((record) => record.logicalId));
    const unknown = resourcesToSkip.filter((id) => !known.has(id));
    if (unknown.length > 0) throw validationError(`Resources to skip [${unknown.join(', ')}] are not resources of stack ${stack.stackName}`);
    const reason = 'Continue update rollback requested by user';
    this.recorder.setStatus(stack.stackId, 'UPDATE_ROLLBACK_IN_PROGRESS', reason);
    this.schedule(stack.stackId, () => this.runUpdateRollback(stack.stackId, reason, false, new Set(resourcesToSkip)));
  }

  deleteStack(nameOrId: string): void {
    const stack = this.store.findStack(nameOrId);
    // Deleting a stack that does not exist succeeds on AWS.
    if (stack === undefined || stack.status === 'DELETE_COMPLETE') return;
    // A create in flight is deleted after it (AWS cancels it); an update in flight must finish first.
    if (stack.status.startsWith('UPDATE_') && isInProgress(stack.status)) {
      throw validationError(`Stack [${stack.stackName}] cannot be deleted while in status ${stack.status}`);
    }
    this.schedule(stack.stackId, async () => {
      await this.runDelete(stack.stackId);
    });
  }

  /**
   * Stacks a crash left IN_PROGRESS end as AWS would have ended them: rolled back, cleaned up or deleted, with the reason
   * in their events. Answers once every interrupted stack has entered its recovery (ROLLBACK_IN_PROGRESS, ...); the
   * recovery itself runs in the background like any operation, because undoing resources may invoke custom-resource
   * functions that call this very endpoint. Calls on those stacks wait for it, and `close()` waits for it too.
   */
  async recover(): Promise<void> {
    const stuck = this.store.allStacks().filter((stack) => isInProgress(stack.status));
    if (stuck.length === 0) return;
    const parentInProgress = (stack: StackRecord) => stack.parentId !== undefined && isInProgress(this.store.getStack(stack.parentId)?.status ?? 'DELETE_COMPLETE');
    const roots = stuck.filter((stack) => !parentInProgress(stack)).map((stack) => ({ stackId: stack.stackId, interrupted: stack.status }));
    for (const root of roots) this.beginRecovery(root.stackId, root.interrupted);
    const work = (async () => {
      for (const root of roots) await this.finishRecovery(root.stackId, root.interrupted);
      // Nested stacks their parent's recovery did not reach.
      for (const stack of this.store.allStacks().filter((candidate) => isInProgress(candidate.status))) await this.recoverStack(stack.stackId);
    })();
    const tracked = work
      .catch((error: unknown) => {
        for (const stack of stuck) this.failUnexpectedly(stack.stackId, error);
      })
      .finally(() => {
        this.running.delete(tracked);
        for (const stack of stuck) if (this.queues.get(stack.stackId) === tracked) this.queues.delete(stack.stackId);
      });
    this.running.add(tracked);
    for (const stack of stuck) this.queues.set(stack.stackId, tracked);
  }

  async close(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  // ---- scheduling and records ---------------------------------------------------------------------------------------

  /** Operations on one stack run one after another (a delete waits for the create in flight). */
  private schedule(stackId: string, work: () => Promise<void>): void {
    const previous = this.queues.get(stackId) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => this.failUnexpectedly(stackId, error));
    const tracked = next.finally(() => {
      this.running.delete(tracked);
      if (this.queues.get(stackId) === next) this.queues.delete(stackId);
    });
    this.queues.set(stackId, next);
    this.running.add(tracked);
  }

  /** A bug in the engine must not leave a stack IN_PROGRESS forever: it fails with the error as reason. */
  private failUnexpectedly(stackId: string, error: unknown): void {
    const stack = this.store.getStack(stackId);
    if (stack === undefined || !isInProgress(stack.status)) return;
    const failed: Partial<Record<StackStatus, StackStatus>> = {
      CREATE_IN_PROGRESS: 'CREATE_FAILED',
      ROLLBACK_IN_PROGRESS: 'ROLLBACK_FAILED',
      DELETE_IN_PROGRESS: 'DELETE_FAILED',
      UPDATE_IN_PROGRESS: 'UPDATE_ROLLBACK_FAILED',
      UPDATE_ROLLBACK_IN_PROGRESS: 'UPDATE_ROLLBACK_FAILED',
      UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: 'UPDATE_COMPLETE',
      UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: 'UPDATE_ROLLBACK_COMPLETE',
    };
    this.recorder.setStatus(stackId, failed[stack.status] ?? 'UPDATE_ROLLBACK_FAILED', `Internal failure of the local cloud: ${reasonOf(error)}`);
  }

  private identity(stack: StackRecord): StackIdentity {
    return { stackId: stack.stackId, stackName: stack.stackName, region: regionOfArn(stack.stackId), accountId: this.deps.accountId, capabilities: stack.capabilities };
  }

  private context(stack: { stackId: string; stackName: string }, template: Template, parameters: ParameterValues, resources: Map<string, ResourceRecord>): StackContext {
    return new StackContext(
      { stackId: stack.stackId, stackName: stack.stackName, region: regionOfArn(stack.stackId), accountId: this.deps.accountId },
      template,
      parameters,
      resources,
      (name) => this.store.getExport(name)?.value,
    );
  }

  /** Conditions only read parameters: evaluating them all before the operation starts makes their errors 400s. */
  private checkConditions(template: Template, parameters: ParameterValues, stackId: string, stackName: string): void {
    const context = this.context({ stackId, stackName }, template, parameters, new Map());
    for (const name of Object.keys(template.Conditions ?? {})) context.condition(name);
    // A resource may not wait for one its condition leaves out.
    const active = this.activeResources(template, context);
    const missing = Object.values(active).flatMap((declaration) => dependsOnList(declaration).filter((name) => !(name in active)));
    if (missing.length > 0) {
      throw validationError(`Template format error: Unresolved resource dependencies [${[...new Set(missing)].join(', ')}] in the Resources block of the template`);
    }
  }

  private activeResources(template: Template, context: StackContext): Record<string, ResourceDeclaration> {
    return Object.fromEntries(Object.entries(template.Resources).filter(([, declaration]) => context.isActive(declaration.Condition)));
  }

  /** Resolves a resource's properties and checks them against the specification, failing as AWS words it. */
  private resolveProperties(logicalId: string, declaration: ResourceDeclaration, context: StackContext): Record<string, TemplateValue> {
    const resolved = resolveValue(declaration.Properties ?? {}, context);
    const properties = resolved === NO_VALUE || !isTemplateObject(resolved) ? {} : resolved;
    const issues = validateResourceProperties(declaration.Type, properties);
    if (issues.length > 0) {
      // AWS words these as JSON-pointer paths into the properties: `#/KeySchema/0/KeyType: ...`.
      const details = issues.map((issue) => {
        const pointer = issue.path.replace(/^Properties\.?/, '').replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '/');
        return `${pointer === '' ? '#' : `#/${pointer}`}: ${issue.message}`;
      });
      throw new Error(`Properties validation failed for resource ${logicalId} with message: [${details.join(', ')}]`);
    }
    return properties;
  }

  private request(stack: StackRecord, logicalId: string, type: string, properties: Record<string, TemplateValue>): ResourceRequest {
    return { stack: this.identity(stack), logicalId, type, properties, spec: getResourceTypeSpec(type) };
  }

  // ---- create -------------------------------------------------------------------------------------------------------

  /** Creates every resource, then outputs and exports; on failure rolls back (or not) as `onFailure` says. */
  private async runCreate(stackId: string, template: Template, onFailure: OnFailure): Promise<string | undefined> {
    const stack = this.store.getStack(stackId)!;
    const context = this.context(stack, template, stack.parameters, new Map());
    const active = this.activeResources(template, context);
    const graph = DependencyGraph.of(active);
    const operation: Operation = { failed: false };
    const failed = await runInOrder(Object.keys(active), (id) => graph.dependencies.get(id) ?? [], (id) =>
      this.createResource(stack, id, active[id], context, operation),
    );
    const reason =
      failed.length > 0
        ? `The following resource(s) failed to create: [${failed.join(', ')}]. `
        : this.publishOutputs(stack, template, context, 'CREATE_COMPLETE');
    if (reason === undefined) return undefined;
    if (onFailure === 'DO_NOTHING') {
      this.recorder.setStatus(stackId, 'CREATE_FAILED', reason);
      return reason;
    }
    // Reasons listing failed resources end in ". "; others get their sentence closed first.
    const separator = reason.endsWith(' ') ? '' : reason.endsWith('.') ? ' ' : '. ';
    this.recorder.setStatus(stackId, 'ROLLBACK_IN_PROGRESS', `${reason}${separator}Rollback requested by user.`);
    const rolledBack = await this.rollbackCreate(stackId, template);
    if (rolledBack && onFailure === 'DELETE') await this.runDelete(stackId);
    return reason;
  }

  private async createResource(stack: StackRecord, logicalId: string, declaration: ResourceDeclaration, context: StackContext, operation: Operation): Promise<boolean> {
    let record: ResourceRecord = {
      logicalId,
      type: declaration.Type,
      status: 'CREATE_IN_PROGRESS',
      properties: {},
      attributes: {},
      lastUpdated: now(),
      deletionPolicy: declaration.DeletionPolicy,
      updateReplacePolicy: declaration.UpdateReplacePolicy,
    };
    context.resources.set(logicalId, record);
    record = this.recorder.transition(stack, record, 'CREATE_IN_PROGRESS');
    try {
      const properties = this.resolveProperties(logicalId, declaration, context);
      record = { ...record, properties };
      const created = await this.handlerFor(declaration.Type).create(this.request(stack, logicalId, declaration.Type, properties));
      record = { ...record, physicalId: created.physicalId, attributes: created.attributes };
      if (operation.failed) {
        // Another resource failed meanwhile: AWS cancels what is in flight; the rollback deletes what it made.
        context.resources.set(logicalId, this.recorder.transition(stack, record, 'CREATE_FAILED', 'Resource creation cancelled'));
        return false;
      }
      this.recorder.transition(stack, record, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
      record = this.recorder.transition(stack, record, 'CREATE_COMPLETE');
      context.resources.set(logicalId, record);
      return true;
    } catch (error) {
      operation.failed = true;
      record = this.recorder.transition(stack, record, 'CREATE_FAILED', reasonOf(error));
      context.resources.set(logicalId, record);
      return false;
    }
  }

  /** Deletes what a failed create made, newest dependencies first, and ends in ROLLBACK_COMPLETE (or _FAILED). */
  private async rollbackCreate(stackId: string, template: Template | undefined): Promise<boolean> {
    const stack = this.store.getStack(stackId)!;
    const failed = await this.deleteResources(stack, template, this.store.resources(stackId), { undoingCreate: true });
    await this.deleteOrphanChildren(stackId);
    if (failed.length > 0) {
      this.recorder.setStatus(stackId, 'ROLLBACK_FAILED', `The following resource(s) failed to delete: [${failed.join(', ')}]. `);
      return false;
    }
    this.store.replaceExports(stackId, []);
    this.recorder.setStatus(stackId, 'ROLLBACK_COMPLETE');
    return true;
  }

  /** Child stacks whose parent never recorded them (the parent was interrupted while creating them). */
  private async deleteOrphanChildren(parentId: string): Promise<void> {
    const recorded = new Set(this.store.resources(parentId).map((resource) => resource.physicalId));
    const orphans = this.store.allStacks().filter((stack) => stack.parentId === parentId && stack.status !== 'DELETE_COMPLETE' && !recorded.has(stack.stackId));
    for (const orphan of orphans) await this.runDelete(orphan.stackId);
  }

  /** Deletes resources in reverse dependency order; `Retain` ones are skipped. Answers the ids that failed. */
  private async deleteResources(stack: StackRecord, template: Template | undefined, resources: ResourceRecord[], options: DeleteOptions = {}): Promise<string[]> {
    const live = resources.filter((resource) => resource.status !== 'DELETE_COMPLETE' && resource.status !== 'DELETE_SKIPPED');
    const byId = new Map(live.map((resource) => [resource.logicalId, resource]));
    const graph = DependencyGraph.of(
      Object.fromEntries(live.map((resource) => [resource.logicalId, template?.Resources[resource.logicalId] ?? { Type: resource.type }])),
    );
    return runInOrder(
      [...byId.keys()],
      (id) => graph.dependentsOf(id),
      (id) => this.deleteResource(stack, byId.get(id)!, options),
      true,
    );
  }

  private async deleteResource(stack: StackRecord, record: ResourceRecord, options: DeleteOptions = {}): Promise<boolean> {
    const save = (status: ResourceStatus, reason?: string): void => {
      if (options.keepRecord) this.recorder.event(stack, record, status, reason, record.physicalId);
      else this.recorder.transition(stack, record, status, reason);
    };
    const policy = options.replaced ? record.updateReplacePolicy : record.deletionPolicy;
    const retained = policy === 'Retain' || (policy === 'RetainExceptOnCreate' && !options.undoingCreate);
    if (retained && record.physicalId !== undefined) {
      save('DELETE_SKIPPED');
      return true;
    }
    if (record.physicalId === undefined) {
      save('DELETE_COMPLETE');
      return true;
    }
    save('DELETE_IN_PROGRESS');
    try {
      await this.handlerFor(record.type).delete({
        ...this.request(stack, record.logicalId, record.type, record.properties),
        physicalId: record.physicalId,
        attributes: record.attributes,
      });
      save('DELETE_COMPLETE');
      return true;
    } catch (error) {
      save('DELETE_FAILED', reasonOf(error));
      return false;
    }
  }

  // ---- update -------------------------------------------------------------------------------------------------------

  private beginUpdate(
    stack: StackRecord,
    body: string,
    template: Template,
    parameters: ParameterValues,
    capabilities: string[],
    tags: Record<string, string> | undefined,
  ): void {
    const previous: StackSnapshot = {
      templateBody: stack.templateBody,
      imports: this.store.importsOf(stack.stackId),
      parameters: stack.parameters,
      outputs: stack.outputs,
      description: stack.description,
      resources: this.store.resources(stack.stackId),
    };
    this.store.saveStack({
      ...stack,
      status: 'UPDATE_IN_PROGRESS',
      statusReason: undefined,
      lastUpdatedTime: now(),
      templateBody: body,
      description: template.Description,
      parameters,
      capabilities,
      tags: tags ?? stack.tags,
      previous,
    });
    this.recorder.stackEvent(stack.stackId, 'UPDATE_IN_PROGRESS', stack.parentId === undefined ? 'User Initiated' : undefined);
  }

  /**
   * Whether an update would change anything: the template or parameters, or, through nested stacks whose templates
   * live at unchanged URLs, any descendant's.
   */
  private async stackHasChanges(stack: StackRecord, template: Template, parameters: ParameterValues): Promise<boolean> {
    const current = safeTemplate(stack.templateBody);
    if (current === undefined || canonicalJson(current) !== canonicalJson(template) || canonicalJson(parameters) !== canonicalJson(stack.parameters)) return true;
    const records = new Map(this.store.resources(stack.stackId).map((record) => [record.logicalId, record]));
    const context = this.context(stack, template, parameters, records);
    for (const record of records.values()) {
      const declaration = template.Resources[record.logicalId];
      const handler = this.handlerFor(record.type);
      if (declaration === undefined || record.physicalId === undefined || handler.changedBeyondProperties === undefined) continue;
      let properties: Record<string, TemplateValue>;
      try {
        properties = this.resolveProperties(record.logicalId, declaration, context);
      } catch {
        return true;
      }
      const request = { ...this.request(stack, record.logicalId, record.type, properties), physicalId: record.physicalId, attributes: record.attributes, previousProperties: record.properties };
      if (await handler.changedBeyondProperties(request)) return true;
    }
    return false;
  }

  /** Updates, replaces or creates each resource; answers the failure reason, or undefined when the stack may clean up. */
  private async runUpdatePhase(stackId: string, template: Template, parameters: ParameterValues): Promise<string | undefined> {
    const stack = this.store.getStack(stackId)!;
    const previous = new Map((stack.previous?.resources ?? []).map((record) => [record.logicalId, record]));
    const records = new Map(previous);
    const context = this.context(stack, template, parameters, records);
    const active = this.activeResources(template, context);
    const graph = DependencyGraph.of(active);
    const created = new Set<string>();
    const operation: Operation = { failed: false };
    const failed = await runInOrder(Object.keys(active), (id) => graph.dependencies.get(id) ?? [], async (id) => {
      const old = previous.get(id);
      if (old === undefined || old.physicalId === undefined || old.status === 'CREATE_FAILED') {
        created.add(id);
        return this.createResource(stack, id, active[id], context, operation);
      }
      return this.updateResource(stack, id, active[id], context, old, operation);
    });
    if (failed.length > 0) {
      const createFailures = failed.filter((id) => created.has(id));
      const updateFailures = failed.filter((id) => !created.has(id));
      return [
        createFailures.length > 0 ? `The following resource(s) failed to create: [${createFailures.join(', ')}]. ` : '',
        updateFailures.length > 0 ? `The following resource(s) failed to update: [${updateFailures.join(', ')}]. ` : '',
      ].join('');
    }
    return this.publishOutputs(stack, template, context, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
  }

  /**
   * The end of a create or an update whose resources all succeeded: outputs resolved, exports published, imports
   * recorded, and the stack moved to `status` with its outputs. Answers the reason when an output does not resolve.
   */
  private publishOutputs(stack: StackRecord, template: Template, context: StackContext, status: StackStatus): string | undefined {
    try {
      const outputs = resolveOutputs(template, context);
      publishExports(this.store, stack, outputs);
      this.store.replaceImports(stack.stackId, [...context.imported]);
      this.recorder.setStatus(stack.stackId, status, undefined, { outputs });
      return undefined;
    } catch (error) {
      return reasonOf(error);
    }
  }

  private async updateResource(
    stack: StackRecord,
    logicalId: string,
    declaration: ResourceDeclaration,
    context: StackContext,
    old: ResourceRecord,
    operation: Operation,
  ): Promise<boolean> {
    const policies = { deletionPolicy: declaration.DeletionPolicy, updateReplacePolicy: declaration.UpdateReplacePolicy };
    let record: ResourceRecord = { ...old, ...policies };
    try {
      const properties = this.resolveProperties(logicalId, declaration, context);
      const handler = this.handlerFor(declaration.Type);
      const request = {
        ...this.request(stack, logicalId, declaration.Type, properties),
        physicalId: old.physicalId!,
        attributes: old.attributes,
        previousProperties: old.properties,
      };
      const sameType = declaration.Type === old.type;
      const unchanged =
        sameType && canonicalJson(properties) === canonicalJson(old.properties) && !(await handler.changedBeyondProperties?.(request));
      if (unchanged) {
        context.resources.set(logicalId, { ...old, ...policies });
        this.store.putResource(stack.stackId, context.resources.get(logicalId)!);
        return true;
      }
      record = { ...record, properties: old.properties };
      if (!sameType || this.requiresReplacement(declaration.Type, old.properties, properties)) {
        this.assertReplaceable(declaration.Type, old.properties, properties);
        record = this.recorder.transition(stack, record, 'UPDATE_IN_PROGRESS', 'Requested update requires the creation of a new physical resource; hence creating one.');
        const replacement = await handler.create(this.request(stack, logicalId, declaration.Type, properties));
        return this.completeUpdate(stack, { ...record, type: declaration.Type, properties }, replacement, context, true, operation);
      }
      record = this.recorder.transition(stack, record, 'UPDATE_IN_PROGRESS');
      const updated = await handler.update(request);
      return this.completeUpdate(stack, { ...record, properties }, updated, context, updated.physicalId !== old.physicalId, operation);
    } catch (error) {
      operation.failed = true;
      // The failed resource keeps its previous properties and identity: rollback starts from what exists.
      record = this.recorder.transition(stack, { ...record, properties: old.properties, physicalId: old.physicalId, attributes: old.attributes }, 'UPDATE_FAILED', reasonOf(error));
      context.resources.set(logicalId, record);
      return false;
    }
  }

  private completeUpdate(
    stack: StackRecord,
    record: ResourceRecord,
    result: ProvisionedResource,
    context: StackContext,
    replaced: boolean,
    operation: Operation,
  ): boolean {
    const next: ResourceRecord = { ...record, physicalId: result.physicalId, attributes: result.attributes };
    if (operation.failed) {
      // Cancelled after the change was made: the record holds the new state, so the rollback undoes it.
      context.resources.set(record.logicalId, this.recorder.transition(stack, next, 'UPDATE_FAILED', 'Resource update cancelled'));
      return false;
    }
    if (replaced) this.recorder.transition(stack, next, 'UPDATE_IN_PROGRESS', 'Resource creation Initiated');
    context.resources.set(record.logicalId, this.recorder.transition(stack, next, 'UPDATE_COMPLETE'));
    return true;
  }

  /** Whether a changed property is create-only in the specification (custom resources decide through their response). */
  private requiresReplacement(type: string, before: Record<string, TemplateValue>, after: Record<string, TemplateValue>): boolean {
    if (isCustomResourceType(type)) return false;
    const spec = getResourceTypeSpec(type);
    return (spec?.createOnlyProperties ?? []).some((path) => canonicalJson(valueAtPath(before, path)) !== canonicalJson(valueAtPath(after, path)));
  }

  /** AWS refuses to replace a resource whose custom name stays the same: the new one could not be created. */
  private assertReplaceable(type: string, before: Record<string, TemplateValue>, after: Record<string, TemplateValue>): void {
    const spec = getResourceTypeSpec(type);
    const shortName = type.split('::')[2] ?? '';
    const nameProperty = [`${shortName}Name`, 'Name'].find((name) => spec?.properties[name] !== undefined);
    if (nameProperty !== undefined && after[nameProperty] !== undefined && canonicalJson(after[nameProperty]) === canonicalJson(before[nameProperty])) {
      throw new Error(`CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${String(after[nameProperty])} and update the stack again.`);
    }
  }

  /** After a successful update: deletes replaced and removed resources, finishes nested stacks, then UPDATE_COMPLETE. */
  private async runCleanup(stackId: string): Promise<void> {
    const stack = this.store.getStack(stackId)!;
    const snapshot = stack.previous;
    const current = new Map(this.store.resources(stackId).map((record) => [record.logicalId, record]));
    for (const record of current.values()) {
      if (record.type !== 'AWS::CloudFormation::Stack' || record.physicalId === undefined) continue;
      const child = this.store.getStack(record.physicalId);
      if (child?.status === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') await this.runCleanup(child.stackId);
    }
    if (snapshot !== undefined) {
      // Resources the new template no longer has (or whose condition now fails) keep their rows until they are deleted here.
      const template = safeTemplate(stack.templateBody);
      const kept = template ? new Set(Object.keys(this.activeResources(template, this.context(stack, template, stack.parameters, new Map())))) : new Set(current.keys());
      const obsolete = snapshot.resources.filter((old) => {
        const present = current.get(old.logicalId);
        return old.physicalId !== undefined && (!kept.has(old.logicalId) || present === undefined || present.physicalId !== old.physicalId);
      });
      const oldTemplate = safeTemplate(snapshot.templateBody);
      const byId = new Map(obsolete.map((record) => [record.logicalId, record]));
      const graph = DependencyGraph.of(Object.fromEntries(obsolete.map((record) => [record.logicalId, oldTemplate?.Resources[record.logicalId] ?? { Type: record.type }])));
      // Failures here do not fail the update, as on AWS: the resource is reported and left behind.
      await runInOrder([...byId.keys()], (id) => graph.dependentsOf(id), async (id) => {
        const record = byId.get(id)!;
        const removed = !kept.has(id);
        const ok = await this.deleteResource(stack, record, { keepRecord: true, replaced: !removed });
        if (removed) this.store.deleteResource(stackId, id);
        return ok;
      }, true);
    }
    this.recorder.setStatus(stackId, 'UPDATE_COMPLETE', undefined, { previous: undefined });
  }

  /** Restores the stack as it was before the update: resources updated back, new ones deleted, outputs restored. */
  private async runUpdateRollback(stackId: string, reason: string, announce = true, skip: ReadonlySet<string> = new Set()): Promise<void> {
    let stack = announce ? this.recorder.setStatus(stackId, 'UPDATE_ROLLBACK_IN_PROGRESS', reason) : this.store.getStack(stackId)!;
    const snapshot = stack.previous;
    if (snapshot === undefined) {
      this.recorder.setStatus(stackId, 'UPDATE_ROLLBACK_FAILED', 'The state before the update is unknown');
      return;
    }
    const newTemplate = safeTemplate(stack.templateBody);
    const current = new Map(this.store.resources(stackId).map((record) => [record.logicalId, record]));
    const oldTemplate = safeTemplate(snapshot.templateBody);
    const graph = DependencyGraph.of(Object.fromEntries(snapshot.resources.map((record) => [record.logicalId, oldTemplate?.Resources[record.logicalId] ?? { Type: record.type }])));
    const previousById = new Map(snapshot.resources.map((record) => [record.logicalId, record]));
    const failed = await runInOrder([...previousById.keys()], (id) => graph.dependencies.get(id) ?? [], async (id) => {
      const old = previousById.get(id)!;
      const present = current.get(id);
      if (present === undefined || old.physicalId === undefined || present.physicalId !== old.physicalId) return true;
      if (skip.has(id)) {
        this.recorder.transition(stack, old, 'UPDATE_COMPLETE', 'Resource skipped during UpdateRollback');
        return true;
      }
      return this.restoreResource(stack, old, present);
    });
    if (failed.length > 0) {
      this.recorder.setStatus(stackId, 'UPDATE_ROLLBACK_FAILED', `The following resource(s) failed to update: [${failed.join(', ')}]. `);
      return;
    }
    stack = this.recorder.setStatus(stackId, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', undefined, {
      templateBody: snapshot.templateBody,
      parameters: snapshot.parameters,
      outputs: snapshot.outputs,
      description: snapshot.description,
    });
    const created = [...current.values()].filter((record) => {
      const old = previousById.get(record.logicalId);
      return record.physicalId !== undefined && (old === undefined || old.physicalId !== record.physicalId);
    });
    const createdGraph = DependencyGraph.of(Object.fromEntries(created.map((record) => [record.logicalId, newTemplate?.Resources[record.logicalId] ?? { Type: record.type }])));
    const createdById = new Map(created.map((record) => [record.logicalId, record]));
    await runInOrder([...createdById.keys()], (id) => createdGraph.dependentsOf(id), (id) => this.deleteResource(stack, createdById.get(id)!, { keepRecord: true, undoingCreate: true }), true);
    this.store.replaceResources(stackId, snapshot.resources);
    // A nested stack the update failed to create is not among the resources: it goes too.
    await this.deleteOrphanChildren(stackId);
    this.store.replaceExports(stackId, snapshot.outputs.filter((output) => output.exportName !== undefined).map((output) => ({ name: output.exportName!, value: output.value })));
    this.store.replaceImports(stackId, snapshot.imports);
    this.recorder.setStatus(stackId, 'UPDATE_ROLLBACK_COMPLETE', undefined, { previous: undefined });
  }

  /** Puts one resource back to its state before the update (nested stacks roll back their own update). */
  private async restoreResource(stack: StackRecord, old: ResourceRecord, present: ResourceRecord): Promise<boolean> {
    if (old.type === 'AWS::CloudFormation::Stack') {
      const child = this.store.getStack(old.physicalId!);
      if (child === undefined || child.previous === undefined) return true;
      this.recorder.transition(stack, present, 'UPDATE_IN_PROGRESS');
      await this.runUpdateRollback(child.stackId, 'Rollback requested by the parent stack');
      this.recorder.transition(stack, old, 'UPDATE_COMPLETE');
      return true;
    }
    if (canonicalJson(old.properties) === canonicalJson(present.properties)) return true;
    this.recorder.transition(stack, present, 'UPDATE_IN_PROGRESS');
    try {
      await this.handlerFor(old.type).update({
        ...this.request(stack, old.logicalId, old.type, old.properties),
        physicalId: old.physicalId!,
        attributes: present.attributes,
        previousProperties: present.properties,
      });
      this.recorder.transition(stack, old, 'UPDATE_COMPLETE');
      return true;
    } catch (error) {
      this.recorder.transition(stack, present, 'UPDATE_FAILED', reasonOf(error));
      return false;
    }
  }

  // ---- delete -------------------------------------------------------------------------------------------------------

  private async runDelete(stackId: string): Promise<void> {
    const stack = this.store.getStack(stackId);
    if (stack === undefined || stack.status === 'DELETE_COMPLETE') return;
    for (const item of this.store.exportsOf(stackId)) {
      const users = this.store.importersOf(item.name).filter((id) => id !== stackId);
      if (users.length > 0) {
        const names = users.map((id) => this.store.getStack(id)?.stackName ?? id).join(', ');
        this.recorder.setStatus(stackId, 'DELETE_FAILED', `Export ${item.name} cannot be deleted as it is in use by ${names}`);
        return;
      }
    }
    const deleting = this.recorder.setStatus(stackId, 'DELETE_IN_PROGRESS', stack.parentId === undefined ? 'User Initiated' : undefined);
    const failed = await this.deleteResources(deleting, safeTemplate(stack.templateBody), this.store.resources(stackId));
    await this.deleteOrphanChildren(stackId);
    if (failed.length > 0) {
      this.recorder.setStatus(stackId, 'DELETE_FAILED', `The following resource(s) failed to delete: [${failed.join(', ')}]. `);
      return;
    }
    this.store.replaceExports(stackId, []);
    this.store.replaceImports(stackId, []);
    this.recorder.setStatus(stackId, 'DELETE_COMPLETE', undefined, { previous: undefined });
  }

  // ---- nested stacks (driven by the AWS::CloudFormation::Stack handler) ----------------------------------------------

  async createChild(parent: StackIdentity, logicalId: string, templateBody: string, given: Record<string, string>): Promise<ProvisionedResource> {
    const template = prepareTemplate(templateBody);
    checkCapabilities(template, parent.capabilities);
    const parameters = resolveParameters(template.Parameters ?? {}, Object.entries(given).map(([key, value]) => ({ key, value })));
    const parentRecord = this.store.getStack(parent.stackId)!;
    const stackName = nestedStackName(parent.stackName, logicalId);
    const stackId = stackArn(parent.region, this.deps.accountId, stackName);
    this.checkConditions(template, parameters, stackId, stackName);
    this.store.insertStack({
      stackId,
      stackName,
      status: 'CREATE_IN_PROGRESS',
      creationTime: now(),
      description: template.Description,
      templateBody,
      parameters,
      capabilities: parent.capabilities,
      tags: parentRecord.tags,
      outputs: [],
      disableRollback: false,
      parentId: parent.stackId,
      rootId: parentRecord.rootId ?? parent.stackId,
    });
    this.recorder.stackEvent(stackId, 'CREATE_IN_PROGRESS');
    const failure = await this.runCreate(stackId, template, 'ROLLBACK');
    if (failure !== undefined) throw new Error(`Embedded stack ${stackId} was not successfully created: ${failure}`);
    return { physicalId: stackId, attributes: outputAttributes(this.store.getStack(stackId)!) };
  }

  async childHasChanges(childId: string, templateBody: string, given: Record<string, string>): Promise<boolean> {
    const child = this.store.getStack(childId);
    if (child === undefined || child.status === 'DELETE_COMPLETE') return true;
    const template = prepareTemplate(templateBody);
    const parameters = resolveParameters(template.Parameters ?? {}, Object.entries(given).map(([key, value]) => ({ key, value })));
    return this.stackHasChanges(child, template, parameters);
  }

  async updateChild(childId: string, templateBody: string, given: Record<string, string>): Promise<ProvisionedResource> {
    const child = this.store.getStack(childId);
    if (child === undefined || !isUpdatable(child.status)) {
      throw new Error(`Embedded stack ${childId} cannot be updated in state ${child?.status ?? 'DELETE_COMPLETE'}`);
    }
    const template = prepareTemplate(templateBody);
    checkCapabilities(template, child.capabilities);
    const parameters = resolveParameters(template.Parameters ?? {}, Object.entries(given).map(([key, value]) => ({ key, value })), child.parameters);
    this.beginUpdate(child, templateBody, template, parameters, child.capabilities, undefined);
    const failure = await this.runUpdatePhase(childId, template, parameters);
    if (failure !== undefined) {
      await this.runUpdateRollback(childId, failure);
      throw new Error(`Embedded stack ${childId} was not successfully updated. Currently in UPDATE_ROLLBACK_IN_PROGRESS with reason: ${failure}`);
    }
    return { physicalId: childId, attributes: outputAttributes(this.store.getStack(childId)!) };
  }

  async deleteChild(childId: string): Promise<void> {
    await this.runDelete(childId);
    const child = this.store.getStack(childId);
    if (child !== undefined && child.status !== 'DELETE_COMPLETE') {
      throw new Error(`Embedded stack ${childId} was not successfully deleted: ${child.statusReason ?? child.status}`);
    }
  }

  // ---- recovery -----------------------------------------------------------------------------------------------------

  private async recoverStack(stackId: string): Promise<void> {
    const stack = this.store.getStack(stackId);
    if (stack === undefined || !isInProgress(stack.status)) return;
    this.beginRecovery(stackId, stack.status);
    await this.finishRecovery(stackId, stack.status);
  }

  /** Marks what the crash cut off as failed and moves the stack into the phase that will settle it. */
  private beginRecovery(stackId: string, interrupted: StackStatus): void {
    const stack = this.store.getStack(stackId)!;
    for (const record of this.store.resources(stackId)) {
      if (isInProgress(record.status)) this.recorder.transition(stack, record, record.status.replace('_IN_PROGRESS', '_FAILED') as ResourceStatus, INTERRUPTED);
    }
    const phase = recoveryPhase(interrupted, stack.parentId !== undefined);
    if (phase === 'rollback-create') this.recorder.setStatus(stackId, 'ROLLBACK_IN_PROGRESS', INTERRUPTED);
    if (phase === 'rollback-update') this.recorder.setStatus(stackId, 'UPDATE_ROLLBACK_IN_PROGRESS', INTERRUPTED);
  }

  private async finishRecovery(stackId: string, interrupted: StackStatus): Promise<void> {
    const stack = this.store.getStack(stackId)!;
    switch (recoveryPhase(interrupted, stack.parentId !== undefined)) {
      case 'rollback-create':
        await this.rollbackCreate(stackId, safeTemplate(stack.templateBody));
        return;
      case 'rollback-update':
        // Nested stacks interrupted mid-update roll back first, so the parent's rollback finds them settled.
        for (const record of this.store.resources(stackId)) {
          if (record.type !== 'AWS::CloudFormation::Stack' || record.physicalId === undefined) continue;
          const child = this.store.getStack(record.physicalId);
          if (child !== undefined && isInProgress(child.status) && child.status !== 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') await this.recoverStack(child.stackId);
        }
        await this.runUpdateRollback(stackId, INTERRUPTED, false);
        return;
      case 'cleanup':
        await this.runCleanup(stackId);
        return;
      case 'delete':
        await this.runDelete(stackId);
        return;
    }
  }
}

type RecoveryPhase = 'rollback-create' | 'rollback-update' | 'cleanup' | 'delete';

/** How AWS settles an operation cut off in `interrupted` (a nested stack's cleanup waits for its parent: rolled back). */
function recoveryPhase(interrupted: StackStatus, nested: boolean): RecoveryPhase {
  switch (interrupted) {
    case 'CREATE_IN_PROGRESS':
    case 'ROLLBACK_IN_PROGRESS':
      return 'rollback-create';
    case 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS':
      return nested ? 'rollback-update' : 'cleanup';
    case 'DELETE_IN_PROGRESS':
      return 'delete';
    default:
      return 'rollback-update';
  }
}


/** A nested stack's attributes: `Outputs.<Name>` for each output of the child. */
function outputAttributes(stack: StackRecord): Record<string, TemplateValue> {
  return Object.fromEntries(stack.outputs.map((output) => [`Outputs.${output.key}`, output.value]));
}

/** Stored templates were valid when stored; a later parse failure only loses dependency order. */
function safeTemplate(body: string): Template | undefined {
  try {
    return storedTemplate(body);
  } catch {
    return undefined;
  }
}

/** The value at a dotted property path (`*` for every list item), as the specification names create-only paths. */
function valueAtPath(value: TemplateValue | undefined, path: string): TemplateValue | undefined {
  let current: TemplateValue | undefined = value;
  const parts = path.split('.');
  for (let index = 0; index < parts.length; index += 1) {
    if (current === undefined || current === null) return undefined;
    const part = parts[index];
    if (part === '*') {
      if (!Array.isArray(current)) return undefined;
      const rest = parts.slice(index + 1).join('.');
      return current.map((item) => (rest === '' ? item : (valueAtPath(item, rest) ?? null)));
    }
    current = isTemplateObject(current) ? current[part] : undefined;
  }
  return current;
}
