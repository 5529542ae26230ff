/**
 * Finds string literals in TypeScript sources that read like user-visible English and do not go
 * through a localisation call. A literal counts as text when it holds a word of two or more letters
 * followed by a space and another word, or is one capitalised word (a button label such as "Retry").
 * It is localised when it is the message of `l10n.t(...)` (vscode.l10n or @vscode/l10n), and it is
 * not UI text when it is a module name, a type, a log line, a comparison, an object key, or sits under
 * a comment starting `not UI text:` (on the literal's line or on any enclosing statement or member:
 * a model prompt, a wire value, a developer error). Shape: `file:line: "text"` per finding.
 */
import * as ts from 'typescript';

const PROSE = /[A-Za-z]{2,}[,;:.!?'’)]*\s+(\(?[A-Za-z]{2,}|\d+\s+[A-Za-z]{2,})/;
/** One capitalised word (a button), or a word before or after a `{}` hole ("Use {}", "{} requests"). */
const LABEL = /^[A-Z][a-z]{2,}[.…]*$|^[A-Z][a-z]{2,}\s+\{\}|\{\}\s+[a-z]{3,}/;
const MARK = /not UI text:/;
/** Attributes and options whose values are names, not text (class lists, link relations, ARIA roles). */
const NAME_KEYS = new Set(['class', 'className', 'rel', 'role', 'type', 'id', 'preserveAspectRatio', 'viewBox']);
const LOG_METHODS = new Set(['debug', 'info', 'warn', 'error', 'trace', 'log', 'appendLine', 'append']);
const LOG_RECEIVERS = /(^|\.)(log|logger|console|output|channel|outputChannel)$/i;

/** The literal's text with `${…}` holes as `{}`. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('{}');
  return undefined;
}

function looksLikeText(text: string): boolean {
  return PROSE.test(text) || LABEL.test(text.trim());
}

function isLocalizeCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) && !ts.isTaggedTemplateExpression(node)) return false;
  const callee = ts.isCallExpression(node) ? node.expression : node.tag;
  const name = callee.getText();
  return name === 'l10n.t' || name === 'vscode.l10n.t';
}

function isLogCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !LOG_METHODS.has(callee.name.text)) return false;
  return LOG_RECEIVERS.test(callee.expression.getText());
}

function hasMark(node: ts.Node, source: ts.SourceFile): boolean {
  const text = source.getFullText();
  const leading = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const trailing = ts.getTrailingCommentRanges(text, node.getEnd()) ?? [];
  return [...leading, ...trailing].some((range) => MARK.test(text.slice(range.pos, range.end)));
}

/** Why `literal` is not UI text, walking up to the statement; undefined when it is UI text. */
function exempt(literal: ts.Node, source: ts.SourceFile): boolean {
  const line = source.getLineAndCharacterOfPosition(literal.getStart()).line;
  const lineText = source.getFullText().split('\n')[line] ?? '';
  if (MARK.test(lineText)) return true;
  let child: ts.Node = literal;
  for (let node: ts.Node | undefined = literal.parent; node !== undefined; child = node, node = node.parent) {
    if (hasMark(child, source)) return true;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node) || ts.isExternalModuleReference(node)) return true;
    if (ts.isLiteralTypeNode(node) || ts.isTypeNode(node)) return true;
    if (isLocalizeCall(node)) return true;
    if (ts.isCallExpression(node) && isLogCall(node)) return true;
    if (ts.isCallExpression(node) && node.expression.getText() === 'require') return true;
    if (ts.isPropertyAssignment(node) && node.name === child) return true;
    if (ts.isPropertyAssignment(node) && NAME_KEYS.has(node.name.getText().replace(/^['"]|['"]$/g, ''))) return true;
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)) return true;
    if (ts.isCaseClause(node) && node.expression === child) return true;
    if (ts.isElementAccessExpression(node) && node.argumentExpression === child) return true;
    if (ts.isSourceFile(node)) break;
  }
  return false;
}

/** Each literal of `text` (a .ts file named `file`) that reads as UI text and is not localised. */
export function unlocalizedStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const value = literalText(node);
    if (value !== undefined && looksLikeText(value) && !exempt(node, source)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${file}:${line}: ${JSON.stringify(value)}`);
    }
    // A template's spans are visited through the template itself.
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((span) => visit(span.expression));
  };
  visit(source);
  return found;
}
