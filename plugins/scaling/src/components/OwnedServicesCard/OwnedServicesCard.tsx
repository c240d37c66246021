import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { useMemo } from 'react';
import { useRegionsOverview } from '../../hooks';
import { useOwnedServices } from '../../hooks/useOwnedServices';
import { CompactTable } from '../CompactTable';
import { DataAge } from '../DataAge';
import { replicasByService } from '../FleetSummaryCard/summarizeFleet';
import { formatReplicasReady } from '../placements';

/**
 * @public
 * The services that the signed-in user's groups own, for the home page: each
 * links to its page, with the regions it runs in and its replicas ready.
 */
export function OwnedServicesCard() {
  const owned = useOwnedServices();
  const regions = useRegionsOverview();
  const replicas = useMemo(
    () => regions.value && replicasByService(regions.value),
    [regions.value],
  );

  if (owned.loading) {
    return <Progress />;
  }
  if (owned.error) {
    return <ResponseErrorPanel title="Your services" error={owned.error} />;
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
        label="Your services"
        columns={[
          {
            title: 'Service',
            cell: ({ entity }) => (
              <EntityRefLink entityRef={entity} defaultKind="component" />
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
        ]}
        rows={services.map(entity => {
          const ref = stringifyEntityRef(entity);
          return { entity, ref, running: replicas?.get(ref) };
        })}
        rowKey={row => row.ref}
      />
      <DataAge readAt={regions.readAt} />
    </>
  );
}
