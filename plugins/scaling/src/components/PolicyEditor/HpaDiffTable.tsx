import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { HpaChange } from '@meschain/backstage-plugin-scaling-common';

function show(value: unknown): string {
  if (value === undefined) {
    return '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields a policy would change in a region's live HPA. */
export function HpaDiffTable(props: { diff: HpaChange[]; region: string }) {
  const { diff, region } = props;
  if (diff.length === 0) {
    return (
      <Typography variant="body2">
        The live HPA already matches this policy.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Changes in ${region}`}>
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Live</TableCell>
          <TableCell>After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {diff.map(change => (
          <TableRow key={change.path}>
            <TableCell>
              <code>{change.path}</code>
            </TableCell>
            <TableCell>{show(change.before)}</TableCell>
            <TableCell>{show(change.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
