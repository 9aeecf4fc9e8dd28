// SCAFFOLD (replaced by the schema work).
import type { Analysis } from '../analysis';

export function printTransformedSchema(_analysis: Analysis): string {
  throw new Error('printTransformedSchema: not implemented yet');
}
