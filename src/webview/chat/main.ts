/** Entry of the chat webview bundle (dist/webview/chat.js). */
import { parseToWebview } from '../../chat/protocol';
import { ChatApp } from './app';
import { WebviewApi } from './webviewApi';

const root = document.getElementById('app');
if (root === null) throw new Error('chat webview: #app is missing');

const api = new WebviewApi();
const app = new ChatApp(root, api);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (message === undefined) {
    console.warn('chat webview: dropped an invalid message from the host');
    return;
  }
  app.handle(message);
});

api.post({ type: 'ready' });
