import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import HealingIcon from '@material-ui/icons/LocalHospital';
import { FleetService } from '@meschain/backstage-plugin-scaling-common';
import { useMemo, useState } from 'react';
import { useEntityRef } from '../../hooks/useEntityRef';
import { useFleet } from '../../hooks/useFleet';
import {
  TeamScalingEvent,
  useTeamScalingHistory,
} from '../../hooks/useTeamScalingHistory';
import { CompactTable } from '../CompactTable';
import { DataAge, oldestRead } from '../DataAge';
import {
  FLEET_CURRENCY,
  FleetHealthStatus,
  ServiceEntityProvider,
  formatCellCost,
  serviceName,
  summarizeService,
} from '../Fleet';
import { GroupCostCard } from '../GroupCostCard';
import { HealthCheckDialog } from '../Health/HealthCheckDialog';
import { EntityReportsCard } from '../Reports';
import {
  HistoryOutcome,
  formatHistoryChange,
  historyActionLabel,
} from '../ScalingHistoryTimeline';
import { formatReplicasReady } from '../placements';

/** How many of the team's latest scaling events the tab lists. */
const RECENT_EVENTS = 20;

function TeamServicesTable(props: {
  services: FleetService[];
  onHealthCheck: (service: FleetService) => void;
}) {
  const rows = props.services.map(service => ({
    service,
    name: serviceName(service),
    summary: summarizeService(service),
  }));
  return (
    <CompactTable
      label="Team services"
      columns={[
        {
          title: 'Service',
          cell: ({ service, name }) => (
            <EntityRefLink
              entityRef={service.entityRef}
              defaultKind="component"
              title={name}
            />
          ),
        },
        {
          title: 'Health',
          cell: ({ summary }) => (
            <>
              <FleetHealthStatus health={summary.health} />
              {summary.failedRegions.length > 0 && (
                <Typography variant="caption" component="div">
                  {`Not read: ${summary.failedRegions.join(', ')}`}
                </Typography>
              )}
            </>
          ),
        },
        {
          title: 'Replicas ready',
          align: 'right',
          cell: ({ summary }) => formatReplicasReady(summary.replicas),
        },
        {
          title: 'Spend',
          align: 'right',
          cell: ({ summary }) => formatCellCost(summary, FLEET_CURRENCY),
        },
        {
          title: 'Rollouts in progress',
          cell: ({ summary }) =>
            summary.rollouts.length > 0 ? summary.rollouts.join(', ') : 'None',
        },
        {
          title: 'Health check',
          cell: ({ service, name }) => (
            <Tooltip title={`Health check of ${name}`}>
              <IconButton
                size="small"
                aria-label={`Health check of ${name}`}
                onClick={() => props.onHealthCheck(service)}
              >
                <HealingIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          ),
        },
      ]}
      rows={rows}
      rowKey={row => row.service.entityRef}
    />
  );
}

function RecentEvents(props: { entityRefs: string[] }) {
  const history = useTeamScalingHistory(props.entityRefs, RECENT_EVENTS);
  if (history.error) {
    return <ResponseErrorPanel error={history.error} />;
  }
  if (!history.value) {
    return <Progress />;
  }
  return (
    <>
      <CompactTable<TeamScalingEvent>
        label="Recent scaling events"
        columns={[
          {
            title: 'When',
            cell: event => new Date(event.time).toLocaleString(),
          },
          {
            title: 'Service',
            cell: event => (
              <EntityRefLink
                entityRef={event.entityRef}
                defaultKind="component"
              />
            ),
          },
          {
            title: 'Action',
            cell: event =>
              [historyActionLabel(event.action), event.region]
                .filter(Boolean)
                .join(' · '),
          },
          { title: 'Outcome', cell: event => <HistoryOutcome event={event} /> },
          {
            title: 'Change',
            cell: event => formatHistoryChange(event.before, event.after),
          },
        ]}
        rows={history.value}
        rowKey={event => `${event.entityRef}/${event.id}`}
        empty="Nothing of the team's has been scaled yet."
      />
      <DataAge readAt={history.readAt} />
    </>
  );
}

/**
 * @public
 * The "Scaling" tab of a Group's page: the team's services with their
 * health, replicas, spend and rollouts in progress, the team's cost and
 * savings, its recent scaling events, and its reports.
 */
export function GroupScalingContent() {
  const teamRef = stringifyEntityRef(useEntityRef());
  const query = useMemo(() => ({ owners: [teamRef] }), [teamRef]);
  const fleet = useFleet(query);
  const [checking, setChecking] = useState<FleetService>();
  const services = useMemo(
    () =>
      [...(fleet.fleet?.services ?? [])].sort((a, b) =>
        serviceName(a).localeCompare(serviceName(b)),
      ),
    [fleet.fleet],
  );
  const entityRefs = useMemo(
    () => services.map(service => service.entityRef),
    [services],
  );

  let body;
  if (fleet.error && !fleet.fleet) {
    body = <ResponseErrorPanel error={fleet.error} />;
  } else if (!fleet.fleet) {
    body = <Progress />;
  } else if (services.length === 0) {
    body = <Typography>The team owns no services the suite scales.</Typography>;
  } else {
    body = (
      <TeamServicesTable services={services} onHealthCheck={setChecking} />
    );
  }

  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="Services">
            {body}
            <DataAge
              readAt={oldestRead(
                fleet.readAt,
                fleet.fleet && Date.parse(fleet.fleet.generatedAt),
              )}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <GroupCostCard />
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Recent scaling events">
            {entityRefs.length > 0 ? (
              <RecentEvents entityRefs={entityRefs} />
            ) : (
              <Typography>No services, so no scaling events.</Typography>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <EntityReportsCard />
        </Grid>
      </Grid>
      {checking && (
        <ServiceEntityProvider
          entityRef={checking.entityRef}
          title={checking.title}
        >
          <HealthCheckDialog
            serviceName={serviceName(checking)}
            onClose={() => setChecking(undefined)}
          />
        </ServiceEntityProvider>
      )}
    </Content>
  );
}
