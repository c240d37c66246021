import { isDeepStrictEqual } from 'node:util';

/**
 * Reads what the portal reports between two reads of what the cluster lists (the test's witness),
 * and returns both once the witness held still around the portal's read. A live cluster's
 * controllers (an HPA, a rollout, pods still being scheduled) may move between any two reads, so a
 * figure is only comparable with a listing it was not raced by.
 */
export async function readWhileStill<Reported, Listed>(
  reported: () => Promise<Reported>,
  listed: () => Promise<Listed>,
  { attempts = 5, pauseMs = 1000 } = {},
): Promise<{ reported: Reported; listed: Listed }> {
  for (let attempt = 1; ; attempt++) {
    const before = await listed();
    const read = await reported();
    const after = await listed();
    if (isDeepStrictEqual(before, after))
      return { reported: read, listed: after };
    if (attempt === attempts) {
      throw new Error(
        `The cluster kept changing around the portal's read in ${attempts} attempts`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, pauseMs));
  }
}
