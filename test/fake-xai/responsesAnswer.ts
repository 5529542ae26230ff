/**
 * Renders an answer scenario as xAI's Responses API streams it (xai-responses.md §3: every frame's
 * JSON starts with `sequence_number` then `type`; `response.*` frames carry the response snapshot;
 * the stream ends at the terminal event with no `[DONE]`), or as the one response object it sends
 * without streaming (§2). The same scenario fields as the Chat Completions rendering (answer.ts).
 */
import { computeUsage, nextAnswerId } from './answer';
import { type AnswerScenario, type UsageJson } from './scenarios';

function responsesUsage(usage: UsageJson | undefined): object | null {
  if (!usage) return null;
  const reasoning = usage.completion_tokens_details.reasoning_tokens;
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details.cached_tokens },
    output_tokens: usage.completion_tokens + reasoning,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: usage.prompt_tokens + usage.completion_tokens + reasoning,
    num_sources_used: 0,
    num_server_side_tools_used: 0,
    ...(usage.cost_in_usd_ticks !== undefined && { cost_in_usd_ticks: usage.cost_in_usd_ticks }),
  };
}

function terminalType(scenario: AnswerScenario): string | null {
  const finish = scenario.finishReason;
  if (finish === null) return null;
  if (finish === 'length' || finish === 'content_filter') return 'response.incomplete';
  if (finish === 'error') return 'error';
  return 'response.completed';
}

interface Rendered {
  id: string;
  output: object[];
  /** The streamed frames of the output, without sequence numbers yet. */
  frames: object[];
}

/** Opaque to the client; the fake reads the model back from it (bodyRules.ts, encryptedReasoningModel). */
function encryptReasoning(model: string, text: string): string {
  return Buffer.from(`fake-reasoning:${model}:${text}`).toString('base64');
}

function render(scenario: AnswerScenario, model: string, encrypted: boolean): Rendered {
  const id = `${nextAnswerId()}-resp`;
  const output: object[] = [];
  const frames: object[] = [];
  const reasoning = scenario.reasoning ?? [];
  if (reasoning.length > 0) {
    const itemId = `rs_${id}`;
    const index = output.length;
    const text = reasoning.join('');
    const done = {
      id: itemId,
      summary: [{ text, type: 'summary_text' }],
      type: 'reasoning',
      status: 'completed',
      ...(encrypted && { encrypted_content: encryptReasoning(model, text) }),
    };
    frames.push({ type: 'response.output_item.added', item: { id: itemId, summary: [], type: 'reasoning', status: 'in_progress' }, output_index: index });
    frames.push({ type: 'response.reasoning_summary_part.added', item_id: itemId, output_index: index, part: { text: '', type: 'summary_text' }, summary_index: 0 });
    for (const delta of reasoning) frames.push({ type: 'response.reasoning_summary_text.delta', delta, item_id: itemId, output_index: index, summary_index: 0 });
    frames.push({ type: 'response.reasoning_summary_text.done', item_id: itemId, output_index: index, summary_index: 0, text });
    frames.push({ type: 'response.output_item.done', item: done, output_index: index });
    output.push(done);
  }
  const content = scenario.content ?? [];
  if (content.length > 0) {
    const itemId = `msg_${id}`;
    const index = output.length;
    const text = content.join('');
    const part = { type: 'output_text', text, logprobs: [], annotations: [] };
    const done = { content: [part], id: itemId, role: 'assistant', type: 'message', status: 'completed' };
    frames.push({ type: 'response.output_item.added', item: { content: [], id: itemId, role: 'assistant', type: 'message', status: 'in_progress' }, output_index: index });
    frames.push({ type: 'response.content_part.added', content_index: 0, item_id: itemId, output_index: index, part: { ...part, text: '' } });
    for (const delta of content) frames.push({ type: 'response.output_text.delta', content_index: 0, delta, item_id: itemId, output_index: index, logprobs: [] });
    frames.push({ type: 'response.output_text.done', content_index: 0, item_id: itemId, output_index: index, text, logprobs: [] });
    frames.push({ type: 'response.content_part.done', content_index: 0, item_id: itemId, output_index: index, part });
    frames.push({ type: 'response.output_item.done', item: done, output_index: index });
    output.push(done);
  }
  for (const [n, call] of (scenario.toolCalls ?? []).entries()) {
    const itemId = `fc_${id}_${n}`;
    const index = output.length;
    const callId = call.id ?? `call_${n}_${id}`;
    const done = { arguments: call.arguments, call_id: callId, name: call.name, type: 'function_call', id: itemId, status: 'completed' };
    frames.push({ type: 'response.output_item.added', item: { ...done, arguments: '', status: 'in_progress' }, output_index: index });
    const pieces = call.fragments && call.fragments > 1 ? call.fragments : 1;
    const size = Math.ceil(call.arguments.length / pieces);
    for (let i = 0; i < pieces; i++) {
      frames.push({ type: 'response.function_call_arguments.delta', item_id: itemId, output_index: index, delta: call.arguments.slice(i * size, (i + 1) * size) });
    }
    frames.push({ type: 'response.function_call_arguments.done', item_id: itemId, output_index: index, name: call.name, arguments: call.arguments });
    frames.push({ type: 'response.output_item.done', item: done, output_index: index });
    output.push(done);
  }
  return { id, output, frames };
}

/** Why an answer stopped early, as xAI's `incomplete_details.reason` says it. */
function incompleteReason(scenario: AnswerScenario): string {
  return scenario.finishReason === 'content_filter' ? 'content_filter' : 'max_output_tokens';
}

function responseObject(id: string, model: string, status: string, output: object[], usage: object | null, store: boolean, reason = 'max_output_tokens'): object {
  return {
    created_at: Math.floor(Date.now() / 1000),
    id,
    model,
    object: 'response',
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: 'low', summary: 'detailed' },
    status,
    store,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    usage,
    incomplete_details: status === 'incomplete' ? { reason } : null,
    error: null,
    instructions: null,
  };
}

export interface ResponsesRequestFacts {
  model: string;
  prompt: string;
  /** Prompt tokens the prompt cache served (promptCache.ts). */
  cachedTokens: number;
  /** The request asked for `reasoning.encrypted_content`. */
  encrypted: boolean;
  store: boolean;
}

/** The JSON payloads of the stream, `[DONE]` (as the string) only when the scenario asks with `done: true`. */
export function responsesStreamPayloads(scenario: AnswerScenario, facts: ResponsesRequestFacts): (object | string)[] {
  const model = scenario.model ?? facts.model;
  const { id, output, frames } = render(scenario, model, facts.encrypted);
  const snapshot = responseObject(id, model, 'in_progress', [], null, facts.store);
  const all: object[] = [{ type: 'response.created', response: snapshot }, { type: 'response.in_progress', response: snapshot }, ...frames];
  const terminal = terminalType(scenario);
  const usage = responsesUsage(computeUsage(scenario, facts.prompt, facts.cachedTokens));
  const failure = scenario.failure;
  if (failure?.event === 'error') all.push({ type: 'error', code: failure.code, message: failure.message, param: null });
  else if (failure) all.push({ type: 'response.failed', response: { ...responseObject(id, model, 'failed', output, usage, facts.store), error: { code: failure.code, message: failure.message } } });
  else if (terminal === 'error') all.push({ type: 'error', code: null, message: 'Internal error during token generation', param: null });
  else if (terminal === 'response.incomplete') all.push({ type: terminal, response: responseObject(id, model, 'incomplete', output, usage, facts.store, incompleteReason(scenario)) });
  else if (terminal) all.push({ type: terminal, response: responseObject(id, model, 'completed', output, usage, facts.store) });
  const payloads: (object | string)[] = all.map((frame, sequence) => ({ sequence_number: sequence, ...frame }));
  if (scenario.done === true) payloads.push('[DONE]');
  return payloads;
}

/** The whole answer as one response object (a request without `stream: true`). */
export function responsesBody(scenario: AnswerScenario, facts: ResponsesRequestFacts): object {
  const model = scenario.model ?? facts.model;
  const { id, output } = render(scenario, model, facts.encrypted);
  const status = terminalType(scenario) === 'response.incomplete' ? 'incomplete' : 'completed';
  return responseObject(id, model, status, output, responsesUsage(computeUsage(scenario, facts.prompt, facts.cachedTokens)), facts.store, incompleteReason(scenario));
}
