import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  RegionServicePlacement,
  ServiceDrReadiness,
} from '@meschain/backstage-plugin-scaling-common';
import { CompactColumn, CompactTable } from '../CompactTable';
import { FailingDrChecks } from '../DrReadiness';
import { formatReplicasReady, placementKey } from '../placements';
import { FilteredRegion } from './filterOverview';

type RegionCluster = FilteredRegion['clusters'][number];

const CLUSTER_COLUMNS: CompactColumn<RegionCluster>[] = [
  { title: 'Cluster', cell: cluster => cluster.name },
  {
    title: 'Answered',
    cell: cluster =>
      cluster.reachable
        ? 'yes'
        : `no: ${cluster.error?.name ?? 'Error'}: ${
            cluster.error?.message ?? ''
          }`,
  },
  {
    title: 'Nodes ready',
    cell: cluster =>
      cluster.capacity
        ? `${cluster.capacity.readyNodes} of ${cluster.capacity.nodes}`
        : '–',
  },
  {
    title: 'Round trip',
    align: 'right',
    cell: cluster =>
      cluster.roundTripMs === undefined
        ? '–'
        : `${Math.round(cluster.roundTripMs)} ms`,
  },
];

const SERVICE_COLUMNS: CompactColumn<RegionServicePlacement>[] = [
  {
    title: 'Service',
    cell: service =>
      service.entityRef ? (
        <EntityRefLink entityRef={service.entityRef} title={service.title} />
      ) : (
        service.kubernetesId
      ),
  },
  { title: 'Cluster', cell: service => service.cluster },
  {
    title: 'Replicas ready',
    align: 'right',
    cell: service => formatReplicasReady(service.replicas),
  },
  { title: 'Images', cell: service => service.images.join(', ') },
];

/** A region's clusters, the services running there and the DR checks of those it is primary for. */
export function RegionDetails(props: {
  facts: FilteredRegion;
  dr: ServiceDrReadiness[];
}) {
  const { facts } = props;
  const drHere = props.dr.filter(d => d.primaryRegion === facts.region.id);
  return (
    <InfoCard
      title={`${facts.region.displayName} (${facts.region.id})`}
      subheader={[
        facts.region.location,
        facts.region.provider &&
          `${facts.region.provider} ${
            facts.region.providerRegion ?? ''
          }`.trim(),
        facts.region.drRegion && `DR partner: ${facts.region.drRegion}`,
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      {facts.errors.map(error => (
        <Alert key={error.cluster} severity="error">
          {`${error.cluster}: ${error.name}: ${error.message}`}
        </Alert>
      ))}
      <Grid container spacing={2}>
        <Grid item xs={12} lg={7}>
          <Typography variant="h6">Clusters</Typography>
          <Box overflow="auto">
            <CompactTable
              label={`Clusters of ${facts.region.id}`}
              columns={CLUSTER_COLUMNS}
              rows={facts.clusters}
              rowKey={cluster => cluster.name}
            />
          </Box>
          <Typography variant="h6">Services</Typography>
          {facts.services.length > 0 ? (
            <Box overflow="auto">
              <CompactTable
                label={`Services in ${facts.region.id}`}
                columns={SERVICE_COLUMNS}
                rows={facts.services}
                rowKey={placementKey}
              />
            </Box>
          ) : (
            <Typography>No services run here.</Typography>
          )}
        </Grid>
        <Grid item xs={12} lg={5}>
          <Typography variant="h6">DR readiness</Typography>
          {drHere.length > 0 ? (
            <FailingDrChecks readinesses={drHere} />
          ) : (
            <Typography>No service has this region as its primary.</Typography>
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
