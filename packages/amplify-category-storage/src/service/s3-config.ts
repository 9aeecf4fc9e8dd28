/** Who may do what in the bucket: the original's permission names. */
export const S3_PERMISSIONS = ['CREATE_AND_UPDATE', 'READ', 'DELETE'] as const;
export type S3Permission = (typeof S3_PERMISSIONS)[number];

/** `cli-inputs.json` of an S3 resource. */
export interface S3Config {
  resourceName: string;
  bucketName: string;
  policyUUID: string;
  storageAccess: 'auth' | 'authAndGuest';
  authAccess: S3Permission[];
  guestAccess: S3Permission[];
  /** Lambda function notified of object changes, or "NONE". */
  triggerFunction: string;
  /** Per user pool group, what its members may do. */
  groupAccess?: Record<string, S3Permission[]>;
}

/** The S3 actions each permission grants. */
export const S3_ACTIONS: Record<S3Permission, string[]> = {
  CREATE_AND_UPDATE: ['s3:PutObject'],
  READ: ['s3:GetObject', 's3:ListBucket'],
  DELETE: ['s3:DeleteObject'],
};

export function s3Actions(permissions: readonly S3Permission[]): string[] {
  return [...new Set(permissions.flatMap((permission) => S3_ACTIONS[permission]))];
}
