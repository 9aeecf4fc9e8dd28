import type { IncomingHttpHeaders } from 'http';
import type { GraphQlRequest } from './graphql-execution';

/** Lower-case header names with single values, as authorizers and `$ctx.request.headers` see them. */
export function flattenHeaders(headers: IncomingHttpHeaders | Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return flat;
}

/** A GraphQL request body (`{query, variables, operationName}`), or undefined when it is not one. */
export function parseGraphQlBody(body: Buffer | string): GraphQlRequest | undefined {
  try {
    const parsed = JSON.parse(body.toString()) as unknown;
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { query?: unknown }).query !== 'string') return undefined;
    const { query, variables, operationName } = parsed as { query: string; variables?: unknown; operationName?: unknown };
    return {
      query,
      variables: typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : undefined,
      operationName: typeof operationName === 'string' ? operationName : undefined,
    };
  } catch {
    return undefined;
  }
}
