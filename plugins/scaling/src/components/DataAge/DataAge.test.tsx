import { act, render, screen } from '@testing-library/react';
import { DataAge, describeAge, oldestRead } from './DataAge';

describe('describeAge', () => {
  const readAt = Date.parse('2026-12-05T12:00:00Z');

  it('says how old the data is in seconds, then minutes, then the time it was read', () => {
    expect(describeAge(readAt, readAt + 2_000)).toBe('just now');
    expect(describeAge(readAt, readAt + 12_400)).toBe('12 s ago');
    expect(describeAge(readAt, readAt + 3 * 60_000 + 5_000)).toBe('3 min ago');
    expect(describeAge(readAt, readAt + 2 * 3_600_000)).toBe(
      `at ${new Date(readAt).toLocaleTimeString()}`,
    );
  });

  it('dates a page by its oldest read', () => {
    expect(oldestRead(3, undefined, 1, 2)).toBe(1);
    expect(oldestRead(undefined)).toBeUndefined();
  });
});

describe('DataAge', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks as the data ages, and starts again when a new answer arrives', () => {
    const readAt = Date.now();
    const { rerender } = render(<DataAge readAt={readAt} />);
    expect(screen.getByText('Updated just now')).toBeInTheDocument();

    act(() => {
      jest.advanceTimersByTime(12_000);
    });
    expect(screen.getByText('Updated 12 s ago')).toBeInTheDocument();

    rerender(<DataAge readAt={Date.now()} />);
    expect(screen.getByText('Updated just now')).toBeInTheDocument();
  });

  it('shows nothing before the first answer', () => {
    const { container } = render(<DataAge />);
    expect(container).toBeEmptyDOMElement();
  });
});
