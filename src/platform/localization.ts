/**
 * Hands VS Code's translations for the display language (`vscode.l10n.bundle`: the extension's
 * l10n/bundle.l10n.<locale>.json, undefined in English) to @vscode/l10n, which the vscode-free modules
 * localise with. The composition root imports this module first, so texts that modules compute when
 * they load are already translated.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

if (vscode.l10n.bundle !== undefined) l10n.config({ contents: vscode.l10n.bundle });
