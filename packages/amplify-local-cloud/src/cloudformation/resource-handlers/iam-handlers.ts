import { generatedName, ids } from '../physical-ids';
import { TemplateValue } from '../template-value';
import { genericHandler, provisionGeneric, resourceName } from './generic-handler';
import type { ResourceHandler, ResourceRequest } from './resource-handler';

function iamPath(properties: Record<string, TemplateValue>): string {
  return typeof properties.Path === 'string' ? properties.Path : '/';
}

function iamArn(request: ResourceRequest, kind: string, name: string): string {
  return `arn:aws:iam::${request.stack.accountId}:${kind}${iamPath(request.properties)}${name}`;
}

/** `AWS::IAM::Role`: Ref is the role name; RoleId is an `AROA...` unique id. */
export const iamRoleHandler: ResourceHandler = {
  ...genericHandler,
  async create(request) {
    const name = resourceName(request, { maxLength: 64 });
    return { physicalId: name, attributes: { Arn: iamArn(request, 'role', name), RoleId: ids.iam('AROA') } };
  },
};

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
