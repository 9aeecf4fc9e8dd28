/** The five DynamoDB parameters of the root stack, passed unchanged to every model stack. */
export const DYNAMODB_PARAMETERS: Record<string, Record<string, unknown>> = {
  DynamoDBModelTableReadIOPS: { Type: 'Number', Default: 5, Description: 'The number of read IOPS the table should support.' },
  DynamoDBModelTableWriteIOPS: { Type: 'Number', Default: 5, Description: 'The number of write IOPS the table should support.' },
  DynamoDBBillingMode: {
    Type: 'String',
    Default: 'PAY_PER_REQUEST',
    AllowedValues: ['PAY_PER_REQUEST', 'PROVISIONED'],
    Description: 'Configure @model types to create DynamoDB tables with PAY_PER_REQUEST or PROVISIONED billing modes.',
  },
  DynamoDBEnablePointInTimeRecovery: {
    Type: 'String',
    Default: 'false',
    AllowedValues: ['true', 'false'],
    Description: 'Whether to enable Point in Time Recovery on the table.',
  },
  DynamoDBEnableServerSideEncryption: {
    Type: 'String',
    Default: 'true',
    AllowedValues: ['true', 'false'],
    Description: 'Enable server side encryption powered by KMS.',
  },
};

/** What the model stacks' tables may do, and nothing more (no wildcard actions or resources). */
export const DYNAMODB_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
];

export const APPSYNC_TRUST_POLICY = {
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appsync.amazonaws.com' } }],
  Version: '2012-10-17',
};
