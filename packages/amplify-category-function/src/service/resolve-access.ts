import { type AmplifyContext, AmplifyError, type CategoryPlugin, type PermissionPolicies } from 'amplify-cli-core';
import type { ResourceAccess } from '../function-definition';
import type { ResolvedAccess } from '../template/lambda-template';

/** How the other categories' plugins are reached: `context.amplify.getPluginInstance` in the CLI, a map in tests. */
export type CategoryPluginLookup = (category: string) => CategoryPlugin | undefined;

export function pluginLookup(context: AmplifyContext): CategoryPluginLookup {
  return (category) => context.amplify.getPluginInstance(context, category) as CategoryPlugin | undefined;
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
export async function resolveAccess(context: AmplifyContext, access: readonly ResourceAccess[], lookup: CategoryPluginLookup): Promise<ResolvedAccess[]> {
  const byCategory = new Map<string, ResourceAccess[]>();
  for (const entry of access) byCategory.set(entry.category, [...(byCategory.get(entry.category) ?? []), entry]);
  const resolved: ResolvedAccess[] = [];
  for (const [category, entries] of byCategory) {
    const getPermissionPolicies = lookup(category)?.getPermissionPolicies;
    if (typeof getPermissionPolicies !== 'function') {
      throw new AmplifyError('AccessNotSupported', `The ${category} category does not tell functions which permissions its resources need (no getPermissionPolicies)`, {
        resolution: `Leave ${category} out of the function's resource access, or install a version of amplify-category-${category} that supports it`,
      });
    }
    const mapping = Object.fromEntries(entries.map((entry) => [entry.resourceName, [...entry.operations]]));
    const result: PermissionPolicies = await getPermissionPolicies(context, mapping);
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
