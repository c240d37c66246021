import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { statusErrors } from '../status';

/** Checks `Authorization: Bearer <token>` against the cluster's token; throws 401 otherwise. */
export function authenticate(req: IncomingMessage, token: string): void {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !sameSecret(match[1], token)) throw statusErrors.unauthorized();
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
