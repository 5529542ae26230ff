/**
 * Grok models in VS Code's own chat (`vscode.lm`, stable since VS Code 1.104). Every request goes
 * through the same core as the extension's other surfaces: consent, rate limits, analytics (feature
 * `vscode-chat`), the prompt-cache key, cancellation closing the HTTP stream. Reasoning is not shown
 * (thinking parts are proposed API); it stays in the usage figures and, kept in memory per answer
 * (reasoningMemory.ts), goes back with the next turn so the prompt cache holds.
 */
import * as vscode from 'vscode';
import { type FinishReason, type GenerateRequest, type StreamEvent } from '../provider/types';
import { conversationKey } from './conversationKey';
import { screenExcludedContent, type WorkspacePaths } from './excludedContent';
import { CONSENT_DECLINED_MESSAGE, toLanguageModelError } from './languageModelErrors';
import { modelInformation, type PickerFacts } from './modelInformation';
import { ReasoningMemory } from './reasoningMemory';
import { toChatMessages } from './requestMessages';
import { estimateTokenCount } from './tokenCount';
import { toolCallInput } from './toolCallInput';
import { toolRequest } from './toolRequest';

export const SET_API_KEY_COMMAND = 'grokCodeFast.setApiKey';

export interface GrokChatModelDeps {
  /** The registry's models. */
  listModels(): readonly PickerFacts[];
  /** The core's provider for a model id (throws the core's errors, e.g. for an invalid endpoint). */
  streamEvents(modelId: string, request: GenerateRequest): AsyncGenerator<StreamEvent>;
  hasApiKey(): Promise<boolean>;
  /** Consent for the models the extension's features use, read without asking. */
  hasConsent(): Promise<boolean>;
  /** Asks with the extension's consent modal for whatever of `models` is missing; true when all have consent. */
  ensureConsent(models?: string[]): Promise<boolean>;
  /** The workspace folders and the exclude globs now: what VS Code's chat hands over is screened against them. */
  workspacePaths(): WorkspacePaths;
  /** Answers a call for a group of VS Code's Language Models editor (languageModelsGroup.ts). */
  acceptGroup(configuration: unknown): Promise<void>;
}

/** VS Code 1.139 adds a group's configuration to the options (the pinned @types/vscode 1.104 predates it; languageModelsGroup.ts). */
type ModelInformationOptions = vscode.PrepareLanguageModelChatModelOptions & { readonly configuration?: unknown };

/** Finish reasons that mean the answer is not whole: VS Code's chat must not show it as complete. */
const CUT: Partial<Record<FinishReason, () => string>> = {
  length: () => vscode.l10n.t('Grok: the answer stopped at the output token limit (grokCodeFast.maxTokens); what came is above.'),
  content_filter: () => vscode.l10n.t('Grok: the content filter of xAI stopped the answer; what came is above.'),
};

/** Set once a Grok model answered in VS Code's chat. */
const USED_IN_VSCODE_CHAT_CONTEXT = 'grokCodeFast.usedInVsCodeChat';

export class GrokChatModelProvider implements vscode.LanguageModelChatProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  /** Each answer's reasoning, sent back with it next turn (the stable API carries none). */
  private readonly reasoning = new ReasoningMemory();

  constructor(private readonly deps: GrokChatModelDeps) {}

  /** Tells VS Code to ask for the list again (key, consent or settings changed). */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  /**
   * No key or no consent: an empty list when silent; otherwise the key prompt and the consent modal
   * first. A group's call lists nothing: the models are listed once, by the group-less call
   * (languageModelsGroup.ts).
   */
  async provideLanguageModelChatInformation(options: ModelInformationOptions): Promise<vscode.LanguageModelChatInformation[]> {
    if (options.configuration !== undefined) {
      await this.deps.acceptGroup(options.configuration);
      return [];
    }
    let hasKey = await this.deps.hasApiKey();
    if (!hasKey && !options.silent) {
      await vscode.commands.executeCommand(SET_API_KEY_COMMAND);
      hasKey = await this.deps.hasApiKey();
    }
    if (!hasKey) return [];
    const consented = options.silent ? await this.deps.hasConsent() : await this.deps.ensureConsent();
    return consented ? this.deps.listModels().map(modelInformation) : [];
  }

  async provideLanguageModelChatResponse(
    model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    // Consent is kept per model: the one picked in VS Code's chat may not be one the features use.
    if (!(await this.deps.ensureConsent([model.id]))) throw vscode.LanguageModelError.NoPermissions(CONSENT_DECLINED_MESSAGE);
    // VS Code ran the tools and built the attachments: excluded files are taken out here (excludedContent.ts).
    const screened = screenExcludedContent(messages, this.deps.workspacePaths());
    const chatMessages = toChatMessages(screened, { model: model.id, imageInput: model.capabilities.imageInput === true });
    const conversationId = conversationKey(model.id, chatMessages);
    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    let finishReason: FinishReason = 'unknown';
    try {
      // modelOptions are not forwarded: the core sends only parameters the model accepts.
      const events = this.deps.streamEvents(model.id, {
        messages: this.reasoning.replay(conversationId, chatMessages),
        metadata: { feature: 'vscode-chat', conversationId },
        options: { signal: controller.signal, ...toolRequest(options.tools, options.toolMode) },
      });
      for await (const event of events) {
        if (event.type === 'content') progress.report(new vscode.LanguageModelTextPart(event.text));
        else if (event.type === 'tool_call') progress.report(new vscode.LanguageModelToolCallPart(event.call.id, event.call.name, toolCallInput(event.call)));
        else if (event.type === 'done') {
          finishReason = event.result.finishReason;
          this.reasoning.remember(conversationId, event.result, chatMessages);
        }
      }
    } catch (error) {
      throw toLanguageModelError(error, token);
    } finally {
      cancellation.dispose();
    }
    const cut = CUT[finishReason];
    if (cut) throw new Error(cut());
    // The walkthrough's "Use Grok in VS Code's chat" step completes on this outcome, not on opening the view.
    void vscode.commands.executeCommand('setContext', USED_IN_VSCODE_CHAT_CONTEXT, true);
  }

  /**
   * A local estimate, never a request: 4 characters a token. Off by tens of percent either way for
   * English and code, and up to 4× too low for non-Latin scripts; images count nothing (tokenCount.ts).
   */
  provideTokenCount(_model: vscode.LanguageModelChatInformation, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    return Promise.resolve(estimateTokenCount(text));
  }
}
