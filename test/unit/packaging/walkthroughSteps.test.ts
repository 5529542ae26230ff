/**
 * A walkthrough step that completes on the very command its button runs re-renders the walkthrough
 * while that command's input box is open, and the walkthrough takes the focus back: the typed API key
 * went nowhere and Enter ran the step again. So a step with a command button must complete on the
 * outcome (a context key, a setting, a view) and never on `onCommand:` of its own button; without
 * `completionEvents` VS Code completes it on its buttons' commands, so such a step must declare them.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { localizedManifest } from '../../support/manifest';

interface Step {
  id: string;
  description: string;
  completionEvents?: string[];
}

const root = path.resolve(__dirname, '../../../..');

function steps(): Step[] {
  const manifest = localizedManifest(root) as { contributes: { walkthroughs: { steps: Step[] }[] } };
  return manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
}

/** The commands a step's description links to: `[Label](command:id?args)`. */
function buttonCommands(description: string): string[] {
  return [...description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!);
}

/** What is wrong with a step, or [] when it completes on an outcome. */
function focusTheft(step: Step): string[] {
  const buttons = buttonCommands(step.description);
  if (buttons.length === 0) return [];
  if (step.completionEvents === undefined) return [`${step.id}: completes on its own buttons (${buttons.join(', ')})`];
  return buttons.filter((command) => step.completionEvents!.includes(`onCommand:${command}`)).map((command) => `${step.id}: completes on onCommand:${command}`);
}

describe('walkthrough steps', () => {
  it('finds what steals focus: an implicit or explicit completion on the button command', () => {
    assert.deepEqual(focusTheft({ id: 'a', description: 'x [Set](command:ext.set)' }), ['a: completes on its own buttons (ext.set)']);
    assert.deepEqual(focusTheft({ id: 'b', description: '[Go](command:ext.go?%22x%22)', completionEvents: ['onCommand:ext.go'] }), ['b: completes on onCommand:ext.go']);
    assert.deepEqual(focusTheft({ id: 'c', description: '[Go](command:ext.go)', completionEvents: ['onContext:ext.done'] }), []);
    assert.deepEqual(focusTheft({ id: 'd', description: 'no button', completionEvents: ['onCommand:ext.other'] }), []);
  });

  it('never complete on the command their own button runs', () => {
    const all = steps();
    assert.ok(all.length > 0);
    assert.deepEqual(all.flatMap(focusTheft), []);
  });
});
