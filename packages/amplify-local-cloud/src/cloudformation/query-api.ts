import type { BucketStore, ServiceRequest, ServiceResponse } from '../contracts';
import { queryError, queryResult } from '../query/query-protocol';
import { isWireError } from '../query/wire-error';
import { XmlNode, XmlValue } from '../xml/xml-writer';
import { GivenParameter, isNoEcho } from './parameters';
import type { ParameterDeclaration } from './template-value';
import { OnFailure, StackEngine } from './stack-engine';
import { prepareTemplate, requiredCapability, storedTemplate } from './template-preparation';
import { isStackStatus } from './stack-status';
import type { ResourceRecord, StackEvent, StackRecord } from './stack-store';
import { validationError } from './template-error';
import { readTemplateUrl } from './template-url';

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const PAGE_SIZE = 100;
/** AWS's limit for a template passed inline; larger ones must come from S3. */
const MAX_TEMPLATE_BODY = 51200;

/** The parameters of a query-protocol request: form body and query string together. */
class QueryParameters {
  constructor(private readonly params: URLSearchParams) {}

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  required(name: string): string {
    const value = this.get(name);
    if (value === undefined || value === '') {
      throw validationError(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
    }
    return value;
  }

  flag(name: string): boolean {
    return this.get(name) === 'true';
  }

  /** `Name.member.N` (or `Name.member.N.Field`) entries in N order. */
  members(name: string): Map<string, string>[] {
    const byIndex = new Map<number, Map<string, string>>();
    const prefix = `${name}.member.`;
    for (const [key, value] of this.params) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const dot = rest.indexOf('.');
      const index = Number(dot < 0 ? rest : rest.slice(0, dot));
      const field = dot < 0 ? '' : rest.slice(dot + 1);
      if (!byIndex.has(index)) byIndex.set(index, new Map());
      byIndex.get(index)!.set(field, value);
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, fields]) => fields);
  }
}

function page<T>(items: T[], token: string | undefined): { items: T[]; nextToken?: string } {
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw validationError('Invalid NextToken');
  const end = start + PAGE_SIZE;
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64') : undefined };
}

const members = (items: XmlValue[]): XmlNode => ({ member: items });

/** The CloudFormation query API (version 2010-05-15): actions in, AWS's XML documents out. */
export class QueryApi {
  constructor(
    private readonly engine: StackEngine,
    private readonly buckets: BucketStore,
    private readonly endpoint: string,
  ) {}

  async handle(request: ServiceRequest): Promise<ServiceResponse> {
    const params = new URLSearchParams(request.query);
    if (request.body.length > 0) for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) params.append(key, value);
    const query = new QueryParameters(params);
    const action = query.get('Action') ?? '';
    try {
      const result = await this.dispatch(action, query, request.region);
      if (result === undefined) {
        return queryError(400, 'InvalidAction', `Could not find operation ${action} for version 2010-05-15`, XMLNS);
      }
      return queryResult(action, XMLNS, result);
    } catch (error) {
      if (isWireError(error)) return queryError(error.status, error.code, error.message, XMLNS);
      return queryError(500, 'InternalFailure', `The local cloud failed to process ${action}: ${error instanceof Error ? error.message : String(error)}`, XMLNS);
    }
  }

  /** The action's result element content; `null` for actions with an empty result; `undefined` for unknown actions. */
  private async dispatch(action: string, query: QueryParameters, region: string): Promise<XmlNode | null | undefined> {
    switch (action) {
      case 'CreateStack':
        return { StackId: this.createStack(query, region) };
      case 'UpdateStack':
        return { StackId: await this.updateStack(query) };
      case 'DeleteStack':
        this.engine.deleteStack(query.required('StackName'));
        return null;
      case 'ContinueUpdateRollback':
        this.engine.continueUpdateRollback(
          query.required('StackName'),
          query.members('ResourcesToSkip').map((fields) => fields.get('') ?? ''),
        );
        return {};
      default:
        return this.readActions.get(action)?.call(this, query);
    }
  }

  /** Actions that change nothing: each answers from its parameters alone. A Map, so no prototype key is an action. */
  private readonly readActions = new Map<string, (this: QueryApi, query: QueryParameters) => XmlNode>([
    ['DescribeStacks', this.describeStacks],
    ['DescribeStackEvents', this.describeStackEvents],
    ['DescribeStackResource', this.describeStackResource],
    ['DescribeStackResources', this.describeStackResources],
    ['ListStackResources', this.listStackResources],
    ['ListStacks', this.listStacks],
    ['GetTemplate', this.getTemplate],
    ['ValidateTemplate', this.validateTemplate],
    ['ListExports', this.listExports],
  ]);

  private templateBody(query: QueryParameters, allowPrevious = false): string | undefined {
    const body = query.get('TemplateBody');
    const url = query.get('TemplateURL');
    if (body !== undefined && url !== undefined) throw validationError('Specify exactly one of TemplateBody or TemplateUrl.');
    if (body !== undefined) {
      if (Buffer.byteLength(body) > MAX_TEMPLATE_BODY) {
        throw validationError(`1 validation error detected: Value '<template of ${Buffer.byteLength(body)} bytes>' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TEMPLATE_BODY}`);
      }
      return body;
    }
    if (url !== undefined) return readTemplateUrl(url, this.endpoint, this.buckets);
    if (allowPrevious && query.flag('UsePreviousTemplate')) return undefined;
    throw validationError('Either Template URL or Template Body must be specified.');
  }

  private parameters(query: QueryParameters): GivenParameter[] {
    return query.members('Parameters').map((fields) => {
      const key = fields.get('ParameterKey');
      if (key === undefined) throw validationError('Invalid input for parameter key: ParameterKey is required');
      return { key, value: fields.get('ParameterValue'), usePreviousValue: fields.get('UsePreviousValue') === 'true' };
    });
  }

  private tags(query: QueryParameters): Record<string, string> | undefined {
    const entries = query.members('Tags');
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map((fields) => [fields.get('Key') ?? '', fields.get('Value') ?? '']));
  }

  private createStack(query: QueryParameters, region: string): string {
    const onFailure = query.get('OnFailure');
    if (onFailure !== undefined && !['ROLLBACK', 'DELETE', 'DO_NOTHING'].includes(onFailure)) {
      throw validationError(`1 validation error detected: Value '${onFailure}' at 'onFailure' failed to satisfy constraint: Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]`);
    }
    if (onFailure !== undefined && query.get('DisableRollback') !== undefined) {
      throw validationError('You can specify either DisableRollback or OnFailure, but not both.');
    }
    return this.engine.createStack({
      stackName: query.required('StackName'),
      templateBody: this.templateBody(query)!,
      parameters: this.parameters(query),
      capabilities: query.members('Capabilities').map((fields) => fields.get('') ?? ''),
      tags: this.tags(query) ?? {},
      onFailure: (onFailure as OnFailure | undefined) ?? (query.flag('DisableRollback') ? 'DO_NOTHING' : 'ROLLBACK'),
      region,
    });
  }

  private updateStack(query: QueryParameters): Promise<string> {
    return this.engine.updateStack({
      stackName: query.required('StackName'),
      templateBody: this.templateBody(query, true),
      parameters: this.parameters(query),
      capabilities: query.members('Capabilities').map((fields) => fields.get('') ?? ''),
      tags: this.tags(query),
    });
  }

  private stack(nameOrId: string): StackRecord {
    const stack = this.engine.store.findStack(nameOrId);
    if (stack === undefined) throw validationError(`Stack with id ${nameOrId} does not exist`);
    return stack;
  }

  private describeStacks(query: QueryParameters): XmlNode {
    const name = query.get('StackName');
    const stacks = name === undefined ? this.engine.store.allStacks().filter((stack) => stack.status !== 'DELETE_COMPLETE') : [this.stack(name)];
    const { items, nextToken } = page(stacks, query.get('NextToken'));
    return { Stacks: members(items.map((stack) => this.stackXml(stack))), NextToken: nextToken };
  }

  private stackXml(stack: StackRecord): XmlNode {
    let declarations: Record<string, Pick<ParameterDeclaration, 'NoEcho'>> = {};
    try {
      // Only the parameter declarations are needed: parse, without the checks the template passed when it was stored.
      declarations = storedTemplate(stack.templateBody).Parameters ?? {};
    } catch {
      // A stored template always parsed once; without it NoEcho cannot be known, so every value is masked.
      declarations = Object.fromEntries(Object.keys(stack.parameters).map((key) => [key, { NoEcho: true }]));
    }
    return {
      StackId: stack.stackId,
      StackName: stack.stackName,
      Description: stack.description,
      Parameters:
        Object.keys(stack.parameters).length === 0
          ? undefined
          : members(
              Object.entries(stack.parameters).map(([key, value]) => ({
                ParameterKey: key,
                ParameterValue: isNoEcho(declarations[key]) ? '****' : value,
              })),
            ),
      CreationTime: stack.creationTime,
      DeletionTime: stack.deletionTime,
      LastUpdatedTime: stack.lastUpdatedTime,
      StackStatus: stack.status,
      StackStatusReason: stack.statusReason,
      DisableRollback: stack.disableRollback,
      NotificationARNs: members([]),
      Capabilities: stack.capabilities.length === 0 ? undefined : members(stack.capabilities),
      Outputs:
        stack.outputs.length === 0
          ? undefined
          : members(
              stack.outputs.map((output) => ({
                OutputKey: output.key,
                OutputValue: output.value,
                Description: output.description,
                ExportName: output.exportName,
              })),
            ),
      Tags: members(Object.entries(stack.tags).map(([key, value]) => ({ Key: key, Value: value }))),
      EnableTerminationProtection: false,
      ParentId: stack.parentId,
      RootId: stack.rootId,
      DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    };
  }

  private describeStackEvents(query: QueryParameters): XmlNode {
    const stack = this.stack(query.required('StackName'));
    const token = query.get('NextToken');
    const before = token === undefined ? Number.MAX_SAFE_INTEGER : Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isFinite(before)) throw validationError('Invalid NextToken');
    const events = this.engine.store.events(stack.stackId, before, PAGE_SIZE + 1);
    const shown = events.slice(0, PAGE_SIZE);
    const nextToken = events.length > PAGE_SIZE ? Buffer.from(String(shown[shown.length - 1].seq)).toString('base64') : undefined;
    return { StackEvents: members(shown.map(eventXml)), NextToken: nextToken };
  }

  private resources(stack: StackRecord, logicalId?: string): ResourceRecord[] {
    const all = this.engine.store.resources(stack.stackId);
    return logicalId === undefined ? all : all.filter((resource) => resource.logicalId === logicalId);
  }

  private describeStackResource(query: QueryParameters): XmlNode {
    const stack = this.stack(query.required('StackName'));
    const logicalId = query.required('LogicalResourceId');
    const [resource] = this.resources(stack, logicalId);
    if (resource === undefined) throw validationError(`Resource ${logicalId} does not exist for stack ${stack.stackName}`);
    return {
      StackResourceDetail: {
        StackName: stack.stackName,
        StackId: stack.stackId,
        LogicalResourceId: resource.logicalId,
        PhysicalResourceId: resource.physicalId,
        ResourceType: resource.type,
        LastUpdatedTimestamp: resource.lastUpdated,
        ResourceStatus: resource.status,
        ResourceStatusReason: resource.statusReason,
        DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
      },
    };
  }

  private describeStackResources(query: QueryParameters): XmlNode {
    const name = query.get('StackName');
    const physicalId = query.get('PhysicalResourceId');
    let stack: StackRecord;
    if (name !== undefined) {
      stack = this.stack(name);
    } else if (physicalId !== undefined) {
      const owner = this.engine.store.allStacks().find((candidate) => this.engine.store.resources(candidate.stackId).some((resource) => resource.physicalId === physicalId));
      if (owner === undefined) throw validationError(`Stack for ${physicalId} does not exist`);
      stack = owner;
    } else {
      throw validationError('Either StackName or PhysicalResourceId must be specified.');
    }
    const resources = this.resources(stack, query.get('LogicalResourceId'));
    return {
      StackResources: members(
        resources.map((resource) => ({
          StackName: stack.stackName,
          StackId: stack.stackId,
          LogicalResourceId: resource.logicalId,
          PhysicalResourceId: resource.physicalId,
          ResourceType: resource.type,
          Timestamp: resource.lastUpdated,
          ResourceStatus: resource.status,
          ResourceStatusReason: resource.statusReason,
          DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
        })),
      ),
    };
  }

  private listStackResources(query: QueryParameters): XmlNode {
    const stack = this.stack(query.required('StackName'));
    const { items, nextToken } = page(this.resources(stack), query.get('NextToken'));
    return {
      StackResourceSummaries: members(
        items.map((resource) => ({
          LogicalResourceId: resource.logicalId,
          PhysicalResourceId: resource.physicalId,
          ResourceType: resource.type,
          LastUpdatedTimestamp: resource.lastUpdated,
          ResourceStatus: resource.status,
          ResourceStatusReason: resource.statusReason,
          DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
        })),
      ),
      NextToken: nextToken,
    };
  }

  private listStacks(query: QueryParameters): XmlNode {
    const filter = query.members('StackStatusFilter').map((fields) => fields.get('') ?? '');
    const unknown = filter.filter((status) => !isStackStatus(status));
    if (unknown.length > 0) throw validationError(`1 validation error detected: Value '[${unknown.join(', ')}]' at 'stackStatusFilter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set]`);
    const stacks = this.engine.store.allStacks().filter((stack) => filter.length === 0 || filter.includes(stack.status));
    const { items, nextToken } = page(stacks, query.get('NextToken'));
    return {
      StackSummaries: members(
        items.map((stack) => ({
          StackId: stack.stackId,
          StackName: stack.stackName,
          TemplateDescription: stack.description,
          CreationTime: stack.creationTime,
          LastUpdatedTime: stack.lastUpdatedTime,
          DeletionTime: stack.deletionTime,
          StackStatus: stack.status,
          StackStatusReason: stack.statusReason,
          ParentId: stack.parentId,
          RootId: stack.rootId,
          DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
        })),
      ),
      NextToken: nextToken,
    };
  }

  private getTemplate(query: QueryParameters): XmlNode {
    const stack = this.stack(query.required('StackName'));
    return { TemplateBody: stack.templateBody, StagesAvailable: members(['Original', 'Processed']) };
  }

  private validateTemplate(query: QueryParameters): XmlNode {
    const template = prepareTemplate(this.templateBody(query)!);
    const capability = requiredCapability(template);
    return {
      Parameters: members(
        Object.entries(template.Parameters ?? {}).map(([key, declaration]) => ({
          ParameterKey: key,
          DefaultValue: declaration.Default === undefined || declaration.Default === null ? undefined : Array.isArray(declaration.Default) ? declaration.Default.join(',') : String(declaration.Default),
          NoEcho: isNoEcho(declaration),
          Description: declaration.Description,
        })),
      ),
      Description: template.Description,
      Capabilities: capability === undefined ? undefined : members([capability]),
      CapabilitiesReason: capability === undefined ? undefined : 'The following resource(s) require capabilities: [' + iamTypes(template.Resources).join(', ') + ']',
      DeclaredTransforms: members([]),
    };
  }

  private listExports(query: QueryParameters): XmlNode {
    const { items, nextToken } = page(this.engine.store.allExports(), query.get('NextToken'));
    return { Exports: members(items.map((item) => ({ ExportingStackId: item.stackId, Name: item.name, Value: item.value }))), NextToken: nextToken };
  }
}

function iamTypes(resources: Record<string, { Type: string }>): string[] {
  return [...new Set(Object.values(resources).map((resource) => resource.Type).filter((type) => type.startsWith('AWS::IAM::')))];
}

function eventXml(event: StackEvent): XmlNode {
  return {
    StackId: event.stackId,
    EventId: event.eventId,
    StackName: event.stackName,
    LogicalResourceId: event.logicalId,
    PhysicalResourceId: event.physicalId ?? '',
    ResourceType: event.type,
    Timestamp: event.timestamp,
    ResourceStatus: event.status,
    ResourceStatusReason: event.reason,
    ResourceProperties: event.properties,
  };
}
