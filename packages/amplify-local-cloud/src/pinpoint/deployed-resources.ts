import type { Database, Statement } from 'better-sqlite3';

/** A resource a stack made and still holds, as a data-plane service reads it. */
export interface DeployedResource {
  physicalId: string;
  properties: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

/**
 * Read-only lookups of live resources in the CloudFormation engine's table, for the data-plane services that answer
 * from what the stacks declared (Pinpoint apps, Lex bots).
 */
export class DeployedResources {
  private readonly byType: Statement;

  constructor(db: Database) {
    this.byType = db.prepare(`SELECT physical_id, properties, attributes FROM cfn_resources WHERE type = ? AND physical_id IS NOT NULL
      AND status NOT IN ('DELETE_COMPLETE', 'CREATE_FAILED', 'CREATE_IN_PROGRESS') ORDER BY last_updated DESC`);
  }

  ofType(type: string): DeployedResource[] {
    return (this.byType.all(type) as Array<{ physical_id: string; properties: string; attributes: string }>).map((row) => ({
      physicalId: row.physical_id,
      properties: JSON.parse(row.properties) as Record<string, unknown>,
      attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    }));
  }

  find(type: string, physicalId: string): DeployedResource | undefined {
    return this.ofType(type).find((resource) => resource.physicalId === physicalId);
  }
}
