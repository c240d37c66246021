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

/** A grid item per breakdown of one answer, each a {@link CostCard} holding its table. */
export function CostShareCards<T extends ShareableCost>(props: {
  state: { value?: T; error?: Error };
  breakdowns: CostBreakdown<T>[];
  /** The columns each card takes on large screens. */
  lg?: GridSize;
}) {
  const { state, breakdowns, lg } = props;
  return (
    <>
      {breakdowns.map(({ title, shares, ...table }) => (
        <Grid item key={title} xs={12} md={6} lg={lg}>
          <CostCard title={title} state={state}>
            {value => (
              <CostShareTable
                {...table}
                shares={shares(value)}
                total={value.total}
                currency={value.currency}
              />
            )}
          </CostCard>
        </Grid>
      ))}
    </>
  );
}
