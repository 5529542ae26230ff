/** The question asked before opening an address that is not xAI's console (creditsExhausted.ts). */
import * as vscode from 'vscode';

export const OPEN_ADDRESS_BUTTON = vscode.l10n.t('Open');

/** A modal that shows `url` in full; true only for "Open". */
export async function confirmOpenAddress(url: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The server named a billing page that is not xAI\'s console (console.x.ai). Open it in the browser?'),
    { modal: true, detail: url },
    OPEN_ADDRESS_BUTTON,
  );
  return choice === OPEN_ADDRESS_BUTTON;
}
