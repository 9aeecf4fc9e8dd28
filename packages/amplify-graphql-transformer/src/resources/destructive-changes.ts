import type { CfnTemplate } from '../transform-types';

export interface DestructiveChangeOptions {
  /** `--allow-destructive-graphql-schema-updates` (or `gql-compile --force`): nothing is refused. */
  allowDestructiveUpdates?: boolean;
  /** Feature flag `enableiterativegsiupdates` (default true): several GSI changes deploy one at a time. */
  enableIterativeGsiUpdates?: boolean;
}

export interface DestructiveChange {
  kind: 'tableRemoved' | 'keySchemaChanged' | 'multipleGsiChanges';
  /** The nested stack of the table, or the stacks of all removed tables. */
  stack: string;
  tables: string[];
  /** The lines the CLI prints, in the original's words. */
  message: string;
}

interface TableShape {
  keySchema: string;
  indexes: Map<string, string>;
}

function tablesOf(template: CfnTemplate): Map<string, TableShape> {
  const tables = new Map<string, TableShape>();
  const resources = (template.Resources ?? {}) as Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    const properties = resource.Properties ?? {};
    const indexes = new Map<string, string>();
    for (const index of (properties.GlobalSecondaryIndexes ?? []) as Array<{ IndexName: string; KeySchema: unknown }>) {
      indexes.set(index.IndexName, JSON.stringify(index.KeySchema));
    }
    tables.set(id, { keySchema: JSON.stringify(properties.KeySchema), indexes });
  }
  return tables;
}

/**
 * Changes between the deployed and the next nested stacks that would lose data or that CloudFormation cannot
 * deploy in one update, as the api category refuses them unless destructive updates are allowed.
 */
export function findDestructiveChanges(
  deployed: { stacks: Record<string, CfnTemplate> },
  next: { stacks: Record<string, CfnTemplate> },
  options: DestructiveChangeOptions = {},
): DestructiveChange[] {
  if (options.allowDestructiveUpdates) return [];
  const iterative = options.enableIterativeGsiUpdates ?? true;
  const changes: DestructiveChange[] = [];
  const removed: Array<{ stack: string; table: string }> = [];
  for (const [stackName, template] of Object.entries(deployed.stacks)) {
    const before = tablesOf(template);
    const after = tablesOf(next.stacks[stackName] ?? {});
    for (const [table, shape] of before) {
      const updated = after.get(table);
      if (!updated) {
        removed.push({ stack: stackName, table });
        continue;
      }
      if (updated.keySchema !== shape.keySchema) {
        changes.push({
          kind: 'keySchemaChanged',
          stack: stackName,
          tables: [table],
          message: [
            `Attempting to edit the key schema of the ${table} table in the ${stackName} stack. `,
            'Editing the primary key of a model requires replacement of the underlying DynamoDB table.',
            "If this is intended, rerun the command with '--allow-destructive-graphql-schema-updates'.",
          ].join('\n'),
        });
      }
      const indexNames = new Set([...shape.indexes.keys(), ...updated.indexes.keys()]);
      const changedIndexes = [...indexNames].filter((name) => shape.indexes.get(name) !== updated.indexes.get(name));
      if (!iterative && changedIndexes.length > 1) {
        changes.push({
          kind: 'multipleGsiChanges',
          stack: stackName,
          tables: [table],
          message: [
            `Attempting to add and remove a global secondary index at the same time on the ${table} table in the ${stackName} stack. `,
            'You may only change one global secondary index in a single CloudFormation stack update. ',
            'If using @index, make one change at a time and push between them.',
          ].join('\n'),
        });
      }
    }
  }
  if (removed.length > 0) {
    changes.unshift({
      kind: 'tableRemoved',
      stack: [...new Set(removed.map((entry) => entry.stack))].join(', '),
      tables: removed.map((entry) => entry.table),
      message: [
        'Removing a model from the GraphQL schema will also remove the underlying DynamoDB table.',
        `This update will remove table(s) [${removed.map((entry) => entry.table).join(', ')}]`,
        'ALL EXISTING DATA IN THESE TABLES WILL BE LOST!',
        "If this is intended, rerun the command with '--allow-destructive-graphql-schema-updates'.",
      ].join('\n'),
    });
  }
  return changes;
}
