/** What the selection actions need from the rest of the extension (built from the shared services in registerSelectionActions). */
import type * as vscode from 'vscode';
import { type ProposedEdits } from '../platform/proposedEdits';
import { type Logger } from '../provider/types';
import { type ActionProvider } from './streamAnswer';

export interface SelectionActionDeps {
  /** The provider serving the actions' model (`grokCodeFast.actions.model`). */
  getProvider(feature: 'action'): ActionProvider;
  /** Shows the consent modal when needed; false means nothing may be sent. */
  ensureConsent(): Promise<boolean>;
  /** Fires when consent is withdrawn: requests in flight stop. */
  onConsentRevoked: vscode.Event<void>;
  /** Explain hands its question to the chat panel, with the editor's selection attached as a chip. */
  askInChat(text: string, options: { attachSelection: boolean }): unknown;
  /** Files under `grokCodeFast.exclude` never leave the machine (a document, or a diagnostic's related location). */
  isExcluded(target: { readonly uri: vscode.Uri }): boolean;
  /** The shared proposed-edit flow (Services.proposedEdits): diff, range tracking, Accept and Reject. */
  proposedEdits: ProposedEdits;
  /** The output-token limit requests use (`grokCodeFast.maxTokens`). */
  maxTokens(): number;
  /** Above this estimated input cost (USD, `grokCodeFast.budget.estimateNoticeUsd`) the progress notice says so. */
  estimateNoticeUsd(): number;
  logger: Logger;
}
