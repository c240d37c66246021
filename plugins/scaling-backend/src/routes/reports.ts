import { Report } from '@meschain/backstage-plugin-scaling-common';
import { Response } from 'express';
import { ReportsService, reportCsv, reportPdf } from '../services/Reports';
import { RouteCallers, ScalingRouter } from './types';

function attachment(res: Response, report: Report, extension: string) {
  const subject = report.team
    ? report.team.replace(/[^a-z0-9-]+/gi, '-')
    : 'org';
  res.attachment(
    `${report.kind}-report-${subject}-${report.period.start}-${report.period.end}.${extension}`,
  );
}

/** The stored reports: listed, made, and read as JSON, CSV or PDF. */
export function addReportRoutes(
  router: ScalingRouter,
  options: { callers: RouteCallers; reports: ReportsService },
) {
  const { callers, reports } = options;

  router.get('/reports', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json({
      reports: await reports.list(
        { scope: req.query.scope, team: req.query.team },
        credentials,
      ),
    });
  });

  router.post('/reports', async (req, res) => {
    const { credentials } = await callers.writer(req);
    const report = await reports.create(req.body, {
      credentials,
      createdBy: credentials.principal.userEntityRef,
    });
    res.status(201).json(report);
  });

  // Before `/reports/:id`, which would take `<id>.csv` for an id.
  router.get('/reports/:id.csv', async (req, res) => {
    const report = await reports.get(req.params.id, await callers.reader(req));
    attachment(res, report, 'csv');
    res.type('text/csv; charset=utf-8').send(reportCsv(report));
  });

  router.get('/reports/:id.pdf', async (req, res) => {
    const report = await reports.get(req.params.id, await callers.reader(req));
    attachment(res, report, 'pdf');
    const pdf = await reportPdf(report);
    // Sent as bytes; the contract types the body as the string it is on the wire.
    res.type('application/pdf').end(pdf);
  });

  router.get('/reports/:id', async (req, res) => {
    res.json(await reports.get(req.params.id, await callers.reader(req)));
  });
}
