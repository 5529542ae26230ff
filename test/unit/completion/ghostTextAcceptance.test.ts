import * as assert from 'node:assert/strict';
import { AcceptanceTracker, type InteractionAction } from '../../../src/completion/ghostTextAcceptance';

function tracker() {
  const events: Array<[InteractionAction, number]> = [];
  return { events, acceptance: new AcceptanceTracker((action, chars) => events.push([action, chars])) };
}

const DOC = 'file:///p/a.ts';

describe('completion/ghostTextAcceptance', () => {
  it('records shown, then accepted through the command', () => {
    const { events, acceptance } = tracker();
    acceptance.shown(DOC, 10, 'items.length;');
    acceptance.changed({ documentKey: DOC, offset: 10, removedLength: 0, text: 'items.length;' });
    acceptance.accepted();
    assert.deepEqual(events, [
      ['shown', 13],
      ['accepted', 13],
    ]);
  });

  it('records a word inserted in one edit as a partial acceptance, then the rest', () => {
    const { events, acceptance } = tracker();
    acceptance.shown(DOC, 10, 'items.length;');
    acceptance.changed({ documentKey: DOC, offset: 10, removedLength: 0, text: 'items' });
    acceptance.changed({ documentKey: DOC, offset: 15, removedLength: 0, text: '.length' });
    assert.deepEqual(events, [
      ['shown', 13],
      ['partial', 5],
      ['partial', 7],
    ]);
  });

  it('does not count typing through character by character', () => {
    const { events, acceptance } = tracker();
    acceptance.shown(DOC, 10, 'items');
    acceptance.changed({ documentKey: DOC, offset: 10, removedLength: 0, text: 'i' });
    acceptance.changed({ documentKey: DOC, offset: 11, removedLength: 0, text: 't' });
    assert.deepEqual(events, [['shown', 5]]);
  });

  it('counts a suggestion shown once while the user types through it, and accepting its rest as one acceptance', () => {
    const { events, acceptance } = tracker();
    acceptance.shown(DOC, 10, 'items');
    acceptance.changed({ documentKey: DOC, offset: 10, removedLength: 0, text: 'i' });
    acceptance.shown(DOC, 11, 'tems');
    acceptance.changed({ documentKey: DOC, offset: 11, removedLength: 0, text: 't' });
    acceptance.shown(DOC, 12, 'ems');
    acceptance.accepted();
    acceptance.shown(DOC, 15, 'items');
    assert.deepEqual(events, [
      ['shown', 5],
      ['accepted', 3],
      ['shown', 5],
    ]);
  });

  it('forgets the suggestion once an edit diverges from it', () => {
    const { events, acceptance } = tracker();
    acceptance.shown(DOC, 10, 'items.length;');
    acceptance.changed({ documentKey: DOC, offset: 10, removedLength: 0, text: 'values' });
    acceptance.changed({ documentKey: DOC, offset: 16, removedLength: 0, text: 'items' });
    acceptance.accepted();
    assert.deepEqual(events, [['shown', 13]]);
  });

  it('ignores edits in other documents', () => {
    const { events, acceptance } = tracker();
    acceptance.shown(DOC, 10, 'items.length;');
    acceptance.changed({ documentKey: 'file:///p/b.ts', offset: 10, removedLength: 0, text: 'items' });
    acceptance.accepted();
    assert.deepEqual(events, [
      ['shown', 13],
      ['accepted', 13],
    ]);
  });
});
