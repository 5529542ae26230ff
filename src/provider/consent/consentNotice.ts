/** The data-use notice users accept. Changing its wording means a new version: everyone is asked again. */
export const CONSENT_NOTICE_VERSION = '2026-11-01';

/** The notice's text shown before the first request: what is sent and what xAI (or the free route) keeps. */
export const CONSENT_NOTICE = [
  'Grok Code Fast sends your requests to xAI\'s grok-code-fast-1 model.',
  '',
  'On the free route, xAI records the prompts and completions it receives and uses them to improve the model.',
  '',
  'What is collected: your prompts, including any code context you attach (the current file, a selection, ' +
    'files the chat tools read); the completions the model returns; and request metadata such as the model ' +
    'name and timestamps.',
  '',
  'What stays with you: your API key is kept in the operating system keychain (VS Code SecretStorage) and is ' +
    'sent only to the endpoint you configured. Local analytics (latency, tokens, cost) stay on this machine ' +
    'and are never uploaded.',
  '',
  'You can revoke this consent at any time with the command "Grok: Revoke Data-Use Consent"; requests stop at ' +
    'once. "Grok: Export My Data" and "Grok: Delete My Data" export or delete what is stored locally.',
].join('\n');
