import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import {
  costApiRef,
  regionsApiRef,
  rolloutsApiRef,
  scalingApiRef,
} from '../api';
import { orgCost } from '../__testUtils__/costFixtures';
import { fakeCostApi } from '../__testUtils__/fakeCostApi';
import { fakeRegionsApi } from '../__testUtils__/fakeRegionsApi';
import { fakeRolloutsApi } from '../__testUtils__/fakeRolloutsApi';
import { fakeScalingApi } from '../__testUtils__/fakeScalingApi';
import {
  entity,
  euWestDeployment,
  scalingState,
} from '../__testUtils__/fixtures';
import { regionsOverview } from '../__testUtils__/regionsFixtures';
import { COST_REFRESH_INTERVAL_MS, useOrgCost } from './useCost';
import { useEntityRegions } from './useEntityRegions';
import { useEntityRollouts } from './useEntityRollouts';
import { useEntityScalingState } from './useEntityScalingState';
import { WRITE_FOLLOW_UP_INTERVAL_MS, WRITE_FOLLOW_UP_MS } from './useLiveRead';
import { SCALING_REFRESH_INTERVAL_MS } from './usePolling';
import { useRegionsOverview } from './useRegionsOverview';
import { useScalingActions } from './useScalingActions';
import { useScalingHistory } from './useScalingHistory';
import { announceWrite } from './writeSignal';

/** The state after the scale: eu-west's Deployment now asks for 4 replicas. */
const scaledState = {
  ...scalingState,
  clusters: scalingState.clusters.map(cluster =>
    cluster.region === 'eu-west'
      ? {
          ...cluster,
          workloads: [
            {
              ...euWestDeployment,
              replicas: { ...euWestDeployment.replicas, desired: 4 },
            },
          ],
        }
      : cluster,
  ),
};

function setup() {
  const scalingApi = fakeScalingApi({
    scaleWorkload: jest.fn().mockResolvedValue({}),
  });
  const regionsApi = fakeRegionsApi();
  const rolloutsApi = fakeRolloutsApi({
    // Settled, so that only writes and the 30 s poll read the rollouts.
    getEntityRollouts: jest.fn().mockResolvedValue({
      entityRef: 'component:default/order-service',
      clusters: [],
    }),
  });
  const costApi = fakeCostApi();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [scalingApiRef, scalingApi],
        [regionsApiRef, regionsApi],
        [rolloutsApiRef, rolloutsApi],
        [costApiRef, costApi],
      ]}
    >
      <EntityProvider entity={entity}>{children}</EntityProvider>
    </TestApiProvider>
  );
  return { scalingApi, regionsApi, rolloutsApi, costApi, wrapper };
}

async function advance(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

describe('the scaling views after a write', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('every view of the entity reads again at once, then every 2 s while the clusters act, then every 30 s', async () => {
    const { scalingApi, regionsApi, rolloutsApi, wrapper } = setup();
    // Each view sits in its own component on the page; they share nothing but the entity.
    const { result } = renderHook(
      () => ({
        state: useEntityScalingState(),
        history: useScalingHistory(),
        regions: useEntityRegions(),
        rollouts: useEntityRollouts(),
        actions: useScalingActions(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.state.value).toBe(scalingState));
    const firstRead = result.current.state.readAt;
    expect(firstRead).toBe(Date.now());

    scalingApi.getEntityScaling.mockResolvedValue(scaledState);
    await advance(5_000);
    await act(async () => {
      await result.current.actions.scale({
        cluster: 'meschain-eu-west',
        workload: {
          kind: 'Deployment',
          namespace: 'meschain-sync',
          name: 'order-service',
        },
        replicas: 4,
        resourceVersion: '41',
      });
    });

    await waitFor(() => expect(result.current.state.value).toBe(scaledState));
    expect(result.current.state.readAt).toBeGreaterThan(firstRead!);
    expect(result.current.state.followingWrite).toBe(true);
    for (const read of [
      scalingApi.getEntityScaling,
      scalingApi.getHistory,
      regionsApi.getEntityRegions,
      rolloutsApi.getEntityRollouts,
    ]) {
      expect(read).toHaveBeenCalledTimes(2);
    }

    // The clusters act a moment later (an HPA rescales): the views follow every 2 s.
    await advance(WRITE_FOLLOW_UP_INTERVAL_MS);
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(3);
    expect(regionsApi.getEntityRegions).toHaveBeenCalledTimes(3);
    // A tick each 2 s, as the browser's timers fire them.
    for (
      let waited = WRITE_FOLLOW_UP_INTERVAL_MS;
      waited < WRITE_FOLLOW_UP_MS;
      waited += WRITE_FOLLOW_UP_INTERVAL_MS
    ) {
      await advance(WRITE_FOLLOW_UP_INTERVAL_MS);
    }
    const followed = 2 + WRITE_FOLLOW_UP_MS / WRITE_FOLLOW_UP_INTERVAL_MS;
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(followed);
    expect(result.current.state.followingWrite).toBe(false);

    // Then back to the 30 s poll.
    await advance(SCALING_REFRESH_INTERVAL_MS - 100);
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(followed);
    await advance(100);
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(followed + 1);
  });

  it('reads again after a failed write too, which may mean the view is stale', async () => {
    const { scalingApi, wrapper } = setup();
    scalingApi.scaleWorkload.mockRejectedValue(new Error('409 Conflict'));
    const { result } = renderHook(
      () => ({ state: useEntityScalingState(), actions: useScalingActions() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.state.value).toBe(scalingState));

    await act(async () => {
      await expect(
        result.current.actions.scale({
          cluster: 'meschain-eu-west',
          workload: {
            kind: 'Deployment',
            namespace: 'meschain-sync',
            name: 'order-service',
          },
          replicas: 4,
          resourceVersion: '40',
        }),
      ).rejects.toThrow('409 Conflict');
    });

    await waitFor(() =>
      expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(2),
    );
  });

  it('a dry run, or a write to another service, reads nothing again; the fleet view reads after any write', async () => {
    const { scalingApi, regionsApi, wrapper } = setup();
    scalingApi.applyPolicy.mockResolvedValue({ dryRun: true, results: [] });
    const { result } = renderHook(
      () => ({
        state: useEntityScalingState(),
        overview: useRegionsOverview(),
        actions: useScalingActions(),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.overview.value).toBe(regionsOverview),
    );

    await act(async () => {
      await result.current.actions.applyPolicy({
        regions: ['eu-west'],
        policy: { minReplicas: 2, maxReplicas: 4, targets: [] },
        dryRun: true,
      });
    });
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(1);
    expect(regionsApi.getRegionsOverview).toHaveBeenCalledTimes(1);

    act(() => announceWrite('component:default/payment-service'));

    await waitFor(() =>
      expect(regionsApi.getRegionsOverview).toHaveBeenCalledTimes(2),
    );
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(1);
  });

  it('does not lose a write’s read to a poll already under way', async () => {
    const { scalingApi, wrapper } = setup();
    const { result } = renderHook(() => useEntityScalingState(), { wrapper });
    await waitFor(() => expect(result.current.value).toBe(scalingState));

    // The 30 s poll starts a read that answers late, with what it saw before the write.
    let answerPoll: (value: typeof scalingState) => void = () => {};
    scalingApi.getEntityScaling.mockReturnValueOnce(
      new Promise(resolve => {
        answerPoll = resolve;
      }),
    );
    await advance(SCALING_REFRESH_INTERVAL_MS);
    expect(result.current.loading).toBe(true);

    scalingApi.getEntityScaling.mockResolvedValue(scaledState);
    act(() => announceWrite('component:default/order-service'));
    await waitFor(() => expect(result.current.value).toBe(scaledState));

    await act(async () => answerPoll(scalingState));
    expect(result.current.value).toBe(scaledState);
  });

  it('reads the cost again every 5 minutes, and not after writes, which do not change it at once', async () => {
    const { costApi, wrapper } = setup();
    const { result } = renderHook(() => useOrgCost(), { wrapper });
    await waitFor(() => expect(result.current.value).toBe(orgCost));

    expect(costApi.getOrgCost).toHaveBeenCalledTimes(1);
    act(() => announceWrite('component:default/order-service'));
    expect(costApi.getOrgCost).toHaveBeenCalledTimes(1);
    await advance(COST_REFRESH_INTERVAL_MS - 100);
    expect(costApi.getOrgCost).toHaveBeenCalledTimes(1);
    await advance(100);
    expect(costApi.getOrgCost).toHaveBeenCalledTimes(2);
  });
});
