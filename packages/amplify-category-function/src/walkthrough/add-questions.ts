import type { Question } from 'amplify-cli-core';
import { FUNCTION_TEMPLATES, type WalkthroughTemplateName } from '../function-definition';
import { FUNCTION_NAME_VALIDATION } from './function-name';

export const TEMPLATE_LABELS: Record<WalkthroughTemplateName, string> = {
  'hello-world': 'Hello World',
  crud: 'CRUD function for DynamoDB (Integration with API Gateway)',
  serverless: 'Serverless ExpressJS function (Integration with API Gateway)',
  trigger: 'Lambda trigger (DynamoDB stream of a table in this project)',
};

/** Templates that work over a DynamoDB table of the project. */
const needsTable = (template: unknown): boolean => template === 'crud' || template === 'trigger';

export const RUNTIME_QUESTION = 'Choose the runtime that you want to use:';

/** The original's gate before resource access, schedule and environment variables; most functions need none. */
export const ADVANCED_SETTINGS_QUESTION: Question = {
  key: 'advancedSettings',
  type: 'confirm',
  message: 'Do you want to configure advanced settings?',
  default: false,
};

/** The function name question; asked first so that a name in use fails before anything else is asked. */
export function functionNameQuestion(defaultName: string): Question {
  return {
    key: 'functionName',
    type: 'input',
    message: 'Provide an AWS Lambda function name:',
    default: defaultName,
    required: true,
    validation: FUNCTION_NAME_VALIDATION,
    flag: '--headless functionName',
  };
}

/**
 * Template, then the table for CRUD. Without a DynamoDB table in the project, choosing CRUD explains why it
 * cannot be used and offers Hello World instead (no default: `--yes` cannot decide that for the user).
 */
export function templateQuestions(tables: readonly string[]): Question[] {
  return [
    {
      key: 'template',
      type: 'pick',
      message: 'Choose the function template that you want to use:',
      choices: FUNCTION_TEMPLATES.map((value) => ({ name: TEMPLATE_LABELS[value], value })),
      default: 'hello-world',
      flag: '--headless template',
    },
    {
      key: 'useHelloWorld',
      type: 'confirm',
      message: (answers) =>
        `The ${answers.template === 'crud' ? 'CRUD' : 'Lambda trigger'} template works over a DynamoDB table of this project, and the project has none (add one with "amplify add storage"). Use the Hello World template instead?`,
      when: (answers) => needsTable(answers.template) && tables.length === 0,
      flag: '--headless crudTable (or triggerTable)',
    },
    {
      key: 'crudTable',
      type: 'pick',
      message: 'Choose a DynamoDB data source option: the table of this project to read and write',
      choices: tables.map((name) => ({ name, value: name })),
      default: tables[0],
      when: (answers) => answers.template === 'crud' && tables.length > 0,
      flag: '--headless crudTable',
    },
    {
      key: 'triggerTable',
      type: 'pick',
      message: 'Choose a DynamoDB event source option: the table of this project whose stream invokes the function',
      choices: tables.map((name) => ({ name, value: name })),
      default: tables[0],
      when: (answers) => answers.template === 'trigger' && tables.length > 0,
      flag: '--headless triggerTable',
    },
  ];
}
