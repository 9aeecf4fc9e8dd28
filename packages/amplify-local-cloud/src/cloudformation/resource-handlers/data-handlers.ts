import { ids } from '../physical-ids';
import { isTemplateObject, TemplateValue } from '../template-value';
import { genericHandler, resourceName, withFixedIdentity } from './generic-handler';
import type { ResourceHandler, ResourceRequest } from './resource-handler';

function tableAttributes(request: ResourceRequest, name: string): Record<string, TemplateValue> {
  const arn = `arn:aws:dynamodb:${request.stack.region}:${request.stack.accountId}:table/${name}`;
  const streams = isTemplateObject(request.properties.StreamSpecification);
  return streams ? { Arn: arn, StreamArn: `${arn}/stream/${ids.streamLabel()}` } : { Arn: arn };
}

/** `AWS::DynamoDB::Table`: Ref is the table name; StreamArn exists only while streams are on. */
export const dynamoDbTableHandler: ResourceHandler = {
  async create(request) {
    const name = resourceName(request, { maxLength: 255 });
    return { physicalId: name, attributes: tableAttributes(request, name) };
  },
  async update(request) {
    const hadStream = typeof request.attributes.StreamArn === 'string';
    const hasStream = isTemplateObject(request.properties.StreamSpecification);
    if (hadStream === hasStream) return { physicalId: request.physicalId, attributes: request.attributes };
    return { physicalId: request.physicalId, attributes: tableAttributes(request, request.physicalId) };
  },
  delete: genericHandler.delete,
};

/** `AWS::Cognito::*`: ids in Cognito's formats; the rest of the attributes as the generic handler makes them. */
export const cognitoHandlers: Record<string, ResourceHandler> = {
  'AWS::Cognito::UserPool': withFixedIdentity((request) => {
    const id = ids.cognitoUserPool(request.stack.region);
    return {
      physicalId: id,
      attributes: {
        UserPoolId: id,
        Arn: `arn:aws:cognito-idp:${request.stack.region}:${request.stack.accountId}:userpool/${id}`,
        ProviderName: `cognito-idp.${request.stack.region}.amazonaws.com/${id}`,
        ProviderURL: `https://cognito-idp.${request.stack.region}.amazonaws.com/${id}`,
      },
    };
  }),
  'AWS::Cognito::UserPoolClient': withFixedIdentity((request) => {
    const id = ids.cognitoClient();
    const attributes: Record<string, TemplateValue> = { ClientId: id, Name: resourceName(request) };
    if (request.properties.GenerateSecret === true || request.properties.GenerateSecret === 'true') attributes.ClientSecret = ids.lowerAlnum(51);
    return { physicalId: id, attributes };
  }),
  'AWS::Cognito::IdentityPool': withFixedIdentity((request) => {
    const id = ids.cognitoIdentityPool(request.stack.region);
    const name = typeof request.properties.IdentityPoolName === 'string' ? request.properties.IdentityPoolName : request.logicalId;
    return { physicalId: id, attributes: { Id: id, Name: name } };
  }),
  'AWS::Cognito::UserPoolDomain': withFixedIdentity((request) => ({
    physicalId: String(request.properties.Domain),
    attributes: { CloudFrontDistribution: `d${ids.lowerAlnum(13)}.cloudfront.net` },
  })),
  'AWS::Cognito::UserPoolGroup': withFixedIdentity((request) => {
    const name = typeof request.properties.GroupName === 'string' ? request.properties.GroupName : `${request.stack.region}_${ids.upperAlnum(9)}-${request.logicalId}`;
    return { physicalId: name, attributes: {} };
  }),
  'AWS::Cognito::IdentityPoolRoleAttachment': withFixedIdentity((request) => ({
    physicalId: `${String(request.properties.IdentityPoolId)}-${ids.uuid().slice(0, 8)}`,
    attributes: {},
  })),
};
