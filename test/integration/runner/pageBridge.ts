/**
 * Lets a test inside the extension host drive the workbench page the way a user does: real key
 * presses and typing (so focus matters, as it does for people), clicks on what a locator finds, and
 * screenshots for the README. The runner serves it on a loopback port and passes the address to
 * code-server (and so to the extension host) as GROK_TEST_PAGE_URL; test/integration/support/userInput.ts
 * is its client. Requests are validated; screenshots may only be written under media/screenshots or
 * test-artifacts.
 */
import * as http from 'node:http';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { z } from 'zod';

const RequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('press'), key: z.string().min(1).max(100) }),
  z.object({ action: z.literal('type'), text: z.string().max(10_000) }),
  z.object({ action: z.literal('click'), selector: z.string().min(1).max(1000), timeoutMs: z.number().int().positive().max(30_000).optional() }),
  z.object({ action: z.literal('waitFor'), selector: z.string().min(1).max(1000), timeoutMs: z.number().int().positive().max(30_000).optional() }),
  z.object({ action: z.literal('screenshot'), path: z.string().min(1).max(500), selector: z.string().max(1000).optional() }),
]);
export type PageRequest = z.infer<typeof RequestSchema>;

const WRITABLE = ['media/screenshots/', 'test-artifacts/'];

async function perform(page: Page, request: PageRequest, root: string): Promise<void> {
  switch (request.action) {
    case 'press':
      return page.keyboard.press(request.key);
    case 'type':
      return page.keyboard.type(request.text, { delay: 20 });
    case 'click':
      return page.locator(request.selector).first().click({ timeout: request.timeoutMs ?? 10_000 });
    case 'waitFor':
      return page.locator(request.selector).first().waitFor({ state: 'visible', timeout: request.timeoutMs ?? 10_000 });
    case 'screenshot': {
      const relative = path.posix.normalize(request.path);
      if (!WRITABLE.some((dir) => relative.startsWith(dir))) throw new Error(`screenshots go under ${WRITABLE.join(' or ')}`);
      const file = path.join(root, relative);
      if (request.selector) await page.locator(request.selector).first().screenshot({ path: file });
      else await page.screenshot({ path: file });
      return;
    }
  }
}

/** Serves the bridge for the page `page()` returns once it exists; resolves to its address once listening. */
export function servePageBridge(page: () => Page | undefined, root: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      let parsed: PageRequest;
      try {
        parsed = RequestSchema.parse(JSON.parse(body));
      } catch (error) {
        res.writeHead(400).end(String(error));
        return;
      }
      const current = page();
      if (current === undefined) {
        res.writeHead(503).end('the workbench page is not open yet');
        return;
      }
      perform(current, parsed, root).then(
        () => res.writeHead(200).end('ok'),
        (error: unknown) => res.writeHead(500).end(error instanceof Error ? error.message : String(error)),
      );
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}
