import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CostShare,
  UNALLOCATED_COST_ENTITY,
} from '@meschain/backstage-plugin-scaling-common';
import { CompactTable } from '../CompactTable';
import { formatCost, formatPercent } from './costFormat';

function ShareKey(props: { shareKey: string; entities: boolean }) {
  if (props.shareKey === UNALLOCATED_COST_ENTITY) {
    return <>Unallocated</>;
  }
  return props.entities ? (
    <EntityRefLink entityRef={props.shareKey} />
  ) : (
    <>{props.shareKey}</>
  );
}

/** Totals per region, service or team, each with its share of the whole. */
export function CostShareTable(props: {
  /** Names the table for assistive technology, with its window. */
  label: string;
  keyHeader: string;
  shares: CostShare[];
  total: number;
  currency: string;
  /** Whether the keys are entity refs, shown as links. */
  entities?: boolean;
}) {
  const { label, keyHeader, shares, total, currency, entities = false } = props;
  return (
    <CompactTable
      label={label}
      columns={[
        {
          title: keyHeader,
          cell: share => <ShareKey shareKey={share.key} entities={entities} />,
        },
        {
          title: 'Cost',
          align: 'right',
          cell: share => formatCost(share.total, currency),
        },
        {
          title: 'Share',
          align: 'right',
          cell: share => formatPercent(total > 0 ? share.total / total : null),
        },
      ]}
      rows={shares}
      rowKey={share => share.key}
      empty="No cost recorded in this window"
    />
  );
}
