import { ids } from '../cloudformation/physical-ids';
import { genericHandler, withFixedIdentity } from '../cloudformation/resource-handlers/generic-handler';
import type { ResourceHandler } from '../cloudformation/resource-handlers/resource-handler';

/** A Pinpoint channel is identified by its app: its physical id and `Id` are the application id, as on AWS. */
const channelHandler: ResourceHandler = {
  ...genericHandler,
  async create(request) {
    const appId = String(request.properties.ApplicationId);
    return { physicalId: appId, attributes: { Id: appId } };
  },
};

/** `AWS::Pinpoint::*`: apps with Pinpoint's 32-hex ids and `apps/<id>` ARNs; channels keyed by their app. */
export const pinpointHandlers: Record<string, ResourceHandler> = {
  'AWS::Pinpoint::App': withFixedIdentity((request) => {
    const id = ids.hex(32);
    return { physicalId: id, attributes: { Id: id, Arn: `arn:aws:mobiletargeting:${request.stack.region}:${request.stack.accountId}:apps/${id}` } };
  }),
  'AWS::Pinpoint::SMSChannel': channelHandler,
  'AWS::Pinpoint::EmailChannel': channelHandler,
  'AWS::Pinpoint::APNSChannel': channelHandler,
  'AWS::Pinpoint::APNSSandboxChannel': channelHandler,
  'AWS::Pinpoint::GCMChannel': channelHandler,
};
