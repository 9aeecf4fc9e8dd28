/** A DynamoDB refusal in DynamoDB's terms: the short `__type` (`ConditionalCheckFailedException`), message, status. */
export class DynamoDbError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error body (`CancellationReasons` of a cancelled transaction). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DynamoDbError';
  }

  /** The JSON body DynamoDB answers with. */
  toBody(): string {
    const namespace = this.code === 'ValidationException' ? 'com.amazon.coral.validate' : 'com.amazonaws.dynamodb.v20120810';
    return JSON.stringify({ __type: `${namespace}#${this.code}`, message: this.message, ...this.details });
  }

  /** The error of an answer whose body is DynamoDB's error JSON. */
  static fromAnswer(status: number, body: string): DynamoDbError {
    let parsed: { __type?: string; message?: string; Message?: string } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      // An empty or non-JSON body (dynalite's 413) keeps the generic code below.
    }
    const code = (parsed.__type ?? 'InternalServerError').split('#').pop() as string;
    return new DynamoDbError(code, parsed.message ?? parsed.Message ?? `DynamoDB answered ${status}`, status);
  }
}
