/**
 * The TypeScript samples of the design document (../shared/documented-api.md), read from the document itself, and a
 * runner that executes one as written: its imports bound to dist/provider.js's exports, its free names to a scope, its
 * top-level declarations handed back so later samples (and checks) can use them, as a reader following the document would.
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import * as ts from 'typescript';

/** One fenced block: the heading it sits under, its info string (`typescript`, '' for a plain fence) and its text. */
export interface DocumentSample {
  heading: string;
  lang: string;
  code: string;
}

/** Every fenced block of the markdown file, in document order, each under its nearest heading. */
export function fencedBlocks(path: string): DocumentSample[] {
  const tokens = new MarkdownIt().parse(readFileSync(path, 'utf8'), {});
  const blocks: DocumentSample[] = [];
  let heading = '';
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') heading = tokens[index + 1].content;
    if (token.type === 'fence') blocks.push({ heading, lang: token.info.trim(), code: token.content });
  });
  return blocks;
}

/** A sample's named imports (module specifier and local name) and the names it declares at top level. */
export interface SampleShape {
  imports: { from: string; name: string }[];
  declares: string[];
}

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('sample.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

export function shapeOf(code: string): SampleShape {
  const imports: SampleShape['imports'] = [];
  const declares: string[] = [];
  for (const statement of parse(code).statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) throw new Error(`Only named imports are supported: ${statement.getText()}`);
      for (const element of bindings.elements) imports.push({ from, name: element.name.text });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) throw new Error(`Only plain declarations are supported: ${declaration.getText()}`);
        declares.push(declaration.name.text);
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      declares.push(statement.name.text);
    }
  }
  return { imports, declares };
}

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<Record<string, unknown>>;

/**
 * Runs `code` (TypeScript, top-level await allowed) in strict mode with `scope`'s names in reach and the imported names
 * bound to `module`'s exports; resolves to the values of the names it declares at top level. An import of a name the module
 * does not export at run time must be one of `typeNames` (an exported type, erased like TypeScript erases it); anything else
 * throws, as a name the sample uses and nobody defined throws a ReferenceError.
 */
export async function runSample(
  code: string,
  scope: Readonly<Record<string, unknown>>,
  module: Readonly<Record<string, unknown>>,
  typeNames: ReadonlySet<string>,
): Promise<Record<string, unknown>> {
  const source = parse(code);
  const { imports, declares } = shapeOf(code);
  const bound: Record<string, unknown> = { ...scope };
  for (const { name } of imports) {
    if (name in module) bound[name] = module[name];
    else if (!typeNames.has(name)) throw new Error(`The sample imports ${name}, which dist/provider.js does not export.`);
  }
  // The imports are bound above; blanking them (same length) keeps the sample's line numbers in stack traces.
  let body = code;
  for (const statement of source.statements.filter(ts.isImportDeclaration)) {
    const start = statement.getStart(source);
    body = body.slice(0, start) + ' '.repeat(statement.getEnd() - start) + body.slice(statement.getEnd());
  }
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const names = Object.keys(bound);
  const run = new AsyncFunction(...names, `'use strict';\n{\n${js}\nreturn { ${declares.join(', ')} };\n}`);
  return run(...names.map((name) => bound[name]));
}

/** The names src/provider/index.ts (dist/provider.js's entry) exports, types included. */
export function exportedNames(indexFile: string): Set<string> {
  const program = ts.createProgram([indexFile], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexFile);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`No module at ${indexFile}`);
  return new Set(checker.getExportsOfModule(symbol).map((exported) => exported.getName()));
}
