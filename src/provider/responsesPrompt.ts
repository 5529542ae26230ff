/**
 * A request in the core's terms becomes the Responses API body, laid out like the Chat Completions
 * one (prompt.ts) for the prompt cache: the same ordered messages as input items, earlier tool calls
 * and results as `function_call` / `function_call_output` items, and earlier reasoning items sent
 * back as they came. `store: false`: nothing is kept on xAI's servers. A request that may continue
 * a conversation asks for `reasoning.encrypted_content`, so the next turn can replay the reasoning;
 * its conversation id is the `prompt_cache_key`.
 */
import { type ResponsesInputItem, type ResponsesRequestBody, type ResponsesTool } from './client/responsesWire';
import { outboundRequest, type BodySettings } from './prompt';
import { type ChatMessage, type GenerateRequest, type ToolChoice, type ToolDefinition } from './types';

function inputItems(message: ChatMessage): ResponsesInputItem[] {
  switch (message.role) {
    case 'system':
      return [{ role: 'system', content: message.content }];
    case 'user':
      if (!message.images?.length) return [{ role: 'user', content: message.content }];
      return [
        {
          role: 'user',
          content: [
            ...(message.content === '' ? [] : [{ type: 'input_text' as const, text: message.content }]),
            ...message.images.map((image) => ({ type: 'input_image' as const, image_url: image.url })),
          ],
        },
      ];
    case 'assistant': {
      const items: ResponsesInputItem[] = (message.reasoningItems ?? []).map((item) => ({
        type: 'reasoning',
        id: item.id,
        summary: item.summary === '' ? [] : [{ type: 'summary_text', text: item.summary }],
        ...(item.encryptedContent !== undefined && { encrypted_content: item.encryptedContent }),
      }));
      if (message.content !== '') items.push({ role: 'assistant', content: message.content });
      for (const call of message.toolCalls ?? []) items.push({ type: 'function_call', call_id: call.id, name: call.name, arguments: call.arguments });
      return items;
    }
    case 'tool':
      return [{ type: 'function_call_output', call_id: message.toolCallId, output: message.content }];
  }
}

function toTools(tools: readonly ToolDefinition[]): ResponsesTool[] {
  return tools.map((tool) => ({ type: 'function', name: tool.name, description: tool.description, parameters: tool.parameters }));
}

function toToolChoice(choice: ToolChoice): NonNullable<ResponsesRequestBody['tool_choice']> {
  return typeof choice === 'string' ? choice : { type: 'function', name: choice.name };
}

export function buildResponsesRequestBody(request: GenerateRequest, settings: BodySettings & { conversationId?: string }): ResponsesRequestBody {
  const outbound = outboundRequest(request, settings);
  const body: ResponsesRequestBody = {
    model: settings.model,
    input: outbound.messages.flatMap(inputItems),
    max_output_tokens: outbound.maxTokens,
    stream: true,
    store: false,
  };
  // A conversation's answers become its history: their reasoning must be replayable (store:false keeps nothing).
  const feature = request.metadata?.feature;
  const multiTurn =
    settings.conversationId !== undefined || feature === 'chat' || feature === 'vscode-chat' || outbound.messages.some((message) => message.role === 'assistant');
  if (multiTurn) body.include = ['reasoning.encrypted_content'];
  if (settings.conversationId !== undefined) body.prompt_cache_key = settings.conversationId;
  const temperature = request.options?.temperature ?? settings.temperature;
  if (temperature !== undefined) body.temperature = temperature;
  if (settings.reasoningEffort !== undefined) body.reasoning = { effort: settings.reasoningEffort };
  if (outbound.tools) {
    body.tools = toTools(outbound.tools);
    if (outbound.toolChoice) body.tool_choice = toToolChoice(outbound.toolChoice);
  }
  return body;
}
