import type { ProjectConfig } from '../state/types';

/** One condition of a data-driven question (category walkthroughs ship these in JSON). */
export interface WhenCondition {
  /** The answer key to test; for `configMatch`, a dotted path into project-config.json (e.g. `frontend`). */
  key: string;
  operator: '=' | '!=' | 'includes' | 'configMatch';
  value: unknown;
}

export interface ConditionalQuestion {
  key: string;
  /** Asked only when all hold. */
  andConditions?: WhenCondition[];
  /** Asked only when at least one holds. */
  orConditions?: WhenCondition[];
  /** On update: `always` = never asked again (add only); `exists` = not asked when a previous value is set. */
  preventEdit?: 'always' | 'exists';
  /** `never` = asked on update only. */
  onCreate?: 'never';
}

/** What `getWhen` needs of `context.amplify` (only for `configMatch`). */
export interface ProjectConfigSource {
  getProjectConfig(): ProjectConfig;
}

type Answers = Record<string, unknown>;

function configValue(config: ProjectConfig, dottedPath: string): unknown {
  let value: unknown = config;
  for (const part of dottedPath.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Builds the `when` of a data-driven question: whether to ask it, given the answers so far, the
 * values of the resource being updated (`previousValues`, absent when adding) and, for `configMatch`, the project
 * configuration. An answer not given in this run falls back to its previous value, so conditions on update see
 * the resource as it is.
 */
export function getWhen(
  question: ConditionalQuestion,
  answers: Answers,
  previousValues?: Answers,
  amplify?: ProjectConfigSource,
): (current?: Answers) => boolean {
  return (current = answers) => {
    const isUpdate = previousValues !== undefined;
    if (isUpdate && question.preventEdit === 'always') return false;
    if (isUpdate && question.preventEdit === 'exists' && previousValues[question.key] !== undefined) return false;
    if (!isUpdate && question.onCreate === 'never') return false;

    const holds = (condition: WhenCondition): boolean => {
      if (condition.operator === 'configMatch') {
        return amplify !== undefined && configValue(amplify.getProjectConfig(), condition.key) === condition.value;
      }
      const answer = condition.key in current ? current[condition.key] : previousValues?.[condition.key];
      switch (condition.operator) {
        case '=':
          return answer === condition.value;
        case '!=':
          return answer !== condition.value;
        case 'includes':
          return (Array.isArray(answer) || typeof answer === 'string') && answer.includes(condition.value as never);
      }
    };
    if (question.andConditions && !question.andConditions.every(holds)) return false;
    if (question.orConditions && !question.orConditions.some(holds)) return false;
    return true;
  };
}
