import * as assert from 'node:assert/strict';
import { deletionQuestion } from '../../../src/platform/deletionQuestion';

describe("Delete My Data's question (issue 24 item 9)", () => {
  it('has a default button (the first) that keeps the data; only Delete confirms', () => {
    const question = deletionQuestion();
    const [first, second] = question.buttons;
    assert.equal(first.title, 'Keep My Data');
    assert.equal(second.title, 'Delete');
    assert.equal(question.confirms(first), false);
    assert.equal(question.confirms(undefined), false, 'Escape or closing the dialog deletes nothing');
    assert.equal(question.confirms({ title: 'Delete' }), false, 'only the button itself confirms');
    assert.equal(question.confirms(second), true);
  });
});
