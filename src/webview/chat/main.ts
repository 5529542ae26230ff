/** Entry of the chat webview bundle (dist/webview/chat.js). */
// First: every text below is built with the host's translations.
import '../shared/l10n';
import { parseToWebview } from '../../chat/protocol';
import { appRoot, onHostMessage } from '../shared/host';
import { ChatApp } from './app';
import { WebviewApi } from './webviewApi';

const api = new WebviewApi();
const app = new ChatApp(appRoot('chat'), api);
onHostMessage('chat', parseToWebview, (message) => app.handle(message));
api.post({ type: 'ready' });
