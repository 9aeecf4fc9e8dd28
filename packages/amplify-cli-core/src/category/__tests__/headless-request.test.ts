import { validateHeadlessRequest, type HeadlessSchema } from '../headless-request';

const schema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName'],
      properties: {
        serviceName: { enum: ['S3'] },
        permissions: { type: 'object', properties: { auth: { type: 'array', items: { enum: ['READ', 'DELETE'] } } } },
      },
    },
  },
};

describe('validateHeadlessRequest', () => {
  it('returns the parsed request when it matches', () => {
    const request = validateHeadlessRequest<{ version: number }>(schema, '{"version":1,"serviceConfiguration":{"serviceName":"S3"}}', 'Req');
    expect(request.version).toBe(1);
  });

  it.each([
    ['{"serviceConfiguration":{"serviceName":"S3"}}', 'Req: version is required'],
    ['{"version":2,"serviceConfiguration":{"serviceName":"S3"}}', 'Req: version must be 1, not 2'],
    ['{"version":1,"serviceConfiguration":{"serviceName":"S4"}}', 'Req: serviceConfiguration.serviceName must be one of "S3", not "S4"'],
    ['{"version":1,"serviceConfiguration":{"serviceName":"S3","permissions":{"auth":["READ","WRITE"]}}}', 'Req: serviceConfiguration.permissions.auth[1] must be one of "READ", "DELETE"'],
    ['{"version":1,"serviceConfiguration":{"serviceName":"S3"},"extra":true}', 'Req: extra is not a known field'],
    ['{"version":1,', 'Req is not valid JSON'],
  ])('names the bad field of %s', (payload, message) => {
    expect(() => validateHeadlessRequest(schema, payload, 'Req')).toThrow(message);
  });

  it('names a wrong discriminator rather than what its if/then/else branch then misses', () => {
    const branched: HeadlessSchema = {
      type: 'object',
      required: ['serviceName'],
      properties: { serviceName: { enum: ['S3', 'DynamoDB'] } },
      if: { properties: { serviceName: { const: 'S3' } } },
      then: { required: ['permissions'] },
      else: { required: ['columns'] },
    };
    expect(() => validateHeadlessRequest(branched, '{"serviceName":"Glacier"}', 'Req')).toThrow('Req: serviceName must be one of "S3", "DynamoDB", not "Glacier"');
    expect(() => validateHeadlessRequest(branched, '{"serviceName":"DynamoDB"}', 'Req')).toThrow('Req: columns is required');
  });

  it('accepts an already parsed object', () => {
    expect(() => validateHeadlessRequest(schema, { version: 1 }, 'Req')).toThrow('serviceConfiguration is required');
  });
});
