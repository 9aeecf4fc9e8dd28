import type { Answers, PromptChoice, Question } from 'amplify-cli-core';
import { CRUD_OPERATIONS, type CrudOperation, type ResourceAccess } from '../function-definition';

/** Resources of the project a function may be given access to, by category. */
export type AccessCandidates = Record<string, string[]>;

export const ACCESS_KEY = 'accessResources';
export const ACCESS_CATEGORIES_KEY = 'accessCategories';
export const resourcesKey = (category: string): string => `access:${category}`;
export const operationsKey = (category: string, resourceName: string): string => `access:${category}:${resourceName}`;

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

const OPERATION_CHOICES: Array<PromptChoice<CrudOperation>> = CRUD_OPERATIONS.map((operation) => ({ name: operation, value: operation }));

/**
 * "Access other resources?" -> categories -> resources of each -> operations on each, as data: one question per
 * candidate category and resource, each asked only when the one before it selected it.
 */
export function resourceAccessQuestions(candidates: AccessCandidates): Question[] {
  const categories = Object.keys(candidates).filter((category) => candidates[category].length > 0);
  if (categories.length === 0) return [];
  const questions: Question[] = [
    {
      key: ACCESS_KEY,
      type: 'confirm',
      message: 'Do you want to access other resources in this project from your Lambda function?',
      default: false,
      flag: '--headless resourceAccess',
    },
    {
      key: ACCESS_CATEGORIES_KEY,
      type: 'pickMany',
      message: 'Select the categories you want this function to have access to.',
      choices: categories.map((category) => ({ name: category, value: category })),
      default: [],
      when: (answers) => answers[ACCESS_KEY] === true,
      validation: { operator: 'noEmptyArray', onErrorMsg: 'Select at least one category' },
      flag: '--headless resourceAccess[].category',
    },
  ];
  for (const category of categories) {
    questions.push({
      key: resourcesKey(category),
      type: 'pickMany',
      message: `${category}: select the resources the function may access`,
      choices: candidates[category].map((name) => ({ name, value: name })),
      default: candidates[category].length === 1 ? [...candidates[category]] : [],
      when: (answers) => answers[ACCESS_KEY] === true && list(answers[ACCESS_CATEGORIES_KEY]).includes(category),
      validation: { operator: 'noEmptyArray', onErrorMsg: 'Select at least one resource' },
      flag: `--headless resourceAccess[].resourceName (category ${category})`,
    });
    for (const resourceName of candidates[category]) {
      questions.push({
        key: operationsKey(category, resourceName),
        type: 'pickMany',
        message: `Select the operations you want to permit on ${resourceName}`,
        choices: OPERATION_CHOICES,
        default: ['read'],
        when: (answers) =>
          answers[ACCESS_KEY] === true &&
          list(answers[ACCESS_CATEGORIES_KEY]).includes(category) &&
          list(answers[resourcesKey(category)]).includes(resourceName),
        validation: { operator: 'noEmptyArray', onErrorMsg: 'Select at least one operation' },
        flag: `--headless resourceAccess[${category}/${resourceName}].operations`,
      });
    }
  }
  return questions;
}

/** The access the answers describe. */
export function accessFromAnswers(answers: Answers, candidates: AccessCandidates): ResourceAccess[] {
  if (answers[ACCESS_KEY] !== true) return [];
  const access: ResourceAccess[] = [];
  for (const category of list(answers[ACCESS_CATEGORIES_KEY])) {
    for (const resourceName of list(answers[resourcesKey(category)])) {
      if (!(candidates[category] ?? []).includes(resourceName)) continue;
      access.push({ category, resourceName, operations: list(answers[operationsKey(category, resourceName)]) as CrudOperation[] });
    }
  }
  return access;
}

/** Answers that reproduce `access`: previous values on update, supplied values from a headless request. */
export function answersFromAccess(access: readonly ResourceAccess[]): Answers {
  const answers: Answers = { [ACCESS_KEY]: access.length > 0 };
  if (access.length === 0) return answers;
  const categories: string[] = [];
  for (const entry of access) {
    if (!categories.includes(entry.category)) categories.push(entry.category);
    answers[resourcesKey(entry.category)] = [...list(answers[resourcesKey(entry.category)]), entry.resourceName];
    answers[operationsKey(entry.category, entry.resourceName)] = [...entry.operations];
  }
  answers[ACCESS_CATEGORIES_KEY] = categories;
  return answers;
}
