/**
 * Every export of the core's public API (src/provider/index.ts, built as dist/provider.js) carries
 * a docstring: a reader of the bundle learns shapes, units and errors without opening the sources.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as ts from 'typescript';

function undocumentedExports(indexFile: string): string[] {
  const program = ts.createProgram([indexFile], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexFile);
  assert.ok(source, indexFile);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  assert.ok(moduleSymbol);
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const text = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
      return text.length < 10;
    })
    .map((symbol) => symbol.getName())
    .sort();
}

describe('dist/provider.js public API', function () {
  this.timeout(60_000);

  it('documents every export', () => {
    assert.deepEqual(undocumentedExports(join(process.cwd(), 'src/provider/index.ts')), []);
  });
});
