/** What `cli-inputs.json` holds for an analytics resource: the walkthrough's answers, enough to rewrite every file. */
export interface PinpointConfig {
  service: 'Pinpoint';
  resourceName: string;
  /** The Pinpoint app's name; deployed as `<appName>-<env>`. */
  appName: string;
  /** Suffix of the IAM policy names (`pinpoint_amplify_<id>`). */
  shortId: string;
}

export interface KinesisConfig {
  service: 'Kinesis';
  resourceName: string;
  /** The stream's name; deployed as `<kinesisStreamName>-<env>`. */
  kinesisStreamName: string;
  kinesisStreamShardCount: number;
  shortId: string;
}

export type AnalyticsConfig = PinpointConfig | KinesisConfig;
export type AnalyticsService = AnalyticsConfig['service'];

export const ANALYTICS_SERVICES: Record<AnalyticsService, { alias: string; provider: string }> = {
  Pinpoint: { alias: 'Amazon Pinpoint', provider: 'awscloudformation' },
  Kinesis: { alias: 'Amazon Kinesis Streams', provider: 'awscloudformation' },
};

/** The most shards a stream may have in an account's default quota. */
export const MAX_SHARDS = 500;
/** 1 to 500. */
export const SHARD_COUNT_PATTERN = '^([1-9][0-9]?|[1-4][0-9]{2}|500)$';
