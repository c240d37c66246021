import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { ServiceDrReadiness } from '@meschain/backstage-plugin-scaling-common';
import { DrChecksList } from '../DrReadiness';
import { FilteredRegion } from './filterOverview';

function ClustersTable({ facts }: { facts: FilteredRegion }) {
  return (
    <Table size="small" aria-label={`Clusters of ${facts.region.id}`}>
      <TableHead>
        <TableRow>
          <TableCell>Cluster</TableCell>
          <TableCell>Answered</TableCell>
          <TableCell>Nodes ready</TableCell>
          <TableCell align="right">Round trip</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {facts.clusters.map(cluster => (
          <TableRow key={cluster.name}>
            <TableCell>{cluster.name}</TableCell>
            <TableCell>
              {cluster.reachable
                ? 'yes'
                : `no: ${cluster.error?.name ?? 'Error'}: ${
                    cluster.error?.message ?? ''
                  }`}
            </TableCell>
            <TableCell>
              {cluster.capacity
                ? `${cluster.capacity.readyNodes} of ${cluster.capacity.nodes}`
                : '–'}
            </TableCell>
            <TableCell align="right">
              {cluster.roundTripMs === undefined
                ? '–'
                : `${Math.round(cluster.roundTripMs)} ms`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ServicesTable({ facts }: { facts: FilteredRegion }) {
  return (
    <Table size="small" aria-label={`Services in ${facts.region.id}`}>
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Cluster</TableCell>
          <TableCell align="right">Replicas ready</TableCell>
          <TableCell>Images</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {facts.services.map(service => (
          <TableRow
            key={`${service.cluster}/${service.namespace}/${service.workload.name}`}
          >
            <TableCell>
              {service.entityRef ? (
                <EntityRefLink
                  entityRef={service.entityRef}
                  title={service.title}
                />
              ) : (
                service.kubernetesId
              )}
            </TableCell>
            <TableCell>{service.cluster}</TableCell>
            <TableCell align="right">
              {`${service.replicas.ready} of ${service.replicas.desired}`}
            </TableCell>
            <TableCell>{service.images.join(', ')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

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
            <ClustersTable facts={facts} />
          </Box>
          <Typography variant="h6">Services</Typography>
          {facts.services.length > 0 ? (
            <Box overflow="auto">
              <ServicesTable facts={facts} />
            </Box>
          ) : (
            <Typography>No services run here.</Typography>
          )}
        </Grid>
        <Grid item xs={12} lg={5}>
          <Typography variant="h6">DR readiness</Typography>
          {drHere.length > 0 ? (
            drHere.map(readiness => (
              <DrChecksList
                key={`${readiness.kubernetesId}-${readiness.primaryRegion}`}
                readiness={readiness}
                failingOnly
              />
            ))
          ) : (
            <Typography>No service has this region as its primary.</Typography>
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
