import { createApiRef } from '@backstage/core-plugin-api';
import {
  Report,
  ReportRequest,
  ReportScope,
  ReportSummary,
} from '@meschain/backstage-plugin-scaling-common';

/** @public A report's download: its bytes and the file name the backend gave it. */
export type ReportDownload = { blob: Blob; filename: string };

/** @public The scaling backend's reports, read and made as the signed-in user. */
export interface ReportsApi {
  /** Newest first: the org's, and the teams' the user may read. */
  listReports(filter?: {
    scope?: ReportScope;
    team?: string;
  }): Promise<ReportSummary[]>;
  createReport(request: ReportRequest): Promise<Report>;
  /** Fetched with the user's token, as a link alone could not carry it. */
  downloadReport(id: string, format: 'csv' | 'pdf'): Promise<ReportDownload>;
}

/** @public */
export const reportsApiRef = createApiRef<ReportsApi>({
  id: 'plugin.scaling.reports',
});
