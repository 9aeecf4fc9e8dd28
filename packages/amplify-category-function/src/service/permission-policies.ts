import type { PermissionPolicies } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { dependencyParameter } from '../function-definition';

/**
 * What another resource (a function, an API) needs to call functions of this project: `lambda:InvokeFunction` on
 * each, named through its `Name` output. Every operation amounts to invoking.
 */
export function functionPermissionPolicies(resourceOpsMapping: Record<string, string[]>): PermissionPolicies {
  const permissionPolicies: unknown[] = [];
  const resourceAttributes: PermissionPolicies['resourceAttributes'] = [];
  for (const resourceName of Object.keys(resourceOpsMapping)) {
    permissionPolicies.push({
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: [
        {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':lambda:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':function:',
              { Ref: dependencyParameter(CATEGORY, resourceName, 'Name') },
            ],
          ],
        },
      ],
    });
    resourceAttributes.push({ resourceName, attributes: ['Name'], category: CATEGORY });
  }
  return { permissionPolicies, resourceAttributes };
}
