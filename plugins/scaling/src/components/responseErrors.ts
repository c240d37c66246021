import { ResponseError } from '@backstage/errors';
import { PolicyProblem } from '@meschain/backstage-plugin-scaling-common';

/** The backend's own sentence for a failed request, rather than "Request failed with 409". */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError) {
    return error.body.error.message;
  }
  return error.message;
}

/** Whether the write lost a race, or an HPA owns the replicas: reloading shows why. */
export function isConflict(error: Error): boolean {
  if (error instanceof ResponseError) {
    return error.statusCode === 409;
  }
  return error.name === 'ConflictError';
}

/** The field-level problems a 400 from `POST .../policy` lists. */
export function policyProblemsOf(error: Error): PolicyProblem[] {
  if (!(error instanceof ResponseError)) {
    return [];
  }
  const { problems } = error.body as { problems?: unknown };
  return Array.isArray(problems) ? (problems as PolicyProblem[]) : [];
}
