/** The data-use consent question as VS Code's modal: true only for an explicit "I consent". */
import * as vscode from 'vscode';
import { type ConsentDialog } from '../platform/consentGate';

const CONSENT_BUTTON = 'I consent';

export const consentModal: ConsentDialog = async (notice) => {
  const answer = await vscode.window.showInformationMessage(notice.message, { modal: true, detail: notice.detail }, CONSENT_BUTTON);
  return answer === CONSENT_BUTTON;
};
