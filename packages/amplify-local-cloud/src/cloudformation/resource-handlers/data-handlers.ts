import { ids } from '../physical-ids';
import { isTemplateObject, TemplateValue } from '../template-value';
import { resourceName, withFixedIdentity } from './generic-handler';
import type { CognitoResources } from '../../contracts';
import type { HandlerEnvironment, ResourceHandler, ResourceRequest } from './resource-handler';

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

type Properties = Record<string, unknown>;

const generatesSecret = (request: ResourceRequest) => request.properties.GenerateSecret === true || request.properties.GenerateSecret === 'true';

/**
 * A Cognito handler: identity from `identity` (on create only), then `apply` puts the resource's settings into the
 * Cognito data plane after create and update, `remove` takes it out on delete.
 */
function cognitoHandler(
  identity: (request: ResourceRequest) => { physicalId: string; attributes: Record<string, TemplateValue> },
  apply: (cognito: CognitoResources, request: ResourceRequest, physicalId: string, attributes: Record<string, TemplateValue>) => void | Promise<void>,
  remove: (cognito: CognitoResources, request: ResourceRequest, physicalId: string) => void,
  environment: HandlerEnvironment,
): ResourceHandler {
  const base = withFixedIdentity(identity);
  return {
    async create(request) {
      const created = await base.create(request);
      if (environment.cognito) await apply(environment.cognito, request, created.physicalId, created.attributes);
      return created;
    },
    async update(request) {
      const updated = await base.update(request);
      if (environment.cognito) await apply(environment.cognito, request, updated.physicalId, updated.attributes);
      return updated;
    },
    async delete(request) {
      if (environment.cognito) remove(environment.cognito, request, request.physicalId);
    },
  };
}

/** `AWS::Cognito::*`: ids in Cognito's formats, the rest of the attributes as the generic handler makes them; pools, clients and groups take effect in the Cognito data plane. */
export function cognitoHandlers(environment: HandlerEnvironment): Record<string, ResourceHandler> {
  const properties = (request: ResourceRequest) => request.properties as Properties;
  return {
    'AWS::Cognito::UserPool': cognitoHandler(
      (request) => {
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
      },
      (cognito, request, id) => cognito.putUserPool(id, request.stack.region, properties(request)),
      (cognito, _request, id) => cognito.deleteUserPool(id),
      environment,
    ),
    'AWS::Cognito::UserPoolClient': cognitoHandler(
      (request) => {
        const id = ids.cognitoClient();
        const attributes: Record<string, TemplateValue> = { ClientId: id, Name: resourceName(request) };
        if (generatesSecret(request)) attributes.ClientSecret = ids.lowerAlnum(51);
        return { physicalId: id, attributes };
      },
      (cognito, request, id, attributes) =>
        cognito.putUserPoolClient(String(request.properties.UserPoolId), id, properties(request), generatesSecret(request) ? String(attributes.ClientSecret) : undefined),
      (cognito, _request, id) => cognito.deleteUserPoolClient(id),
      environment,
    ),
    'AWS::Cognito::IdentityPool': cognitoHandler(
      (request) => {
        const id = ids.cognitoIdentityPool(request.stack.region);
        const name = typeof request.properties.IdentityPoolName === 'string' ? request.properties.IdentityPoolName : request.logicalId;
        return { physicalId: id, attributes: { Id: id, Name: name } };
      },
      (cognito, request, id) => cognito.putIdentityPool(id, request.stack.region, properties(request)),
      (cognito, _request, id) => cognito.deleteIdentityPool(id),
      environment,
    ),
    'AWS::Cognito::UserPoolDomain': withFixedIdentity((request) => ({
      physicalId: String(request.properties.Domain),
      attributes: { CloudFrontDistribution: `d${ids.lowerAlnum(13)}.cloudfront.net` },
    })),
    'AWS::Cognito::UserPoolGroup': cognitoHandler(
      (request) => {
        const name = typeof request.properties.GroupName === 'string' ? request.properties.GroupName : `${request.stack.region}_${ids.upperAlnum(9)}-${request.logicalId}`;
        return { physicalId: name, attributes: {} };
      },
      (cognito, request, name) => cognito.putUserPoolGroup(String(request.properties.UserPoolId), name, properties(request)),
      (cognito, request, name) => cognito.deleteUserPoolGroup(String(request.properties.UserPoolId), name),
      environment,
    ),
    'AWS::Cognito::IdentityPoolRoleAttachment': cognitoHandler(
      (request) => ({ physicalId: `${String(request.properties.IdentityPoolId)}-${ids.uuid().slice(0, 8)}`, attributes: {} }),
      (cognito, request, id) => cognito.putIdentityPoolRoles(id, String(request.properties.IdentityPoolId), properties(request)),
      (cognito, _request, id) => cognito.deleteIdentityPoolRoles(id),
      environment,
    ),
  };
}
