import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import type {
  PolicyReplay,
  PolicySimulation,
  ScalingPolicy,
} from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { scalingApiRef } from '../../api';
import { useEntityRef } from '../../hooks/useEntityRef';
import { errorMessage } from '../responseErrors';
import { WhatIfChart } from './WhatIfChart';
import { formatHours, formatMoney, whatIfSummary } from './whatIfSummary';

const PERIODS = [1, 7, 14, 30];

const ROWS: Array<{ label: string; value: (replay: PolicyReplay) => string }> =
  [
    {
      label: 'Time above target',
      value: r => formatHours(r.minutesAboveTarget),
    },
    { label: 'Time above SLO', value: r => formatHours(r.minutesAboveSlo) },
    { label: 'Rescales', value: r => String(r.scaleEvents.length) },
    {
      label: 'Peak CPU (of request)',
      value: r => `${Math.round(r.peakUtilization)} %`,
    },
    { label: 'Replica-hours', value: r => r.replicaHours.toFixed(0) },
    {
      label: 'Cost per month',
      value: r =>
        r.cost ? formatMoney(r.cost.perMonth, r.cost.currency) : 'no prices',
    },
  ];

function sourceSentence(simulation: PolicySimulation): string {
  const days = Math.round(
    (Date.parse(String(simulation.end)) -
      Date.parse(String(simulation.start))) /
      86_400_000,
  );
  const load =
    simulation.source === 'prometheus'
      ? 'Prometheus load at 1-minute resolution'
      : 'stored hourly usage';
  return `Replayed ${days} days of ${load} in ${simulation.region}, with pods serving ${simulation.podStartupSeconds} s after they start.`;
}

/**
 * What the candidate policy would have done over the service's own past load,
 * beside what the live policy did with the same load: before anything is applied.
 */
export function WhatIfSection(props: {
  /** The candidate, once it passes validation. */
  policy?: ScalingPolicy;
  /** The regions the user may replay, the selected ones first. */
  regions: string[];
}) {
  const { policy, regions } = props;
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  const [region, setRegion] = useState<string>();
  const [days, setDays] = useState(7);
  const chosenRegion = region && regions.includes(region) ? region : regions[0];
  const asked = JSON.stringify({ policy, chosenRegion, days });
  const [answeredFor, setAnsweredFor] = useState<string>();
  const [run, simulate] = useAsyncFn(async () => {
    setAnsweredFor(asked);
    return scalingApi.simulatePolicy(entityRef, {
      policy: policy!,
      region: chosenRegion,
      days,
    });
  }, [scalingApi, entityRef, policy, chosenRegion, days, asked]);
  // An answer holds until the candidate, the region or the period changes.
  const fresh = answeredFor === asked;
  const simulation = fresh && !run.error ? run.value : undefined;

  return (
    <section aria-labelledby="scaling-what-if-title">
      <Typography variant="h6" component="h3" id="scaling-what-if-title">
        What if
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Replays the service’s recorded load through the HPA controller under the
        live policy and under this one. Nothing is changed.
      </Typography>
      <Box display="flex" alignItems="center" my={1} style={{ gap: 16 }}>
        <TextField
          select
          label="Region"
          value={chosenRegion ?? ''}
          onChange={event => setRegion(event.target.value)}
          disabled={regions.length === 0}
          style={{ minWidth: 140 }}
        >
          {regions.map(r => (
            <MenuItem key={r} value={r}>
              {r}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Past load"
          value={days}
          onChange={event => setDays(Number(event.target.value))}
          style={{ minWidth: 120 }}
        >
          {PERIODS.map(d => (
            <MenuItem key={d} value={d}>
              {d === 1 ? '1 day' : `${d} days`}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="outlined"
          color="primary"
          disabled={!policy || !chosenRegion || run.loading}
          onClick={() => simulate()}
        >
          {run.loading ? 'Replaying…' : 'Run what-if'}
        </Button>
      </Box>
      {run.error && fresh && (
        <Alert severity="error">{errorMessage(run.error)}</Alert>
      )}
      {simulation && (
        <>
          <Alert severity="info" role="status">
            {whatIfSummary(simulation)}
          </Alert>
          {simulation.currentUnavailable && (
            <Typography variant="body2" color="textSecondary">
              {simulation.currentUnavailable}
            </Typography>
          )}
          <Table size="small" aria-label="What-if results">
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell>Live policy</TableCell>
                <TableCell>Candidate</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ROWS.map(row => (
                <TableRow key={row.label}>
                  <TableCell component="th" scope="row">
                    {row.label}
                  </TableCell>
                  <TableCell>
                    {simulation.current ? row.value(simulation.current) : '—'}
                  </TableCell>
                  <TableCell>{row.value(simulation.candidate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <WhatIfChart simulation={simulation} />
          <Typography variant="caption" color="textSecondary">
            {sourceSentence(simulation)}
          </Typography>
        </>
      )}
    </section>
  );
}
