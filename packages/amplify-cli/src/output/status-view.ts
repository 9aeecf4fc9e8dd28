import { type AmplifyMeta, getStatusTable, listResources, printable, ResourceStatus, STATUS_TABLE_HEADER } from 'amplify-cli-core';
import type { Printer } from './printer';

/**
 * `amplify status` as the original prints it: the current environment, then the markdown table of
 * Category | Resource name | Operation | Provider plugin. Names come from files anyone may have edited, so their
 * control characters are escaped.
 */
export function printStatus(printer: Printer, status: ResourceStatus, envName: string | undefined): void {
  if (envName) {
    printer.info(`\n    Current Environment: ${printable(envName)}\n`);
  }
  const rows = getStatusTable(status).map((row) => [row.category, row.resourceName, row.operation, row.providerPlugin].map(printable));
  printer.table([[...STATUS_TABLE_HEADER], ...rows]);
  if (rows.length === 0) {
    printer.info('\nNo resources in this project yet. Add one with "amplify add <category>".');
  }
}

/**
 * What the original prints after the status table for deployed APIs: the GraphQL endpoint and its API key, and each
 * REST API's root URL. Nothing for APIs not pushed yet.
 */
export function printApiEndpoints(printer: Printer, meta: AmplifyMeta): void {
  const lines: string[] = [];
  for (const [category, , entry] of listResources(meta)) {
    if (category !== 'api') continue;
    const output = (entry.output ?? {}) as Record<string, unknown>;
    if (entry.service === 'AppSync' && typeof output.GraphQLAPIEndpointOutput === 'string') {
      lines.push(`GraphQL endpoint: ${output.GraphQLAPIEndpointOutput}`);
      if (typeof output.GraphQLAPIKeyOutput === 'string') lines.push(`GraphQL API KEY: ${output.GraphQLAPIKeyOutput}`);
    }
    if (entry.service === 'API Gateway' && typeof output.RootUrl === 'string') lines.push(`REST API endpoint: ${output.RootUrl}`);
  }
  if (lines.length > 0) printer.info(`\n${lines.join('\n')}\n`);
}
