/**
 * Runs `work` and waits for it for at most `timeoutMs`: the returned promise
 * then rejects with `timeoutError()`. Nothing is cancelled; see
 * {@link withDeadline} for work that can stop. The timer starts before the
 * work, so a deadline as long as one the work sets itself fires first.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  timeoutError: () => Error,
  work: () => Promise<T>,
  onTimeout?: (error: Error) => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timeoutError();
      onTimeout?.(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` and gives up after `timeoutMs`: the returned promise then
 * rejects with `timeoutError()`, and `work`'s signal aborts with that error
 * as its reason, so that its requests stop too.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  timeoutError: () => Error,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  return withTimeout(
    timeoutMs,
    timeoutError,
    () => work(controller.signal),
    error => controller.abort(error),
  );
}
