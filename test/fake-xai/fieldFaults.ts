/**
 * The stream faults other clients met in the field (issue 11), byte for byte as the server or
 * gateway sent them, for the Chat Completions wire format: each kind's reported example, then an
 * instance of the same kind made up here. `responsesFieldFaults.ts` holds the same kinds for the
 * Responses API.
 */
import { type RawScenario, type Scenario } from './scenarios';

/** An event stream of these data lines, each ended by a blank line. */
export function sse(...data: string[]): string {
  return data.map((line) => `data: ${line}\n\n`).join('');
}

function stream(body: string, status = 200): RawScenario {
  return { kind: 'raw', status, headers: { 'content-type': 'text/event-stream' }, body };
}

function page(status: number, contentType: string, body: string, headers: Record<string, string> = {}): RawScenario {
  return { kind: 'raw', status, headers: { 'content-type': contentType, ...headers }, body };
}

const CLOUDFLARE_502 = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>api.x.ai | 502: Bad gateway</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
<meta name="robots" content="noindex, nofollow" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper">
<div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
<span class="inline-block">Bad gateway</span>
<span class="code-label">Error code 502</span>
</h1>
</header>
</div>
</div>
</body>
</html>
`;

const NGINX_503 = `<html>
<head><title>503 Service Temporarily Unavailable</title></head>
<body>
<center><h1>503 Service Temporarily Unavailable</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

const CAPTIVE_PORTAL = `<!doctype html><html><head><meta charset="utf-8"><title>Guest Wi-Fi &ndash; Sign in</title></head>
<body><form action="/login" method="post"><input name="room"><button>Connect</button></form></body></html>`;

/** Kind 1: an error inside the stream, in any shape. */
export const inStreamErrors = {
  /** The report: a gateway error chunk with `finish_reason: "error"`, then `[DONE]`. */
  example: stream(
    sse(
      '{"choices":[{"index":0,"delta":{"content":"Here is the first half of the "}}]}',
      '{"error":{"code":502,"message":"Provider disconnected"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}',
      '[DONE]',
    ),
  ),
  /** An OpenAI-shaped error object next to empty `choices`. */
  besideEmptyChoices: stream(
    sse(
      '{"id":"gen-1","choices":[{"index":0,"delta":{"role":"assistant","content":"Partial "}}]}',
      '{"id":"gen-1","error":{"message":"Upstream overloaded","type":"server_error","code":"server_error"},"choices":[]}',
      '[DONE]',
    ),
  ),
  /** Only `finish_reason: "error"`, no error object. */
  finishReasonError: stream(
    sse(
      '{"choices":[{"index":0,"delta":{"content":"Some text"}}]}',
      '{"choices":[{"index":0,"delta":{},"finish_reason":"error"}]}',
      '{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}',
      '[DONE]',
    ),
  ),
  /** xAI's own error shape in the middle of a stream. */
  xaiShape: stream(
    sse(
      '{"choices":[{"index":0,"delta":{"content":"Thinking about "}}]}',
      '{"code":"The service is currently unavailable","error":"Internal error during token generation"}',
    ),
  ),
};

/** Kind 2: tool calls keyed by index and id. */
export const toolCallKeys = {
  /** The report: two whole calls, both sent as index 0. */
  example: stream(
    sse(
      '{"choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"a.ts\\"}"}}]}}]}',
      '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_b","type":"function","function":{"name":"list_directory","arguments":"{\\"path\\":\\".\\"}"}}]}}]}',
      '{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}',
      '[DONE]',
    ),
  ),
  /** Fragments with no index at all, following the last id seen. */
  noIndex: stream(
    sse(
      '{"choices":[{"index":0,"delta":{"tool_calls":[{"id":"call_x","type":"function","function":{"name":"search_text","arguments":""}}]}}]}',
      '{"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"arguments":"{\\"query\\":"}}]}}]}',
      '{"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"arguments":"\\"TODO\\"}"}}]}}]}',
      '{"choices":[{"index":0,"delta":{"tool_calls":[{"id":"call_y","type":"function","function":{"name":"get_diagnostics","arguments":""}}]}}]}',
      '{"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"arguments":"{}"}}]}}]}',
      '{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}',
      '[DONE]',
    ),
  ),
};

/** Kind 3: lenient where harmless, strict where it matters. */
export const leniency = {
  /** The report: `finish_reason: ""` beside a tool call, a usage chunk, and no `[DONE]`. */
  example: stream(
    sse(
      '{"id":"c1","object":"chat.completion.chunk","model":"grok-code-fast-1","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"src/a.ts\\"}"}}]},"finish_reason":""}]}',
      '{"id":"c1","object":"chat.completion.chunk","model":"grok-code-fast-1","choices":[],"usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132,"prompt_tokens_details":{"text_tokens":120,"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0},"num_sources_used":0}}',
    ),
  ),
  /** Unknown extra fields everywhere, and `null` usage counts before the real ones. */
  extrasAndNulls: stream(
    sse(
      '{"id":"c2","system_fingerprint":"fp_1","x_gateway":{"region":"eu"},"choices":[{"index":0,"logprobs":null,"delta":{"role":"assistant","content":"Hi","refusal":null,"annotations":[]},"finish_reason":null}],"usage":{"prompt_tokens":null,"completion_tokens":null,"total_tokens":null}}',
      '{"id":"c2","choices":[{"index":0,"delta":{"content":" there"},"finish_reason":"stop","native_finish_reason":"stop"}]}',
      '{"id":"c2","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11,"prompt_tokens_details":null,"completion_tokens_details":{"reasoning_tokens":null},"cost_in_usd_ticks":null}}',
      '[DONE]',
    ),
  ),
  /** A stream that simply stops mid-answer: still a NetworkError, the partial text kept. */
  stopsMidAnswer: stream(sse('{"choices":[{"index":0,"delta":{"content":"The answer is "}}]}', '{"choices":[{"index":0,"delta":{"content":"forty"}}]}')),
};

/** Kind 4: every rate-limit hint of the OpenAI family. */
export const rateLimitHints = {
  /** The report: `retry-after-ms: 20000`. */
  example: page(429, 'application/json', '{"code":"Some resource has been exhausted","error":"Too many requests"}', { 'retry-after-ms': '20000' }),
  /** A short `x-ratelimit-reset-requests` duration: waited for, then retried. */
  resetRequests: page(429, 'application/json', '{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}', {
    'x-ratelimit-reset-requests': '1.5s',
    'x-ratelimit-reset-tokens': '250ms',
  }),
  /** A long `x-ratelimit-reset-tokens` duration: reported, not waited for. */
  resetTokens: page(429, 'application/json', '{"error":{"message":"Rate limit reached for tokens","type":"tokens","code":"rate_limit_exceeded"}}', {
    'x-ratelimit-reset-tokens': '6m0s',
  }),
};

/** Kind 5: a body that is neither JSON nor an event stream. */
export const webPages = {
  /** The report: a Cloudflare-style 502 page. */
  example: page(502, 'text/html; charset=UTF-8', CLOUDFLARE_502),
  /** nginx's 503 page. */
  nginx503: page(503, 'text/html', NGINX_503),
  /** A 200 web page where the stream should be (captive portal). */
  captivePortal: page(200, 'text/html; charset=utf-8', CAPTIVE_PORTAL),
};

/** Kind 6: the connection fails before any byte. */
export const connectionFailures: Record<'reset' | 'closed' | 'resetAfterHeaders', Scenario> = {
  /** The report: the socket is reset before the headers. */
  reset: { kind: 'socket', fault: 'reset' },
  /** The report: the socket is closed before the headers ("other side closed"). */
  closed: { kind: 'socket', fault: 'close' },
  /** Made up: the headers arrive, then the socket is reset before the first event. */
  resetAfterHeaders: {
    kind: 'handler',
    handle: (_request, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      setImmediate(() => res.socket?.resetAndDestroy());
    },
  },
};

/** Every raw event stream above, for the any-byte-split property test. */
export const rawStreams: Record<string, RawScenario> = {
  ...prefixed('inStreamErrors', inStreamErrors),
  ...prefixed('toolCallKeys', toolCallKeys),
  ...prefixed('leniency', leniency),
};

/** Entries renamed `prefix.name`. */
export function prefixed(prefix: string, entries: Record<string, RawScenario>): Record<string, RawScenario> {
  return Object.fromEntries(Object.entries(entries).map(([name, scenario]) => [`${prefix}.${name}`, scenario]));
}
