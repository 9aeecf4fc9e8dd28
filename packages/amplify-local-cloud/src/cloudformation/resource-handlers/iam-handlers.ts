import { generatedName, ids } from '../physical-ids';
import { canonicalJson, TemplateValue } from '../template-value';
import { genericHandler, provisionGeneric, resourceName } from './generic-handler';
import type { HandlerEnvironment, ResourceHandler, ResourceRequest } from './resource-handler';

function iamPath(properties: Record<string, TemplateValue>): string {
  return typeof properties.Path === 'string' ? properties.Path : '/';
}

function iamArn(request: ResourceRequest, kind: string, name: string): string {
  return `arn:aws:iam::${request.stack.accountId}:${kind}${iamPath(request.properties)}${name}`;
}

/**
 * `AWS::IAM::Role`: Ref is the role name; RoleId is an `AROA...` unique id. When CloudFormation sets the role, the trust
 * policy comes from the template again, replacing one set through the IAM API.
 */
export function iamRoleHandler(environment: HandlerEnvironment): ResourceHandler {
  return {
    async create(request) {
      const name = resourceName(request, { maxLength: 64 });
      environment.store.setTrustPolicy(name, undefined);
      return { physicalId: name, attributes: { Arn: iamArn(request, 'role', name), RoleId: ids.iam('AROA') } };
    },
    async update(request) {
      if (canonicalJson(request.properties.AssumeRolePolicyDocument) !== canonicalJson(request.previousProperties.AssumeRolePolicyDocument)) {
        environment.store.setTrustPolicy(request.physicalId, undefined);
      }
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      environment.store.setTrustPolicy(request.physicalId, undefined);
    },
  };
}

/** `AWS::IAM::ManagedPolicy`: Ref is the policy ARN; PolicyId is an `ANPA...` unique id. */
export const iamManagedPolicyHandler: ResourceHandler = {
  ...genericHandler,
  async create(request) {
    const given = request.properties.ManagedPolicyName;
    const name = typeof given === 'string' ? given : generatedName(request.stack.stackName, request.logicalId, { maxLength: 128 });
    const arn = iamArn(request, 'policy', name);
    return { physicalId: arn, attributes: { PolicyArn: arn, PolicyId: ids.iam('ANPA') } };
  },
};

/** `AWS::IAM::Policy` (inline policy): Ref is a generated id as CloudFormation makes it. */
export const iamPolicyHandler: ResourceHandler = {
  ...genericHandler,
  async create(request) {
    const resource = provisionGeneric(request);
    return { ...resource, physicalId: `${request.stack.stackName.slice(0, 5)}-${request.logicalId.slice(0, 5)}-${ids.upperAlnum(12)}` };
  },
};
