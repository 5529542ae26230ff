import * as l10n from '@vscode/l10n';

/**
 * The data-use notice users accept, written for the endpoint it is shown for. Consent is bound to the
 * endpoint's origin and to CONSENT_NOTICE_VERSION: another origin, or new wording, asks again.
 */
export const CONSENT_NOTICE_VERSION = '2026-12-08';

const XAI_ORIGIN = 'https://api.x.ai';

/**
 * The origin consent is bound to: `scheme://host[:port]` of a base URL, lower-cased, default port
 * dropped (WHATWG URL). Text that is not a URL is its own origin, so it never matches a real one.
 */
export function endpointOrigin(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return `invalid:${endpoint}`;
  }
}

/** What the server at `origin` does with the requests, as far as the extension knows. */
function dataUseAt(origin: string): string[] {
  if (origin === XAI_ORIGIN) {
    return [
      l10n.t("Your requests go to xAI's API (https://api.x.ai), under xAI's terms and privacy policy."),
      '',
      // xai-responses.md: `store` defaults to true and stored responses are kept 30 days.
      l10n.t("On xAI's API, Responses are stored for 30 days unless a request sends store:false; Grok Code Fast sends store:false."),
    ];
  }
  return [
    l10n.t(
      "Your requests go to {0}, the endpoint you configured (grokCodeFast.endpoint.url). Its operator's terms decide what is kept and for how long; Grok Code Fast cannot see or change that.",
      origin,
    ),
  ];
}

/**
 * What one consent covers, in words: `modelId` for a consent kept for that model alone (the core's
 * ConsentManager on its own), none for the extension's, which covers every model at the endpoint.
 */
function coverage(origin: string, modelId: string | undefined): string {
  return modelId === undefined
    ? l10n.t('This consent covers every model at {0}: choosing another model there does not ask again (it is recorded for each model you use); another endpoint asks again.', origin)
    : l10n.t('This consent covers the model {0} at {1} only: another model or another endpoint asks again.', modelId, origin);
}

/**
 * The notice for the endpoint at `origin` (see endpointOrigin). With `modelId` it says the consent
 * covers that model only; without, every model at the endpoint (the extension's consent).
 */
export function consentNotice(origin: string, modelId?: string): string {
  return [
    l10n.t('Grok Code Fast sends your requests to the model endpoint only after you consent.'),
    '',
    ...dataUseAt(origin),
    '',
    l10n.t(
      "What is sent: your prompts, including any code context you attach (the current file, a selection, files the chat tools read, inline-completion context); and request metadata such as the model name. Files matching grokCodeFast.exclude are never sent by this extension's chat panel, inline completions and actions. In VS Code's own chat, VS Code runs the tools and builds the attachments: Grok Code Fast replaces a tool result whose arguments name an excluded file, and the content of an attachment that names one, before sending. It cannot recognise excluded content that arrives without its file's name (text pasted into the chat, or a tool that does not say which file it read); that is sent as VS Code gives it.",
    ),
    '',
    l10n.t(
      'What stays with you: your API key is kept in the operating system keychain (VS Code SecretStorage) and is sent only to {0}. Local analytics (latency, tokens, cost) stay on this machine and are never uploaded.',
      origin,
    ),
    '',
    `${coverage(origin, modelId)} ${l10n.t(
      'You can revoke it at any time with the command "Grok: Revoke Data-Use Consent"; requests and background checks stop at once. "Grok: Export My Data" and "Grok: Delete My Data" export or delete what is stored locally.',
    )}`,
  ].join('\n');
}
