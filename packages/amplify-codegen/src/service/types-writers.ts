import type { NamedDeclaration, OperationShapes, Shape, ShapeField, TypeShapes } from './type-shapes';

export const GENERATED = '//  This file was automatically generated and should not be edited.';

function containsObject(shape: Shape): boolean {
  return shape.kind === 'object' || shape.kind === 'union' || (shape.kind === 'list' && containsObject(shape.item));
}

export interface TypeScriptSyntax {
  render(shape: Shape, indent: string): string;
  declaration(item: NamedDeclaration): string;
  block(name: string, fields: ShapeField[]): string;
}

/** TypeScript type syntax; `separator` is `,` in API.ts and `;` in the Angular service, as the original writes them. */
export function typeScriptSyntax(separator: ',' | ';'): TypeScriptSyntax {
  const render = (shape: Shape, indent: string): string => {
    switch (shape.kind) {
      case 'scalar':
        return shape.name;
      case 'ref':
        return shape.name;
      case 'literal':
        return JSON.stringify(shape.value);
      case 'list':
        return `Array< ${render(shape.item, indent)}${shape.itemNullable ? ' | null' : ''} >`;
      case 'union':
        return `( ${shape.members.map((member) => render(member, indent)).join(' | ')}\n${indent})`;
      case 'object': {
        const inner = `${indent}  `;
        const typename = shape.typename ? [`${inner}__typename: ${JSON.stringify(shape.typename)}${separator}`] : [];
        return ['{', ...typename, ...shape.fields.map((field) => line(field, inner)), `${indent}}`].join('\n');
      }
    }
  };
  const line = (field: ShapeField, indent: string): string =>
    `${indent}${field.name}${field.nullable ? '?' : ''}:${containsObject(field.shape) ? '  ' : ' '}${render(field.shape, indent)}${field.nullable ? ' | null' : ''}${separator}`;
  const block = (name: string, fields: ShapeField[]): string => [`export type ${name} = {`, ...fields.map((field) => line(field, '  ')), '};', ''].join('\n');
  const declaration = (item: NamedDeclaration): string => {
    switch (item.kind) {
      case 'input':
      case 'object':
        return block(item.name, item.fields);
      case 'enum':
        return [`export enum ${item.name} {`, ...item.values.map((value) => `  ${value} = ${JSON.stringify(value)},`), '}', '', ''].join('\n');
      case 'union':
        return `export type ${item.name} = ${item.members.join(' | ')};\n`;
    }
  };
  return { render, declaration, block };
}

/** TypeScript (`API.ts`): `export type X = { f?: T | null, };`, enums as `enum`, results inlined. */
export function renderTypeScriptTypes(shapes: TypeShapes): string {
  const syntax = typeScriptSyntax(',');
  const operation = (op: OperationShapes): string => [syntax.block(`${op.typeName}Variables`, op.variables), syntax.block(op.typeName, op.result)].join('\n');
  const header = ['/* tslint:disable */', '/* eslint-disable */', GENERATED, '', ''].join('\n');
  return `${header}${[...shapes.declarations.map(syntax.declaration), ...shapes.operations.map(operation)].join('\n').trimEnd()}\n`;
}

/** Flow (`API.js`): exact object types, `?T` for nullable, enums as unions of strings. */
export function renderFlowTypes(shapes: TypeShapes): string {
  const render = (shape: Shape, indent: string): string => {
    switch (shape.kind) {
      case 'scalar':
      case 'ref':
        return shape.name;
      case 'literal':
        return JSON.stringify(shape.value);
      case 'list':
        return `Array<${shape.itemNullable ? '?' : ''}${render(shape.item, indent)}>`;
      case 'union':
        return shape.members.map((member) => render(member, indent)).join(' | ');
      case 'object': {
        const inner = `${indent}  `;
        const typename = shape.typename ? [`${inner}__typename: ${JSON.stringify(shape.typename)},`] : [];
        return ['{|', ...typename, ...shape.fields.map((field) => line(field, inner, false)), `${indent}|}`].join('\n');
      }
    }
  };
  const line = (field: ShapeField, indent: string, optional: boolean): string =>
    `${indent}${field.name}${field.nullable && optional ? '?' : ''}: ${field.nullable ? '?' : ''}${render(field.shape, indent)},`;
  const block = (name: string, fields: ShapeField[], optional: boolean): string =>
    [`export type ${name} = {|`, ...fields.map((field) => line(field, '  ', optional)), '|};', ''].join('\n');
  const declaration = (item: NamedDeclaration): string => {
    switch (item.kind) {
      case 'input':
        return block(item.name, item.fields, true);
      case 'object':
        return block(item.name, item.fields, false);
      case 'enum':
        return [`export type ${item.name} =`, ...item.values.map((value, i) => `  ${JSON.stringify(value)}${i < item.values.length - 1 ? ' |' : ';'}`), ''].join('\n');
      case 'union':
        return `export type ${item.name} = ${item.members.join(' | ')};\n`;
    }
  };
  const operation = (op: OperationShapes): string => [block(`${op.typeName}Variables`, op.variables, true), block(op.typeName, op.result, false)].join('\n');
  const header = ['/* @flow */', GENERATED, '', ''].join('\n');
  return `${header}${[...shapes.declarations.map(declaration), ...shapes.operations.map(operation)].join('\n').trimEnd()}\n`;
}
