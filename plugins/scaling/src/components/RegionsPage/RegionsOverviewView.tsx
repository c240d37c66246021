import {
  FormControlLabel,
  Grid,
  Paper,
  Switch,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { RegionsOverview } from '@meschain/backstage-plugin-scaling-common';
import { useMemo, useState } from 'react';
import { DrVerdictStatus } from '../DrReadiness';
import { RegionsMap } from '../RegionsMap';
import { RegionDetails } from './RegionDetails';
import { RegionsFilter, filterChoices, filterOverview } from './filterOverview';
import { RegionsFilters } from './RegionsFilters';
import { RegionsTable } from './RegionsTable';
import { toMapRegions } from './toMapRegion';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  tablePaper: { overflowX: 'auto', maxHeight: 640 },
}));

/** The map, side table and selected region's details of a regions overview. */
export function RegionsOverviewView(props: { overview: RegionsOverview }) {
  const classes = useStyles();
  const { overview } = props;
  const [filter, setFilter] = useState<RegionsFilter>({});
  const [showEdge, setShowEdge] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();

  const choices = useMemo(() => filterChoices(overview), [overview]);
  const filtered = useMemo(
    () => filterOverview(overview, filter),
    [overview, filter],
  );
  const mapRegions = useMemo(
    () => toMapRegions(filtered.regions),
    [filtered.regions],
  );
  const selected = filtered.regions.find(r => r.region.id === selectedId);
  const { summary } = overview.dr;

  return (
    <>
      <div className={classes.toolbar}>
        <RegionsFilters
          filter={filter}
          owners={choices.owners}
          systems={choices.systems}
          onChange={setFilter}
        />
        <FormControlLabel
          control={
            <Switch
              checked={showEdge}
              onChange={event => setShowEdge(event.target.checked)}
            />
          }
          label={`Edge locations (${overview.edgeLocations.length})`}
        />
        <Typography component="div">
          <DrVerdictStatus verdict={summary.verdict}>
            {`DR readiness: ${summary.pass} pass, ${summary.fail} fail, ${summary.unknown} unknown`}
          </DrVerdictStatus>
        </Typography>
      </div>
      <Grid container spacing={2}>
        <Grid item xs={12} xl={7}>
          <Paper>
            <RegionsMap
              regions={mapRegions}
              edgeLocations={showEdge ? overview.edgeLocations : undefined}
              selectedRegionId={selectedId}
              onSelectRegion={setSelectedId}
            />
          </Paper>
        </Grid>
        <Grid item xs={12} xl={5}>
          <Paper className={classes.tablePaper}>
            <RegionsTable
              regions={filtered.regions}
              selectedRegionId={selectedId}
              onSelectRegion={setSelectedId}
            />
          </Paper>
        </Grid>
        {selected && (
          <Grid item xs={12}>
            <RegionDetails facts={selected} dr={filtered.dr} />
          </Grid>
        )}
      </Grid>
    </>
  );
}
