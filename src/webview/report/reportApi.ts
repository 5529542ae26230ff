/** The webview's link to the host: typed `postMessage` and the remembered period, parsed back with zod. */
import * as z from 'zod/mini';
import { type FromReportMessage, type ReportPeriod, ReportPeriodSchema } from '../../report/protocol';
import { vscodeApi } from '../shared/host';

const PersistedStateSchema = z.object({ period: ReportPeriodSchema });

export class ReportApi {
  private readonly api = vscodeApi();

  /** The period chosen before the webview was hidden or reloaded, if any. */
  rememberedPeriod(): ReportPeriod | undefined {
    const parsed = PersistedStateSchema.safeParse(this.api.getState());
    return parsed.success ? parsed.data.period : undefined;
  }

  remember(period: ReportPeriod): void {
    this.api.setState({ period });
  }

  post(message: FromReportMessage): void {
    this.api.postMessage(message);
  }
}
