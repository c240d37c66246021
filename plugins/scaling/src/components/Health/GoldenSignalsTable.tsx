import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import HealthCheckIcon from '@material-ui/icons/PlaylistAddCheck';
import WarningIcon from '@material-ui/icons/Warning';
import {
  GOLDEN_SIGNALS,
  GoldenSignal,
  ServiceRegionHealth,
} from '@meschain/backstage-plugin-scaling-common';
import { formatSignal, signalLabels } from './signalFormat';
import { Sparkline } from './Sparkline';

function SignalCell(props: {
  region: ServiceRegionHealth;
  signal: GoldenSignal;
}) {
  const { region, signal } = props;
  const value = region.signals[signal];
  const series = region.series[signal] ?? [];
  return (
    <TableCell align="right">
      <Typography
        variant="body2"
        component="span"
        style={{ whiteSpace: 'nowrap' }}
      >
        {value === null || value === undefined
          ? 'no data'
          : formatSignal(signal, value)}
      </Typography>
      <Sparkline
        series={series}
        label={`${signalLabels[signal]} in ${region.region}`}
        describe={sample => formatSignal(signal, sample)}
      />
    </TableCell>
  );
}

function hpaAtMaxText(hpaAtMax: boolean | null): string {
  if (hpaAtMax === null) {
    return 'no HPA';
  }
  return hpaAtMax ? 'at max' : 'below max';
}

/**
 * The golden signals of each region the service runs in: the current value
 * and a sparkline over the window. A region whose metrics failed says why
 * across its row, while the others show their figures.
 */
export function GoldenSignalsTable(props: {
  regions: ServiceRegionHealth[];
  onCheckRegion: (region: string) => void;
}) {
  const { regions, onCheckRegion } = props;
  const columns = 3 + GOLDEN_SIGNALS.length;
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Golden signals by region">
        <TableHead>
          <TableRow>
            <TableCell>Region</TableCell>
            {GOLDEN_SIGNALS.map(signal => (
              <TableCell key={signal} align="right">
                {signalLabels[signal]}
              </TableCell>
            ))}
            <TableCell>HPA</TableCell>
            <TableCell>
              <Typography variant="srOnly">Actions</Typography>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {regions.map(region => (
            <TableRow key={region.region}>
              <TableCell
                component="th"
                scope="row"
                title={`Cluster ${region.cluster}`}
                style={{ whiteSpace: 'nowrap' }}
              >
                {region.region}
              </TableCell>
              {region.error ? (
                <TableCell colSpan={columns - 2}>
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    <WarningIcon fontSize="small" aria-hidden />
                    <Typography variant="body2" component="span">
                      {`Metrics unavailable: ${region.error}`}
                    </Typography>
                  </Box>
                </TableCell>
              ) : (
                <>
                  {GOLDEN_SIGNALS.map(signal => (
                    <SignalCell key={signal} region={region} signal={signal} />
                  ))}
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {hpaAtMaxText(region.hpaAtMax)}
                  </TableCell>
                </>
              )}
              <TableCell padding="none">
                <Tooltip title={`Health check of ${region.region}`}>
                  <IconButton
                    size="small"
                    aria-label={`Health check of ${region.region}`}
                    onClick={() => onCheckRegion(region.region)}
                  >
                    <HealthCheckIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
          {regions.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns}>
                The service runs in no region with metrics.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Box>
  );
}
