import { Report } from '@meschain/backstage-plugin-scaling-common';

type Cell = string | number | null | undefined;

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, its quotes doubled. */
export function csvField(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records joined by CRLF, with a CRLF after the last, as RFC 4180 allows. */
export function csvOf(rows: Cell[][]): string {
  return rows.map(row => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The report's figures as rows of section, item, measure and value: one figure a row, as the JSON has it. */
export function reportRows(report: Report): Cell[][] {
  const rows: Cell[][] = [['section', 'item', 'measure', 'value']];
  const add = (section: string, item: Cell, measure: string, value: Cell) =>
    rows.push([section, item, measure, value]);
  add('report', report.id, 'kind', report.kind);
  add('report', report.id, 'scope', report.scope);
  add('report', report.id, 'team', report.team);
  add('report', report.id, 'start', report.period.start);
  add('report', report.id, 'end', report.period.end);
  add('report', report.id, 'createdAt', report.createdAt);
  add('report', report.id, 'createdBy', report.createdBy);

  const { figures } = report;
  for (const [measure, value] of Object.entries(figures.totals)) {
    add('totals', null, measure, value);
  }
  switch (figures.kind) {
    case 'scaling':
      for (const day of figures.scaleEventsByDay) {
        add('scaleEventsByDay', day.date, 'scaleEvents', day.count);
      }
      for (const service of figures.byService) {
        add('byService', service.entityRef, 'scaleEvents', service.scaleEvents);
        add('byService', service.entityRef, 'hoursAtMax', service.hoursAtMax);
      }
      for (const { region, errors, ...measures } of figures.headroom) {
        for (const [measure, value] of Object.entries(measures)) {
          add('headroom', region, measure, value);
        }
        for (const error of errors) add('headroom', region, 'error', error);
      }
      break;
    case 'deployments':
      for (const day of figures.rolloutsByDay) {
        add('rolloutsByDay', day.date, 'rollouts', day.count);
      }
      for (const { entityRef, ...measures } of figures.byService) {
        for (const [measure, value] of Object.entries(measures)) {
          add('byService', entityRef, measure, value);
        }
      }
      figures.rollbacks.forEach((rollback, index) => {
        for (const [measure, value] of Object.entries(rollback)) {
          add('rollbacks', index + 1, measure, value);
        }
      });
      break;
    case 'cost':
      add('totals', null, 'currency', figures.currency);
      for (const service of figures.byService) {
        add('spendByService', service.entityRef, 'spend', service.total);
      }
      for (const region of figures.byRegion) {
        add('spendByRegion', region.region, 'spend', region.total);
      }
      for (const day of figures.daily) {
        add('spendByDay', day.date, 'spend', day.total);
      }
      add(
        'savings',
        null,
        'window',
        `${figures.savings.window.start}/${figures.savings.window.end}`,
      );
      figures.recommendations.forEach((rec, index) => {
        const item = `${index + 1} ${rec.entityRef}${
          rec.region ? ` ${rec.region}` : ''
        }`;
        add('recommendations', item, 'kind', rec.kind);
        add('recommendations', item, 'summary', rec.summary);
        add('recommendations', item, 'monthlySavings', rec.monthlySavings);
        add('recommendations', item, 'annualSavings', rec.annualSavings);
        for (const [name, value] of Object.entries(rec.inputs)) {
          add('recommendations', item, `input.${name}`, value);
        }
        for (const [name, value] of Object.entries(rec.proposal)) {
          add('recommendations', item, `proposal.${name}`, value);
        }
      });
      break;
    default:
  }
  for (const note of figures.notes) add('notes', null, 'note', note);
  return rows;
}

export function reportCsv(report: Report): string {
  return csvOf(reportRows(report));
}
