import { ids } from '../physical-ids';
import { isTemplateObject, TemplateValue } from '../template-value';
import { resourceName, withFixedIdentity } from './generic-handler';
import type { HandlerEnvironment, ResourceHandler } from './resource-handler';

/** The table's ARNs; StreamArn exists only while streams are on. */
function tableAttributes(arns: { tableArn: string; streamArn?: string }): Record<string, TemplateValue> {
  return arns.streamArn === undefined ? { Arn: arns.tableArn } : { Arn: arns.tableArn, StreamArn: arns.streamArn };
}

/** `AWS::DynamoDB::Table`: a real table of the local DynamoDB (keys, indexes, stream, time to live); Ref is its name. */
export function dynamoDbTableHandler(environment: HandlerEnvironment): ResourceHandler {
  return {
    async create(request) {
      const name = resourceName(request, { maxLength: 255 });
      return { physicalId: name, attributes: tableAttributes(await environment.tables.deployTable(name, request.properties, request.stack.region)) };
    },
    async update(request) {
      const arns = await environment.tables.deployTable(request.physicalId, request.properties, request.stack.region);
      return { physicalId: request.physicalId, attributes: tableAttributes(arns) };
    },
    async delete(request) {
      await environment.tables.deleteTable(request.physicalId);
    },
  };
}

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
