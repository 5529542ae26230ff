/** Entry of the Performance Report bundle (dist/webview/report.js). */
import { DEFAULT_REPORT_PERIOD, parseToReport } from '../../report/protocol';
import { ReportApi } from './reportApi';
import { ReportApp } from './reportApp';

const root = document.getElementById('app');
if (root === null) throw new Error('report webview: #app is missing');

const api = new ReportApi();
const period = api.rememberedPeriod() ?? DEFAULT_REPORT_PERIOD;
const app = new ReportApp(root, api, period);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToReport(event.data);
  if (message === undefined) {
    console.warn('report webview: dropped an invalid message from the host');
    return;
  }
  app.handle(message);
});

api.post({ type: 'ready', period });
