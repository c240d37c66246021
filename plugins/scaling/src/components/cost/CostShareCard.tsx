import {
  CostShare,
  CostWindow,
} from '@meschain/backstage-plugin-scaling-common';
import { CostCard } from './CostCard';
import { CostShareTable } from './CostShareTable';

/** A {@link CostCard} holding one breakdown of the answer's total, e.g. by region or by team. */
export function CostShareCard<
  T extends { window: CostWindow; total: number; currency: string },
>(props: {
  title: string;
  state: { value?: T; error?: Error };
  /** Names the table for assistive technology. */
  label: string;
  keyHeader: string;
  shares: (value: T) => CostShare[];
  /** Whether the keys are entity refs, shown as links. */
  entities?: boolean;
}) {
  const { title, state, label, keyHeader, shares, entities } = props;
  return (
    <CostCard title={title} state={state}>
      {value => (
        <CostShareTable
          label={label}
          keyHeader={keyHeader}
          shares={shares(value)}
          total={value.total}
          currency={value.currency}
          entities={entities}
        />
      )}
    </CostCard>
  );
}
