import type { ResourceStatus, StatusResource } from './resource-status';

export type StatusOperation = 'Create' | 'Update' | 'Delete' | 'No Change';

export interface StatusRow {
  /** As displayed: first letter upper case, the rest lower case (`Auth`, `Api`). */
  category: string;
  resourceName: string;
  operation: StatusOperation;
  providerPlugin: string;
}

export const STATUS_TABLE_HEADER = ['Category', 'Resource name', 'Operation', 'Provider plugin'] as const;

function displayCategory(category: string): string {
  return category.charAt(0).toUpperCase() + category.slice(1).toLowerCase();
}

function rows(resources: StatusResource[], operation: StatusOperation): StatusRow[] {
  return resources.map((r) => ({
    category: displayCategory(r.category),
    resourceName: r.resourceName,
    operation,
    providerPlugin: r.providerPlugin,
  }));
}

/** The rows of `amplify status`, in the original's order: Create, Update, Delete, then No Change. */
export function getStatusTable(status: ResourceStatus): StatusRow[] {
  const changed = new Set(
    [...status.resourcesToBeCreated, ...status.resourcesToBeUpdated].map((r) => `${r.category}\0${r.resourceName}`),
  );
  const unchanged = status.allResources.filter((r) => !changed.has(`${r.category}\0${r.resourceName}`));
  return [
    ...rows(status.resourcesToBeCreated, 'Create'),
    ...rows(status.resourcesToBeUpdated, 'Update'),
    ...rows(status.resourcesToBeDeleted, 'Delete'),
    ...rows(unchanged, 'No Change'),
  ];
}

/** Whether a push has anything to do (resources to change, or new stack tags). */
export function hasChanges(status: ResourceStatus): boolean {
  return (
    status.tagsUpdated ||
    status.resourcesToBeCreated.length + status.resourcesToBeUpdated.length + status.resourcesToBeDeleted.length > 0
  );
}
