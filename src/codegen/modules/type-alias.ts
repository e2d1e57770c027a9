/** Small TypeScript builders the event module and its contracts share. */
import ts from 'typescript';
import { withDoc } from '../ts.js';

const f = ts.factory;

export const prop = (name: string, type: ts.TypeNode) => f.createPropertySignature(undefined, name, undefined, type);
export const typeAlias = (name: string, type: ts.TypeNode, doc: string) =>
  withDoc(f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], name, undefined, type), doc);
