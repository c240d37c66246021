import { ApiClient } from './apiClient';
import { buildRequest, validParts } from './requests';
import { WriteOperation } from './spec';
import { CallerKind, ReliabilityTarget } from './target';

export const CALLER_KINDS: CallerKind[] = [
  'owner',
  'nonOwner',
  'unauthenticated',
  'service',
];

interface Expectation {
  text: string;
  accepts(status: number): boolean;
}

const status = (code: number): Expectation => ({
  text: String(code),
  accepts: s => s === code,
});

/** Allowed: done, or refused for what the request asks (bad value, no such object, conflict). */
const allowed: Expectation = {
  text: '2xx or a domain 4xx',
  accepts: s => (s >= 200 && s < 300) || [400, 404, 409, 422].includes(s),
};

/**
 * The portal's rules (packages/backend/src/permissions and the routes' callers): writes are users'
 * only, and only the owners' (no one is an admin in these runs); the unauthenticated get 401.
 */
const USER_WRITE: Record<CallerKind, Expectation> = {
  owner: allowed,
  nonOwner: status(403),
  unauthenticated: status(401),
  service: status(403),
};

/** A read sent as a POST, such as a simulation: any signed-in user or backend may. */
const READ: Record<CallerKind, Expectation> = {
  owner: allowed,
  nonOwner: allowed,
  unauthenticated: status(401),
  service: allowed,
};

/** Endpoints with other rules. */
function expectations(
  operation: WriteOperation,
  target: ReliabilityTarget,
): Record<CallerKind, Expectation | undefined> {
  switch (operation.operationId) {
    // Alertmanager's, through the static token whose subject is the webhook's; no user's.
    case 'ReceiveAlertmanagerWebhook':
      return {
        owner: status(403),
        nonOwner: status(403),
        unauthenticated: status(401),
        service: target.serviceIsWebhookSubject ? allowed : status(403),
      };
    // Not an entity's: the cost admins' (the owner's team), and other backends' such as a job
    // after a pricing fix (createCostBackfill). Without a second user there is no non-owner.
    case 'BackfillCost':
      return {
        ...USER_WRITE,
        nonOwner: target.nonOwnerIsAnotherUser ? status(403) : undefined,
        service: allowed,
      };
    case 'SimulateScalingPolicy':
      return READ;
    default:
      return USER_WRITE;
  }
}

export interface MatrixCell {
  operation: string;
  caller: CallerKind;
  expected: string;
  status?: number;
  /** The error message of a refusal, so that an owner's domain 4xx shows its reason. */
  reason?: string;
  ok: boolean;
}

/** Calls every write endpoint as each of the given callers and compares the status with the table. */
export async function runPermissionMatrix(
  operations: WriteOperation[],
  callers: CallerKind[],
  options: { target: ReliabilityTarget; client: ApiClient },
): Promise<MatrixCell[]> {
  const { target, client } = options;
  const cells: MatrixCell[] = [];
  for (const operation of operations) {
    const table = expectations(operation, target);
    for (const kind of callers) {
      const expected = table[kind];
      const name = `${operation.method.toUpperCase()} ${operation.path}`;
      if (!expected) {
        cells.push({
          operation: name,
          caller: kind,
          expected: 'n/a',
          ok: true,
        });
        continue;
      }
      const caller = target.callers[kind];
      const request = buildRequest(
        operation,
        validParts(operation, caller.context),
      );
      const answer = await client.send(request, caller);
      cells.push({
        operation: name,
        caller: kind,
        expected: expected.text,
        status: answer.status,
        reason: answer.json?.error?.message,
        ok: expected.accepts(answer.status),
      });
    }
  }
  return cells;
}

/** The matrix as a table for the log: one row per endpoint, one column per caller. */
export function formatMatrix(cells: MatrixCell[]): string {
  const rows = new Map<string, Map<CallerKind, MatrixCell>>();
  for (const cell of cells) {
    if (!rows.has(cell.operation)) rows.set(cell.operation, new Map());
    rows.get(cell.operation)!.set(cell.caller, cell);
  }
  const show = (cell?: MatrixCell) =>
    !cell
      ? ''
      : `${cell.status ?? '-'}${cell.ok ? '' : ` ✗ want ${cell.expected}`}`;
  return [...rows]
    .map(([operation, byCaller]) => {
      const owner = byCaller.get('owner');
      const why =
        owner?.status && owner.status >= 400 && owner.reason
          ? `  (owner: ${owner.reason.slice(0, 90)})`
          : '';
      return `${operation.padEnd(64)} ${CALLER_KINDS.map(kind =>
        `${kind}=${show(byCaller.get(kind))}`.padEnd(24),
      ).join('')}${why}`;
    })
    .join('\n');
}
