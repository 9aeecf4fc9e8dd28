export { DynamoDbService, type DynamoDbServiceOptions, type StreamListener } from './dynamodb-service';
export { DynamoDbError } from './dynamodb-errors';
export type { StreamRecord } from './stream-records';
