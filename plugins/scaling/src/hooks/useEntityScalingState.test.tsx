import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { scalingApiRef } from '../api';
import { fakeScalingApi } from '../__testUtils__/fakeScalingApi';
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
});
