import { CognitoError } from './cognito-error';
import type { TriggerName, UserPoolSettings } from './user-pool-settings';

/** Runs a deployed Lambda function with an event and answers its result; throws with the function's error message. */
export interface FunctionInvoker {
  invoke(functionArn: string, event: Record<string, unknown>): Promise<unknown>;
}

export interface TriggerContext {
  poolId: string;
  region: string;
  settings: UserPoolSettings;
  username: string;
  clientId: string | undefined;
}

/**
 * Runs the pool's Lambda trigger of that name, if it declares one, with Cognito's event shape; answers the
 * `response` the function returned (merged over the one it was given), or `undefined` without a trigger. A failing
 * function fails the call with `UserLambdaValidationException`, as on AWS.
 */
export async function runTrigger(
  invoker: FunctionInvoker,
  trigger: TriggerName,
  context: TriggerContext,
  triggerSource: string,
  request: Record<string, unknown>,
  response: Record<string, unknown> = {},
): Promise<Record<string, unknown> | undefined> {
  const functionArn = context.settings.triggers[trigger];
  if (functionArn === undefined) return undefined;
  const event = {
    version: '1',
    region: context.region,
    userPoolId: context.poolId,
    userName: context.username,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: context.clientId ?? 'CLIENT_ID_NOT_APPLICABLE' },
    triggerSource,
    request,
    response,
  };
  let result: unknown;
  try {
    result = await invoker.invoke(functionArn, event);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CognitoError('UserLambdaValidationException', `${trigger} failed with error ${message}.`);
  }
  if (typeof result !== 'object' || result === null) {
    throw new CognitoError('InvalidLambdaResponseException', `Invalid lambda response: the ${trigger} trigger must return the event.`);
  }
  const returned = (result as { response?: unknown }).response;
  return { ...response, ...(typeof returned === 'object' && returned !== null ? (returned as Record<string, unknown>) : {}) };
}
