import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  EntityRegions,
  RegionHealth,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';
import { useEntityRegions } from '../../hooks';
import { DataAge } from '../DataAge';
import { DrChecksList, DrVerdictStatus } from '../DrReadiness';
import { MapRegion, RegionsMap } from '../RegionsMap';

/** The entity's regions as map markers: red when none of its replicas there are ready. */
function toMapRegions(entityRegions: EntityRegions): MapRegion[] {
  return entityRegions.regions.flatMap(region => {
    if (region.latitude === undefined || region.longitude === undefined) {
      return [];
    }
    const here = entityRegions.placements.filter(p => p.region === region.id);
    const desired = here.reduce((sum, p) => sum + p.replicas.desired, 0);
    const ready = here.reduce((sum, p) => sum + p.replicas.ready, 0);
    let health: RegionHealth = 'healthy';
    if (ready === 0 && desired > 0) health = 'down';
    else if (ready < desired) health = 'degraded';
    return [
      {
        id: region.id,
        displayName: region.displayName,
        latitude: region.latitude,
        longitude: region.longitude,
        health,
        capacityCores: desired,
        drRegion: region.drRegion,
      },
    ];
  });
}

function PlacementsTable({ entityRegions }: { entityRegions: EntityRegions }) {
  return (
    <Table size="small" aria-label="Replicas per region">
      <TableHead>
        <TableRow>
          <TableCell>Region</TableCell>
          <TableCell>Cluster</TableCell>
          <TableCell align="right">Replicas ready</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entityRegions.placements.map(placement => (
          <TableRow
            key={`${placement.cluster}/${placement.namespace}/${placement.workload.name}`}
          >
            <TableCell>{placement.region}</TableCell>
            <TableCell>{placement.cluster}</TableCell>
            <TableCell align="right">
              {`${placement.replicas.ready} of ${placement.replicas.desired}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** @public The regions a service runs in, on a small map, with replicas per region and its DR verdict. */
export function EntityRegionsCard() {
  const { value: entityRegions, loading, error, readAt } = useEntityRegions();
  const mapRegions = useMemo(
    () => (entityRegions ? toMapRegions(entityRegions) : []),
    [entityRegions],
  );

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!entityRegions) {
    body = loading ? <Progress /> : null;
  } else {
    body = (
      <>
        <Typography variant="subtitle1" aria-label="DR verdict">
          <DrVerdictStatus verdict={entityRegions.verdict}>
            {`DR readiness: ${entityRegions.verdict}`}
          </DrVerdictStatus>
        </Typography>
        {entityRegions.errors.map(e => (
          <Alert key={e.cluster} severity="warning">
            {`${e.cluster}: ${e.name}: ${e.message}`}
          </Alert>
        ))}
        <RegionsMap
          regions={mapRegions}
          width={480}
          title={`Regions of ${entityRegions.entityRef}`}
        />
        <PlacementsTable entityRegions={entityRegions} />
        {entityRegions.dr.map(readiness => (
          <DrChecksList
            key={readiness.primaryRegion}
            readiness={readiness}
            failingOnly
          />
        ))}
      </>
    );
  }
  return (
    <InfoCard title="Regions" subheader={<DataAge readAt={readAt} />}>
      {body}
    </InfoCard>
  );
}
