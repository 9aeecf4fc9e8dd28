import { cfnConstruct, toCfnValue, type CfnConstruct, type CfnResourceJson } from './cfn-construct';

interface RestTemplateJson {
  Parameters?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<string, unknown>;
  Resources?: Record<string, unknown>;
  [section: string]: unknown;
}

/** The tree an override file receives for a REST API, shaped as the original's `AmplifyApigwResourceStackTemplate`. */
export interface AmplifyApigwResourceStackTemplate {
  restApi?: CfnConstruct;
  deploymentResource?: CfnConstruct;
  /** The Swagger `paths` of the API's body, as stored (`'/items'`, `'/items/{proxy+}'`). */
  paths: Record<string, unknown>;
  /** The Cognito group policies per API path: `policies['/items'].groups.Admins`. */
  policies: Record<string, { groups: Record<string, CfnConstruct> }>;
  lambdaPermissions: Record<string, CfnConstruct>;
  gatewayResponses: Record<string, CfnConstruct>;
  addCfnParameter(props: Record<string, unknown>, logicalId: string): void;
  addCfnOutput(props: { value: unknown; description?: string; exportName?: unknown; condition?: string }, logicalId: string): void;
  addCfnCondition(props: { expression: unknown }, logicalId: string): void;
  addCfnResource(props: { type: string; properties?: Record<string, unknown> }, logicalId: string): void;
}

function section(template: RestTemplateJson, name: 'Parameters' | 'Conditions' | 'Outputs' | 'Resources'): Record<string, unknown> {
  return (template[name] ??= {});
}

/**
 * The override tree over a REST API's template, which it edits in place. `pathGroups` are the API's paths with
 * the Cognito groups granted on each, to find their policies.
 */
export function restOverrideResources(apiName: string, template: RestTemplateJson, pathGroups: Record<string, string[]>): AmplifyApigwResourceStackTemplate {
  const resources = Object.entries(template.Resources ?? {}) as [string, CfnResourceJson][];
  const construct = (id: string | undefined) => {
    const resource = id === undefined ? undefined : (template.Resources?.[id] as CfnResourceJson | undefined);
    return resource && id ? cfnConstruct(id, resource) : undefined;
  };
  const ofType = (type: string) => Object.fromEntries(resources.filter(([, r]) => r.Type === type).map(([id, r]) => [id, cfnConstruct(id, r)]));
  const restApi = resources.find(([id, r]) => id === apiName && r.Type === 'AWS::ApiGateway::RestApi');
  const body = (restApi?.[1].Properties?.Body ?? {}) as { paths?: Record<string, unknown> };
  const policies: AmplifyApigwResourceStackTemplate['policies'] = {};
  for (const [apiPath, groups] of Object.entries(pathGroups)) {
    const entries = groups.map((group) => [group, construct(`${group}Group${apiPath.replace(/[^a-zA-Z0-9]/g, '')}Policy`)] as const);
    policies[apiPath] = { groups: Object.fromEntries(entries.filter((entry): entry is readonly [string, CfnConstruct] => entry[1] !== undefined)) };
  }
  return {
    restApi: restApi && cfnConstruct(...restApi),
    deploymentResource: construct(resources.find(([, r]) => r.Type === 'AWS::ApiGateway::Deployment')?.[0]),
    paths: (body.paths ??= {}),
    policies,
    lambdaPermissions: ofType('AWS::Lambda::Permission'),
    gatewayResponses: ofType('AWS::ApiGateway::GatewayResponse'),
    addCfnParameter: (props, logicalId) => {
      section(template, 'Parameters')[logicalId] = toCfnValue(props, undefined, undefined);
    },
    addCfnOutput: ({ value, description, exportName, condition }, logicalId) => {
      section(template, 'Outputs')[logicalId] = {
        Value: value,
        ...(description !== undefined ? { Description: description } : {}),
        ...(exportName !== undefined ? { Export: { Name: exportName } } : {}),
        ...(condition !== undefined ? { Condition: condition } : {}),
      };
    },
    addCfnCondition: ({ expression }, logicalId) => {
      section(template, 'Conditions')[logicalId] = expression;
    },
    addCfnResource: ({ type, properties }, logicalId) => {
      section(template, 'Resources')[logicalId] = { Type: type, ...(properties !== undefined ? { Properties: properties } : {}) };
    },
  };
}
