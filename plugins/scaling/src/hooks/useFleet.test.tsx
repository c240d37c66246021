import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { fleetApiRef } from '../api';
import { fakeFleetApi } from '../__testUtils__/fakeFleetApi';
import { fakeSignalApi } from '../__testUtils__/fakeSignalApi';
import { fleet } from '../__testUtils__/fleetFixtures';
import { FLEET_SIGNALLED_REFRESH_MS, useFleet } from './useFleet';
import { SCALING_REFRESH_INTERVAL_MS } from './usePolling';
import { announceWrite } from './writeSignal';

const query = { owners: ['group:default/commerce-team'] };

describe('useFleet', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls every 30 s where signals are unavailable, and follows a write', async () => {
    const fleetApi = fakeFleetApi();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[fleetApiRef, fleetApi]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useFleet(query), { wrapper });
    await waitFor(() => expect(result.current.fleet).toEqual(fleet));
    expect(result.current.live).toBe(false);
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(1);
    expect(fleetApi.getFleet).toHaveBeenCalledWith(query);

    await act(async () => {
      jest.advanceTimersByTime(SCALING_REFRESH_INTERVAL_MS);
    });
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(2);

    // A write to a service on screen reads it at once, then while the clusters act on it.
    act(() => announceWrite('component:default/order-service'));
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(3);
    await act(async () => {
      jest.advanceTimersByTime(20_000);
    });
    expect(fleetApi.getFleet.mock.calls.length).toBeGreaterThanOrEqual(6);
  });

  it('does not poll every 30 s while signals bring the changes', async () => {
    const fleetApi = fakeFleetApi();
    const signals = fakeSignalApi();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [fleetApiRef, fleetApi],
          [signalApiRef, signals.api],
        ]}
      >
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useFleet(query), { wrapper });
    await waitFor(() => expect(result.current.fleet).toEqual(fleet));
    expect(result.current.live).toBe(true);

    await act(async () => {
      jest.advanceTimersByTime(SCALING_REFRESH_INTERVAL_MS * 2);
    });
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(FLEET_SIGNALLED_REFRESH_MS);
    });
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(2);
  });

  it('shows each newer answer while reads overlap, and never an older one after it', async () => {
    const answers: Array<(value: typeof fleet) => void> = [];
    const pending = () =>
      new Promise<typeof fleet>(resolve => answers.push(resolve));
    const fleetApi = fakeFleetApi({
      getFleet: jest
        .fn()
        .mockResolvedValueOnce(fleet)
        .mockReturnValueOnce(pending())
        .mockReturnValueOnce(pending())
        .mockReturnValueOnce(pending()),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[fleetApiRef, fleetApi]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useFleet(query), { wrapper });
    await waitFor(() => expect(result.current.fleet).toEqual(fleet));

    // Three changes to a service on screen, each before the last one's answer.
    for (const _ of [1, 2, 3]) {
      act(() =>
        result.current.refreshServices(['component:default/order-service']),
      );
      await act(async () => {
        jest.advanceTimersByTime(1_000);
      });
    }
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(4);
    const answer = (index: number) => ({
      ...fleet,
      generatedAt: `2026-12-06T00:00:0${index}Z`,
    });

    // The first answer shows though later reads are under way.
    await act(async () => answers[0](answer(1)));
    expect(result.current.fleet).toEqual(answer(1));
    await act(async () => answers[2](answer(3)));
    expect(result.current.fleet).toEqual(answer(3));
    // The second, answered last, is older than what is shown.
    await act(async () => answers[1](answer(2)));
    expect(result.current.fleet).toEqual(answer(3));
  });
});
