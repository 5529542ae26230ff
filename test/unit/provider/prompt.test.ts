import { strict as assert } from 'node:assert';
import { InvalidConfigError } from '../../../src/provider/errors';
import { buildChatRequestBody, buildWireMessages, SYSTEM_PROMPT } from '../../../src/provider/prompt';
import { type GenerateRequest } from '../../../src/provider/types';

const settings = { model: 'grok-code-fast-1', maxTokens: 32_000 };

describe('prompt building', () => {
  it('puts the byte-stable system prompt first and the variable context into the last user message', () => {
    const a = buildWireMessages({ prompt: 'explain', context: { codeContext: { language: 'typescript', code: 'let a = 1;', filePath: 'src/a.ts' } } });
    const b = buildWireMessages({ prompt: 'explain', context: { codeContext: { language: 'python', code: 'b = 2' } } });
    assert.deepEqual(a[0], { role: 'system', content: SYSTEM_PROMPT });
    assert.deepEqual(a[0], b[0]);
    assert.equal(a.length, 2);
    assert.equal(
      a[1].content,
      '<context>\nFile: src/a.ts\nLanguage: typescript\n```typescript\nlet a = 1;\n```\n</context>\n\nexplain',
    );
  });

  it('renders project and code context in a fixed order', () => {
    const request: GenerateRequest = {
      prompt: 'q',
      context: {
        codeContext: { language: 'ts', framework: 'react' },
        projectContext: { projectName: 'demo', technologies: ['node', 'react'] },
      },
    };
    assert.equal(buildWireMessages(request)[1].content, '<context>\nProject: demo\nTechnologies: node, react\nLanguage: ts\nFramework: react\n</context>\n\nq');
  });

  it("keeps the caller's own system message and earlier turns untouched", () => {
    const messages = buildWireMessages({
      messages: [
        { role: 'system', content: 'custom' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: 'second' },
      ],
      context: { projectContext: { projectName: 'p', technologies: [] } },
    });
    assert.deepEqual(
      messages.map((message) => message.content),
      ['custom', 'first', 'reply', '<context>\nProject: p\n</context>\n\nsecond'],
    );
  });

  it('appends a prompt after the messages', () => {
    const messages = buildWireMessages({ messages: [{ role: 'user', content: 'a' }], prompt: 'b' });
    assert.deepEqual(
      messages.slice(1).map((message) => message.content),
      ['a', 'b'],
    );
  });

  it('refuses a request with nothing to ask', () => {
    assert.throws(() => buildWireMessages({}), InvalidConfigError);
    assert.throws(() => buildWireMessages({ messages: [{ role: 'system', content: 's' }] }), InvalidConfigError);
  });

  it("caps max_tokens at the model's maximum, lets a request raise the setting, and maps tool choices", () => {
    const body = buildChatRequestBody(
      { prompt: 'q', options: { maxTokens: 50_000, tools: [{ name: 't', description: 'd', parameters: {} }], toolChoice: 'none' } },
      { ...settings, maxTokens: 1000 },
    );
    assert.equal(body.max_tokens, 32_000);
    assert.equal(buildChatRequestBody({ prompt: 'q', options: { maxTokens: 2000 } }, { ...settings, maxTokens: 1000 }).max_tokens, 2000);
    assert.equal(buildChatRequestBody({ prompt: 'q' }, { ...settings, maxTokens: 1000 }).max_tokens, 1000);
    assert.equal(body.tool_choice, 'none');
    assert.equal(body.temperature, undefined);
  });

  it('sends no tool_choice without tools', () => {
    const body = buildChatRequestBody({ prompt: 'q', options: { toolChoice: 'auto' } }, settings);
    assert.ok(!('tool_choice' in body));
    assert.ok(!('tools' in body));
  });

  it("sends a user message with images as the wire's text and image_url parts, text first", () => {
    const [, message] = buildWireMessages({ messages: [{ role: 'user', content: 'What is this?', images: [{ url: 'data:image/png;base64,AQID' }] }] });
    assert.deepEqual(message, {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
      ],
    });
  });

  it('puts the context before the text of a user message with images, and alone before an image-only message', () => {
    const context = { codeContext: { language: 'ts' } };
    const [, withText] = buildWireMessages({ messages: [{ role: 'user', content: 'q', images: [{ url: 'data:image/png;base64,AA==' }] }], context });
    assert.deepEqual(Array.isArray(withText.content) && withText.content[0], { type: 'text', text: '<context>\nLanguage: ts\n</context>\n\nq' });
    const [, imageOnly] = buildWireMessages({ messages: [{ role: 'user', content: '', images: [{ url: 'data:image/gif;base64,AA==' }] }], context });
    assert.deepEqual(imageOnly.content, [
      { type: 'text', text: '<context>\nLanguage: ts\n</context>' },
      { type: 'image_url', image_url: { url: 'data:image/gif;base64,AA==' } },
    ]);
  });

  it("maps the required tool choice to the wire's 'required'", () => {
    const body = buildChatRequestBody({ prompt: 'q', options: { tools: [{ name: 't', description: 'd', parameters: {} }], toolChoice: 'required' } }, settings);
    assert.equal(body.tool_choice, 'required');
  });
});
