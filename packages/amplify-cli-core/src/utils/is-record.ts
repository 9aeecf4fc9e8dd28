/**
 * A JSON-object-like value: not null, not an array. The one guard for reading parsed JSON and untyped inputs;
 * guards for domain types (a template, a frontend config object) narrow further through it. The CloudFormation
 * spec library keeps its own (`isPlainObject`) because it depends on nothing of the CLI.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
