import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { PredictiveScheduleStep } from '@meschain/backstage-plugin-scaling-common';

/** Enough for the coming day; the full week is in the API's answer. */
const SHOWN_STEPS = 12;

export const formatStepTime = (at: string) =>
  new Date(at).toLocaleString('en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });

/** The first steps of a schedule: when each minimum is set, in UTC. */
export function ScheduleSteps(props: {
  steps: PredictiveScheduleStep[];
  label: string;
}) {
  const { steps, label } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>From (UTC)</TableCell>
          <TableCell align="right">HPA minimum</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.slice(0, SHOWN_STEPS).map(step => (
          <TableRow key={step.from}>
            <TableCell>{formatStepTime(step.from)}</TableCell>
            <TableCell align="right">{step.minReplicas}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
