import { messagesFile, readMessages } from '../cognito/message-log';
import { readSelector, type LocalCloudCommand } from './command-types';

export const messages: LocalCloudCommand = {
  description: 'List the emails and SMS user pools would have sent (confirmation and reset codes), oldest first (--json)',
  async run(options, output) {
    const selector = readSelector(options);
    const sent = readMessages(selector.dataDir);
    if (options.json === true) {
      output.info(JSON.stringify(sent, null, 2));
      return;
    }
    if (sent.length === 0) {
      output.info(`No messages yet (they are recorded in ${messagesFile(selector.dataDir)}).`);
      return;
    }
    for (const message of sent) {
      output.info(`${message.time}  ${message.kind.padEnd(19)} ${message.medium.padEnd(5)} ${message.destination}  code ${message.code}  (user pool ${message.userPoolId})`);
    }
  },
};
