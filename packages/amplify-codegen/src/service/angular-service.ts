import { print } from 'graphql/language/printer';
import type { OperationShapes, Shape, TypeShapes } from './type-shapes';
import { GENERATED, typeScriptSyntax } from './types-writers';

/** The one root field an operation selects (generated statements select exactly one). */
function rootField(op: OperationShapes): { name: string; shape: Shape } | undefined {
  return op.result.length === 1 ? op.result[0] : undefined;
}

/**
 * `API.service.ts` for Angular apps (Amplify JS v5 style, as the original writes when amplifyJsLibraryVersion is
 * unset): the types in semicolon style, and an injectable `APIService` with one method per query and mutation and a
 * `<Op>Listener` per subscription, each with its statement inlined.
 */
export function renderAngularService(shapes: TypeShapes): string {
  const syntax = typeScriptSyntax(';');
  const subscriptions = shapes.operations.filter((op) => op.operationType === 'subscription' && rootField(op));
  const header = [
    '/* tslint:disable */',
    '/* eslint-disable */',
    GENERATED,
    'import { Injectable } from "@angular/core";',
    'import API, { graphqlOperation, GraphQLResult } from "@aws-amplify/api-graphql";',
    'import { Observable } from "zen-observable-ts";',
    '',
    'export interface SubscriptionResponse<T> {',
    '  value: GraphQLResult<T>;',
    '}',
    '',
    'export type __SubscriptionContainer = {',
    ...subscriptions.map((op) => `  ${rootField(op)?.name}: ${op.typeName};`),
    '};',
    '',
  ].join('\n');
  // A result type is the root field's own type, which the service methods return.
  const resultTypes = shapes.operations.map((op) => {
    const field = rootField(op);
    return field ? `export type ${op.typeName} = ${syntax.render(field.shape, '')};\n` : syntax.block(op.typeName, op.result);
  });
  const methods = shapes.operations.map((op) => {
    const field = rootField(op);
    const params = [...op.variables].sort((a, b) => Number(a.nullable) - Number(b.nullable)).map((variable) => `${variable.name}${variable.nullable ? '?' : ''}: ${syntax.render(variable.shape, '    ')}`);
    const required = op.variables.filter((variable) => !variable.nullable).map((variable) => variable.name);
    const optional = op.variables.filter((variable) => variable.nullable).map((variable) => `    if (${variable.name}) {\n      gqlAPIServiceArguments.${variable.name} = ${variable.name};\n    }`);
    const statement = `    const statement = \`${print(op.operation)}\`;`;
    const args = `    const gqlAPIServiceArguments: any = {${required.length > 0 ? ` ${required.join(', ')} ` : ''}};`;
    if (op.operationType === 'subscription') {
      const type = `Observable<SubscriptionResponse<Pick<__SubscriptionContainer, "${field?.name}">>>`;
      return [`  ${op.operationName}Listener(${params.join(', ')}): ${type} {`, statement, args, ...optional, `    return API.graphql(graphqlOperation(statement, gqlAPIServiceArguments)) as ${type};`, '  }'].join('\n');
    }
    const result = field ? `response.data.${field.name}` : 'response.data';
    return [
      `  async ${op.operationName}(${params.join(', ')}): Promise<${op.typeName}> {`,
      statement,
      args,
      ...optional,
      '    const response = (await API.graphql(graphqlOperation(statement, gqlAPIServiceArguments))) as any;',
      `    return <${op.typeName}>${result};`,
      '  }',
    ].join('\n');
  });
  const service = ['@Injectable({', '  providedIn: "root"', '})', 'export class APIService {', methods.join('\n'), '}', ''].join('\n');
  return [header, ...shapes.declarations.map(syntax.declaration), ...resultTypes, service].join('\n');
}
