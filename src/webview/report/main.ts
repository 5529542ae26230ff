/** Entry of the Performance Report bundle (dist/webview/report.js). */
// First: every text below is built with the host's translations.
import '../shared/l10n';
import { DEFAULT_REPORT_PERIOD, parseToReport } from '../../report/protocol';
import { appRoot, onHostMessage } from '../shared/host';
import { ReportApi } from './reportApi';
import { ReportApp } from './reportApp';

const api = new ReportApi();
const period = api.rememberedPeriod() ?? DEFAULT_REPORT_PERIOD;
const app = new ReportApp(appRoot('report'), api, period);
onHostMessage('report', parseToReport, (message) => app.handle(message));
api.post({ type: 'ready', period });
