import type { Prompter } from 'amplify-cli-core';

/**
 * Question 7's second step, shared by S3 and DynamoDB: use an existing function of the project (offered only when
 * there is one) or create a new one.
 */
export async function pickTriggerSource(prompter: Prompter, functions: readonly string[]): Promise<'existing' | 'new'> {
  if (functions.length === 0) return 'new';
  return prompter.pick<'existing' | 'new'>({
    message: 'Select from the following options',
    choices: [
      { name: 'Choose an existing function from the project', value: 'existing' },
      { name: 'Create a new function', value: 'new' },
    ],
    default: 'existing',
    flag: '--headless (lambdaTrigger.mode)',
  });
}
