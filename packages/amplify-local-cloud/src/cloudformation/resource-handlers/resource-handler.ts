import type { ResourceTypeSpec } from 'amplify-cloudformation-spec';
import type { AmplifyBranchResources, BucketStore, CloudFrontDeployment, CognitoResources, TableAdministration } from '../../contracts';
import type { TemplateValue } from '../template-value';
import type { StackStore } from '../stack-store';

/** The stack a resource belongs to, as handlers need it for names, ARNs and nested stacks. */
export interface StackIdentity {
  stackId: string;
  stackName: string;
  region: string;
  accountId: string;
  capabilities: string[];
}

export interface ResourceRequest {
  stack: StackIdentity;
  logicalId: string;
  type: string;
  /** Resolved properties (every intrinsic evaluated). */
  properties: Record<string, TemplateValue>;
  /** The specification of the type; custom resources get AWS::CloudFormation::CustomResource's. */
  spec: ResourceTypeSpec | undefined;
}

export interface ExistingResourceRequest extends ResourceRequest {
  physicalId: string;
  attributes: Record<string, TemplateValue>;
}

export interface UpdateRequest extends ExistingResourceRequest {
  previousProperties: Record<string, TemplateValue>;
}

/** A provisioned resource: `physicalId` is also what `Ref` returns; `attributes` what `Fn::GetAtt` reads. */
export interface ProvisionedResource {
  physicalId: string;
  attributes: Record<string, TemplateValue>;
}

export interface ResourceHandler {
  create(request: ResourceRequest): Promise<ProvisionedResource>;
  /**
   * Updates in place. A handler may answer with another physical id (custom resources do): the engine then treats
   * the update as a replacement and deletes the old resource during cleanup.
   */
  update(request: UpdateRequest): Promise<ProvisionedResource>;
  delete(request: ExistingResourceRequest): Promise<void>;
  /**
   * Whether an update has anything to do although the resolved properties are equal (a nested stack whose template
   * changed at the same URL). Without it, equal properties mean no update.
   */
  changedBeyondProperties?(request: UpdateRequest): Promise<boolean>;
}

/** The nested-stack operations of the engine, as the `AWS::CloudFormation::Stack` handler drives them. */
export interface NestedStackOperations {
  /** Creates the child stack and waits for it; throws with AWS's "Embedded stack ..." reason when it fails. */
  createChild(parent: StackIdentity, logicalId: string, templateBody: string, parameters: Record<string, string>): Promise<ProvisionedResource>;
  /** Whether the child's template or parameters (or those of its own nested stacks) differ from these. */
  childHasChanges(childId: string, templateBody: string, parameters: Record<string, string>): Promise<boolean>;
  /** Updates the child stack up to its cleanup phase (the parent's cleanup or rollback finishes it). */
  updateChild(childId: string, templateBody: string, parameters: Record<string, string>): Promise<ProvisionedResource>;
  deleteChild(childId: string): Promise<void>;
}

/** What every handler may use. */
export interface HandlerEnvironment {
  buckets: BucketStore;
  store: StackStore;
  endpoint: string;
  accountId: string;
  dataDir: string;
  tables: TableAdministration;
  cloudFront?: CloudFrontDeployment;
  nestedStacks: NestedStackOperations;
  cognito?: CognitoResources;
  amplify?: AmplifyBranchResources;
}
