import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  makeStyles,
} from '@material-ui/core';
import { FilteredRegion } from './filterOverview';
import {
  formatCost,
  formatCpu,
  formatLatency,
  formatMemory,
} from './formatFacts';
import { RegionHealthStatus } from './RegionHealthStatus';

const useStyles = makeStyles({
  row: { cursor: 'pointer' },
});

/** One row per region: capacity, latency, cost per hour and month, services and health. */
export function RegionsTable(props: {
  regions: FilteredRegion[];
  selectedRegionId?: string;
  onSelectRegion: (regionId: string) => void;
}) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="Regions">
      <TableHead>
        <TableRow>
          <TableCell>Region</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>CPU requested</TableCell>
          <TableCell>Memory requested</TableCell>
          <TableCell>Latency</TableCell>
          <TableCell align="right">Cost / hour</TableCell>
          <TableCell align="right">Cost / month</TableCell>
          <TableCell align="right">Services</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.regions.map(facts => {
          const { region, capacity } = facts;
          const cost = formatCost(facts.cost);
          const services = new Set(facts.services.map(s => s.kubernetesId));
          return (
            <TableRow
              key={region.id}
              hover
              className={classes.row}
              selected={region.id === props.selectedRegionId}
              onClick={() => props.onSelectRegion(region.id)}
              data-region-id={region.id}
            >
              <TableCell>
                {region.displayName}
                <br />
                <small>
                  {region.id} · {region.role}
                  {region.drRegion ? ` · DR ${region.drRegion}` : ''}
                </small>
              </TableCell>
              <TableCell>
                <RegionHealthStatus health={facts.health} />
              </TableCell>
              <TableCell>
                {formatCpu(capacity.requested, capacity.allocatable)}
              </TableCell>
              <TableCell>
                {formatMemory(capacity.requested, capacity.allocatable)}
              </TableCell>
              <TableCell>{formatLatency(facts.latency)}</TableCell>
              <TableCell align="right">{cost.hourly}</TableCell>
              <TableCell align="right">{cost.monthly}</TableCell>
              <TableCell align="right">{services.size}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
