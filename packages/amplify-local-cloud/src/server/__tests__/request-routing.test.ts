import { rawRequest, signedRequest, useTestCloud, type SignOptions } from '../../__tests__/test-cloud';

const t = useTestCloud();
const as = (service: string, extra: Partial<SignOptions> = {}): SignOptions => ({ credentials: t.cloud.credentials, service, ...extra });

describe('request routing and authentication', () => {
  it('refuses S3 requests without authentication with AccessDenied', async () => {
    const response = await rawRequest(`${t.cloud.endpoint}/`);
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>AccessDenied</Code>');
  });

  it('refuses query-protocol requests without authentication with MissingAuthenticationToken', async () => {
    const response = await rawRequest(`${t.cloud.endpoint}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<ErrorResponse');
    expect(response.body).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('refuses a malformed Authorization header in the shape of the service named by its scope', async () => {
    const sts = await rawRequest(`${t.cloud.endpoint}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws4_request', 'X-Amz-Date': '20260101T000000Z' },
      body: 'Action=GetCallerIdentity',
    });
    expect(sts.status).toBe(403);
    expect(sts.body).toContain('<Code>IncompleteSignature</Code>');
    const s3 = await rawRequest(`${t.cloud.endpoint}/`, {
      headers: { Authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=xyz`, 'X-Amz-Date': '20260101T000000Z' },
    });
    expect(s3.status).toBe(400);
    expect(s3.body).toContain('<Code>AuthorizationHeaderMalformed</Code>');
  });

  it('refuses an incomplete presigned URL with AuthorizationQueryParametersError', async () => {
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKID/20260101/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20260101T000000Z',
      'X-Amz-SignedHeaders': 'host',
    });
    const response = await rawRequest(`${t.cloud.endpoint}/some-bucket/key?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>AuthorizationQueryParametersError</Code>');
    expect(response.body).toContain('X-Amz-Signature');
  });

  it('answers a service it does not emulate with a 400 that names it', async () => {
    const xml = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', body: 'Action=ListQueues' }, as('sqs'));
    expect(xml.status).toBe(400);
    expect(xml.body).toContain("the AWS service 'sqs'");
    const json = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{}' }, as('sqs'));
    expect(json.status).toBe(400);
    expect(JSON.parse(json.body)).toEqual({ __type: 'UnknownService', message: expect.stringContaining("'sqs'") });
  });

  it('hands unsigned calls to the services apps call unsigned (Cognito), by X-Amz-Target, and to no other', async () => {
    const json = (target: string, body: object, headers: Record<string, string> = {}) =>
      rawRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target, ...headers }, body: JSON.stringify(body) });
    const signUp = await json('AWSCognitoIdentityProviderService.SignUp', { ClientId: 'noclient', Username: 'a', Password: 'b' });
    expect(signUp.status).toBe(400);
    expect(JSON.parse(signUp.body)).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client noclient does not exist.' });
    const getId = await json('AWSCognitoIdentityService.GetId', { IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' });
    expect(JSON.parse(getId.body).__type).toBe('ResourceNotFoundException');
    // The service decides which of its operations may be unsigned.
    const admin = await json('AWSCognitoIdentityProviderService.ListUserPools', { MaxResults: 10 });
    expect(JSON.parse(admin.body)).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    const other = await json('DynamoDB_20120810.ListTables', {});
    expect(other.status).toBe(403);
    const rebound = await json('AWSCognitoIdentityProviderService.SignUp', { ClientId: 'noclient' }, { Host: 'attacker.example' });
    expect(rebound.status).toBe(403);
  });

  it('addresses buckets virtual-hosted style through the Host header', async () => {
    const put = await signedRequest(`${t.cloud.endpoint}/`, { method: 'PUT', headers: { Host: 'vhost-bucket.localhost' } }, as('s3'));
    expect(put.status).toBe(200);
    const object = await signedRequest(`${t.cloud.endpoint}/dir/file.txt`, { method: 'PUT', headers: { Host: 'vhost-bucket.localhost:4581' }, body: 'virtual' }, as('s3'));
    expect(object.status).toBe(200);
    const pathStyle = await signedRequest(`${t.cloud.endpoint}/vhost-bucket/dir/file.txt`, {}, as('s3'));
    expect(pathStyle.body).toBe('virtual');
  });

  it('refuses a header-signed S3 request without x-amz-content-sha256, as S3 does', async () => {
    const response = await signedRequest(`${t.cloud.endpoint}/`, {}, as('s3', { contentSha256: false }));
    expect(response.status).toBe(400);
    expect(response.body).toContain('Missing required header for this request: x-amz-content-sha256');
  });

  it('refuses an aws-chunked body to a query-protocol service: its signature covers the body as sent', async () => {
    const body = '2b\r\nAction=GetCallerIdentity&Version=2011-06-15\r\n0\r\n\r\n';
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'aws-chunked' };
    const response = await signedRequest(`${t.cloud.endpoint}/`, { method: 'POST', headers, body }, as('sts'));
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>InvalidRequest</Code>');
  });

  it('refuses CreateBucket without a LocationConstraint on a regional endpoint', async () => {
    const response = await signedRequest(`${t.cloud.endpoint}/regionless-bucket`, { method: 'PUT' }, as('s3', { region: 'eu-west-1' }));
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>IllegalLocationConstraintException</Code>');
  });

  it('reports its health without authentication', async () => {
    const response = await rawRequest(`${t.cloud.endpoint}/_local-cloud/health`);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok', pid: process.pid });
  });
});
