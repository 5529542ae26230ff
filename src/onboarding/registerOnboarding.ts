/** The onboarding commands: API key, consent and model selection. */
import * as vscode from 'vscode';
import { clearApiKey, setApiKey, type ApiKeyCommandDeps } from './apiKeyCommands';
import { type ConsentGate } from '../platform/consentGate';
import { selectModel, type SelectModelDeps } from './selectModel';

export interface OnboardingDeps extends ApiKeyCommandDeps, SelectModelDeps {
  consent: ConsentGate;
}

export function registerOnboarding(deps: OnboardingDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('grokCodeFast.setApiKey', (key?: unknown) => setApiKey(deps, key)),
    vscode.commands.registerCommand('grokCodeFast.clearApiKey', () => clearApiKey(deps)),
    vscode.commands.registerCommand('grokCodeFast.showConsent', () => deps.consent.showConsent()),
    vscode.commands.registerCommand('grokCodeFast.revokeConsent', async () => {
      await deps.consent.revoke();
      void vscode.window.showInformationMessage(
        'Grok Code Fast: data-use consent revoked. Requests in flight were stopped and nothing is sent until you consent again.',
      );
    }),
    vscode.commands.registerCommand('grokCodeFast.selectModel', (args?: unknown) => selectModel(deps, args)),
  );
}
