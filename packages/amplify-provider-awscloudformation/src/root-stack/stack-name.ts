/**
 * CloudFormation stack names (and so the derived bucket and role names) allow only `[-a-z0-9]` here and must
 * start with a letter: lower-case first (the original's first era dropped capitals instead), strip the rest.
 */
export function normalizeStackName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^-a-z0-9]/g, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `a${cleaned}`;
}

/**
 * `amplify-<project>-<env>-<Hmmss>`: time of day only, hour not zero-padded (the original's E4 rule, which
 * existing projects' stack names follow).
 */
export function rootStackName(projectName: string, envName: string, now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${now.getHours()}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return normalizeStackName(`amplify-${projectName}-${envName}-${time}`);
}

export interface RootStackNames {
  stackName: string;
  deploymentBucketName: string;
  authRoleName: string;
  unauthRoleName: string;
}

export function rootStackNames(stackName: string): RootStackNames {
  return {
    stackName,
    deploymentBucketName: `${stackName}-deployment`,
    authRoleName: `${stackName}-authRole`,
    unauthRoleName: `${stackName}-unauthRole`,
  };
}
