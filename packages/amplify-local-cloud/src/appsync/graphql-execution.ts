import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  GraphQLObjectType,
  Kind,
  parse,
  print,
  responsePathAsArray,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ResolverError, unauthorizedField, type AppSyncGraphQlError } from './appsync-errors';
import type { AppSyncApiState, AuthMode, FunctionRecord, ResolverRecord } from './appsync-registry';
import { buildAppSyncSchema } from './appsync-schema';
import { invokeDataSource } from './data-sources';
import { LambdaBatcher } from './lambda-batcher';
import type { AppSyncPorts } from './ports';
import type { Caller } from './request-auth';
import { AUTH_TYPE_NAMES, createUtil } from './vtl/appsync-util';
import { mappingTemplate, MappingTemplateError } from './vtl/mapping-template';
import type { SubscriptionFilter } from './vtl/transform-util';

const DIRECTIVE_MODES: Record<string, AuthMode> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
};

/** Who may read a field: the modes its directives (or its type's, or the API's default) allow. */
interface FieldAccess {
  modes: Set<AuthMode>;
  /** Cognito groups of `@aws_cognito_user_pools(cognito_groups: [...])`; empty means any signed-in user. */
  cognitoGroups: string[];
}

/** A parsed and validated request document, or the errors that refused it. */
export type PreparedDocument = { type: 'valid'; document: DocumentNode } | { type: 'invalid'; errors: AppSyncGraphQlError[] };

/** An API ready to execute: its schema built once per revision of its registered resources. */
export class CompiledApi {
  readonly schema: GraphQLSchema;
  private readonly access = new Map<string, FieldAccess>();
  private readonly documents = new Map<string, PreparedDocument>();
  /** Subscription fields by the mutation fields that publish to them (`@aws_subscribe(mutations: [...])`). */
  readonly subscribersOf = new Map<string, string[]>();

  constructor(readonly state: AppSyncApiState) {
    if (state.schema === undefined) throw new ResolverError(`The API ${state.api.apiId} has no schema yet: deploy its AWS::AppSync::GraphQLSchema.`, 'BadRequestException');
    this.schema = buildAppSyncSchema(state.schema);
    const subscription = this.schema.getSubscriptionType();
    for (const field of Object.values(subscription?.getFields() ?? {})) {
      const directive = field.astNode?.directives?.find((node) => node.name.value === 'aws_subscribe');
      const argument = directive?.arguments?.find((node) => node.name.value === 'mutations');
      if (argument?.value.kind !== Kind.LIST) continue;
      for (const value of argument.value.values) {
        if (value.kind !== Kind.STRING) continue;
        this.subscribersOf.set(value.value, [...(this.subscribersOf.get(value.value) ?? []), field.name]);
      }
    }
  }

  get defaultMode(): AuthMode {
    return this.state.api.authProviders[0]?.authenticationType ?? 'API_KEY';
  }

  fieldAccess(type: GraphQLObjectType, fieldName: string): FieldAccess {
    const key = `${type.name}.${fieldName}`;
    let access = this.access.get(key);
    if (access === undefined) {
      const field = type.getFields()[fieldName];
      const fromField = authDirectives(field?.astNode?.directives ?? []);
      const fromType = authDirectives([...(type.astNode?.directives ?? []), ...type.extensionASTNodes.flatMap((node) => node.directives ?? [])]);
      access = fromField.modes.size > 0 ? fromField : fromType.modes.size > 0 ? fromType : { modes: new Set([this.defaultMode]), cognitoGroups: [] };
      this.access.set(key, access);
    }
    return access;
  }

  prepare(query: string): PreparedDocument {
    let prepared = this.documents.get(query);
    if (prepared !== undefined) return prepared;
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
      prepared = errors.length > 0 ? { type: 'invalid', errors: errors.map(formatError) } : { type: 'valid', document };
    } catch (error) {
      prepared = { type: 'invalid', errors: [formatError(error instanceof GraphQLError ? error : new GraphQLError(String(error)))] };
    }
    if (this.documents.size > 1000) this.documents.clear();
    this.documents.set(query, prepared);
    return prepared;
  }
}

function authDirectives(directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[]): FieldAccess {
  const modes = new Set<AuthMode>();
  const cognitoGroups: string[] = [];
  for (const directive of directives) {
    const mode = DIRECTIVE_MODES[directive.name.value];
    if (mode === undefined) continue;
    modes.add(mode);
    const groups = directive.arguments?.find((argument) => argument.name.value === 'cognito_groups')?.value;
    if (groups?.kind === Kind.LIST) for (const group of groups.values) if (group.kind === Kind.STRING) cognitoGroups.push(group.value);
  }
  return { modes, cognitoGroups };
}

/** AppSync's error entry for a GraphQL error, resolver errors with their type, data and info. */
export function formatError(error: GraphQLError): AppSyncGraphQlError {
  const original = error.originalError;
  const resolverError = original instanceof ResolverError ? original : undefined;
  return {
    path: error.path ?? undefined,
    data: resolverError?.data ?? null,
    errorType: resolverError?.errorType ?? (error.path === undefined ? 'ValidationError' : null),
    errorInfo: resolverError?.errorInfo ?? null,
    locations: error.locations?.map((location) => ({ line: location.line, column: location.column, sourceName: null })),
    message: error.message,
  };
}

/** What a subscription start records: its field, arguments and the filter its resolver set. */
export interface SubscriptionRegistration {
  fieldName: string;
  args: Record<string, unknown>;
  filter?: SubscriptionFilter;
}

type ExecutionMode = { type: 'request' } | { type: 'register'; registration?: SubscriptionRegistration } | { type: 'publish'; item: unknown };

interface ExecutionContext {
  api: CompiledApi;
  /** Lambda BatchInvoke calls of this execution, grouped per resolver site; absent without a Lambda service. */
  batcher?: LambdaBatcher;
  caller: Caller;
  headers: Record<string, string>;
  extraErrors: AppSyncGraphQlError[];
  mode: ExecutionMode;
  /** The mutation root fields that resolved, by their response key (alias), to publish once the response is complete. */
  published: { fieldName: string; responseKey: string }[];
}

/** A mutation field's answer, to deliver to the subscriptions that listen to it. */
export interface Publication {
  fieldName: string;
  value: unknown;
}

export interface GraphQlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphQlResponse {
  data: unknown;
  errors?: AppSyncGraphQlError[];
}

function selectionSetList(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, prefix = ''): string[] {
  const paths: string[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const path = `${prefix}${selection.name.value}`;
      if (selection.name.value !== '__typename') paths.push(path);
      paths.push(...selectionSetList(selection.selectionSet, info, `${path}/`));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      paths.push(...selectionSetList(selection.selectionSet, info, prefix));
    } else {
      paths.push(...selectionSetList(info.fragments[selection.name.value]?.selectionSet, info, prefix));
    }
  }
  return paths;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function parseOutput(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch (error) {
    throw new ResolverError(`Unable to parse the JSON document: '${error instanceof Error ? error.message : String(error)}'`, 'MappingTemplate');
  }
}

/** Runs the VTL resolvers of an API for one request, one subscription start or one publication. */
export class ResolverRunner {
  constructor(private readonly ports: AppSyncPorts) {}

  /**
   * Runs a query or mutation. `published` holds what each mutation field answered, as its caller selected it: what
   * AppSync sends its subscribers.
   */
  async execute(api: CompiledApi, caller: Caller, headers: Record<string, string>, request: GraphQlRequest): Promise<{ response: GraphQlResponse; published: Publication[] }> {
    const prepared = api.prepare(request.query);
    if (prepared.type === 'invalid') return { response: { data: null, errors: prepared.errors }, published: [] };
    const context: ExecutionContext = { api, caller, headers, extraErrors: [], mode: { type: 'request' }, published: [], batcher: this.batcher() };
    const result = await this.run(api, prepared.document, context, request);
    const data = (result.data ?? {}) as Record<string, unknown>;
    const published = context.published
      .map(({ fieldName, responseKey }) => ({ fieldName, value: data[responseKey] }))
      .filter((publication) => publication.value !== null && publication.value !== undefined);
    return { response: this.response(result, context), published };
  }

  /** Runs a subscription's resolver as AppSync does when it starts; answers its registration or the errors. */
  async register(
    api: CompiledApi,
    caller: Caller,
    headers: Record<string, string>,
    request: GraphQlRequest,
  ): Promise<{ type: 'registered'; registration: SubscriptionRegistration; document: DocumentNode } | { type: 'refused'; errors: AppSyncGraphQlError[] }> {
    const prepared = api.prepare(request.query);
    if (prepared.type === 'invalid') return { type: 'refused', errors: prepared.errors };
    const operation = prepared.document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION && (request.operationName ? definition.name?.value === request.operationName : true),
    );
    if (operation?.operation !== 'subscription') {
      return { type: 'refused', errors: [{ data: null, errorType: 'UnsupportedOperation', errorInfo: null, message: 'Only subscription operations can be started on a real-time connection.' }] };
    }
    const context: ExecutionContext = { api, caller, headers, extraErrors: [], mode: { type: 'register' }, published: [], batcher: this.batcher() };
    const result = await this.run(api, prepared.document, context, request);
    const errors = [...(result.errors ?? []).map(formatError), ...context.extraErrors];
    const registration = context.mode.type === 'register' ? context.mode.registration : undefined;
    if (errors.length > 0 || registration === undefined) return { type: 'refused', errors };
    return { type: 'registered', registration, document: prepared.document };
  }

  /**
   * The subscriber's selection of a published mutation response: fields the mutation did not select are null, and no
   * resolver runs again (AppSync broadcasts what the mutation answered).
   */
  async publication(api: CompiledApi, caller: Caller, headers: Record<string, string>, document: DocumentNode, request: GraphQlRequest, item: unknown): Promise<GraphQlResponse> {
    const context: ExecutionContext = { api, caller, headers, extraErrors: [], mode: { type: 'publish', item }, published: [], batcher: this.batcher() };
    return this.response(await this.run(api, document, context, request), context);
  }

  private batcher(): LambdaBatcher | undefined {
    return this.ports.lambda === undefined ? undefined : new LambdaBatcher(this.ports.lambda);
  }

  private response(result: ExecutionResult, context: ExecutionContext): GraphQlResponse {
    const errors = [...(result.errors ?? []).map(formatError), ...context.extraErrors];
    return errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null };
  }

  private async run(api: CompiledApi, document: DocumentNode, context: ExecutionContext, request: GraphQlRequest): Promise<ExecutionResult> {
    return execute({
      schema: api.schema,
      document,
      contextValue: context,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      fieldResolver: this.fieldResolver,
    });
  }

  private readonly fieldResolver: GraphQLFieldResolver<unknown, ExecutionContext> = (source, args, context, info) => {
    const { api, caller } = context;
    const access = api.fieldAccess(info.parentType, info.fieldName);
    const deniedByGroups =
      caller.mode === 'AMAZON_COGNITO_USER_POOLS' && access.cognitoGroups.length > 0 && !access.cognitoGroups.some((group) => caller.groups.includes(group));
    if (!access.modes.has(caller.mode) || deniedByGroups || caller.deniedFields.includes(`${info.parentType.name}.${info.fieldName}`)) {
      throw unauthorizedField(info.fieldName, info.parentType.name);
    }
    const isSubscriptionRoot = info.parentType === api.schema.getSubscriptionType() && info.path.prev === undefined;
    if (context.mode.type === 'publish') return isSubscriptionRoot ? context.mode.item : defaultFieldResolver(source, args, context, info);
    const resolver = api.state.resolvers.get(`${info.parentType.name}.${info.fieldName}`);
    if (isSubscriptionRoot && context.mode.type === 'register') context.mode.registration = { fieldName: info.fieldName, args: clone(args) };
    if (resolver === undefined) return defaultFieldResolver(source, args, context, info);
    const isMutationRoot = info.parentType === api.schema.getMutationType() && info.path.prev === undefined;
    return this.resolve(resolver, source, args, context, info).then((value) => {
      if (isMutationRoot && value !== null && value !== undefined) context.published.push({ fieldName: info.fieldName, responseKey: info.path.key as string });
      return value;
    });
  };

  private async resolve(resolver: ResolverRecord, source: unknown, args: Record<string, unknown>, context: ExecutionContext, info: GraphQLResolveInfo): Promise<unknown> {
    if (resolver.runtime !== undefined) {
      throw new ResolverError(`The local cloud runs VTL resolvers only; ${resolver.typeName}.${resolver.fieldName} uses the ${resolver.runtime} runtime.`, 'MappingTemplate');
    }
    const { api, caller } = context;
    const ctx: Record<string, unknown> = {
      arguments: clone(args),
      source: source ?? null,
      identity: caller.identity,
      stash: {},
      prev: { result: null },
      result: null,
      error: null,
      info: {
        fieldName: info.fieldName,
        parentTypeName: info.parentType.name,
        variables: info.variableValues,
        selectionSetList: info.fieldNodes.flatMap((node: FieldNode) => selectionSetList(node.selectionSet, info)),
        selectionSetGraphQL: info.fieldNodes[0]?.selectionSet === undefined ? '' : print(info.fieldNodes[0].selectionSet),
      },
      request: { headers: context.headers, domainName: null },
    };
    ctx.args = ctx.arguments;
    const util = createUtil({
      authType: AUTH_TYPE_NAMES[caller.mode],
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      appendError: (error) => context.extraErrors.push(formatError(new GraphQLError(error.message, { nodes: info.fieldNodes, path: responsePathAsArray(info.path), originalError: error }))),
    });
    const extensions = {
      setSubscriptionFilter: (filter: unknown) => {
        if (context.mode.type === 'register' && context.mode.registration !== undefined) {
          context.mode.registration.filter = (typeof filter === 'string' ? JSON.parse(filter) : filter) as SubscriptionFilter;
        }
        return '';
      },
    };
    const render = (template: string) => {
      try {
        return mappingTemplate(template).render({ context: ctx, ctx, util, utils: util, extensions });
      } catch (error) {
        if (error instanceof ResolverError) throw error;
        throw new ResolverError(error instanceof MappingTemplateError ? error.message : `Error while rendering the mapping template: ${error instanceof Error ? error.message : String(error)}`, 'MappingTemplate');
      }
    };
    const dataSourceCall = async (dataSourceName: string | undefined, requestObject: unknown, step: ResolverRecord | FunctionRecord) => {
      const dataSource = api.state.dataSources.get(dataSourceName ?? '');
      if (dataSource === undefined) throw new ResolverError(`The data source '${dataSourceName ?? ''}' does not exist in API ${api.state.api.apiId}.`, 'MappingTemplate');
      const site = `${resolver.typeName}.${resolver.fieldName}/${'functionId' in step ? step.functionId : ''}`;
      const outcome = await invokeDataSource(dataSource, (requestObject ?? {}) as Record<string, unknown>, this.ports, {
        fallbackPayload: () => ({
          arguments: ctx.arguments,
          identity: ctx.identity,
          source: ctx.source,
          request: ctx.request,
          prev: ctx.prev,
          info: ctx.info,
          stash: ctx.stash,
        }),
        batchInvoke: (functionArn, payload) => {
          if (context.batcher === undefined) throw new ResolverError('The local cloud has no Lambda service to run BatchInvoke with.', 'Lambda:ServiceUnavailable');
          return context.batcher.enqueue(site, functionArn, step.maxBatchSize, payload);
        },
        syncConfig: step.syncConfig,
      });
      ctx.result = outcome.type === 'result' ? outcome.result : (outcome.result ?? null);
      ctx.error = outcome.type === 'error' ? outcome.error : null;
    };

    if (resolver.kind === 'PIPELINE') {
      if (resolver.requestTemplate !== undefined) {
        const before = render(resolver.requestTemplate);
        if (before.type === 'return') return before.value;
        ctx.prev = { result: parseOutput(before.text) };
      }
      for (const functionId of resolver.functionIds) {
        const fn = api.state.functions.get(functionId);
        if (fn === undefined) throw new ResolverError(`The pipeline function '${functionId}' of ${resolver.typeName}.${resolver.fieldName} does not exist.`, 'MappingTemplate');
        ctx.prev = { result: await this.runFunction(fn, ctx, render, dataSourceCall) };
      }
      ctx.result = (ctx.prev as { result: unknown }).result;
      ctx.error = null;
      if (resolver.responseTemplate === undefined) return ctx.result;
      const after = render(resolver.responseTemplate);
      return after.type === 'return' ? after.value : parseOutput(after.text);
    }
    if (resolver.requestTemplate === undefined) throw new ResolverError(`The resolver ${resolver.typeName}.${resolver.fieldName} has no request mapping template.`, 'MappingTemplate');
    const request = render(resolver.requestTemplate);
    if (request.type === 'return') return request.value;
    await dataSourceCall(resolver.dataSourceName, parseOutput(request.text), resolver);
    if (resolver.responseTemplate === undefined) return ctx.result;
    const response = render(resolver.responseTemplate);
    return response.type === 'return' ? response.value : parseOutput(response.text);
  }

  private async runFunction(
    fn: FunctionRecord,
    ctx: Record<string, unknown>,
    render: (template: string) => ReturnType<ReturnType<typeof mappingTemplate>['render']>,
    dataSourceCall: (name: string | undefined, request: unknown, step: FunctionRecord) => Promise<void>,
  ): Promise<unknown> {
    if (fn.runtime !== undefined) throw new ResolverError(`The local cloud runs VTL functions only; function ${fn.name} uses the ${fn.runtime} runtime.`, 'MappingTemplate');
    ctx.result = null;
    ctx.error = null;
    if (fn.requestTemplate === undefined) throw new ResolverError(`The function ${fn.name} has no request mapping template.`, 'MappingTemplate');
    const request = render(fn.requestTemplate);
    if (request.type === 'return') return request.value;
    await dataSourceCall(fn.dataSourceName, parseOutput(request.text), fn);
    if (fn.responseTemplate === undefined) return ctx.result;
    const response = render(fn.responseTemplate);
    return response.type === 'return' ? response.value : parseOutput(response.text);
  }
}
