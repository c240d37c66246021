import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import {
  REPORT_KINDS,
  ReportKind,
  ReportSummary,
  WEEKLY_REPORTS_TASK,
} from '@meschain/backstage-plugin-scaling-common';
import { FormEvent, useCallback, useId, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reportsApiRef } from '../../api';
import { CompactTable } from '../CompactTable';
import { errorMessage } from '../responseErrors';
import { lastDayOf, lastWeek, nextDay } from './reportPeriods';

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  scaling: 'Scaling',
  deployments: 'Deployments',
  cost: 'Cost',
};

/** Who or what made a report, as people read it. */
export function producerOf(createdBy: string): string {
  if (createdBy === WEEKLY_REPORTS_TASK) return 'Weekly task';
  try {
    return humanizeEntityRef(parseEntityRef(createdBy), {
      defaultKind: 'user',
    });
  } catch {
    return createdBy;
  }
}

const describePeriod = (report: ReportSummary) =>
  `${report.period.start} to ${lastDayOf(report.period.end)}`;

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * @public
 * A team's reports, or the organisation's without a team: make one of a
 * kind over chosen days, and download the stored ones as CSV or PDF.
 */
export function ReportsCard(props: { team?: string; now?: Date }) {
  const { team } = props;
  const reportsApi = useApi(reportsApiRef);
  const [initial] = useState(() => lastWeek(props.now ?? new Date()));
  const [kind, setKind] = useState<ReportKind>('scaling');
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const id = useId();

  const reports = useAsyncRetry(
    () => reportsApi.listReports(team ? { team } : { scope: 'org' }),
    [reportsApi, team],
  );

  const generate = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      setError(undefined);
      try {
        await reportsApi.createReport({
          kind,
          ...(team && { team }),
          start: from,
          end: nextDay(to),
        });
        reports.retry();
      } catch (e) {
        setError(e as Error);
      } finally {
        setBusy(false);
      }
    },
    [reportsApi, kind, team, from, to, reports],
  );

  const download = useCallback(
    async (report: ReportSummary, format: 'csv' | 'pdf') => {
      setError(undefined);
      try {
        const { blob, filename } = await reportsApi.downloadReport(
          report.id,
          format,
        );
        saveBlob(blob, filename);
      } catch (e) {
        setError(e as Error);
      }
    },
    [reportsApi],
  );

  let list;
  if (reports.error) {
    list = <ResponseErrorPanel error={reports.error} />;
  } else if (!reports.value) {
    list = <Progress />;
  } else {
    list = (
      <CompactTable
        label="Stored reports"
        rows={reports.value}
        rowKey={r => r.id}
        empty="No reports yet."
        columns={[
          { title: 'Kind', cell: r => REPORT_KIND_LABELS[r.kind] },
          { title: 'Period', cell: describePeriod },
          { title: 'Produced by', cell: r => producerOf(r.createdBy) },
          {
            title: 'Created',
            cell: r =>
              new Date(r.createdAt)
                .toISOString()
                .slice(0, 16)
                .replace('T', ' '),
          },
          {
            title: 'Download',
            cell: r => (
              <>
                {(['csv', 'pdf'] as const).map(format => (
                  <Button
                    key={format}
                    size="small"
                    color="primary"
                    aria-label={`Download the ${REPORT_KIND_LABELS[
                      r.kind
                    ].toLocaleLowerCase('en-US')} report of ${describePeriod(
                      r,
                    )} as ${format.toUpperCase()}`}
                    onClick={() => download(r, format)}
                  >
                    {format.toUpperCase()}
                  </Button>
                ))}
              </>
            ),
          },
        ]}
      />
    );
  }

  return (
    <InfoCard
      title="Reports"
      subheader={
        team
          ? `Scaling, deployments and cost of ${humanizeEntityRef(
              parseEntityRef(team),
              { defaultKind: 'group' },
            )}`
          : 'Scaling, deployments and cost of the whole organisation'
      }
    >
      <Box
        component="form"
        aria-label="New report"
        onSubmit={generate}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        gridGap={16}
        mb={2}
      >
        <TextField
          select
          id={`${id}-kind`}
          label="Kind"
          value={kind}
          onChange={e => setKind(e.target.value as ReportKind)}
        >
          {REPORT_KINDS.map(k => (
            <MenuItem key={k} value={k}>
              {REPORT_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          id={`${id}-from`}
          label="From"
          value={from}
          onChange={e => setFrom(e.target.value)}
          InputLabelProps={{ shrink: true }}
          required
        />
        <TextField
          type="date"
          id={`${id}-to`}
          label="To"
          value={to}
          onChange={e => setTo(e.target.value)}
          InputLabelProps={{ shrink: true }}
          helperText="Included"
          required
        />
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy}
        >
          {busy ? 'Generating…' : 'Generate report'}
        </Button>
      </Box>
      {error && (
        <Box mb={2}>
          <Alert severity="error">{errorMessage(error)}</Alert>
        </Box>
      )}
      <Typography variant="subtitle2" gutterBottom>
        Stored reports
      </Typography>
      {list}
    </InfoCard>
  );
}
