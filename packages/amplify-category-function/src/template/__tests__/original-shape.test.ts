import * as fs from 'fs';
import * as path from 'path';
import { lambdaTemplate } from '../lambda-template';

/** The original's template rendered by its own ejs; see fixtures/original-14.2.2/README.md. */
const original = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', 'hello-world-cloudformation-template.json'), 'utf8'));

describe("the function template in the original's shape", () => {
  it('hello world: the same parameters, conditions, resources and outputs, key by key', () => {
    const ours = lambdaTemplate({ functionName: 'shopfn', roleName: 'shopLambdaRoleab12cd34', environmentVariables: [], access: [] });
    // Deliberate differences: our own description, the partition-aware log ARN, and the LambdaExecutionRoleArn
    // output the original adds to every function template at push.
    const logStatement = ours.Resources.lambdaexecutionpolicy.Properties as { PolicyDocument: { Statement: Array<{ Resource: { 'Fn::Sub': [string, unknown] } }> } };
    const [arn] = logStatement.PolicyDocument.Statement[0].Resource['Fn::Sub'];
    logStatement.PolicyDocument.Statement[0].Resource['Fn::Sub'][0] = arn.replace('arn:${AWS::Partition}:', 'arn:aws:');
    const { LambdaExecutionRoleArn, ...outputs } = ours.Outputs;
    expect(LambdaExecutionRoleArn).toEqual({ Value: { 'Fn::GetAtt': ['LambdaExecutionRole', 'Arn'] } });
    expect({ ...ours, Description: original.Description, Outputs: outputs }).toEqual(original);
  });
});
