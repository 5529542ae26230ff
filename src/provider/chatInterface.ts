/**
 * The design document's ChatInterface: a plain-text chat over a ModelRegistry that asks for data-use
 * consent on the first message, in the chat itself (reply "I consent"), then answers with the model,
 * keeping each user's conversation.
 */
import * as l10n from '@vscode/l10n';
import { consentNotice } from './consent';
import { type ModelRegistry } from './registry';
import { type ChatMessage, type Logger } from './types';

/** The model a ChatInterface uses unless told otherwise (xAI's current default; grok-code-fast-1 is retired). */
const CHAT_MODEL = 'grok-4.3';
const CONSENT_REPLY = /^\s*i consent\s*[.!]?\s*$/i;

/**
 * A chat over `modelRegistry`: sendMessage() answers with the model once the user consented, and before that replies with
 * the notice and records consent when the user answers "I consent". `projectManager`, `deploymentEngine` and `port` belong to
 * AI Builder CLI, which the document was written for; they are accepted for its call shape and not used (no server is started).
 */
export class ChatInterface {
  private readonly histories = new Map<string, ChatMessage[]>();
  private readonly model: string;

  constructor(
    private readonly logger: Logger,
    _projectManager: unknown,
    _deploymentEngine: unknown,
    _port: number,
    private readonly modelRegistry: ModelRegistry,
    options: { model?: string } = {},
  ) {
    this.model = options.model ?? CHAT_MODEL;
  }

  /** The reply to `message` from `userId` (default `default`): the consent notice, a confirmation, or the model's answer. */
  async sendMessage(message: string, userId = 'default'): Promise<string> {
    const provider = this.modelRegistry.getProvider(this.model);
    const subject = { userId, modelId: provider.model, endpoint: provider.origin };
    if (!(await provider.consentManager.hasConsent(subject))) {
      if (!CONSENT_REPLY.test(message)) return consentPrompt(provider.origin, provider.model);
      await provider.consentManager.recordConsent({ ...subject, consentGiven: true, dataUsageAcknowledged: true });
      this.logger.info(`Data-use consent recorded in the chat for ${provider.origin}.`);
      return l10n.t('Thank you: consent is recorded. Ask your question.');
    }
    const history = this.histories.get(userId) ?? [];
    const messages: ChatMessage[] = [...history, { role: 'user', content: message }];
    const result = await provider.generateResponse({ messages, metadata: { userId, feature: 'chat' } });
    this.histories.set(userId, [...messages, { role: 'assistant', content: result.content }]);
    return result.content;
  }
}

function consentPrompt(origin: string, modelId: string): string {
  return [
    l10n.t('To use the AI features, we need your consent.'),
    '',
    consentNotice(origin, modelId),
    '',
    l10n.t('Would you like to provide consent? Reply with "I consent" to continue.'),
  ].join('\n');
}
