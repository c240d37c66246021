import {
  Box,
  Button,
  FormControlLabel,
  Grid,
  Paper,
  Switch,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { RegionsOverview } from '@meschain/backstage-plugin-scaling-common';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DrVerdictStatus, FailingDrChecks } from '../DrReadiness';
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
  drSummary: { textTransform: 'none', fontWeight: 'normal' },
  // Below the page's sticky header when scrolled into view.
  scrollTarget: { scrollMarginTop: theme.spacing(2) },
}));

/** Brings a panel that just opened into view, unless the user prefers no motion. */
function useScrollIntoViewWhen(shown: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!shown) return;
    const reduced = window.matchMedia?.(
      '(prefers-reduced-motion: reduce)',
    ).matches;
    ref.current?.scrollIntoView?.({
      block: 'start',
      behavior: reduced ? 'auto' : 'smooth',
    });
  }, [shown]);
  return ref;
}

/** The map, side table and selected region's details of a regions overview. */
export function RegionsOverviewView(props: { overview: RegionsOverview }) {
  const classes = useStyles();
  const { overview } = props;
  const [filter, setFilter] = useState<RegionsFilter>({});
  const [showEdge, setShowEdge] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();
  const [showFailing, setShowFailing] = useState(false);

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
  const failing = filtered.dr.filter(d => d.verdict !== 'pass');
  const detailsRef = useScrollIntoViewWhen(selectedId);
  const failingRef = useScrollIntoViewWhen(showFailing);

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
        <Button
          className={classes.drSummary}
          aria-expanded={showFailing}
          aria-controls="regions-failing-dr-checks"
          onClick={() => setShowFailing(shown => !shown)}
          disabled={summary.fail + summary.unknown === 0}
        >
          <DrVerdictStatus verdict={summary.verdict}>
            {`DR readiness: ${summary.pass} pass, ${summary.fail} fail, ${
              summary.unknown
            } unknown${
              summary.fail + summary.unknown > 0
                ? ` · ${showFailing ? 'hide' : 'show'} what fails`
                : ''
            }`}
          </DrVerdictStatus>
        </Button>
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
          <Grid item xs={12} ref={detailsRef} className={classes.scrollTarget}>
            <RegionDetails facts={selected} dr={filtered.dr} />
          </Grid>
        )}
        {showFailing && (
          <Grid
            item
            xs={12}
            ref={failingRef}
            id="regions-failing-dr-checks"
            className={classes.scrollTarget}
          >
            <Paper component="section" aria-label="Failing DR checks">
              <Box p={2}>
                <Typography variant="h6" component="h2">
                  What fails DR readiness
                </Typography>
                <FailingDrChecks readinesses={failing} />
              </Box>
            </Paper>
          </Grid>
        )}
      </Grid>
    </>
  );
}
