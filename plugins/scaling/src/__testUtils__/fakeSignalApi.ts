import { SignalApi } from '@backstage/plugin-signals-react';
import { act } from '@testing-library/react';

type SignalListener = Parameters<SignalApi['subscribe']>[1];
type SignalMessage = Parameters<SignalListener>[0];

/** A signals API whose messages the test publishes. */
export function fakeSignalApi() {
  const subscribers = new Map<string, Set<SignalListener>>();
  const api: SignalApi = {
    subscribe(channel: string, onMessage: (message: never) => void) {
      const listeners = subscribers.get(channel) ?? new Set();
      const listener = onMessage as SignalListener;
      listeners.add(listener);
      subscribers.set(channel, listeners);
      return { unsubscribe: () => listeners.delete(listener) };
    },
  };
  /** Sends a message to the channel's subscribers, as the backend would. */
  const publish = (channel: string, message: SignalMessage) =>
    act(() => subscribers.get(channel)?.forEach(listener => listener(message)));
  return { api, publish };
}
