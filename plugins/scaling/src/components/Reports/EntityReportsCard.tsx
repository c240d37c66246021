import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReportsCard } from './ReportsCard';

/** @public The reports of the Group whose page shows the card. */
export function EntityReportsCard() {
  const { entity } = useEntity();
  return <ReportsCard team={stringifyEntityRef(entity)} />;
}
