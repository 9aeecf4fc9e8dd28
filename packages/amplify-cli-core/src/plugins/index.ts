export * from './plugin-types';
export * from './plugin-classification';
export * from './plugin-manifest';
export { isOptionWord, readOption, type ReadOption } from './command-line';
export { pluginManifestSchema, validateJsonSchema } from './plugin-manifest-schema';
export type { JsonSchema } from './plugin-manifest-schema';
