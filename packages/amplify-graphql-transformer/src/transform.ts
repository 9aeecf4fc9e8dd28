import { analyzeSchema } from './analysis';
import { synthesizeResources } from './resources';
import { printTransformedSchema } from './schema';
import type { TransformInput, TransformOutput } from './transform-types';

/**
 * Compiles an annotated schema: analysis validates it and decides every name, then the AppSync schema and the
 * stacks and resolvers are produced from that one analysis. Throws `TransformError` and produces nothing when the
 * schema or its configuration is refused.
 */
export function transform(input: TransformInput): TransformOutput {
  const analysis = analyzeSchema(input);
  const schema = printTransformedSchema(analysis);
  const resources = synthesizeResources(analysis.model, input);
  return { schema, ...resources, warnings: [...analysis.warnings, ...resources.warnings] };
}
