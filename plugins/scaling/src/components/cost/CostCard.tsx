import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import { ReactNode } from 'react';
import { describeCostWindow } from './costFormat';

/** A card over one cost answer: its figures once read, with the window they cover in the subheader. */
export function CostCard<
  T extends { window: CostWindow; dataStart?: string },
>(props: {
  title: string;
  state: { value?: T; error?: Error };
  children: (value: T) => ReactNode;
}) {
  const { title, state, children } = props;
  let body: ReactNode;
  if (state.error) {
    body = <ResponseErrorPanel error={state.error} />;
  } else if (!state.value) {
    body = <Progress />;
  } else {
    body = children(state.value);
  }
  return (
    <InfoCard
      title={title}
      subheader={state.value ? describeCostWindow(state.value) : undefined}
    >
      {body}
    </InfoCard>
  );
}
