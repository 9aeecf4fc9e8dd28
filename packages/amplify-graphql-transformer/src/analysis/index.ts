// SCAFFOLD (replaced by the analysis work): the signature the facade and the printer rely on.
import type { DocumentNode } from 'graphql';
import type { ApiModel } from '../model/api-model';
import type { TransformInput } from '../transform-types';

export interface Analysis {
  model: ApiModel;
  /** The user's schema (sources joined, `input AMPLIFY` removed), parsed and validated. */
  document: DocumentNode;
  warnings: string[];
}

export function analyzeSchema(_input: TransformInput): Analysis {
  throw new Error('analyzeSchema: not implemented yet');
}
