import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useMemo } from 'react';
import { useRegionsOverview } from '../../hooks';
import { useOwnedServices } from '../../hooks/useOwnedServices';
import { DataAge } from '../DataAge';
import { replicasByService } from '../FleetSummaryCard/summarizeFleet';

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
      <Table size="small" aria-label="Your services">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Regions</TableCell>
            <TableCell align="right">Replicas ready</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {services.map(entity => {
            const ref = stringifyEntityRef(entity);
            const running = replicas?.get(ref);
            return (
              <TableRow key={ref}>
                <TableCell>
                  <EntityRefLink entityRef={entity} defaultKind="component" />
                </TableCell>
                <TableCell>{running ? running.regions.length : '—'}</TableCell>
                <TableCell align="right">
                  {running ? `${running.ready} of ${running.desired}` : '—'}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <DataAge readAt={regions.readAt} />
    </>
  );
}
