import { isCustomResourceType } from 'amplify-cloudformation-spec';
import { amplifyBranchHandler } from '../../amplify/branch-resource-handler';
import { cloudFrontDistributionHandler } from '../../cloudfront/distribution-handler';
import type { NodeFunctionInvoker } from '../custom-resources/node-function-invoker';
import type { AppSyncRegistry } from '../../appsync/appsync-registry';
import { appSyncHandlers } from './appsync-handlers';
import { customResourceHandler } from './custom-resource-handler';
import { cognitoHandlers, dynamoDbTableHandler } from './data-handlers';
import { genericHandler } from './generic-handler';
import { iamManagedPolicyHandler, iamPolicyHandler, iamRoleHandler } from './iam-handlers';
import { lambdaAliasHandler, lambdaFunctionHandler, lambdaLayerVersionHandler, lambdaVersionHandler } from './lambda-function-handler';
import { nestedStackHandler } from './nested-stack-handler';
import type { HandlerEnvironment, ResourceHandler } from './resource-handler';
import { s3BucketHandler, s3BucketPolicyHandler } from './s3-handlers';
import { kinesisHandlers } from '../../kinesis/kinesis-handlers';
import { lexHandlers } from '../../lex/lex-handlers';
import { pinpointHandlers } from '../../pinpoint/pinpoint-handlers';

/** The handler for each resource type: specific ones where the data plane needs side effects, else the generic one. */
export function createHandlerRegistry(
  environment: HandlerEnvironment,
  invoker: NodeFunctionInvoker,
  appsync: AppSyncRegistry,
): (type: string) => ResourceHandler {
  const specific: Record<string, ResourceHandler> = {
    'AWS::S3::Bucket': s3BucketHandler(environment),
    'AWS::S3::BucketPolicy': s3BucketPolicyHandler(environment),
    'AWS::IAM::Role': iamRoleHandler(environment),
    'AWS::IAM::Policy': iamPolicyHandler,
    'AWS::IAM::ManagedPolicy': iamManagedPolicyHandler,
    'AWS::Lambda::Function': lambdaFunctionHandler(environment),
    'AWS::DynamoDB::Table': dynamoDbTableHandler(environment),
    'AWS::CloudFormation::Stack': nestedStackHandler(environment),
    ...appSyncHandlers(environment, appsync),
    'AWS::Lambda::Version': lambdaVersionHandler(environment),
    'AWS::Lambda::Alias': lambdaAliasHandler,
    'AWS::Lambda::LayerVersion': lambdaLayerVersionHandler(environment),
    ...cognitoHandlers(environment),
    ...pinpointHandlers,
    ...kinesisHandlers,
    ...lexHandlers(environment),
  };
  if (environment.cloudFront) {
    specific['AWS::CloudFront::Distribution'] = cloudFrontDistributionHandler(environment.cloudFront.distributions, environment.cloudFront.endpoint);
  }
  if (environment.amplify) {
    specific['AWS::Amplify::Branch'] = amplifyBranchHandler(environment.amplify);
  }
  const custom = customResourceHandler(environment, invoker);
  return (type) => specific[type] ?? (isCustomResourceType(type) ? custom : genericHandler);
}
