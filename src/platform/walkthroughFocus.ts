/**
 * Lets an input box opened from a walkthrough button keep the focus. A click in a walkthrough step
 * makes the walkthrough focus that step a moment later, once its slide animation ends (VS Code's
 * gettingStarted.ts: `setTimeout(() => stepElement.focus(), SLIDE_TRANSITION_TIME_MS)`, 250 ms); an
 * input box shown at once lost the focus to it, so the typed key went nowhere and Enter ran the step
 * again. Commands that ask for input wait that moment out when a walkthrough is the active editor.
 */
import * as vscode from 'vscode';

/** Longer than the walkthrough's 250 ms slide, with room for a slow frame. */
export const WALKTHROUGH_FOCUS_SETTLE_MS = 450;

/** True when the active editor is a walkthrough (VS Code exposes no tab input type for it). */
export function walkthroughIsActive(tab: vscode.Tab | undefined = vscode.window.tabGroups.activeTabGroup.activeTab): boolean {
  return tab !== undefined && tab.input === undefined && /^(Walkthrough|Welcome)\b/i.test(tab.label);
}

/** Resolves once a walkthrough can no longer take the focus from an input about to open. */
export async function afterWalkthroughFocus(): Promise<void> {
  if (!walkthroughIsActive()) return;
  await new Promise((resolve) => setTimeout(resolve, WALKTHROUGH_FOCUS_SETTLE_MS));
}
