import { runWalkthrough, type Answers, type Prompter, type Question } from 'amplify-cli-core';
import { MAX_SHARDS, SHARD_COUNT_PATTERN, type KinesisConfig, type PinpointConfig } from './analytics-config';

export const ALPHANUMERIC = { operator: 'regex', value: '^[a-zA-Z0-9]+$', onErrorMsg: 'Resource name should be alphanumeric' } as const;

/** `myapp-2` → `myapp2`: resource and app names are alphanumeric. */
export function alphanumeric(text: string): string {
  return text.replace(/[^a-zA-Z0-9]/g, '');
}

const pinpointQuestions = (defaultName: string): Question[] => [
  { key: 'resourceName', type: 'input', message: 'Provide your pinpoint resource name:', default: defaultName, validation: ALPHANUMERIC, required: true, flag: '--yes' },
];

/** The Pinpoint add questions: only the resource name, which is also the app's name. */
export async function runPinpointWalkthrough(prompter: Prompter, options: { projectName: string; shortId: string; supplied?: Answers }): Promise<PinpointConfig> {
  const answers = await runWalkthrough(pinpointQuestions(alphanumeric(options.projectName).toLowerCase() || 'analytics'), prompter, { supplied: options.supplied });
  const resourceName = String(answers.resourceName);
  return { service: 'Pinpoint', resourceName, appName: resourceName, shortId: options.shortId };
}

const shardCountQuestion: Question = {
  key: 'kinesisStreamShardCount',
  type: 'input',
  message: 'Enter number of shards',
  default: '1',
  validation: { operator: 'regex', value: SHARD_COUNT_PATTERN, onErrorMsg: `Number of shards must be a whole number from 1 to ${MAX_SHARDS}` },
  required: true,
  parse: (text) => Number(text),
};

/** Kinesis add: stream name (`<project>Kinesis`), then the shard count (1). */
export async function runKinesisAddWalkthrough(prompter: Prompter, options: { projectName: string; shortId: string }): Promise<KinesisConfig> {
  const questions: Question[] = [
    { key: 'kinesisStreamName', type: 'input', message: 'Enter a Stream name', default: `${alphanumeric(options.projectName)}Kinesis`, validation: ALPHANUMERIC, required: true },
    shardCountQuestion,
  ];
  const answers = await runWalkthrough(questions, prompter);
  return kinesisConfig(String(answers.kinesisStreamName), answers.kinesisStreamShardCount, options.shortId);
}

/** Kinesis update: the shard count again, with the current one as default. */
export async function runKinesisUpdateWalkthrough(prompter: Prompter, config: KinesisConfig): Promise<KinesisConfig> {
  const answers = await runWalkthrough([shardCountQuestion], prompter, { previous: { kinesisStreamShardCount: config.kinesisStreamShardCount } });
  return kinesisConfig(config.kinesisStreamName, answers.kinesisStreamShardCount, config.shortId, config.resourceName);
}

export function kinesisConfig(streamName: string, shardCount: unknown, shortId: string, resourceName = streamName): KinesisConfig {
  return { service: 'Kinesis', resourceName, kinesisStreamName: streamName, kinesisStreamShardCount: Number(shardCount), shortId };
}
