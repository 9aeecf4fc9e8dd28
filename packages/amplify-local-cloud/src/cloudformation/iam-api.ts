import type { ServiceHandler } from '../contracts';
import { queryError, queryParameters, queryResult } from '../query/query-protocol';
import type { StackStore } from './stack-store';

const XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/**
 * The part of the IAM query API (version 2010-05-08) that custom resources of Amplify's stacks call on the roles
 * CloudFormation made: GetRole and UpdateAssumeRolePolicy. Roles exist exactly while their `AWS::IAM::Role` resource
 * does; other actions are refused by name.
 */
export function createIamHandler(store: StackStore, accountId: string): ServiceHandler {
  const role = (name: string | null) => (name === null ? undefined : store.liveResource('AWS::IAM::Role', name));
  const noSuchRole = (name: string | null) => queryError(404, 'NoSuchEntity', `The role with name ${name ?? ''} cannot be found.`, XMLNS);
  return async (request) => {
    const params = queryParameters(request);
    const action = params.get('Action') ?? '';
    const roleName = params.get('RoleName');
    switch (action) {
      case 'GetRole': {
        const found = role(roleName);
        if (found === undefined) return noSuchRole(roleName);
        const path = typeof found.properties.Path === 'string' ? found.properties.Path : '/';
        const document = store.trustPolicy(found.physicalId!) ?? JSON.stringify(found.properties.AssumeRolePolicyDocument ?? {});
        return queryResult('GetRole', XMLNS, {
          Role: {
            Path: path,
            RoleName: found.physicalId,
            RoleId: String(found.attributes.RoleId ?? ''),
            Arn: String(found.attributes.Arn ?? `arn:aws:iam::${accountId}:role${path}${found.physicalId}`),
            CreateDate: found.lastUpdated,
            // IAM returns policy documents URL-encoded.
            AssumeRolePolicyDocument: encodeURIComponent(document),
            MaxSessionDuration: Number(found.properties.MaxSessionDuration ?? 3600),
          },
        });
      }
      case 'UpdateAssumeRolePolicy': {
        const found = role(roleName);
        if (found === undefined) return noSuchRole(roleName);
        const document = params.get('PolicyDocument') ?? '';
        try {
          JSON.parse(document);
        } catch {
          return queryError(400, 'MalformedPolicyDocument', 'This policy contains invalid Json', XMLNS);
        }
        store.setTrustPolicy(found.physicalId!, document);
        return queryResult('UpdateAssumeRolePolicy', XMLNS, {});
      }
      default:
        return queryError(400, 'InvalidAction', `The local cloud's IAM answers GetRole and UpdateAssumeRolePolicy only, not ${action}`, XMLNS);
    }
  };
}
