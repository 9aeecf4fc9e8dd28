import { type AmplifyContext, AmplifyError, type CategoryPlugin, type PermissionPolicies } from 'amplify-cli-core';
import type { ResourceAccess } from '../function-definition';
import type { ResolvedAccess } from '../template/lambda-template';

/** A category's `getPermissionPolicies`, bound to the running command; undefined when the category offers none. */
export type PermissionPoliciesSource = (category: string) => ((resourceOpsMapping: Record<string, string[]>) => Promise<PermissionPolicies>) | undefined;

/** The other categories' plugins, reached through `context.amplify.getPluginInstance` (loaded only when asked). */
export function pluginPolicies(context: AmplifyContext): PermissionPoliciesSource {
  return (category) => {
    const getPermissionPolicies = (context.amplify.getPluginInstance(context, category) as CategoryPlugin | undefined)?.getPermissionPolicies;
    return typeof getPermissionPolicies === 'function' ? (mapping) => getPermissionPolicies(context, mapping) : undefined;
  };
}

/** A category may return one statement or a list of them per resource. */
function statementsOf(policy: unknown): unknown[] {
  return Array.isArray(policy) ? policy : policy === undefined || policy === null ? [] : [policy];
}

/**
 * Asks each category that owns a selected resource for the IAM statements and output attributes the operations
 * need (`getPermissionPolicies(context, {resource: operations})`, the original's contract). A category whose plugin
 * does not offer it fails the choice.
 */
export async function resolveAccess(access: readonly ResourceAccess[], policies: PermissionPoliciesSource): Promise<ResolvedAccess[]> {
  const byCategory = new Map<string, ResourceAccess[]>();
  for (const entry of access) byCategory.set(entry.category, [...(byCategory.get(entry.category) ?? []), entry]);
  const resolved: ResolvedAccess[] = [];
  for (const [category, entries] of byCategory) {
    const getPermissionPolicies = policies(category);
    if (!getPermissionPolicies) {
      throw new AmplifyError('AccessNotSupported', `The ${category} category does not tell functions which permissions its resources need (no getPermissionPolicies)`, {
        resolution: `Leave ${category} out of the function's resource access, or install a version of amplify-category-${category} that supports it`,
      });
    }
    const result = await getPermissionPolicies(Object.fromEntries(entries.map((entry) => [entry.resourceName, [...entry.operations]])));
    for (const entry of entries) {
      const index = result.resourceAttributes.findIndex((attributes) => attributes.resourceName === entry.resourceName);
      if (index < 0) {
        throw new AmplifyError('AccessNotSupported', `The ${category} category returned no attributes for ${entry.resourceName}`, {
          resolution: `Check that ${category} ${entry.resourceName} exists ("amplify status"), or leave it out of the function's resource access`,
        });
      }
      resolved.push({
        category,
        resourceName: entry.resourceName,
        attributes: [...result.resourceAttributes[index].attributes],
        // Policies come back in the order of resourceAttributes (the original builds both in one loop).
        statements: statementsOf(result.permissionPolicies[index]),
      });
    }
  }
  return resolved;
}
