import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { AwsClientFactory } from '../../aws/client-factory';
import type { AwsTarget } from '../../aws/aws-target';

/** Where mocked tests point their factory: explicit keys, so nothing is looked up on this machine. */
const MOCKED_TARGET: AwsTarget = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };

export interface MockedAws {
  cfnMock: AwsClientStub<CloudFormationClient>;
  s3Mock: AwsClientStub<S3Client>;
  /** The client factory of the running test. */
  readonly factory: AwsClientFactory;
}

/**
 * CloudFormation and S3 mocked at the client seam for the tests of a file: both mocks are reset before each test, and
 * each test gets a fresh client factory, destroyed after it.
 */
export function useMockedAws(): MockedAws {
  const cfnMock = mockClient(CloudFormationClient);
  const s3Mock = mockClient(S3Client);
  let factory: AwsClientFactory | undefined;
  beforeEach(() => {
    cfnMock.reset();
    s3Mock.reset();
    factory = new AwsClientFactory(MOCKED_TARGET, {});
  });
  afterEach(() => {
    factory?.destroy();
    factory = undefined;
  });
  return {
    cfnMock,
    s3Mock,
    get factory() {
      if (factory === undefined) throw new Error('The client factory is made in beforeEach: use it inside tests');
      return factory;
    },
  };
}
