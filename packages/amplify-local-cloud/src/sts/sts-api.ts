import * as crypto from 'crypto';
import { LOCAL_ACCOUNT_ID, type ServiceHandler } from '../contracts';
import { queryError, queryParameters, queryResult } from '../query/query-protocol';

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const API_VERSION = '2011-06-15';

/** The identity every accepted key (the instance's own, or a temporary one it issued) maps to: one IAM user of the local account. */
export const LOCAL_USER_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local`;
/** IAM user ids are `AIDA` and 17 upper-case alphanumerics; derived from the account so it never changes. */
export const LOCAL_USER_ID = `AIDA${crypto.createHash('sha256').update(LOCAL_USER_ARN).digest('hex').slice(0, 17).toUpperCase()}`;

/** STS over the query protocol: GetCallerIdentity only, which is what the provider asks to learn the account. */
export function createStsHandler(): ServiceHandler {
  return async (request) => {
    const parameters = queryParameters(request);
    const action = parameters.get('Action');
    if (action === null) {
      return queryError(400, 'MissingAction', 'Missing Action', STS_XMLNS);
    }
    const version = parameters.get('Version');
    if (action !== 'GetCallerIdentity' || (version !== null && version !== API_VERSION)) {
      return queryError(400, 'InvalidAction', `Could not find operation ${action} for version ${version ?? API_VERSION}`, STS_XMLNS);
    }
    return queryResult('GetCallerIdentity', STS_XMLNS, { Arn: LOCAL_USER_ARN, UserId: LOCAL_USER_ID, Account: LOCAL_ACCOUNT_ID });
  };
}
