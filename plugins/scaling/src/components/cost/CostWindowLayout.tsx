import { Content } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import { ReactNode, useMemo, useState } from 'react';
import { DataAge } from '../DataAge';
import { lastCompleteDays } from './costFormat';
import { CostWindowPicker } from './CostWindowPicker';

/** The window a cost page shows: the last complete days, as many as picked. */
export type PickedCostWindow = {
  days: number;
  setDays: (days: number) => void;
  window: CostWindow;
};

/** The cost window of a page, starting at `initialDays`. */
export function useCostWindow(initialDays: number): PickedCostWindow {
  const [days, setDays] = useState(initialDays);
  const window = useMemo(() => lastCompleteDays(days), [days]);
  return { days, setDays, window };
}

/** A cost page's grid of cards, under the window picker and the age of the figures. */
export function CostWindowLayout(props: {
  costWindow: PickedCostWindow;
  /** When the figures shown were read (epoch ms). */
  readAt?: number;
  noPadding?: boolean;
  children: ReactNode;
}) {
  const { costWindow, readAt, noPadding, children } = props;
  return (
    <Content noPadding={noPadding}>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <CostWindowPicker
            days={costWindow.days}
            onChange={costWindow.setDays}
          />
          <DataAge readAt={readAt} />
        </Grid>
        {children}
      </Grid>
    </Content>
  );
}
