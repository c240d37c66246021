import {
  Report,
  ReportFigures,
} from '@meschain/backstage-plugin-scaling-common';
import type PDFDocumentType from 'pdfkit';
import { lastDayOf } from './periods';

type Doc = InstanceType<typeof PDFDocumentType>;

const MARGIN = 50;
const BAR_COLOR = '#1f5493';
const AXIS_COLOR = '#888888';
const MAX_BARS = 20;

const TITLES: Record<ReportFigures['kind'], string> = {
  scaling: 'Scaling report',
  deployments: 'Deployments report',
  cost: 'Cost report',
};

/** How the PDF prints a figure: money and hours with two decimals, ratios as percentages, counts as they are. */
export function pdfNumber(value: number | null, digits = 0): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

const percent = (value: number | null) =>
  value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`;

/** The lines of totals the PDF prints, as `label: value`, which pdftotext reads back. */
export function pdfTotals(figures: ReportFigures): Array<[string, string]> {
  switch (figures.kind) {
    case 'scaling':
      return [
        ['Services', pdfNumber(figures.totals.services)],
        ['Scale events', pdfNumber(figures.totals.scaleEvents)],
        ['Hours at maximum', pdfNumber(figures.totals.hoursAtMax, 2)],
      ];
    case 'deployments':
      return [
        ['Services', pdfNumber(figures.totals.services)],
        ['Rollouts', pdfNumber(figures.totals.rollouts)],
        ['Succeeded', pdfNumber(figures.totals.succeeded)],
        ['Rolled back', pdfNumber(figures.totals.rolledBack)],
        ['Success rate', percent(figures.totals.successRate)],
        [
          'Median rollback time (s)',
          pdfNumber(figures.totals.medianRollbackSeconds),
        ],
        ['In progress', pdfNumber(figures.totals.inProgress)],
      ];
    case 'cost':
      return [
        [
          `Total spend (${figures.currency})`,
          pdfNumber(figures.totals.spend, 2),
        ],
        [
          `Monthly savings (${figures.currency})`,
          pdfNumber(figures.totals.monthlySavings, 2),
        ],
        [
          `Annual savings (${figures.currency})`,
          pdfNumber(figures.totals.annualSavings, 2),
        ],
        ['Recommendations', pdfNumber(figures.totals.recommendations)],
      ];
    default:
      return [];
  }
}

function heading(doc: Doc, text: string) {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text, MARGIN);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

/** Horizontal bars, one per label, largest first as given, each with its value printed. */
function horizontalBars(
  doc: Doc,
  title: string,
  bars: Array<{ label: string; value: number }>,
  format: (value: number) => string,
) {
  heading(doc, title);
  const shown = bars.slice(0, MAX_BARS);
  if (shown.length === 0) {
    doc.text('None in this period.');
    return;
  }
  const rowHeight = 16;
  const labelWidth = 190;
  const width = doc.page.width - 2 * MARGIN - labelWidth - 80;
  const max = Math.max(...shown.map(b => b.value), 0) || 1;
  ensureRoom(doc, shown.length * rowHeight);
  let y = doc.y;
  for (const bar of shown) {
    if (y + rowHeight > doc.page.height - MARGIN) {
      doc.addPage();
      y = doc.y;
    }
    doc.fillColor('black').text(bar.label, MARGIN, y + 3, {
      width: labelWidth - 8,
      lineBreak: false,
      ellipsis: true,
    });
    const length = Math.max(0, (bar.value / max) * width);
    doc.rect(MARGIN + labelWidth, y + 2, length, rowHeight - 5).fill(BAR_COLOR);
    doc
      .fillColor('black')
      .text(format(bar.value), MARGIN + labelWidth + length + 4, y + 3, {
        lineBreak: false,
      });
    y += rowHeight;
  }
  doc.x = MARGIN;
  doc.y = y + 4;
  if (bars.length > shown.length) {
    doc.text(`and ${bars.length - shown.length} more, in the CSV.`, MARGIN);
  }
}

/** Vertical bars, one a day, with the axis labelled by the first and last day. */
function dailyBars(
  doc: Doc,
  title: string,
  days: Array<{ date: string; value: number }>,
) {
  heading(doc, title);
  if (days.length === 0) {
    doc.text('No days in this period.');
    return;
  }
  const height = 110;
  ensureRoom(doc, height + 30);
  const width = doc.page.width - 2 * MARGIN;
  const top = doc.y;
  const max = Math.max(...days.map(d => d.value), 0) || 1;
  const slot = width / days.length;
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + width, top + height)
    .strokeColor(AXIS_COLOR)
    .stroke();
  days.forEach((day, index) => {
    const barHeight = (day.value / max) * (height - 12);
    if (barHeight > 0) {
      doc
        .rect(
          MARGIN + index * slot + slot * 0.15,
          top + height - barHeight,
          Math.max(1, slot * 0.7),
          barHeight,
        )
        .fill(BAR_COLOR);
    }
  });
  doc.fillColor('black').fontSize(8);
  doc.text(`max ${max}`, MARGIN, top - 2, { lineBreak: false });
  doc.text(days[0].date, MARGIN, top + height + 3, { lineBreak: false });
  doc.text(days[days.length - 1].date, MARGIN + width - 60, top + height + 3, {
    width: 60,
    align: 'right',
    lineBreak: false,
  });
  doc.fontSize(10);
  doc.x = MARGIN;
  doc.y = top + height + 18;
}

function charts(doc: Doc, figures: ReportFigures) {
  switch (figures.kind) {
    case 'scaling':
      dailyBars(
        doc,
        'Scale events per day',
        figures.scaleEventsByDay.map(d => ({ date: d.date, value: d.count })),
      );
      horizontalBars(
        doc,
        'Scale events by service',
        figures.byService
          .map(s => ({ label: s.entityRef, value: s.scaleEvents }))
          .sort((a, b) => b.value - a.value),
        v => pdfNumber(v),
      );
      horizontalBars(
        doc,
        'Free CPU by region (cores)',
        figures.headroom.map(h => ({ label: h.region, value: h.freeCpuCores })),
        v => pdfNumber(v, 2),
      );
      break;
    case 'deployments':
      dailyBars(
        doc,
        'Rollouts per day',
        figures.rolloutsByDay.map(d => ({ date: d.date, value: d.count })),
      );
      horizontalBars(
        doc,
        'Rollouts by service',
        figures.byService
          .map(s => ({ label: s.entityRef, value: s.rollouts }))
          .sort((a, b) => b.value - a.value),
        v => pdfNumber(v),
      );
      break;
    case 'cost':
      horizontalBars(
        doc,
        `Spend by service (${figures.currency})`,
        figures.byService.map(s => ({ label: s.entityRef, value: s.total })),
        v => pdfNumber(v, 2),
      );
      horizontalBars(
        doc,
        `Spend by region (${figures.currency})`,
        figures.byRegion.map(r => ({ label: r.region, value: r.total })),
        v => pdfNumber(v, 2),
      );
      if (figures.recommendations.length > 0) {
        heading(doc, 'Savings and their inputs');
        for (const rec of figures.recommendations) {
          const inputs = Object.entries(rec.inputs)
            .map(([name, value]) => `${name} ${value}`)
            .join(', ');
          doc.text(
            `${rec.entityRef}${rec.region ? ` (${rec.region})` : ''}: ${
              rec.summary
            } Saves ${pdfNumber(rec.monthlySavings, 2)} ${
              figures.currency
            } a month; inputs: ${inputs}.`,
            MARGIN,
          );
        }
      }
      break;
    default:
  }
}

/** The report as a PDF: its totals as text, then its charts drawn by pdfkit. */
export async function reportPdf(report: Report): Promise<Buffer> {
  // Loaded on the first download: pdfkit takes a while to load, and most
  // backends start without ever rendering a PDF.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${TITLES[report.kind]} ${report.period.start} to ${
        report.period.end
      }`,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', chunk => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(TITLES[report.kind]);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(`Scope: ${report.team ?? 'the whole organisation'}`);
  doc.text(`Period: ${report.period.start} to ${lastDayOf(report.period.end)}`);
  doc.text(`Produced by ${report.createdBy} at ${report.createdAt}`);

  heading(doc, 'Totals');
  for (const [label, value] of pdfTotals(report.figures)) {
    doc.text(`${label}: ${value}`);
  }
  charts(doc, report.figures);
  if (report.figures.notes.length > 0) {
    heading(doc, 'Notes');
    for (const note of report.figures.notes) doc.text(note, MARGIN);
  }
  doc.end();
  return done;
}
