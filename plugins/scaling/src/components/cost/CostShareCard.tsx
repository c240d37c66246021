import Grid, { GridSize } from '@material-ui/core/Grid';
import {
  CostShare,
  CostWindow,
} from '@meschain/backstage-plugin-scaling-common';
import { CostCard } from './CostCard';
import { CostShareTable } from './CostShareTable';

type ShareableCost = { window: CostWindow; total: number; currency: string };

/** One breakdown of an answer's total, e.g. by region or by team. */
export type CostBreakdown<T extends ShareableCost> = {
  title: string;
  /** Names the table for assistive technology. */
  label: string;
  keyHeader: string;
  shares: (value: T) => CostShare[];
  /** Whether the keys are entity refs, shown as links. */
  entities?: boolean;
};

/** A {@link CostCard} holding one breakdown of the answer's total. */
export function CostShareCard<T extends ShareableCost>(
  props: CostBreakdown<T> & { state: { value?: T; error?: Error } },
) {
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

/** A grid item with a {@link CostShareCard} per breakdown of the same answer. */
export function CostShareCards<T extends ShareableCost>(props: {
  state: { value?: T; error?: Error };
  breakdowns: CostBreakdown<T>[];
  /** The columns each card takes on large screens. */
  lg?: GridSize;
}) {
  const { state, breakdowns, lg } = props;
  return (
    <>
      {breakdowns.map(breakdown => (
        <Grid item key={breakdown.title} xs={12} md={6} lg={lg}>
          <CostShareCard state={state} {...breakdown} />
        </Grid>
      ))}
    </>
  );
}
