import { randomUUID } from 'crypto';
import { runWalkthrough, type Answers, type Prompter, type Question } from 'amplify-cli-core';
import { S3_PERMISSIONS, type S3Config, type S3Permission } from './s3-config';
import { pickTriggerSource } from './trigger-source';

export const S3_RULES = {
  resourceName: { operator: 'regex', value: '^[a-zA-Z0-9]+$', onErrorMsg: 'Resource name should be alphanumeric' },
  bucketName: { operator: 'regex', value: '^[a-z0-9-]{3,47}$', onErrorMsg: 'Bucket name can only use the following characters: a-z 0-9 - and should have minimum 3 character and max of 47 character' },
} as const;

const PERMISSION_CHOICES = [
  { name: 'create/update', value: 'CREATE_AND_UPDATE' },
  { name: 'read', value: 'READ' },
  { name: 'delete', value: 'DELETE' },
];
const atLeastOne = { operator: 'noEmptyArray', onErrorMsg: 'Select at least one permission' } as const;

/** A new S3 resource's names and settings. */
export function s3Defaults(projectName: string): S3Config {
  const uuid = randomUUID().replace(/-/g, '');
  const project = projectName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    resourceName: `s3${uuid.slice(0, 8)}`,
    bucketName: `${project}${uuid}`.slice(0, 47),
    policyUUID: uuid.slice(0, 8),
    storageAccess: 'auth',
    authAccess: ['CREATE_AND_UPDATE', 'READ', 'DELETE'],
    guestAccess: [],
    triggerFunction: 'NONE',
  };
}

const isAdd = (a: Answers): boolean => a.isUpdate !== true;
const usersAccess = (a: Answers): boolean => a.accessType !== 'groups';
const groupsAccess = (a: Answers): boolean => a.accessType === 'groups' || a.accessType === 'both';

function questions(groups: string[]): Question[] {
  return [
    { key: 'resourceName', type: 'input', message: 'Provide a friendly name for your resource that will be used to label this category in the project:', when: isAdd, validation: S3_RULES.resourceName, required: true },
    { key: 'bucketName', type: 'input', message: 'Provide bucket name:', when: isAdd, validation: S3_RULES.bucketName, required: true },
    {
      key: 'accessType',
      type: 'pick',
      message: 'Restrict access by?',
      when: () => groups.length > 0,
      choices: [
        { name: 'Auth/Guest Users', value: 'authGuest' },
        { name: 'Individual Groups', value: 'groups' },
        { name: 'Both', value: 'both' },
      ],
      default: 'authGuest',
    },
    {
      key: 'storageAccess',
      type: 'pick',
      message: 'Who should have access:',
      when: usersAccess,
      choices: [
        { name: 'Auth users only', value: 'auth' },
        { name: 'Auth and guest users', value: 'authAndGuest' },
      ],
      default: 'auth',
    },
    { key: 'authAccess', type: 'pickMany', message: 'What kind of access do you want for Authenticated users?', when: usersAccess, choices: PERMISSION_CHOICES, validation: atLeastOne },
    { key: 'guestAccess', type: 'pickMany', message: 'What kind of access do you want for Guest users?', when: (a) => usersAccess(a) && a.storageAccess === 'authAndGuest', choices: PERMISSION_CHOICES, default: ['READ'], validation: atLeastOne },
    {
      key: 'selectedGroups',
      type: 'pickMany',
      message: 'Select groups:',
      when: groupsAccess,
      choices: groups.map((g) => ({ name: g, value: g })),
      default: (a) => Object.keys((a.groupAccess as Record<string, unknown> | undefined) ?? {}),
      validation: { operator: 'noEmptyArray', onErrorMsg: 'Select at least one group' },
    },
  ];
}

/** The question 7 choices: an existing function of the project (offered only when there is one) or a new one. */
async function chooseTrigger(prompter: Prompter, current: string, options: S3WalkthroughOptions): Promise<string> {
  const { functions } = options;
  const mode = await pickTriggerSource(prompter, functions);
  if (mode === 'new') return options.createTriggerFunction();
  return prompter.pick<string>({ message: 'Select the function to trigger:', choices: functions, default: functions.includes(current) ? current : functions[0], flag: '--headless (lambdaTrigger.name)' });
}

/** Question 7: always asked, default No; on update, a bucket with a trigger gets a menu instead. */
async function askTrigger(prompter: Prompter, current: string, options: S3WalkthroughOptions): Promise<string> {
  if (current === 'NONE') {
    const add = await prompter.confirm({ message: 'Do you want to add a Lambda Trigger for your S3 Bucket?', default: false, flag: '--headless (lambdaTrigger)' });
    return add ? chooseTrigger(prompter, current, options) : 'NONE';
  }
  const action = await prompter.pick<string>({
    message: 'Select from the following options for the Lambda Trigger',
    choices: [
      { name: 'Update the Trigger', value: 'update' },
      { name: 'Remove the trigger', value: 'remove' },
      { name: 'Skip Question', value: 'skip' },
    ],
    default: 'skip',
  });
  return action === 'update' ? chooseTrigger(prompter, current, options) : action === 'remove' ? 'NONE' : current;
}

export interface S3WalkthroughOptions {
  /** The resource's current settings on update; a new resource's defaults on add. */
  config: S3Config;
  isUpdate: boolean;
  /** User pool groups of the project's auth. */
  groups: string[];
  /** Functions of the project that can be the bucket's trigger. */
  functions: string[];
  /** Creates a new trigger function (through the function category) and returns its name. */
  createTriggerFunction: () => Promise<string>;
}

/** `amplify add|update storage` for S3: names, who may do what, groups, trigger. */
export async function runS3Walkthrough(prompter: Prompter, options: S3WalkthroughOptions): Promise<S3Config> {
  const { config } = options;
  const hasGroups = Object.keys(config.groupAccess ?? {}).length > 0;
  const previous: Answers = {
    ...config,
    isUpdate: options.isUpdate,
    accessType: hasGroups ? (config.authAccess.length > 0 ? 'both' : 'groups') : 'authGuest',
  };
  // No guest permissions yet: the question's own default applies, not the empty list.
  if (config.guestAccess.length === 0) delete previous.guestAccess;
  const answers = await runWalkthrough(questions(options.groups), prompter, { previous });
  const groupAccess: Record<string, S3Permission[]> = {};
  if (groupsAccess(answers)) {
    for (const group of answers.selectedGroups as string[]) {
      groupAccess[group] = await prompter.pick<S3Permission>({
        message: `What kind of access do you want for ${group} users?`,
        multiSelect: true,
        choices: PERMISSION_CHOICES as Array<{ name: string; value: S3Permission }>,
        default: config.groupAccess?.[group] ?? [...S3_PERMISSIONS],
        validate: (items) => items.length > 0 || 'Select at least one permission',
      });
    }
  }
  const users = usersAccess(answers);
  const result: S3Config = {
    resourceName: answers.resourceName as string,
    bucketName: answers.bucketName as string,
    policyUUID: config.policyUUID,
    storageAccess: users ? (answers.storageAccess as S3Config['storageAccess']) : 'auth',
    authAccess: users ? (answers.authAccess as S3Permission[]) : [],
    guestAccess: users && answers.storageAccess === 'authAndGuest' ? (answers.guestAccess as S3Permission[]) : [],
    triggerFunction: await askTrigger(prompter, config.triggerFunction, options),
  };
  if (Object.keys(groupAccess).length > 0) result.groupAccess = groupAccess;
  return result;
}
