/**
 * Validators built from the question descriptors category plugins ship in JSON.
 */
export type ValidationOperator = 'includes' | 'regex' | 'range' | 'noEmptyArray';

export interface QuestionValidation {
  operator: ValidationOperator;
  /** Substring for `includes`, pattern for `regex`, `{min, max}` for `range`. */
  value?: string | { min: number; max: number };
  onErrorMsg?: string;
}

export interface ValidatedQuestion {
  validation?: QuestionValidation;
  /** A non-empty answer is needed. */
  required?: boolean;
}

/** An answer as prompts give it: text, a number, or a list from a multi-select. */
export type Answer = string | number | boolean | ReadonlyArray<unknown> | undefined | null;

function isEmpty(answer: Answer): boolean {
  if (answer === undefined || answer === null) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (Array.isArray(answer)) return answer.length === 0;
  return false;
}

function check(validation: QuestionValidation, answer: Answer): boolean {
  const text = typeof answer === 'string' ? answer : String(answer ?? '');
  switch (validation.operator) {
    case 'includes':
      return typeof validation.value === 'string' && text.includes(validation.value);
    case 'regex':
      return typeof validation.value === 'string' && new RegExp(validation.value).test(text);
    case 'range': {
      const range = validation.value;
      const n = typeof answer === 'number' ? answer : Number(text);
      return typeof range === 'object' && text.trim() !== '' && !Number.isNaN(n) && n >= range.min && n <= range.max;
    }
    case 'noEmptyArray':
      return Array.isArray(answer) && answer.length > 0;
  }
}

/**
 * Returns a prompt validator for `question`: `true` when the answer passes, otherwise the question's `onErrorMsg`
 * (or a generic message). `required` is checked first; an empty optional answer skips the operator check.
 */
export function inputValidation(question: ValidatedQuestion): (answer: Answer) => true | string {
  return (answer) => {
    const empty = isEmpty(answer);
    if (question.required && empty) {
      return question.validation?.onErrorMsg ?? 'A response is required for this field';
    }
    const validation = question.validation;
    if (!validation || (empty && validation.operator !== 'noEmptyArray')) {
      return true;
    }
    return check(validation, answer) ? true : (validation.onErrorMsg ?? 'Invalid input');
  };
}
