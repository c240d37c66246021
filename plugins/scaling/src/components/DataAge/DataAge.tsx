import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

/** How old data read at `readAt` is at `now`, in words: "just now", "12 s ago", "3 min ago". */
export function describeAge(readAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - readAt) / 1000));
  if (seconds < 5) {
    return 'just now';
  }
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  return `at ${new Date(readAt).toLocaleTimeString()}`;
}

/** The oldest of several reads' times: a page is as current as its oldest part. */
export function oldestRead(
  ...readAts: Array<number | undefined>
): number | undefined {
  const known = readAts.filter((at): at is number => at !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

/** Says when a view's data was read ("Updated 12 s ago"), ticking as it ages. */
export function DataAge(props: {
  /** When the data shown arrived (epoch ms); nothing is shown before. */
  readAt?: number;
}) {
  const { readAt } = props;
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), readAt === undefined ? null : 1000);
  if (readAt === undefined) {
    return null;
  }
  // A re-render with a newer answer may come before the next tick.
  const age = describeAge(readAt, Math.max(now, readAt));
  return (
    <Typography
      variant="caption"
      // Secondary text is 4.47:1 on the page's grey, short of WCAG AA.
      color="textPrimary"
      component="span"
      title={`Read at ${new Date(readAt).toLocaleTimeString()}`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {`Updated ${age}`}
    </Typography>
  );
}
