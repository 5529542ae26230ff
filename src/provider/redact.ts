/**
 * Removes API keys and bearer tokens from any text before it reaches a log, an error message, the
 * chat history, an export or a notification. Two rules: key-shaped text (`xai-…`, `sk-…`, a bearer
 * token) whatever the key, and the configured keys themselves in every form a server may echo them:
 * plain, URL-encoded, JSON-escaped, and partly masked (`ba***na`, `xai-...b14o`, `sk-ab…yz`, `xai-ab••••yz`).
 */
const SECRET_PATTERNS: RegExp[] = [
  /\bxai-[A-Za-z0-9_-]{4,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
];

/** Keys shorter than this are not registered: they would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;
/** The most recent keys kept: an old key may still appear in text produced before it was replaced. */
const MAX_KNOWN_SECRETS = 8;
/**
 * A token with a mask in it (runs of two or more mask glyphs: `*`, `•`, `●`, `·`; `...`, `…`, or
 * `x`/`X` runs of four or more); the visible ends are checked against the known keys. A full stop
 * after the token is not part of it.
 */
const MASKED_TOKEN = /[A-Za-z0-9_+/=-]*(?:(?:[*•●·]{2,}|\.{3,}|…|[xX]{4,})[A-Za-z0-9_+/=-]*)+/g;
const MASK_RUN = /[*•●·]{2,}|\.{3,}|…|[xX]{4,}/;
/** A masked token that shows fewer key characters than this reveals too little to hide. */
const MIN_VISIBLE_CHARS = 3;

const known: string[] = [];
let formPattern: RegExp | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every spelling of `secret` a server or a log may carry. */
function formsOf(secret: string): string[] {
  return [secret, encodeURIComponent(secret), encodeURI(secret), JSON.stringify(secret).slice(1, -1)];
}

/**
 * Makes `secret` (the configured API key) redacted from now on, in every form. Idempotent; the most
 * recent MAX_KNOWN_SECRETS keys are kept.
 */
export function registerSecret(secret: string): void {
  const key = secret.trim();
  if (key.length < MIN_SECRET_LENGTH) return;
  const index = known.indexOf(key);
  if (index >= 0) known.splice(index, 1);
  known.push(key);
  if (known.length > MAX_KNOWN_SECRETS) known.shift();
  const forms = [...new Set(known.flatMap(formsOf))].sort((a, b) => b.length - a.length);
  formPattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
}

/** True when `token` is a masked spelling of a known key: its visible start and end are the key's. */
function isMaskedKnownSecret(token: string): boolean {
  const first = MASK_RUN.exec(token);
  if (!first) return false;
  const head = token.slice(0, first.index);
  let tail = token.slice(first.index);
  // What follows the last mask run is the visible end.
  for (let run = MASK_RUN.exec(tail); run; run = MASK_RUN.exec(tail)) tail = tail.slice(run.index + run[0].length);
  if (head.length + tail.length < MIN_VISIBLE_CHARS) return false;
  return known.some((key) => key.startsWith(head) && key.endsWith(tail) && head.length + tail.length < key.length);
}

/** `text` with xAI keys (`xai-...`), OpenAI-style keys (`sk-...`) and bearer tokens replaced by `[REDACTED]`. */
export function redactSecrets(text: string): string {
  let out = formPattern ? text.replace(formPattern, '[REDACTED]') : text;
  if (known.length > 0) out = out.replace(MASKED_TOKEN, (token) => (isMaskedKnownSecret(token) ? '[REDACTED]' : token));
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match) => (match.toLowerCase().startsWith('bearer') ? 'Bearer [REDACTED]' : '[REDACTED]'));
  }
  return out;
}
