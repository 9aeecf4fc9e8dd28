import { getStatusTable, ResourceStatus, STATUS_TABLE_HEADER } from 'amplify-cli-core';
import type { Printer } from './printer';

/**
 * `amplify status` as the original prints it: the current environment, then the markdown table of
 * Category | Resource name | Operation | Provider plugin.
 */
export function printStatus(printer: Printer, status: ResourceStatus, envName: string | undefined): void {
  if (envName) {
    printer.info(`\n    Current Environment: ${envName}\n`);
  }
  const rows = getStatusTable(status).map((row) => [row.category, row.resourceName, row.operation, row.providerPlugin]);
  printer.table([[...STATUS_TABLE_HEADER], ...rows]);
  if (rows.length === 0) {
    printer.info('\nNo resources in this project yet. Add one with "amplify add <category>".');
  }
}
