import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { makeStyles, Typography } from '@material-ui/core';
import { RegionHealth } from '@meschain/backstage-plugin-scaling-common';
import { ReactNode } from 'react';
import { formatMoney, formatNumber } from '../../format';
import { useOrgCost, useRegionsOverview } from '../../hooks';
import { costRouteRef, regionsRouteRef } from '../../routes';
import { formatCostWindow } from '../cost';
import { DataAge, oldestRead } from '../DataAge';
import { summarizeFleet } from './summarizeFleet';

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(2),
    margin: 0,
  },
  figure: { margin: 0 },
  value: { margin: 0, fontSize: '1.5rem', fontWeight: 500 },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    marginTop: theme.spacing(2),
  },
}));

const HEALTH_ORDER: RegionHealth[] = ['healthy', 'degraded', 'down', 'unknown'];

/** A label, a figure, and a line that explains it. */
function Figure(props: { label: string; value: string; detail?: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.figure}>
      <Typography component="dt" variant="overline" color="textSecondary">
        {props.label}
      </Typography>
      <dd className={classes.value}>{props.value}</dd>
      {props.detail && (
        <Typography component="dd" variant="body2" color="textSecondary">
          {props.detail}
        </Typography>
      )}
    </div>
  );
}

/**
 * @public
 * The MesChain-Sync fleet at a glance, for the home page: its services, their
 * replicas, the regions' health, DR readiness and spend, read from the
 * scaling backend, with links to the Regions and Cost pages.
 */
export function FleetSummaryCard() {
  const classes = useStyles();
  const regions = useRegionsOverview();
  const cost = useOrgCost();
  const regionsPath = useRouteRef(regionsRouteRef)?.();
  const costPath = useRouteRef(costRouteRef)?.();

  if (!regions.value && regions.loading) {
    return <Progress />;
  }
  const summary = regions.value && summarizeFleet(regions.value);
  const orgCost = cost.value;

  return (
    <section aria-label="MesChain-Sync at a glance">
      {regions.error && (
        <ResponseErrorPanel
          title="The clusters could not be read"
          error={regions.error}
        />
      )}
      {summary && (
        <dl className={classes.figures}>
          <Figure
            label="Services"
            value={formatNumber(summary.services)}
            detail={
              summary.servicesNotReady === 0
                ? 'all replicas ready'
                : `${summary.servicesNotReady} not fully ready`
            }
          />
          <Figure
            label="Replicas ready"
            value={`${formatNumber(summary.replicas.ready)} of ${formatNumber(
              summary.replicas.desired,
            )}`}
          />
          <Figure
            label="Regions"
            value={formatNumber(summary.regions)}
            detail={HEALTH_ORDER.filter(h => summary.regionsByHealth[h] > 0)
              .map(h => `${summary.regionsByHealth[h]} ${h}`)
              .join(' · ')}
          />
          <Figure
            label="DR readiness"
            value={`${summary.dr.pass} of ${
              summary.dr.pass + summary.dr.fail + summary.dr.unknown
            } pass`}
            detail={`${summary.dr.fail} fail${
              summary.dr.unknown ? `, ${summary.dr.unknown} unknown` : ''
            }`}
          />
          {orgCost && (
            <Figure
              label="Spend"
              value={formatMoney(orgCost.total, orgCost.currency)}
              detail={formatCostWindow(orgCost.window)}
            />
          )}
          {summary.monthlyRunRate.currency && (
            <Figure
              label="Run rate"
              value={formatMoney(
                summary.monthlyRunRate.amount,
                summary.monthlyRunRate.currency,
              )}
              detail="a month, at today's requests"
            />
          )}
        </dl>
      )}
      {cost.error && (
        <ResponseErrorPanel
          title="The cost could not be read"
          error={cost.error}
        />
      )}
      <div className={classes.links}>
        {regionsPath && (
          <Link to={regionsPath}>Regions, health and DR readiness</Link>
        )}
        {costPath && <Link to={costPath}>Cost by team and service</Link>}
      </div>
      <DataAge readAt={oldestRead(regions.readAt, cost.readAt)} />
    </section>
  );
}
