/**
 * Renders an answer scenario as the chunks xAI would stream (or the one completion it would send
 * without streaming), with usage computed from the text unless the scenario sets it.
 */
import { CHARS_PER_TOKEN } from './promptCache';
import { type AnswerScenario, type ToolCallSpec, type UsageJson } from './scenarios';

const PRICE_PER_TOKEN_TICKS = { input: 0.2 * 1e4, output: 1.5 * 1e4 }; // USD per million * 1e10 ticks / 1e6

let nextId = 1;

/** A fresh id for an answer (both wire formats number them from one counter). */
export function nextAnswerId(): string {
  return `fake-${nextId++}`;
}

function tokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** `cachedTokens`: the part of the prompt the prompt cache served (promptCache.ts). */
export function computeUsage(scenario: AnswerScenario, promptText: string, cachedTokens = 0): UsageJson | undefined {
  if (scenario.usage === false) return undefined;
  const prompt = tokens(promptText);
  const completion = tokens((scenario.content ?? []).join('') + (scenario.toolCalls ?? []).map((call) => call.arguments).join(''));
  const reasoning = tokens((scenario.reasoning ?? []).join(''));
  const usage: UsageJson = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion + reasoning,
    prompt_tokens_details: { text_tokens: prompt, cached_tokens: Math.min(cachedTokens, prompt) },
    completion_tokens_details: { reasoning_tokens: reasoning },
    num_sources_used: 0,
    cost_in_usd_ticks: Math.round(prompt * PRICE_PER_TOKEN_TICKS.input + (completion + reasoning) * PRICE_PER_TOKEN_TICKS.output),
  };
  return { ...usage, ...scenario.usage };
}

function finishReason(scenario: AnswerScenario): string | null {
  if (scenario.finishReason !== undefined) return scenario.finishReason;
  return scenario.toolCalls?.length ? 'tool_calls' : 'stop';
}

function toolCallChunks(calls: readonly ToolCallSpec[]): object[] {
  return calls.flatMap((call, index) => {
    const id = call.id ?? `call_${index}_${nextId}`;
    if (!call.fragments || call.fragments < 2) {
      return [{ tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: call.arguments } }] }];
    }
    const size = Math.ceil(call.arguments.length / call.fragments);
    const pieces = Array.from({ length: call.fragments }, (_, i) => call.arguments.slice(i * size, (i + 1) * size));
    return [
      { tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }] },
      ...pieces.map((piece) => ({ tool_calls: [{ index, function: { arguments: piece } }] })),
    ];
  });
}

/** The JSON payloads of the stream, `[DONE]` included (as the string). */
export function streamPayloads(scenario: AnswerScenario, model: string, promptText: string, cachedTokens = 0): (object | string)[] {
  const id = nextAnswerId();
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: scenario.model ?? model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const deltas: object[] = [
    ...(scenario.reasoning ?? []).map((text) => ({ reasoning_content: text })),
    ...(scenario.content ?? []).map((text) => ({ content: text })),
    ...toolCallChunks(scenario.toolCalls ?? []),
    ...Array.from({ length: scenario.emptyDeltas ?? 0 }, () => ({})),
  ];
  const payloads: (object | string)[] = deltas.map((delta, i) => chunk(i === 0 ? { role: 'assistant', ...delta } : delta));
  if (deltas.length === 0) payloads.push(chunk({ role: 'assistant' }));
  if (scenario.failure) {
    payloads.push({ error: { message: scenario.failure.message, type: 'invalid_request_error', code: scenario.failure.code } });
    return payloads;
  }
  const finish = finishReason(scenario);
  if (finish !== null) payloads.push(chunk({}, finish));
  const usage = computeUsage(scenario, promptText, cachedTokens);
  if (usage) payloads.push({ id, object: 'chat.completion.chunk', created, model: scenario.model ?? model, choices: [], usage });
  if (scenario.done !== false) payloads.push('[DONE]');
  return payloads;
}

/** The whole answer as one `chat.completion` (a request without `stream: true`). */
export function completionBody(scenario: AnswerScenario, model: string, promptText: string, cachedTokens = 0): object {
  const toolCalls = (scenario.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index}_${nextId}`,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
  const usage = computeUsage(scenario, promptText, cachedTokens);
  return {
    id: nextAnswerId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: scenario.model ?? model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: (scenario.content ?? []).join(''),
          ...(scenario.reasoning?.length && { reasoning_content: scenario.reasoning.join('') }),
          ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
          refusal: null,
        },
        finish_reason: finishReason(scenario),
      },
    ],
    ...(usage && { usage }),
  };
}
