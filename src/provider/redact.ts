/** Removes API keys and bearer tokens from any text before it reaches a log or an error message. */
const SECRET_PATTERNS: RegExp[] = [
  /\bxai-[A-Za-z0-9_-]{4,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
];

/** `text` with xAI keys (`xai-...`), OpenAI-style keys (`sk-...`) and bearer tokens replaced by `[REDACTED]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match) => (match.toLowerCase().startsWith('bearer') ? 'Bearer [REDACTED]' : '[REDACTED]'));
  }
  return out;
}
