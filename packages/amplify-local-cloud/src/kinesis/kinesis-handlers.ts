import { genericHandler, resourceName } from '../cloudformation/resource-handlers/generic-handler';
import type { ResourceHandler } from '../cloudformation/resource-handlers/resource-handler';

/** `AWS::Kinesis::Stream`: Ref is the stream name, Arn `stream/<name>`; a new name replaces the stream. */
export const kinesisHandlers: Record<string, ResourceHandler> = {
  'AWS::Kinesis::Stream': {
    ...genericHandler,
    async create(request) {
      const name = resourceName(request, { maxLength: 128 });
      return { physicalId: name, attributes: { Arn: `arn:aws:kinesis:${request.stack.region}:${request.stack.accountId}:stream/${name}` } };
    },
  },
};
