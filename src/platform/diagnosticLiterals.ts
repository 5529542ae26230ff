/**
 * A language server may quote a string literal from ANOTHER file in a diagnostic (TypeScript:
 * `This comparison appears to be unintentional because the types '"sk-live-…"' and '"x"' have no
 * overlap`, where the literal type comes from an excluded `secrets.ts`), so excluded content could
 * reach the model in a message about a file that is not excluded. Before a diagnostic leaves the
 * machine every string literal in its message is masked: each span in double quotes or backticks
 * (TypeScript's literal and template types, Pylance's `"Literal['…']"`, Go's constants). Single
 * quotes, which TypeScript and ESLint use for type and identifier names, stay readable; a literal
 * nested in them is a double-quoted or backtick span and so is masked.
 */

/** What a masked literal reads as. */
export const MASKED_LITERAL = '"***"';

// An escaped quote does not end a span; a line break does (a message never spans a literal over lines).
const LITERAL = /"(?:[^"\\\n]|\\.)*"|`(?:[^`\\\n]|\\.)*`/g;

/** `message` with every double-quoted and backtick-quoted span replaced by MASKED_LITERAL. */
export function maskQuotedLiterals(message: string): string {
  return message.replace(LITERAL, MASKED_LITERAL);
}
