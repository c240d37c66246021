import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import {
  FleetCell,
  FleetService,
} from '@meschain/backstage-plugin-scaling-common';
import { FleetQuery } from '../../api';
import { useFleet } from '../../hooks/useFleet';
import { useFleetFilterChoices } from '../../hooks/useFleetFilterChoices';
import { useOwnershipRefs } from '../../hooks/useOwnedServices';
import { DataAge, oldestRead } from '../DataAge';
import { HealthCheckDialog } from '../Health/HealthCheckDialog';
import {
  ANY,
  DEFAULT_FLEET_FILTER,
  FleetFilter,
  FleetFilters,
  MY_TEAMS,
} from './FleetFilters';
import { FleetGrid, FleetGridActions } from './FleetGrid';
import { FleetPresetDialog } from './FleetPresetDialog';
import { FleetScaleDialog } from './FleetScaleDialog';
import { FLEET_CURRENCY, serviceName } from './fleetFormat';
import { ServiceEntityProvider } from './ServiceEntityProvider';

/** The fleet read a filter asks for, given what the signed-in user owns through. */
export function fleetQueryOf(
  filter: FleetFilter,
  ownershipRefs: string[],
): FleetQuery {
  let owners: string[] | undefined;
  if (filter.owner === MY_TEAMS) {
    owners = ownershipRefs;
  } else if (filter.owner !== ANY) {
    owners = [filter.owner];
  }
  return {
    ...(owners && { owners }),
    ...(filter.system && { systems: [filter.system] }),
    ...(filter.tier && { tiers: [filter.tier] }),
    ...(filter.health && { healths: [filter.health] }),
  };
}

/** The user's own teams' services first, then by name. */
export function sortServices(
  services: FleetService[],
  ownershipRefs: string[],
): FleetService[] {
  const own = new Set(ownershipRefs);
  const rank = (service: FleetService) =>
    service.owner && own.has(service.owner) ? 0 : 1;
  return [...services].sort(
    (a, b) => rank(a) - rank(b) || serviceName(a).localeCompare(serviceName(b)),
  );
}

type FleetDialog =
  | { kind: 'scale'; service: FleetService; cell: FleetCell }
  | { kind: 'health'; service: FleetService; region?: string }
  | { kind: 'preset'; service: FleetService };

function DialogOf(props: {
  dialog: FleetDialog;
  onClose: () => void;
  onChanged: (entityRef: string) => void;
}) {
  const { dialog, onClose, onChanged } = props;
  const { service } = dialog;
  const name = serviceName(service);
  const changed = () => onChanged(service.entityRef);
  let body;
  switch (dialog.kind) {
    case 'scale':
      body = (
        <FleetScaleDialog
          serviceName={name}
          cell={dialog.cell}
          onClose={onClose}
          onChanged={changed}
        />
      );
      break;
    case 'preset':
      body = (
        <FleetPresetDialog
          serviceName={name}
          regions={service.regions.map(cell => cell.region)}
          onClose={onClose}
          onChanged={changed}
        />
      );
      break;
    default:
      body = (
        <HealthCheckDialog
          serviceName={name}
          region={dialog.region}
          onClose={onClose}
        />
      );
  }
  return (
    <ServiceEntityProvider entityRef={service.entityRef} title={service.title}>
      {body}
    </ServiceEntityProvider>
  );
}

function describeCount(count: number, regions: number): string {
  const services = count === 1 ? '1 service' : `${count} services`;
  return `${services} in ${regions === 1 ? '1 region' : `${regions} regions`}`;
}

/**
 * @public
 * The Fleet page: every service by region, with health, replicas, HPA
 * utilisation, cost, rollouts and DR, opened on the user's own teams. Cells
 * and rows open the scale, preset and health-check dialogs, and the grid
 * follows the clusters live.
 */
export function FleetPage() {
  // The grid waits only for the user's ownership; the menus fill in apart.
  const ownership = useOwnershipRefs();
  const choices = useFleetFilterChoices();
  const [filter, setFilter] = useState<FleetFilter>(DEFAULT_FLEET_FILTER);
  const ownershipRefs = ownership.value;
  const query = useMemo(
    () => ownershipRefs && fleetQueryOf(filter, ownershipRefs),
    [filter, ownershipRefs],
  );
  const fleet = useFleet(query);
  const [dialog, setDialog] = useState<FleetDialog>();

  const services = useMemo(
    () =>
      fleet.fleet && sortServices(fleet.fleet.services, ownershipRefs ?? []),
    [fleet.fleet, ownershipRefs],
  );
  const actions = useMemo<FleetGridActions>(
    () => ({
      onScale: (service, cell) => setDialog({ kind: 'scale', service, cell }),
      onCellHealth: (service, cell) =>
        setDialog({ kind: 'health', service, region: cell.region }),
      onServiceHealth: service => setDialog({ kind: 'health', service }),
      onApplyPreset: service => setDialog({ kind: 'preset', service }),
    }),
    [],
  );
  const { refreshServices } = fleet;

  let body;
  const setupError = ownership.error ?? choices.error;
  if (setupError) {
    body = <ResponseErrorPanel error={setupError} />;
  } else if (fleet.error && !fleet.fleet) {
    body = <ResponseErrorPanel error={fleet.error} />;
  } else if (!fleet.fleet || !services) {
    body = <Progress />;
  } else if (services.length === 0) {
    body = (
      <Typography>
        {filter.owner === MY_TEAMS
          ? 'Your teams own no services in the fleet that match these filters.'
          : 'No services match these filters.'}
      </Typography>
    );
  } else {
    body = (
      <FleetGrid
        services={services}
        regions={fleet.fleet.regions}
        currency={FLEET_CURRENCY}
        actions={actions}
      />
    );
  }

  return (
    <Content>
      <FleetFilters
        filter={filter}
        owners={choices.value?.owners ?? []}
        systems={choices.value?.systems ?? []}
        onChange={setFilter}
      />
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 16 }}
        mb={1}
      >
        {services && fleet.fleet && (
          <Typography variant="body2">
            {describeCount(services.length, fleet.fleet.regions.length)}
          </Typography>
        )}
        <DataAge
          readAt={oldestRead(
            fleet.readAt,
            fleet.fleet && Date.parse(fleet.fleet.generatedAt),
          )}
        />
        <Typography variant="caption">
          {fleet.live
            ? 'Live: changes appear as the clusters report them'
            : 'Refreshed every 30 s'}
        </Typography>
        <Button size="small" onClick={fleet.retry} disabled={fleet.loading}>
          Refresh
        </Button>
      </Box>
      {fleet.error && fleet.fleet && (
        <ResponseErrorPanel
          title="The fleet could not be read again"
          error={fleet.error}
        />
      )}
      {body}
      {dialog && (
        <DialogOf
          dialog={dialog}
          onClose={() => setDialog(undefined)}
          onChanged={entityRef => refreshServices([entityRef])}
        />
      )}
    </Content>
  );
}
