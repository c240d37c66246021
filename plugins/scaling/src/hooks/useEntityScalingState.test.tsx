import { EntityProvider } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { scalingApiRef } from '../api';
import { fakeScalingApi } from '../__testUtils__/fakeScalingApi';
import { fakeSignalApi } from '../__testUtils__/fakeSignalApi';
import { entity, entityRef, scalingState } from '../__testUtils__/fixtures';
import { SCALING_REFRESH_INTERVAL_MS } from './usePolling';
import { useEntityScalingState } from './useEntityScalingState';

describe('useEntityScalingState', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads the state again every 30 s, keeping the last answer meanwhile', async () => {
    const scalingApi = fakeScalingApi();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[scalingApiRef, scalingApi]]}>
        <EntityProvider entity={entity}>{children}</EntityProvider>
      </TestApiProvider>
    );
    const { result } = renderHook(() => useEntityScalingState(), { wrapper });

    await waitFor(() => expect(result.current.value).toEqual(scalingState));
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(1);
    expect(scalingApi.getEntityScaling).toHaveBeenCalledWith(entityRef);

    scalingApi.getEntityScaling.mockReturnValueOnce(new Promise(() => {}));
    act(() => {
      jest.advanceTimersByTime(SCALING_REFRESH_INTERVAL_MS);
    });

    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(2);
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toEqual(scalingState);
  });

  it('reads the state again when a fleet signal names one of the entity’s cells', async () => {
    const scalingApi = fakeScalingApi();
    const signals = fakeSignalApi();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [scalingApiRef, scalingApi],
          [signalApiRef, signals.api],
        ]}
      >
        <EntityProvider entity={entity}>{children}</EntityProvider>
      </TestApiProvider>
    );
    const { result } = renderHook(() => useEntityScalingState(), { wrapper });
    await waitFor(() => expect(result.current.value).toEqual(scalingState));

    const at = new Date().toISOString();
    await signals.publish('scaling:fleet', {
      type: 'changed',
      cells: [
        { entityRef: 'component:default/payment-service', region: 'eu-west' },
      ],
      at,
    });
    expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(1);

    await signals.publish('scaling:fleet', {
      type: 'changed',
      cells: [
        { entityRef: 'component:default/order-service', region: 'eu-west' },
      ],
      at,
    });
    await waitFor(() =>
      expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(2),
    );
  });
});
