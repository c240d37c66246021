import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { useMemo } from 'react';
import { useRegionsOverview } from '../../hooks';
import { useFleet } from '../../hooks/useFleet';
import {
  useOwnedServices,
  useOwnershipRefs,
} from '../../hooks/useOwnedServices';
import { CompactTable } from '../CompactTable';
import { DataAge, oldestRead } from '../DataAge';
import {
  FLEET_CURRENCY,
  FleetHealthStatus,
  formatCellCost,
  summarizeService,
} from '../Fleet';
import { replicasByService } from '../FleetSummaryCard/summarizeFleet';
import { formatReplicasReady } from '../placements';

/**
 * @public
 * The services that the signed-in user's groups own, for the home page: each
 * links to its page, with its health, the regions it runs in, its replicas
 * ready and its spend.
 */
export function OwnedServicesCard() {
  const owned = useOwnedServices();
  const regions = useRegionsOverview();
  const replicas = useMemo(
    () => regions.value && replicasByService(regions.value),
    [regions.value],
  );
  const ownershipRefs = useOwnershipRefs();
  const fleetQuery = useMemo(
    () => ownershipRefs.value && { owners: ownershipRefs.value },
    [ownershipRefs.value],
  );
  const fleet = useFleet(fleetQuery);
  const summaries = useMemo(
    () =>
      new Map(
        (fleet.fleet?.services ?? []).map(service => [
          service.entityRef,
          summarizeService(service),
        ]),
      ),
    [fleet.fleet],
  );

  if (owned.loading) {
    return <Progress />;
  }
  if (owned.error) {
    return <ResponseErrorPanel title="My services" error={owned.error} />;
  }
  const services = [...(owned.value ?? [])].sort((a, b) =>
    (a.metadata.title ?? a.metadata.name).localeCompare(
      b.metadata.title ?? b.metadata.name,
    ),
  );
  if (services.length === 0) {
    return (
      <Typography>Your groups own no services in the catalog yet.</Typography>
    );
  }
  return (
    <>
      <CompactTable
        label="My services"
        columns={[
          {
            // The health sits under the name: the card is narrow beside the fleet summary.
            title: 'Service',
            cell: ({ entity, summary }) => (
              <>
                <EntityRefLink entityRef={entity} defaultKind="component" />
                {summary && (
                  <div>
                    <FleetHealthStatus health={summary.health} />
                  </div>
                )}
              </>
            ),
          },
          {
            title: 'Regions',
            cell: ({ running }) => running?.regions.length ?? '—',
          },
          {
            title: 'Replicas ready',
            align: 'right',
            cell: ({ running }) => formatReplicasReady(running),
          },
          {
            title: 'Spend',
            align: 'right',
            cell: ({ summary }) =>
              summary ? formatCellCost(summary, FLEET_CURRENCY) : '—',
          },
        ]}
        rows={services.map(entity => {
          const ref = stringifyEntityRef(entity);
          return {
            entity,
            ref,
            running: replicas?.get(ref),
            summary: summaries.get(ref),
          };
        })}
        rowKey={row => row.ref}
      />
      <DataAge readAt={oldestRead(regions.readAt, fleet.readAt)} />
    </>
  );
}
