import { type AmplifyMeta, getResourceMeta } from 'amplify-cli-core';
import { CATEGORY } from '../constants';

/**
 * The Lambda console page of a function: its deployed name when pushed, else the name the template will give it
 * in this env.
 */
export function lambdaConsoleUrl(meta: AmplifyMeta, functionName: string, envName: string): string {
  const entry = getResourceMeta(meta, CATEGORY, functionName);
  const region = String(entry?.output?.Region ?? meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const deployedName = String(entry?.output?.Name ?? `${functionName}-${envName}`);
  return `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(deployedName)}`;
}
