import type {
  CloudFormationClient,
  CreateStackInput,
  Stack,
  StackEvent,
  StackResource,
  UpdateStackInput,
} from '@aws-sdk/client-cloudformation';
import { loadCloudFormationSdk } from './sdk-modules';

/**
 * The CloudFormation calls the provider makes, and nothing more: the deploy engine depends on this seam, so a
 * unit test can back it with aws-sdk-client-mock (through the SDK client) or with a hand-written fake.
 */
export interface CloudFormationApi {
  createStack(input: CreateStackInput): Promise<string>;
  /** Resolves `'no-updates'` when CloudFormation answers "No updates are to be performed.". */
  updateStack(input: UpdateStackInput): Promise<'updating' | 'no-updates'>;
  deleteStack(stackName: string): Promise<void>;
  continueUpdateRollback(stackName: string): Promise<void>;
  /** `undefined` when the stack does not exist. */
  describeStack(stackName: string): Promise<Stack | undefined>;
  /** One page of events, newest first, as CloudFormation returns them. */
  describeStackEvents(stackName: string, nextToken?: string): Promise<{ events: StackEvent[]; nextToken?: string }>;
  describeStackResources(stackName: string): Promise<StackResource[]>;
  /** The template the stack was last deployed with (JSON or YAML text), `undefined` when unavailable. */
  getTemplateBody(stackName: string): Promise<string | undefined>;
}

/**
 * CloudFormation's way of saying a stack is absent: a ValidationError "Stack with id X does not exist" (or
 * "Stack [X] does not exist"). Matched exactly, because other errors also say "does not exist" (a missing resource
 * or change set) and taking them for a gone stack would hide them.
 */
export function isStackMissingError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationError' && /^Stack (with id \S+|\[[^\]]+\]) does not exist$/.test(error.message);
}

function isNoUpdatesError(error: unknown): boolean {
  return error instanceof Error && /No updates are to be performed/i.test(error.message);
}

export class SdkCloudFormationApi implements CloudFormationApi {
  constructor(private readonly client: CloudFormationClient) {}

  async createStack(input: CreateStackInput): Promise<string> {
    const { CreateStackCommand } = loadCloudFormationSdk();
    const result = await this.client.send(new CreateStackCommand(input));
    return result.StackId ?? String(input.StackName);
  }

  async updateStack(input: UpdateStackInput): Promise<'updating' | 'no-updates'> {
    const { UpdateStackCommand } = loadCloudFormationSdk();
    try {
      await this.client.send(new UpdateStackCommand(input));
      return 'updating';
    } catch (error) {
      if (isNoUpdatesError(error)) return 'no-updates';
      throw error;
    }
  }

  async deleteStack(stackName: string): Promise<void> {
    const { DeleteStackCommand } = loadCloudFormationSdk();
    await this.client.send(new DeleteStackCommand({ StackName: stackName }));
  }

  async continueUpdateRollback(stackName: string): Promise<void> {
    const { ContinueUpdateRollbackCommand } = loadCloudFormationSdk();
    await this.client.send(new ContinueUpdateRollbackCommand({ StackName: stackName }));
  }

  async describeStack(stackName: string): Promise<Stack | undefined> {
    const { DescribeStacksCommand } = loadCloudFormationSdk();
    try {
      const result = await this.client.send(new DescribeStacksCommand({ StackName: stackName }));
      return result.Stacks?.[0];
    } catch (error) {
      if (isStackMissingError(error)) return undefined;
      throw error;
    }
  }

  async describeStackEvents(stackName: string, nextToken?: string): Promise<{ events: StackEvent[]; nextToken?: string }> {
    const { DescribeStackEventsCommand } = loadCloudFormationSdk();
    const result = await this.client.send(new DescribeStackEventsCommand({ StackName: stackName, NextToken: nextToken }));
    return { events: result.StackEvents ?? [], nextToken: result.NextToken };
  }

  async describeStackResources(stackName: string): Promise<StackResource[]> {
    const { DescribeStackResourcesCommand } = loadCloudFormationSdk();
    const result = await this.client.send(new DescribeStackResourcesCommand({ StackName: stackName }));
    return result.StackResources ?? [];
  }

  async getTemplateBody(stackName: string): Promise<string | undefined> {
    const { GetTemplateCommand } = loadCloudFormationSdk();
    try {
      const result = await this.client.send(new GetTemplateCommand({ StackName: stackName }));
      return result.TemplateBody;
    } catch (error) {
      if (isStackMissingError(error)) return undefined;
      throw error;
    }
  }
}
