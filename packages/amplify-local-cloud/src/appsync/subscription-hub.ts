import { getNamedType, GraphQLObjectType, type DocumentNode } from 'graphql';
import type { CompiledApi, GraphQlRequest, ResolverRunner, SubscriptionRegistration } from './graphql-execution';
import type { Caller } from './request-auth';
import { matchesSubscriptionFilter } from './vtl/transform-util';

/** A started subscription: what it asked for, who asked, and where its data goes. */
export interface ActiveSubscription {
  apiId: string;
  id: string;
  registration: SubscriptionRegistration;
  document: DocumentNode;
  request: GraphQlRequest;
  caller: Caller;
  headers: Record<string, string>;
  send(message: unknown): void;
}

/**
 * The subscriptions of every API, and the delivery of mutation responses to them: a subscriber receives a response
 * when the mutation is one its field's `@aws_subscribe` names, each argument it gave equals the response's field of
 * that name (arguments that name no field of the type, such as `filter`, do not take part), and the filter its
 * resolver set with `$extensions.setSubscriptionFilter` holds on the response. Arguments and filters see only the
 * fields the mutation selected, as on AppSync.
 */
export class SubscriptionHub {
  private readonly byApi = new Map<string, Set<ActiveSubscription>>();

  add(subscription: ActiveSubscription): void {
    let set = this.byApi.get(subscription.apiId);
    if (set === undefined) {
      set = new Set();
      this.byApi.set(subscription.apiId, set);
    }
    set.add(subscription);
  }

  remove(subscription: ActiveSubscription): void {
    this.byApi.get(subscription.apiId)?.delete(subscription);
  }

  async publish(api: CompiledApi, runner: ResolverRunner, mutationField: string, item: unknown): Promise<void> {
    const fields = api.subscribersOf.get(mutationField);
    const subscribers = this.byApi.get(api.state.api.apiId);
    if (fields === undefined || subscribers === undefined || typeof item !== 'object' || item === null) return;
    const record = item as Record<string, unknown>;
    const deliveries: Promise<void>[] = [];
    for (const subscription of subscribers) {
      if (!fields.includes(subscription.registration.fieldName) || !argumentsMatch(api, subscription.registration, record)) continue;
      if (subscription.registration.filter !== undefined && !matchesSubscriptionFilter(subscription.registration.filter, record)) continue;
      deliveries.push(
        runner.publication(api, subscription.caller, subscription.headers, subscription.document, subscription.request, item).then((payload) => {
          subscription.send({ id: subscription.id, type: 'data', payload });
        }),
      );
    }
    await Promise.all(deliveries);
  }
}

function argumentsMatch(api: CompiledApi, registration: SubscriptionRegistration, item: Record<string, unknown>): boolean {
  const field = api.schema.getSubscriptionType()?.getFields()[registration.fieldName];
  const type = field === undefined ? undefined : getNamedType(field.type);
  const fieldNames = type instanceof GraphQLObjectType ? type.getFields() : {};
  return Object.entries(registration.args).every(
    ([name, value]) => value === null || value === undefined || fieldNames[name] === undefined || JSON.stringify(item[name]) === JSON.stringify(value),
  );
}
