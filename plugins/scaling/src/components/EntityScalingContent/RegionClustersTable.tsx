import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import { EntityCluster } from '@meschain/backstage-plugin-scaling-common';
import { LIST_TABLE_OPTIONS } from '../listTableOptions';

interface RegionRow {
  id: string;
  region: string;
  cluster?: EntityCluster;
}

const columns: TableColumn<RegionRow>[] = [
  { title: 'Region', field: 'region', highlight: true },
  {
    title: 'Cluster',
    render: row =>
      row.cluster ? (
        <EntityRefLink
          entityRef={row.cluster.entityRef}
          title={row.cluster.name}
        />
      ) : (
        <Chip
          size="small"
          color="secondary"
          label="No cluster in the catalog"
        />
      ),
  },
  {
    title: 'Role',
    render: row =>
      row.cluster &&
      (row.cluster.role === 'primary' ? 'Primary' : 'Disaster recovery'),
  },
  { title: 'Location', render: row => row.cluster?.location },
  { title: 'DR partner', render: row => row.cluster?.drRegion ?? '—' },
];

/** Outside the component, so the table keeps its body (see ScalingStateTable). */
const noRegions = (
  <div style={{ padding: 16 }}>
    The entity names no regions. Add the meschain.io/regions annotation.
  </div>
);

export function RegionClustersTable(props: {
  clusters: EntityCluster[];
  regionsWithoutCluster: string[];
}) {
  const rows: RegionRow[] = [
    ...props.clusters.map(cluster => ({
      id: cluster.entityRef,
      region: cluster.region,
      cluster,
    })),
    ...props.regionsWithoutCluster.map(region => ({ id: region, region })),
  ];

  return (
    <Table<RegionRow>
      title="Where it runs"
      options={LIST_TABLE_OPTIONS}
      columns={columns}
      data={rows}
      emptyContent={noRegions}
    />
  );
}
