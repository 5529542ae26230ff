import * as assert from 'node:assert/strict';
import { parseSlashCommand, slashCompletions } from '../../../src/chat/slashCommands';

describe('slash commands', () => {
  it('recognise a whole message that is one command', () => {
    assert.equal(parseSlashCommand('/fix'), 'fix');
    assert.equal(parseSlashCommand('  /tests \n'), 'tests');
    assert.equal(parseSlashCommand('/fix the bug'), undefined, 'text after it is a normal message');
    assert.equal(parseSlashCommand('/constructor'), undefined);
    assert.equal(parseSlashCommand('/toString'), undefined);
    assert.equal(parseSlashCommand('please /fix'), undefined);
  });

  it('complete from the first letters, all four after a bare slash', () => {
    assert.deepEqual(slashCompletions('/')?.map((c) => c.name), ['explain', 'fix', 'tests', 'doc']);
    assert.deepEqual(slashCompletions('/d')?.map((c) => c.name), ['doc']);
    assert.deepEqual(slashCompletions('/zz'), []);
    assert.equal(slashCompletions('/fix '), undefined);
    assert.equal(slashCompletions('why /f'), undefined);
  });
});
