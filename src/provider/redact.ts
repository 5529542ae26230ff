/**
 * Removes API keys and bearer tokens from any text before it reaches a log, an error message, the
 * chat history, an export or a notification. Two rules: key-shaped text (`xai-…`, `sk-…`, a bearer
 * token) whatever the key, and the configured keys themselves in every spelling a server may echo:
 * in any letter case; URL-encoded, JSON-escaped, hex, base64 and base64url (at every byte alignment, so
 * the key inside base64 of `Bearer <key>` or of a whole header is found too); any run of
 * MIN_SHARED_CHARS or more characters it shares with a key (a server echoing the first 28 of 38
 * characters); and partly masked (`ba***na`, `xai-...b14o`, `sk-ab…yz`, `xai-ab••••yz`).
 */
const SECRET_PATTERNS: RegExp[] = [
  /\bxai-[A-Za-z0-9_-]{4,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
];

/** Keys shorter than this are not registered: they would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;
/**
 * A run of text this long that also occurs in a key (ignoring case) is taken as part of the key: 12
 * characters of a random key (62 symbols a character, over 70 bits) do not occur by chance.
 */
const MIN_SHARED_CHARS = 12;
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
/** Every MIN_SHARED_CHARS-long piece of every known key, lower-cased. */
let sharedPieces = new Set<string>();
/** Runs of the characters keys are made of, at least MIN_SHARED_CHARS long: where a shared piece can be. */
let keyCharRuns: RegExp | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The base64 characters that encode `secret` alone when it starts `offset` bytes (mod 3) into the
 * encoded data: the characters at the edges also carry neighbouring bytes, so they are left out.
 */
function base64Core(secret: string, offset: 0 | 1 | 2): string {
  const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret, 'utf8')]);
  const encoded = bytes.toString('base64').replace(/=+$/, '');
  return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * bytes.length) / 6));
}

/** Every spelling of `secret` a server or a log may carry (matched ignoring case). */
function formsOf(secret: string): string[] {
  const base64 = ([0, 1, 2] as const).map((offset) => base64Core(secret, offset));
  const base64url = base64.map((core) => core.replace(/\+/g, '-').replace(/\//g, '_'));
  return [secret, encodeURIComponent(secret), encodeURI(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret, 'utf8').toString('hex'), ...base64, ...base64url];
}

function piecesOf(secret: string): string[] {
  const lower = secret.toLowerCase();
  return Array.from({ length: lower.length - MIN_SHARED_CHARS + 1 }, (_, start) => lower.slice(start, start + MIN_SHARED_CHARS));
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
  const forms = [...new Set(known.flatMap(formsOf))].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  formPattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
  sharedPieces = new Set(known.flatMap(piecesOf));
  const keyChars = [...new Set(known.join('').toLowerCase() + known.join('').toUpperCase())].map(escapeRegExp).join('').replace(/-/g, '\\-');
  keyCharRuns = new RegExp(`[${keyChars}]{${MIN_SHARED_CHARS},}`, 'g');
}

/** `run` with every stretch that shares MIN_SHARED_CHARS or more characters with a known key redacted. */
function redactSharedPieces(run: string): string {
  const lower = run.toLowerCase();
  const hidden: [number, number][] = [];
  for (let start = 0; start + MIN_SHARED_CHARS <= lower.length; start++) {
    if (!sharedPieces.has(lower.slice(start, start + MIN_SHARED_CHARS))) continue;
    const last = hidden.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = start + MIN_SHARED_CHARS;
    else hidden.push([start, start + MIN_SHARED_CHARS]);
  }
  if (hidden.length === 0) return run;
  let out = '';
  let from = 0;
  for (const [start, end] of hidden) {
    out += `${run.slice(from, start)}[REDACTED]`;
    from = end;
  }
  return out + run.slice(from);
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
  if (keyCharRuns) out = out.replace(keyCharRuns, redactSharedPieces);
  if (known.length > 0) out = out.replace(MASKED_TOKEN, (token) => (isMaskedKnownSecret(token) ? '[REDACTED]' : token));
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match) => (match.toLowerCase().startsWith('bearer') ? 'Bearer [REDACTED]' : '[REDACTED]'));
  }
  return out;
}
