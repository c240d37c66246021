import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { ReactNode, useMemo, useState } from 'react';
import { EntityHealth } from '@meschain/backstage-plugin-scaling-common';
import { useEntityHealth } from '../../hooks';
import {
  ActiveAlertsCard,
  AlertRulesCard,
  MaintenanceWindowsCard,
} from '../Alerts';
import { DataAge } from '../DataAge';
import { GoldenSignalsTable } from './GoldenSignalsTable';
import { HealthCheckDialog } from './HealthCheckDialog';
import { SloSummary } from './SloSummary';

/** The window the signals' sparklines and the SLO's burn rates look back over. */
const HEALTH_WINDOW = '1h';

/** A card over the health answer: its body once read, the error or a progress bar before. */
function HealthCard(props: {
  title: string;
  subheader?: string;
  state: { value?: EntityHealth; error?: Error };
  children: (value: EntityHealth) => ReactNode;
}) {
  const { title, subheader, state, children } = props;
  let body: ReactNode;
  if (state.error) {
    body = <ResponseErrorPanel error={state.error} />;
  } else if (!state.value) {
    body = <Progress />;
  } else {
    body = children(state.value);
  }
  return (
    <InfoCard title={title} subheader={subheader}>
      {body}
    </InfoCard>
  );
}

/**
 * @public
 * The "Health" tab of a service's entity page: its golden signals per region
 * with sparklines, its SLO's error budget and burn rates, health checks of
 * the whole service or of one region, and its alerting: active alerts, alert
 * rules and maintenance windows.
 */
export function EntityHealthContent() {
  const { entity } = useEntity();
  const health = useEntityHealth(HEALTH_WINDOW);
  // undefined: closed; null: the whole service; a string: that region.
  const [checking, setChecking] = useState<string | null>();
  const serviceName = entity.metadata.title ?? entity.metadata.name;
  const regions = useMemo(
    () => health.value?.regions.map(region => region.region) ?? [],
    [health.value],
  );

  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box
            display="flex"
            justifyContent="flex-end"
            alignItems="center"
            style={{ gap: 16 }}
          >
            <DataAge readAt={health.readAt} />
            <Button
              variant="contained"
              color="primary"
              aria-label={`Health check of ${serviceName}`}
              onClick={() => setChecking(null)}
            >
              Health check
            </Button>
          </Box>
        </Grid>
        <Grid item xs={12}>
          <HealthCard
            title="Golden signals"
            subheader={`Now, and over the last ${HEALTH_WINDOW}, per region`}
            state={health}
          >
            {value => (
              <GoldenSignalsTable
                regions={value.regions}
                onCheckRegion={setChecking}
              />
            )}
          </HealthCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <HealthCard title="Service level objectives" state={health}>
            {value => <SloSummary slo={value.slo} />}
          </HealthCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <ActiveAlertsCard />
        </Grid>
        <Grid item xs={12}>
          <AlertRulesCard regions={regions} />
        </Grid>
        <Grid item xs={12}>
          <MaintenanceWindowsCard regions={regions} />
        </Grid>
      </Grid>
      {checking !== undefined && (
        <HealthCheckDialog
          serviceName={serviceName}
          region={checking ?? undefined}
          onClose={() => setChecking(undefined)}
        />
      )}
    </Content>
  );
}
