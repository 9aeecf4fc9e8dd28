/**
 * The AWS SDK is heavy (40-50 ms per client package), and most commands never touch it, so every module that
 * talks to AWS gets the SDK through these loaders at call time. The `import type` lines cost nothing at run time.
 */
import type * as CloudFormationSdk from '@aws-sdk/client-cloudformation';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type * as StsSdk from '@aws-sdk/client-sts';
import type * as IamSdk from '@aws-sdk/client-iam';
import type * as CredentialProvidersSdk from '@aws-sdk/credential-providers';
import type * as AmplifySdk from '@aws-sdk/client-amplify';

export type { CloudFormationSdk, S3Sdk, StsSdk, IamSdk, CredentialProvidersSdk, AmplifySdk };

export function loadCloudFormationSdk(): typeof CloudFormationSdk {
  return require('@aws-sdk/client-cloudformation') as typeof CloudFormationSdk;
}

export function loadS3Sdk(): typeof S3Sdk {
  return require('@aws-sdk/client-s3') as typeof S3Sdk;
}

export function loadStsSdk(): typeof StsSdk {
  return require('@aws-sdk/client-sts') as typeof StsSdk;
}

export function loadIamSdk(): typeof IamSdk {
  return require('@aws-sdk/client-iam') as typeof IamSdk;
}

export function loadCredentialProviders(): typeof CredentialProvidersSdk {
  return require('@aws-sdk/credential-providers') as typeof CredentialProvidersSdk;
}

export function loadAmplifySdk(): typeof AmplifySdk {
  return require('@aws-sdk/client-amplify') as typeof AmplifySdk;
}
