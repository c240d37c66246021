import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Report,
  ReportRequest,
  ReportScope,
  ReportSummary,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { ReportDownload, ReportsApi } from './ReportsApi';
import { readBody } from './scalingBackend';

/** The file name of a `Content-Disposition: attachment; filename="..."` header. */
export function attachmentFilename(
  header: string | null,
  fallback: string,
): string {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  return match?.[1] ?? fallback;
}

/** @public Reads, makes and downloads reports with the signed-in user's identity. */
export class ReportsClient implements ReportsApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async listReports(
    filter: { scope?: ReportScope; team?: string } = {},
  ): Promise<ReportSummary[]> {
    const { reports } = await readBody<{ reports: ReportSummary[] }>(
      await this.backend.getReports({ query: filter }),
    );
    return reports;
  }

  async createReport(request: ReportRequest): Promise<Report> {
    return readBody(await this.backend.createReport({ body: request }));
  }

  async downloadReport(
    id: string,
    format: 'csv' | 'pdf',
  ): Promise<ReportDownload> {
    const request = { path: { id } };
    const response =
      format === 'csv'
        ? await this.backend.getReportCsv(request)
        : await this.backend.getReportPdf(request);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return {
      blob: await response.blob(),
      filename: attachmentFilename(
        response.headers.get('content-disposition'),
        `report-${id}.${format}`,
      ),
    };
  }
}
