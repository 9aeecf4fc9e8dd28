import type { CustomField, FunctionDirective } from '../model/api-model';
import { uniqueId } from './cdk-names';
import { equals, getAtt, ifCondition, join, not, ref, sub } from './cfn';
import { APPSYNC_TRUST_POLICY } from './dynamodb-parameters';
import { API_ID } from './model-resources';
import type { DataSourceUse, PipelineStep, ResolverPlan } from './pipeline';
import { ROOT, rootParameter, type StackSet } from './stack-set';
import { fieldReadAuthTemplate } from './vtl/auth-templates';
import { httpRequestTemplate, httpResponseTemplate, invokeLambdaRequestTemplate, invokeLambdaResponseTemplate, previousResultResponse } from './vtl/field-templates';
import type { AuthProvider } from '../model/api-model';

export const FUNCTION_STACK = 'FunctionDirectiveStack';
export const HTTP_STACK = 'HttpStack';

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const ENV_SUFFIX = '-${env}';

/** `echofn-${env}` → `Echofn`: the name part of the function's data source id. */
export function functionResourceName(name: string): string {
  const base = name.endsWith(ENV_SUFFIX) ? name.slice(0, -ENV_SUFFIX.length) : name;
  return pascal(base.replace(/[^A-Za-z0-9]/g, ''));
}

function lambdaArn(fn: FunctionDirective, stacks: StackSet) {
  const region = fn.region ?? '${AWS::Region}';
  const account = fn.accountId ?? '${AWS::AccountId}';
  const arn = (name: string) => `arn:aws:lambda:${region}:${account}:function:${name}`;
  if (!fn.name.includes('${env}')) return sub(arn(fn.name));
  return ifCondition(
    'HasEnvironmentParameter',
    sub(arn(fn.name), { env: stacks.value(FUNCTION_STACK, rootParameter('env')) }),
    sub(arn(fn.name.replace(ENV_SUFFIX, '').replace('${env}', ''))),
  );
}

function lambdaDataSource(fn: FunctionDirective, stacks: StackSet): DataSourceUse {
  const id = `${functionResourceName(fn.name)}LambdaDataSource`;
  const stack = stacks.stack(FUNCTION_STACK);
  if (!stack.resources[id]) {
    if (!stack.conditions.HasEnvironmentParameter) stack.conditions.HasEnvironmentParameter = not(equals(stacks.value(FUNCTION_STACK, rootParameter('env')), 'NONE'));
    const arn = lambdaArn(fn, stacks);
    const roleId = uniqueId([id, 'ServiceRole', 'Resource']);
    const policyId = uniqueId([id, 'ServiceRole', 'DefaultPolicy', 'Resource']);
    stack.addResource(roleId, { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: APPSYNC_TRUST_POLICY } });
    stack.addResource(policyId, {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyDocument: { Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: [arn, join('', [arn, ':*'])] }], Version: '2012-10-17' },
        PolicyName: policyId,
        Roles: [ref(roleId)],
      },
    });
    stack.addResource(id, {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: stacks.value(FUNCTION_STACK, API_ID),
        LambdaConfig: { LambdaFunctionArn: arn },
        Name: id,
        ServiceRoleArn: getAtt(roleId, 'Arn'),
        Type: 'AWS_LAMBDA',
      },
    });
  }
  return { name: { stack: FUNCTION_STACK, path: [id, 'Resource'], logicalId: id, attribute: 'Name' }, type: 'AWS_LAMBDA' };
}

/** `${env}` and `${aws_region}` of an `@http` URL as `Fn::Sub` variables. */
function substituted(text: string, stacks: StackSet) {
  if (!text.includes('${')) return text;
  const body = text.replace(/\$\{aws_region\}/g, '${AWS::Region}');
  return body.includes('${env}') ? sub(body, { env: stacks.value(HTTP_STACK, rootParameter('env')) }) : sub(body);
}

function httpDataSource(origin: string, stacks: StackSet): DataSourceUse {
  const id = `${origin.replace(/[^A-Za-z0-9]/g, '')}DataSource`;
  const stack = stacks.stack(HTTP_STACK);
  if (!stack.resources[id]) {
    const roleId = uniqueId([id, 'ServiceRole', 'Resource']);
    stack.addResource(roleId, { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: APPSYNC_TRUST_POLICY } });
    stack.addResource(id, {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: stacks.value(HTTP_STACK, API_ID),
        HttpConfig: { Endpoint: substituted(origin, stacks) },
        Name: id,
        ServiceRoleArn: getAtt(roleId, 'Arn'),
        Type: 'HTTP',
      },
    });
  }
  return { name: { stack: HTTP_STACK, path: [id, 'Resource'], logicalId: id, attribute: 'Name' }, type: 'HTTP' };
}

/** Splits an `@http` URL into origin (`https://host[:port]`) and path, placeholders kept. */
export function splitUrl(url: string): { origin: string; path: string } {
  const match = /^(https?:\/\/[^/]+)(.*)$/.exec(url);
  if (!match) return { origin: url, path: '/' };
  return { origin: match[1], path: match[2] === '' ? '/' : match[2] };
}

/** `@function` and `@http` fields: their data sources and pipelines; fields with `@auth` get an auth function first. */
export function customFieldResolverPlans(fields: CustomField[], stacks: StackSet, none: DataSourceUse, providers: AuthProvider[]): ResolverPlan[] {
  const plans: ResolverPlan[] = [];
  for (const field of fields) {
    if (field.functions.length === 0 && !field.http) continue;
    const steps: PipelineStep[] = [];
    if (field.auth && field.auth.length > 0) {
      steps.push({
        name: `${field.typeName}${pascal(field.fieldName)}AuthFN`,
        dataSource: none,
        request: { file: `${field.typeName}.${field.fieldName}.auth.req.vtl`, content: fieldReadAuthTemplate(providers, field.auth) },
        stack: ROOT,
      });
    }
    let stack: string;
    let dataSourceType: ResolverPlan['dataSourceType'];
    const stashDeploymentValues: Array<'env' | 'awsRegion'> = [];
    if (field.http) {
      stack = HTTP_STACK;
      dataSourceType = 'HTTP';
      const { origin, path } = splitUrl(field.http.url);
      if (path.includes('${env}')) stashDeploymentValues.push('env');
      if (path.includes('${aws_region}')) stashDeploymentValues.push('awsRegion');
      const dataSource = httpDataSource(origin, stacks);
      steps.push({
        name: `${dataSource.name.logicalId}${field.typeName}${field.fieldName}Function`,
        dataSource,
        request: { file: `${field.typeName}.${field.fieldName}.DataResolver.req.vtl`, content: httpRequestTemplate(field.http, path) },
        response: { file: `${field.typeName}.${field.fieldName}.DataResolver.res.vtl`, content: httpResponseTemplate(field.http.method) },
      });
    } else {
      stack = FUNCTION_STACK;
      dataSourceType = 'AWS_LAMBDA';
      for (const fn of field.functions) {
        const dataSource = lambdaDataSource(fn, stacks);
        const name = dataSource.name.logicalId;
        steps.push({
          name: `Invoke${name}`,
          dataSource,
          request: { file: `Invoke${name}.req.vtl`, content: invokeLambdaRequestTemplate() },
          response: { file: `Invoke${name}.res.vtl`, content: invokeLambdaResponseTemplate() },
        });
      }
    }
    plans.push({
      typeName: field.typeName,
      fieldName: field.fieldName,
      logicalId: `${field.typeName}${field.fieldName}Resolver`,
      stack,
      kind: field.typeName === 'Mutation' ? 'mutation' : field.typeName === 'Subscription' ? 'subscription' : 'query',
      dataSourceType,
      slots: {},
      steps,
      ...(stashDeploymentValues.length > 0 ? { stashDeploymentValues } : {}),
      response: { file: `${field.typeName}.${field.fieldName}.res.vtl`, content: previousResultResponse() },
    });
  }
  return plans;
}
