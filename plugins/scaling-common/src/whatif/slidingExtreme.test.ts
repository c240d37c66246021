import { SlidingExtreme } from './slidingExtreme';

/** The windows' answers scanned the slow way, as the HPA module does. */
function scan(
  entries: Array<[number, number]>,
  cutoff: number,
  inclusive: boolean,
  highest: boolean,
): number | undefined {
  const inWindow = entries
    .filter(([time]) => (inclusive ? time >= cutoff : time > cutoff))
    .map(([, value]) => value);
  if (inWindow.length === 0) return undefined;
  return highest ? Math.max(...inWindow) : Math.min(...inWindow);
}

describe('SlidingExtreme', () => {
  it.each([
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ])(
    'answers as a scan of the window does (highest %p, inclusive %p), through the ring growing',
    (highest, inclusive) => {
      const window = new SlidingExtreme(highest);
      const entries: Array<[number, number]> = [];
      let seed = 7;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      // A window of 60 syncs: long enough for a falling (or rising) run to outgrow the ring.
      for (let time = 0; time < 3000; time += 15) {
        const value =
          time < 900
            ? Math.round(100 + (highest ? -time : time) / 15)
            : Math.floor(next() * 30);
        const cutoff = time - 900;
        expect(window.extreme(cutoff, inclusive)).toBe(
          scan(entries, cutoff, inclusive, highest),
        );
        window.add(time, value);
        entries.push([time, value]);
      }
    },
  );
});
