import { LOCAL_ACCOUNT_ID, type ServiceHandler, type ServiceRequest, type ServiceResponse } from '../contracts';
import { ids } from '../cloudformation/physical-ids';
import { amplifyErrorResponse, AmplifyServiceError, badRequest, notFound } from './amplify-errors';
import {
  checkString,
  optionalBoolean,
  optionalObject,
  optionalObjectList,
  optionalString,
  optionalStringList,
  optionalStringMap,
  pageOf,
  parseJsonBody,
  RULES,
} from './amplify-input';
import type { AmplifyStore, WireRecord } from './amplify-store';

/** What an operation gets: the verified request, its decoded path parameters and its JSON body. */
export interface AmplifyCall {
  request: ServiceRequest;
  params: Record<string, string>;
  body: Record<string, unknown>;
  region: string;
  now: Date;
}

export interface AmplifyRoute {
  method: string;
  /** Path segments; `{name}` captures one decoded segment. */
  path: string;
  run(call: AmplifyCall): WireRecord | Promise<WireRecord>;
}

/** Epoch seconds with milliseconds, as the service's timestamps come. */
export const epochSeconds = (date: Date): number => date.getTime() / 1000;

const MAX_TAGS = 50;

export const appArn = (region: string, appId: string): string => `arn:aws:amplify:${region}:${LOCAL_ACCOUNT_ID}:apps/${appId}`;

/** The apps and backend environments of the Amplify service, and the tags on its resources. */
export class AmplifyApps {
  constructor(
    readonly store: AmplifyStore,
    /** Called before an app's records go, to remove what it keeps outside the database. */
    private readonly beforeAppDeleted: (appId: string) => void = () => undefined,
  ) {}

  /** The app, or NotFoundException as the service answers for an app of another region or none. */
  requireApp(region: string, appIdValue: string | undefined): WireRecord {
    const appId = checkString('appId', appIdValue, RULES.appId);
    const app = this.store.regionOf(appId) === region ? this.store.get({ kind: 'app', appId, name: appId }) : undefined;
    if (app === undefined) throw notFound(`App ${appId} not found.`);
    return app;
  }

  routes(): AmplifyRoute[] {
    return [
      { method: 'POST', path: '/apps', run: (call) => ({ app: this.createApp(call) }) },
      { method: 'GET', path: '/apps', run: (call) => this.listApps(call) },
      { method: 'GET', path: '/apps/{appId}', run: (call) => ({ app: this.requireApp(call.region, call.params.appId) }) },
      { method: 'POST', path: '/apps/{appId}', run: (call) => ({ app: this.updateApp(call) }) },
      { method: 'DELETE', path: '/apps/{appId}', run: (call) => ({ app: this.deleteApp(call) }) },
      { method: 'POST', path: '/apps/{appId}/backendenvironments', run: (call) => ({ backendEnvironment: this.createBackendEnvironment(call) }) },
      { method: 'GET', path: '/apps/{appId}/backendenvironments', run: (call) => this.listBackendEnvironments(call) },
      { method: 'GET', path: '/apps/{appId}/backendenvironments/{environmentName}', run: (call) => ({ backendEnvironment: this.requireBackendEnvironment(call) }) },
      { method: 'DELETE', path: '/apps/{appId}/backendenvironments/{environmentName}', run: (call) => ({ backendEnvironment: this.deleteBackendEnvironment(call) }) },
      { method: 'POST', path: '/tags/{resourceArn}', run: (call) => this.tagResource(call) },
      { method: 'GET', path: '/tags/{resourceArn}', run: (call) => ({ tags: this.taggedResource(call).record.tags ?? {} }) },
      { method: 'DELETE', path: '/tags/{resourceArn}', run: (call) => this.untagResource(call) },
    ];
  }

  private createApp(call: AmplifyCall): WireRecord {
    const { body, region, now } = call;
    const name = checkString('name', body.name, RULES.name);
    const appId = `d${ids.lowerAlnum(13)}`;
    const app: WireRecord = {
      appId,
      appArn: appArn(region, appId),
      name,
      description: '',
      repository: '',
      platform: 'WEB',
      createTime: epochSeconds(now),
      updateTime: epochSeconds(now),
      environmentVariables: {},
      defaultDomain: `${appId}.amplifyapp.com`,
      enableBranchAutoBuild: false,
      enableBranchAutoDeletion: false,
      enableBasicAuth: false,
      // A new app rewrites every unknown path to the index page, as the console's default rule does.
      customRules: [{ source: '/<*>', target: '/index.html', status: '404-200' }],
      enableAutoBranchCreation: false,
      cacheConfig: { type: 'AMPLIFY_MANAGED_NO_COOKIES' },
      jobConfig: { buildComputeType: 'STANDARD_8GB' },
      ...readAppSettings(body),
    };
    const tags = readTags(body);
    if (tags !== undefined) app.tags = tags;
    if (app.repository !== '') app.repositoryCloneMethod = body.accessToken !== undefined ? 'TOKEN' : 'SSH';
    this.store.put({ kind: 'app', appId, name: appId }, region, app);
    return app;
  }

  private listApps(call: AmplifyCall): WireRecord {
    const apps = this.store.apps(call.region).map((entry) => entry.app);
    const { page, nextToken } = pageOf(apps, call.request.query, 100);
    return { apps: page, ...(nextToken === undefined ? {} : { nextToken }) };
  }

  private updateApp(call: AmplifyCall): WireRecord {
    const app = this.requireApp(call.region, call.params.appId);
    const name = optionalString(call.body, 'name', RULES.name);
    const updated: WireRecord = { ...app, ...readAppSettings(call.body), ...(name === undefined ? {} : { name }), updateTime: epochSeconds(call.now) };
    this.store.put({ kind: 'app', appId: String(app.appId), name: String(app.appId) }, call.region, updated);
    return updated;
  }

  private deleteApp(call: AmplifyCall): WireRecord {
    const app = this.requireApp(call.region, call.params.appId);
    const appId = String(app.appId);
    this.beforeAppDeleted(appId);
    this.store.deleteApp(appId);
    return app;
  }

  private createBackendEnvironment(call: AmplifyCall): WireRecord {
    const app = this.requireApp(call.region, call.params.appId);
    const appId = String(app.appId);
    const environmentName = checkString('environmentName', call.body.environmentName, RULES.environmentName);
    const stackName = optionalString(call.body, 'stackName', RULES.stackName);
    const deploymentArtifacts = optionalString(call.body, 'deploymentArtifacts', RULES.deploymentArtifacts);
    const key = { kind: 'backend-environment' as const, appId, name: environmentName };
    if (this.store.get(key) !== undefined) throw badRequest(`Backend environment ${environmentName} already exists for app ${appId}.`);
    const environment: WireRecord = {
      backendEnvironmentArn: `${String(app.appArn)}/backendenvironments/${environmentName}`,
      environmentName,
      createTime: epochSeconds(call.now),
      updateTime: epochSeconds(call.now),
      ...(stackName === undefined ? {} : { stackName }),
      ...(deploymentArtifacts === undefined ? {} : { deploymentArtifacts }),
    };
    this.store.put(key, call.region, environment);
    return environment;
  }

  private requireBackendEnvironment(call: AmplifyCall): WireRecord {
    const app = this.requireApp(call.region, call.params.appId);
    const environmentName = checkString('environmentName', call.params.environmentName, RULES.environmentName);
    const environment = this.store.get({ kind: 'backend-environment', appId: String(app.appId), name: environmentName });
    if (environment === undefined) throw notFound(`Backend environment ${environmentName} not found for app ${String(app.appId)}.`);
    return environment;
  }

  private listBackendEnvironments(call: AmplifyCall): WireRecord {
    const app = this.requireApp(call.region, call.params.appId);
    const filter = call.request.query.get('environmentName');
    const environments = this.store.list('backend-environment', String(app.appId)).filter((environment) => filter === null || filter === '' || environment.environmentName === filter);
    const { page, nextToken } = pageOf(environments, call.request.query, 50);
    return { backendEnvironments: page, ...(nextToken === undefined ? {} : { nextToken }) };
  }

  private deleteBackendEnvironment(call: AmplifyCall): WireRecord {
    const environment = this.requireBackendEnvironment(call);
    this.store.delete({ kind: 'backend-environment', appId: call.params.appId, name: String(environment.environmentName) });
    return environment;
  }

  /** The app or branch an ARN names, with how to write it back. */
  private taggedResource(call: AmplifyCall): { record: WireRecord; save(record: WireRecord): void } {
    const arn = call.params.resourceArn;
    const match = /^arn:aws:amplify:([^:]+):(\d{12}):apps\/([^/]+)(?:\/branches\/(.+))?$/.exec(arn);
    if (match === null) throw badRequest(`Invalid resourceArn '${arn}': give an app's appArn or a branch's branchArn.`);
    const [, region, account, appId, branchName] = match;
    const missing = new AmplifyServiceError('ResourceNotFoundException', `Resource ${arn} not found.`);
    if (account !== LOCAL_ACCOUNT_ID || this.store.regionOf(appId) !== region) throw missing;
    const key = branchName === undefined ? { kind: 'app' as const, appId, name: appId } : { kind: 'branch' as const, appId, name: branchName };
    const record = this.store.get(key);
    if (record === undefined) throw missing;
    return { record, save: (updated) => this.store.put(key, region, updated) };
  }

  private tagResource(call: AmplifyCall): WireRecord {
    const tags = readTags(call.body);
    if (tags === undefined) throw badRequest("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
    const resource = this.taggedResource(call);
    const merged = { ...((resource.record.tags as Record<string, string> | undefined) ?? {}), ...tags };
    if (Object.keys(merged).length > MAX_TAGS) throw badRequest(`A resource takes at most ${MAX_TAGS} tags; it would have ${Object.keys(merged).length}.`);
    resource.save({ ...resource.record, tags: merged });
    return {};
  }

  private untagResource(call: AmplifyCall): WireRecord {
    const keys = call.request.query.getAll('tagKeys');
    if (keys.length === 0) throw badRequest("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    keys.forEach((key) => checkString('tagKeys', key, RULES.tagKey));
    const resource = this.taggedResource(call);
    const tags = { ...((resource.record.tags as Record<string, string> | undefined) ?? {}) };
    for (const key of keys) delete tags[key];
    resource.save({ ...resource.record, tags });
    return {};
  }
}

function readTags(body: Record<string, unknown>): Record<string, string> | undefined {
  const tags = optionalStringMap(body, 'tags', RULES.tagKey, RULES.tagValue);
  if (tags !== undefined && Object.keys(tags).length > MAX_TAGS) throw badRequest(`A resource takes at most ${MAX_TAGS} tags, not ${Object.keys(tags).length}.`);
  return tags;
}

/** The app settings CreateApp and UpdateApp share, only those given (secrets such as tokens are never kept). */
function readAppSettings(body: Record<string, unknown>): WireRecord {
  const settings: WireRecord = {
    description: optionalString(body, 'description', RULES.description),
    repository: optionalString(body, 'repository', RULES.repository),
    platform: optionalString(body, 'platform', RULES.platform),
    computeRoleArn: optionalString(body, 'computeRoleArn', RULES.roleArn),
    iamServiceRoleArn: optionalString(body, 'iamServiceRoleArn', RULES.roleArn),
    environmentVariables: optionalStringMap(body, 'environmentVariables', RULES.envKey, RULES.envValue),
    enableBranchAutoBuild: optionalBoolean(body, 'enableBranchAutoBuild'),
    enableBranchAutoDeletion: optionalBoolean(body, 'enableBranchAutoDeletion'),
    enableBasicAuth: optionalBoolean(body, 'enableBasicAuth'),
    basicAuthCredentials: optionalString(body, 'basicAuthCredentials', RULES.basicAuthCredentials),
    customRules: readCustomRules(body),
    buildSpec: optionalString(body, 'buildSpec', RULES.buildSpec),
    customHeaders: optionalString(body, 'customHeaders', RULES.customHeaders),
    enableAutoBranchCreation: optionalBoolean(body, 'enableAutoBranchCreation'),
    autoBranchCreationPatterns: optionalStringList(body, 'autoBranchCreationPatterns', RULES.pattern),
    autoBranchCreationConfig: optionalObject(body, 'autoBranchCreationConfig'),
    jobConfig: readEnumObject(body, 'jobConfig', 'buildComputeType', /^(STANDARD_8GB|LARGE_16GB|XLARGE_72GB)$/),
    cacheConfig: readEnumObject(body, 'cacheConfig', 'type', /^(AMPLIFY_MANAGED|AMPLIFY_MANAGED_NO_COOKIES)$/),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/** Rewrite and redirect rules: source and target required, status such as `200`, `301`, `404-200`. */
export function readCustomRules(body: Record<string, unknown>): WireRecord[] | undefined {
  const rules = optionalObjectList(body, 'customRules');
  return rules?.map((rule, index) => {
    const member = `customRules.${index + 1}`;
    const status = optionalString(rule, 'status', RULES.ruleStatus);
    if (status !== undefined && !/^(200|301|302|404|404-200)$/.test(status)) {
      throw badRequest(`${member}.status '${status}' is not a rule status: use 200 (rewrite), 301 or 302 (redirect), 404 or 404-200.`);
    }
    const condition = optionalString(rule, 'condition', RULES.ruleCondition);
    return {
      source: checkString(`${member}.source`, rule.source, RULES.ruleSource),
      target: checkString(`${member}.target`, rule.target, RULES.ruleTarget),
      ...(status === undefined ? {} : { status }),
      ...(condition === undefined ? {} : { condition }),
    };
  });
}

function readEnumObject(body: Record<string, unknown>, member: string, field: string, values: RegExp): WireRecord | undefined {
  const value = optionalObject(body, member);
  if (value === undefined) return undefined;
  return { [field]: checkString(`${member}.${field}`, value[field], { min: 1, max: 100, pattern: values }) };
}

/**
 * The Amplify REST-JSON API (SigV4 service `amplify`) over `routes`: the path is matched segment by segment
 * (labels are percent-decoded, so an ARN with `/` is one segment), the body parsed as JSON, and failures
 * rendered as AWS renders them.
 */
export function createAmplifyHandler(routes: readonly AmplifyRoute[], serviceName = 'Amplify', now: () => Date = () => new Date()): ServiceHandler {
  const compiled = routes.map((route) => ({ route, segments: route.path.split('/').slice(1) }));
  return async (request) => {
    try {
      const segments = request.path.split('?')[0].split('/').slice(1).map(decodeSegment);
      let pathMatched = false;
      for (const { route, segments: pattern } of compiled) {
        const params = matchSegments(pattern, segments);
        if (params === undefined) continue;
        pathMatched = true;
        if (route.method !== request.method) continue;
        const result = await route.run({ request, params, body: request.method === 'GET' || request.method === 'DELETE' ? {} : parseJsonBody(request.body), region: request.region, now: now() });
        return json(200, result);
      }
      const what = `${request.method} ${request.path.split('?')[0]}`;
      throw pathMatched
        ? badRequest(`The ${serviceName} service has no operation ${what}.`)
        : new AmplifyServiceError('NotFoundException', `The local cloud's ${serviceName} service has no operation at ${what}.`);
    } catch (error) {
      if (error instanceof AmplifyServiceError) return amplifyErrorResponse(error);
      throw error;
    }
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The path segment '${segment}' is not valid percent-encoding.`);
  }
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const part = pattern[index];
    if (part.startsWith('{')) {
      if (segments[index] === '') return undefined;
      params[part.slice(1, -1)] = segments[index];
    } else if (part !== segments[index]) return undefined;
  }
  return params;
}

function json(status: number, body: unknown): ServiceResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
