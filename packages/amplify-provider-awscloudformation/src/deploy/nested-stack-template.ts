import { AmplifyError, AmplifyFault } from 'amplify-cli-core';
import type * as SpecModule from 'amplify-cloudformation-spec';
import { updateRolesWithIdpResources } from '../root-stack/update-roles-with-idp';
import { type CfnTemplate, rootStackTemplate } from '../root-stack/root-stack-template';
import type { DependsOn } from '../project/project-types';

/** One category resource as it becomes a nested stack of the root template. */
export interface NestedStackInput {
  category: string;
  resourceName: string;
  templateUrl: string;
  /** parameters.json merged with the env-specific values of team-provider-info. */
  parameters: Record<string, unknown>;
  dependsOn?: DependsOn[];
  /** Parameter names the nested template declares, when known: CloudFormation rejects undeclared ones. */
  declaredParameters?: ReadonlySet<string>;
}

/** `<category><resourceName>`: the nested stack's logical id, which dependants use in `Fn::GetAtt`. */
export function nestedStackLogicalId(category: string, resourceName: string): string {
  return `${category}${resourceName}`;
}

/** A CloudFormation intrinsic function call: an object with one key, `Ref` or `Fn::<name>`. */
export type Intrinsic = { [name: string]: unknown };

/** Recognised as the specification package recognises it; required here because the provider's entry must stay light. */
export function isIntrinsic(value: unknown): value is Intrinsic {
  return (require('amplify-cloudformation-spec') as typeof SpecModule).intrinsicCallOf(value) !== undefined;
}

/**
 * A nested stack parameter value. CloudFormation parameters are strings, and lists become comma-separated (the
 * original's rule); an intrinsic (`{"Ref":"AuthRoleName"}`, `{"Fn::GetAtt":["AuthRole","Arn"]}`, ...) is kept as
 * it is, so the root stack resolves it, also inside a list.
 */
export function parameterValue(value: unknown): string | Intrinsic {
  if (isIntrinsic(value)) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => parameterValue(item));
    if (items.some((item) => typeof item !== 'string')) return { 'Fn::Join': [',', items] };
    return items.join(',');
  }
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface NestedRootOptions {
  /**
   * Logical id of the auth stack whose identity pool the root roles must trust (its `IdentityPoolId` output);
   * adds the `UpdateRolesWithIDPFunction` custom resource.
   */
  identityPoolStack?: string;
}

/**
 * The root template of a push: the root stack's own resources plus one `AWS::CloudFormation::Stack` per
 * resource, wired to its dependencies' outputs with `Fn::GetAtt` (or `Fn::ImportValue` for exports), and the
 * trust-policy custom resource when the project has an identity pool.
 */
export function buildNestedRootTemplate(resources: NestedStackInput[], envName: string, options: NestedRootOptions = {}): CfnTemplate {
  const template = rootStackTemplate();
  const logicalIds = new Set(resources.map((r) => nestedStackLogicalId(r.category, r.resourceName)));
  // Code-point order: `localeCompare` would load ICU's collator, about 12 ms of every push of two or more resources.
  const byLogicalId = (a: NestedStackInput, b: NestedStackInput) => {
    const [left, right] = [nestedStackLogicalId(a.category, a.resourceName), nestedStackLogicalId(b.category, b.resourceName)];
    return left < right ? -1 : left > right ? 1 : 0;
  };
  for (const resource of [...resources].sort(byLogicalId)) {
    const logicalId = nestedStackLogicalId(resource.category, resource.resourceName);
    const parameters: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource.parameters)) parameters[key] = parameterValue(value);
    for (const dependency of resource.dependsOn ?? []) {
      const dependencyId = nestedStackLogicalId(dependency.category, dependency.resourceName);
      for (const attribute of dependency.attributes) {
        const exportName = dependency.exports?.[attribute];
        if (exportName !== undefined) {
          parameters[`${dependencyId}${attribute}`] = { 'Fn::ImportValue': exportName };
          continue;
        }
        if (!logicalIds.has(dependencyId)) {
          throw new AmplifyError('DependencyNotDeployed', `${resource.category} ${resource.resourceName} depends on ${dependency.category} ${dependency.resourceName}, which is not deployed and not part of this push.`, {
            resolution: `Run "amplify push" without a category filter, or add ${dependency.category} ${dependency.resourceName} back.`,
          });
        }
        parameters[`${dependencyId}${attribute}`] = { 'Fn::GetAtt': [dependencyId, `Outputs.${attribute}`] };
      }
    }
    parameters.env = envName;
    const declared = resource.declaredParameters;
    const passed = declared ? Object.fromEntries(Object.entries(parameters).filter(([key]) => declared.has(key))) : parameters;
    template.Resources[logicalId] = {
      Type: 'AWS::CloudFormation::Stack',
      Properties: { TemplateURL: resource.templateUrl, Parameters: passed },
    };
  }
  if (options.identityPoolStack !== undefined) {
    if (!logicalIds.has(options.identityPoolStack)) {
      throw new AmplifyFault('IdentityPoolStackMissing', `The identity pool stack ${options.identityPoolStack} is not one of the nested stacks of this push.`);
    }
    Object.assign(template.Resources, updateRolesWithIdpResources(options.identityPoolStack));
  }
  return template;
}
