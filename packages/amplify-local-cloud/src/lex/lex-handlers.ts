import { ids } from '../cloudformation/physical-ids';
import { genericHandler, withFixedIdentity } from '../cloudformation/resource-handlers/generic-handler';
import type { HandlerEnvironment, ResourceHandler } from '../cloudformation/resource-handlers/resource-handler';

/** `AWS::Lex::*` (V2): bot and alias ids as Lex makes them (10 upper-case alphanumerics), versions numbered 1, 2... per bot. */
export function lexHandlers(environment: HandlerEnvironment): Record<string, ResourceHandler> {
  return {
    'AWS::Lex::Bot': withFixedIdentity((request) => {
      const id = ids.upperAlnum(10);
      return { physicalId: id, attributes: { Id: id, Arn: `arn:aws:lex:${request.stack.region}:${request.stack.accountId}:bot/${id}` } };
    }),
    'AWS::Lex::BotVersion': {
      ...genericHandler,
      async create(request) {
        const botId = String(request.properties.BotId);
        const version = String(environment.store.nextCounter(`lex-bot-version:${botId}`));
        return { physicalId: `${botId}|${version}`, attributes: { BotVersion: version } };
      },
      async update(request) {
        return this.create(request);
      },
    },
    'AWS::Lex::BotAlias': withFixedIdentity((request) => {
      const botId = String(request.properties.BotId);
      const aliasId = ids.upperAlnum(10);
      return {
        physicalId: `${aliasId}|${botId}`,
        attributes: { BotAliasId: aliasId, BotAliasStatus: 'Available', Arn: `arn:aws:lex:${request.stack.region}:${request.stack.accountId}:bot-alias/${botId}/${aliasId}` },
      };
    }),
  };
}
