/** How the original names generated fields, types and indexes (reference §8.3). */
import { createHash } from 'node:crypto';
import pluralize from 'pluralize';

export const upperFirst = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
export const lowerFirst = (value: string): string => value.charAt(0).toLowerCase() + value.slice(1);

/** `['get', 'Todo']` → `getTodo`; `['blog', 'posts', 'id']` → `blogPostsId`. */
export const camelJoin = (parts: string[]): string => parts.map((part, i) => (i === 0 ? lowerFirst(part) : upperFirst(part))).join('');

/** `list` and `sync` names always go through npm `pluralize` (the `improvepluralization` flag plays no part). */
export const pluralTypeName = (typeName: string): string => pluralize(typeName);

const MAX_SUBSCRIPTION_NAME = 50;

/** Subscription field names longer than 50 characters: 45 characters plus the first 5 hex digits of their md5. */
export const subscriptionFieldName = (name: string): string =>
  name.length <= MAX_SUBSCRIPTION_NAME ? name : `${name.slice(0, 45)}${createHash('md5').update(name).digest('hex').slice(0, 5)}`;

/** `storesByCategoryAndNameAndCity`: the query field of an `@index` without `queryField`. */
export const autoIndexQueryName = (modelName: string, partitionKey: string, sortKeyFields: string[]): string =>
  `${lowerFirst(pluralTypeName(modelName))}By${[partitionKey, ...sortKeyFields].map(upperFirst).join('And')}`;

/** The sort-key argument: the field itself, or the camel-joined fields of a composite sort key (`nameCity`). */
export const sortKeyArgumentName = (sortKeyFields: string[]): string => camelJoin(sortKeyFields);
