import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  EntityRegions,
  RegionHealth,
  RegionServicePlacement,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';
import { useEntityRegions } from '../../hooks';
import { CompactColumn, CompactTable } from '../CompactTable';
import { DataAge } from '../DataAge';
import { DrVerdictStatus, FailingDrChecks } from '../DrReadiness';
import { formatReplicasReady, placementKey } from '../placements';
import { MapRegion, RegionsMap, toMapRegion } from '../RegionsMap';

/** The entity's regions as map markers: red when none of its replicas there are ready. */
function toMapRegions(entityRegions: EntityRegions): MapRegion[] {
  return entityRegions.regions.flatMap(region => {
    const here = entityRegions.placements.filter(p => p.region === region.id);
    const desired = here.reduce((sum, p) => sum + p.replicas.desired, 0);
    const ready = here.reduce((sum, p) => sum + p.replicas.ready, 0);
    let health: RegionHealth = 'healthy';
    if (ready === 0 && desired > 0) health = 'down';
    else if (ready < desired) health = 'degraded';
    return toMapRegion(region, { health, capacityCores: desired });
  });
}

const PLACEMENT_COLUMNS: CompactColumn<RegionServicePlacement>[] = [
  { title: 'Region', cell: placement => placement.region },
  { title: 'Cluster', cell: placement => placement.cluster },
  {
    title: 'Replicas ready',
    align: 'right',
    cell: placement => formatReplicasReady(placement.replicas),
  },
];

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
        <CompactTable
          label="Replicas per region"
          columns={PLACEMENT_COLUMNS}
          rows={entityRegions.placements}
          rowKey={placementKey}
        />
        <FailingDrChecks readinesses={entityRegions.dr} />
      </>
    );
  }
  return (
    <InfoCard title="Regions" subheader={<DataAge readAt={readAt} />}>
      {body}
    </InfoCard>
  );
}
