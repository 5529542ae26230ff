import * as assert from 'node:assert/strict';
import { type ApplyInput, planApply } from '../../../../src/chat/apply/applyPlan';
import { applyBlocks } from '../../../../src/chat/apply/blockMatch';
import { parseEditBlocks } from '../../../../src/chat/apply/editBlocks';
import { mergeMessages } from '../../../../src/chat/apply/mergePrompt';
import { findPlaceholder } from '../../../../src/chat/apply/placeholders';
import { type SymbolSpan } from '../../../../src/chat/apply/symbolShortcut';

/** A symbol spanning `source` inside `text` (first occurrence). */
function span(text: string, name: string, source: string, children: SymbolSpan[] = []): SymbolSpan {
  const start = text.indexOf(source);
  assert.ok(start >= 0, `${source} not in the text`);
  return { name, start, end: start + source.length, children };
}

const block = (search: string, replace: string, path?: string) => `${path === undefined ? '' : `${path}\n`}<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n`;

const ORDERS_FUNCTIONS = [
  'function validate(orders) {\n  return orders.filter((o) => o.total > 0);\n}',
  'function groupByCustomer(orders) {\n  return Object.groupBy(orders, (o) => o.customer);\n}',
  'function processOrders(orders) {\n  const valid = validate(orders);\n  const groups = groupByCustomer(valid);\n  notify(groups);\n  return valid;\n}',
];
const ORDERS = `import { notify } from './notify';\n\n${ORDERS_FUNCTIONS.join('\n\n')}\n`;
const ORDERS_SYMBOLS = [span(ORDERS, 'validate', ORDERS_FUNCTIONS[0]!), span(ORDERS, 'groupByCustomer', ORDERS_FUNCTIONS[1]!), span(ORDERS, 'processOrders', ORDERS_FUNCTIONS[2]!)];

function input(code: string, merge: ApplyInput['merge'] = () => Promise.reject(new Error('no merge expected')), text = ORDERS, symbols = ORDERS_SYMBOLS): ApplyInput {
  return {
    code,
    active: { name: 'orders.js', text, symbols },
    readFile: async (path) => (path === 'src/new.js' ? { name: path, text: undefined } : path === 'orders.js' ? { name: path, text } : undefined),
    merge,
  };
}

describe('Apply: edit blocks, symbol shortcut and model merge', () => {
  it('issue example 1: a new summary() that calls the file\'s functions goes to the merge and is added, the file kept', async () => {
    const summary = 'function summary(orders) {\n  const valid = validate(orders);\n  return `${valid.length} of ${orders.length}`;\n}';
    const asked: string[] = [];
    // What a good merge model answers: the new function after the last one.
    const merge: ApplyInput['merge'] = async (file, snippet) => {
      asked.push(mergeMessages(file, snippet)[1]!.content as string);
      return '```js\norders.js\n' + block('  notify(groups);\n  return valid;\n}', `  notify(groups);\n  return valid;\n}\n\n${summary}`) + '```';
    };
    const plan = await planApply(input(summary, merge));
    assert.ok(plan.ok, !plan.ok ? plan.reason : '');
    assert.equal(plan.files[0]!.how, 'merge');
    assert.equal(plan.files[0]!.after, `${ORDERS.trimEnd()}\n\n${summary}\n`);
    assert.match(asked[0]!, /<file path="orders.js">\nimport \{ notify \}/);
  });

  it('issue example 2: a processOrders() with "// ... existing code ..." keeps the filter, group-by and notify lines', async () => {
    const snippet = 'function processOrders(orders) { // ... existing code ...\n  console.log(valid);\n  return valid;\n}';
    assert.equal(findPlaceholder(snippet), 'function processOrders(orders) { // ... existing code ...');
    const merge: ApplyInput['merge'] = async () => block('  notify(groups);\n  return valid;', '  notify(groups);\n  console.log(valid);\n  return valid;');
    const plan = await planApply(input(snippet, merge));
    assert.ok(plan.ok, !plan.ok ? plan.reason : '');
    assert.equal(plan.files[0]!.after, ORDERS.replace('  notify(groups);\n', '  notify(groups);\n  console.log(valid);\n'));
    for (const kept of ['validate(orders);', 'groupByCustomer(valid);', 'notify(groups);']) assert.ok(plan.files[0]!.after.includes(kept), kept);
  });

  it('a merge that writes the placeholder into the file is refused', async () => {
    const snippet = 'function processOrders(orders) {\n  // ... existing code ...\n  console.log(valid);\n}';
    const plan = await planApply(input(snippet, async () => block('  notify(groups);\n  return valid;\n}', '  // ... existing code ...\n  console.log(valid);\n}')));
    assert.deepEqual(plan, { ok: false, reason: 'the model\'s merge did not fit: the edit block for orders.js would write the placeholder "// ... existing code ..." into the file' });
  });

  it('the symbol shortcut: one symbol with the same signature and no placeholder is replaced without a model call', async () => {
    const snippet = 'function validate(orders) {\n  return orders.filter((o) => o.total > 0 && o.paid);\n}\n';
    const plan = await planApply(input(snippet));
    assert.ok(plan.ok);
    assert.equal(plan.files[0]!.how, 'symbol');
    assert.equal(plan.files[0]!.after, ORDERS.replace('o.total > 0', 'o.total > 0 && o.paid'));
  });

  it('a name that occurs twice (two classes\' toString) is not guessed: the merge decides', async () => {
    const a = 'class A {\n  toString() {\n    return "A";\n  }\n}';
    const b = 'class B {\n  toString() {\n    return "B";\n  }\n}';
    const text = `${a}\n\n${b}\n`;
    const methodA = '  toString() {\n    return "A";\n  }';
    const methodB = '  toString() {\n    return "B";\n  }';
    const symbols = [span(text, 'A', a, [span(text, 'toString', methodA.trimStart())]), { ...span(text, 'B', b), children: [{ name: 'toString', start: text.lastIndexOf('toString'), end: text.lastIndexOf('toString') + methodB.trimStart().length, children: [] }] }];
    let merged = 0;
    const plan = await planApply(input('toString() {\n  return "B!";\n}', async () => (merged++, block('    return "B";', '    return "B!";')), text, symbols));
    assert.equal(merged, 1);
    assert.ok(plan.ok);
    assert.equal(plan.files[0]!.after, text.replace('"B"', '"B!"'));
  });

  it('a usage example the merge answers NO_EDIT for is refused, the file untouched', async () => {
    const plan = await planApply(input('const valid = processOrders(todays);', async () => 'NO_EDIT'));
    assert.deepEqual(plan, { ok: false, reason: 'the model found nothing in this code to change in orders.js (a usage example?)' });
  });

  it('a plain snippet with no editor open is refused', async () => {
    const plan = await planApply({ ...input('x'), active: undefined });
    assert.equal(plan.ok, false);
  });

  it('edit blocks for two files, one of them new, give one proposal per file', async () => {
    const code = block('  notify(groups);', '  notify(groups, { quiet: true });', 'orders.js') + block('', 'export const x = 1;', 'src/new.js');
    const plan = await planApply(input(code));
    assert.ok(plan.ok, !plan.ok ? plan.reason : '');
    assert.deepEqual(plan.files.map((file) => [file.path, file.before === undefined, file.after]), [
      ['orders.js', false, ORDERS.replace('notify(groups);', 'notify(groups, { quiet: true });')],
      ['src/new.js', true, 'export const x = 1;\n'],
    ]);
  });

  it('an edit block for a path outside the workspace is refused', async () => {
    const plan = await planApply(input(block('a', 'b', '../etc/passwd')));
    assert.deepEqual(plan, { ok: false, reason: '../etc/passwd is not a file in this workspace' });
  });
});

describe('edit blocks: exact-once matching', () => {
  const text = 'a\n  b\nc\n  b\n';
  const apply = (code: string, file = text) => {
    const parsed = parseEditBlocks(code);
    assert.ok(parsed.ok, !parsed.ok ? parsed.reason : '');
    return applyBlocks(file, parsed.blocks, 'f.txt');
  };

  it('refuses a SEARCH found 0 times and one found twice, saying so', () => {
    assert.deepEqual(apply(block('x', 'y')), { ok: false, reason: 'the SEARCH text of the edit block was found 0 times in f.txt' });
    assert.deepEqual(apply(block('  b', 'y')), { ok: false, reason: 'the SEARCH text of the edit block was found 2 times in f.txt' });
    assert.deepEqual(apply(block('a\n  b', 'a\n  B')), { ok: true, text: 'a\n  B\nc\n  b\n' });
  });

  it('tolerates line endings and trailing whitespace, and keeps the file\'s CRLF', () => {
    assert.deepEqual(apply(block('c   \n  b', 'C\n  b'), 'a\r\n  b\r\nc\r\n  b  \r\n'), { ok: true, text: 'a\r\n  b\r\nC\r\n  b\r\n' });
  });

  it('does not tolerate other indentation', () => {
    assert.deepEqual(apply(block('a\nb', 'x')), { ok: false, reason: 'the SEARCH text of the edit block was found 0 times in f.txt' });
  });

  it('applies several blocks in order and names the failing one', () => {
    assert.deepEqual(apply(block('a', 'A') + block('c', 'C')), { ok: true, text: 'A\n  b\nC\n  b\n' });
    assert.deepEqual(apply(block('a', 'A') + block('zz', 'C')), { ok: false, reason: 'the SEARCH text of edit block 2 was found 0 times in f.txt' });
  });

  it('an empty SEARCH creates a new file but never replaces an existing one', () => {
    assert.deepEqual(applyBlocks(undefined, [{ path: 'n', search: '', replace: 'new' }], 'n'), { ok: true, text: 'new\n' });
    assert.equal(apply(block('', 'x')).ok, false);
  });

  it('reports an incomplete block', () => {
    assert.deepEqual(parseEditBlocks('f.ts\n<<<<<<< SEARCH\na\n=======\nb\n'), { ok: false, reason: 'edit block 1 has no >>>>>>> REPLACE line' });
    assert.deepEqual(parseEditBlocks('<<<<<<< SEARCH\na\nb\n'), { ok: false, reason: 'edit block 1 has no ======= line' });
  });
});

describe('placeholders', () => {
  for (const line of ['// ... existing code ...', '# rest unchanged', '/* ... */', '    // …', '<!-- rest of the file unchanged -->', '-- ... other columns', 'foo() { // ... existing code ...', '  # ... (same as before)']) {
    it(`finds ${JSON.stringify(line)}`, () => assert.equal(findPlaceholder(`x\n${line}\ny`), line.trim()));
  }
  for (const line of ['// Adds two numbers.', '# TODO: handle the rest', 'const url = "http://example.com/...";', 'return a ... b', '// see https://x.y/z']) {
    it(`leaves ${JSON.stringify(line)} alone`, () => assert.equal(findPlaceholder(line), undefined));
  }
});
