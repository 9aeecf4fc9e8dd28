import { AmplifyError } from '../errors/amplify-error';
import type { PromptChoice, Prompter } from '../prompts/prompter';
import { inputValidation, type Answer, type ValidatedQuestion } from '../validation/input-validation';

/** Answers of a walkthrough so far, by question key. */
export type Answers = Record<string, unknown>;

/** A fixed value, or one computed from the answers given before the question is asked. */
export type Dynamic<T> = T | ((answers: Answers) => T);

interface QuestionBase {
  /** Where the answer is stored in the answers object. */
  key: string;
  message: Dynamic<string>;
  /** Asked only when this holds for the answers so far (absent: always asked). */
  when?: (answers: Answers) => boolean;
  /**
   * The flag or headless field that supplies this answer without a prompt (e.g. `--headless serviceConfiguration.
   * bucketName`); named in the error when the question cannot be asked.
   */
  flag?: string;
}

/** Free text; `parse` turns the accepted text into the stored answer (e.g. a number). */
export interface InputQuestion extends QuestionBase, ValidatedQuestion {
  type: 'input';
  default?: Dynamic<string | undefined>;
  parse?: (text: string) => unknown;
}

export interface ConfirmQuestion extends QuestionBase {
  type: 'confirm';
  default?: Dynamic<boolean | undefined>;
}

export interface PickQuestion extends QuestionBase {
  type: 'pick';
  choices: Dynamic<ReadonlyArray<PromptChoice<unknown>>>;
  default?: Dynamic<unknown>;
}

export interface PickManyQuestion extends QuestionBase, ValidatedQuestion {
  type: 'pickMany';
  choices: Dynamic<ReadonlyArray<PromptChoice<unknown>>>;
  default?: Dynamic<unknown[] | undefined>;
}

export type Question = InputQuestion | ConfirmQuestion | PickQuestion | PickManyQuestion;

export interface RunWalkthroughOptions {
  /** Answers known before the walkthrough starts (previous values on update); used as defaults. */
  previous?: Answers;
  /** Answers given on the command line or in a headless payload: taken as is after validation, never asked. */
  supplied?: Answers;
}

function resolve<T>(value: Dynamic<T>, answers: Answers): T {
  return typeof value === 'function' ? (value as (answers: Answers) => T)(answers) : value;
}

/** The prompt validator of a question, or undefined when it has no rules. */
function validatorOf(question: Question): ((answer: Answer) => true | string) | undefined {
  if ((question.type === 'input' || question.type === 'pickMany') && (question.validation || question.required)) {
    return inputValidation(question);
  }
  return undefined;
}

/** Checks an answer that did not come from a prompt against the question's rules and choices. */
function checkSupplied(question: Question, value: unknown, answers: Answers): void {
  const source = question.flag ?? question.key;
  const fail = (why: string): never => {
    throw new AmplifyError('InvalidInput', `${source}: ${why}`, { resolution: `Give ${source} a valid value` });
  };
  const validate = validatorOf(question);
  if (validate) {
    const verdict = validate(value as Answer);
    if (verdict !== true) fail(verdict);
  }
  if (question.type === 'pick' || question.type === 'pickMany') {
    const allowed = resolve(question.choices, answers).map((c) => c.value);
    const values = question.type === 'pickMany' ? (Array.isArray(value) ? value : fail('must be a list')) : [value];
    for (const item of values as unknown[]) {
      if (!allowed.some((a) => JSON.stringify(a) === JSON.stringify(item))) {
        fail(`${JSON.stringify(item)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
      }
    }
  }
}

/**
 * The choice value equal (as JSON) to `value`: prompts find the default among the choices by identity, and a
 * default that is a list or an object (`['email']`, a previous answer read from a file) is never the same object.
 */
function asChoiceValue(choices: ReadonlyArray<PromptChoice<unknown>>, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const text = JSON.stringify(value);
  return choices.find((choice) => JSON.stringify(choice.value) === text)?.value ?? value;
}

async function ask(question: Question, prompter: Prompter, answers: Answers, previous: unknown): Promise<unknown> {
  const message = resolve(question.message, answers);
  const flag = question.flag;
  switch (question.type) {
    case 'input': {
      const fallback = resolve(question.default, answers);
      const text = await prompter.input({
        message,
        flag,
        default: previous === undefined ? fallback : String(previous),
        validate: validatorOf(question),
      });
      return question.parse ? question.parse(text) : text;
    }
    case 'confirm':
      return prompter.confirm({ message, flag, default: (previous as boolean | undefined) ?? resolve(question.default, answers) });
    case 'pick': {
      const choices = resolve(question.choices, answers);
      return prompter.pick<unknown>({ message, flag, choices, default: asChoiceValue(choices, previous ?? resolve(question.default, answers)) });
    }
    case 'pickMany': {
      const validate = validatorOf(question);
      const choices = resolve(question.choices, answers);
      const selected = (previous as unknown[] | undefined) ?? resolve(question.default, answers);
      return prompter.pick<unknown>({
        message,
        flag,
        multiSelect: true,
        choices,
        default: selected?.map((item) => asChoiceValue(choices, item)),
        validate: validate ? (items) => validate(items) : undefined,
      });
    }
  }
}

/**
 * Runs `questions` in order through `prompter` (so `--yes` takes each default and a missing terminal fails naming
 * the question's flag). A question is skipped when its `when` is false; a supplied answer is validated and used
 * without asking; a previous answer becomes the default. Returns the previous answers updated with this run's.
 */
export async function runWalkthrough(questions: readonly Question[], prompter: Prompter, options: RunWalkthroughOptions = {}): Promise<Answers> {
  const answers: Answers = { ...options.previous };
  const supplied = options.supplied ?? {};
  for (const question of questions) {
    if (question.when && !question.when(answers)) continue;
    if (supplied[question.key] !== undefined) {
      checkSupplied(question, supplied[question.key], answers);
      answers[question.key] = supplied[question.key];
      continue;
    }
    answers[question.key] = await ask(question, prompter, answers, options.previous?.[question.key]);
  }
  return answers;
}
