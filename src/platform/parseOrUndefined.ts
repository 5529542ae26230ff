/** The value as the schema parses it, or undefined when it does not parse (for messages that are dropped, not thrown). Pure: the webviews bundle it. */
export interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export function parseOrUndefined<T>(schema: SafeParser<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
