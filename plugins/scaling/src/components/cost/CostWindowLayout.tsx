import { Content } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReactNode, useMemo, useState } from 'react';
import { DataAge } from '../DataAge';
import { lastCompleteDays } from './costFormat';
import { CostWindowPicker } from './CostWindowPicker';

/** The window a cost page shows: the last complete days, as many as picked. */
export function useCostWindow(initialDays: number) {
  const [days, setDays] = useState(initialDays);
  const window = useMemo(() => lastCompleteDays(days), [days]);
  return { days, setDays, window };
}

/** A cost page's grid of cards, under the window picker and the age of the figures. */
export function CostWindowLayout(props: {
  costWindow: ReturnType<typeof useCostWindow>;
  /** When the figures shown were read (epoch ms). */
  readAt?: number;
  noPadding?: boolean;
  children: ReactNode;
}) {
  const { days, setDays } = props.costWindow;
  return (
    <Content noPadding={props.noPadding}>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <CostWindowPicker days={days} onChange={setDays} />
          <DataAge readAt={props.readAt} />
        </Grid>
        {props.children}
      </Grid>
    </Content>
  );
}
