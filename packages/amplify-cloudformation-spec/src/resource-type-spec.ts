/**
 * The shape of one resource type of the CloudFormation resource specification, as this library hands it out.
 * Documentation-free: only what validation and a CloudFormation engine need.
 */

export type PrimitiveType = 'String' | 'Integer' | 'Double' | 'Boolean' | 'Json' | 'Timestamp' | 'Null';

/** The type of a property value or attribute. */
export type ValueType =
  | { readonly kind: 'primitive'; readonly primitive: PrimitiveType }
  /** The CloudFormation tag: an object with `Key` and `Value`, both required strings. */
  | { readonly kind: 'tag' }
  /** A property type of the same resource type, found in `ResourceTypeSpec.propertyTypes[name]`. */
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'list'; readonly element: ValueType }
  | { readonly kind: 'map'; readonly element: ValueType }
  | { readonly kind: 'union'; readonly types: readonly ValueType[] };

/**
 * What changing a property does to the resource, in the vocabulary of the CloudFormation specification:
 * `Mutable` updates in place, `Immutable` replaces the resource, `Conditional` may replace it depending on the
 * values involved.
 */
export type UpdateType = 'Mutable' | 'Immutable' | 'Conditional';

export interface PropertySpec {
  readonly required: boolean;
  readonly type: ValueType;
  readonly updateType: UpdateType;
}

export interface PropertyTypeSpec {
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

export interface ResourceTypeSpec {
  /** The resource type name, e.g. `AWS::S3::Bucket` (or the `Custom::` name asked for). */
  readonly typeName: string;
  /**
   * A custom resource (`Custom::*` or `AWS::CloudFormation::CustomResource`): any property is accepted
   * besides the required `ServiceToken`, and any attribute may be read with `Fn::GetAtt`.
   */
  readonly custom: boolean;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  readonly propertyTypes: Readonly<Record<string, PropertyTypeSpec>>;
  /** Attribute names, some dotted (`Endpoint.Address`), with their types. */
  readonly attributes: Readonly<Record<string, ValueType>>;
  /**
   * Property paths whose change replaces the resource: the top-level `Immutable` properties, then deeper dotted
   * paths (`BlockDeviceMappings.*.Ebs.KmsKeyId`, `*` standing for every list item or map key) for immutable
   * properties of property types under a mutable top-level property.
   */
  readonly createOnlyProperties: readonly string[];
  /** The properties that identify a resource of this type (Cloud Control API primary identifier). */
  readonly primaryIdentifier?: readonly string[];
  /** What `Ref` returns, when the specification says it differs from the primary identifier. */
  readonly refIdentifier?: readonly string[];
  /** The ARN pattern, e.g. `arn:${Partition}:s3:::${BucketName}`. */
  readonly arnTemplate?: string;
}
