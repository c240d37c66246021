import fc from 'fast-check';
import { ApiAnswer, ApiClient, errorText } from './apiClient';
import { BadInput, badInputs, namesField } from './badInputs';
import { validParts } from './requests';
import { WriteOperation } from './spec';
import { Caller, ReliabilityTarget } from './target';

/** A bad input whose answer broke the rule, and how. */
export interface FuzzFailure {
  input: string;
  status: number;
  problem: string;
  answer: string;
}

/** What must hold of the answer to a bad input: a 4xx that names what was wrong. */
export function judge(input: BadInput, answer: ApiAnswer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (!input.mustRefuse) return undefined;
  if (answer.status < 400) return `accepted it with ${answer.status}`;
  if (!namesField(errorText(answer), input.names)) {
    return `does not name ${input.names}`;
  }
  return undefined;
}

/** The caller whose bad inputs reach validation: Alertmanager for its webhook, else the owner. */
export function authorizedCaller(
  operation: WriteOperation,
  target: ReliabilityTarget,
): Caller {
  return operation.operationId === 'ReceiveAlertmanagerWebhook'
    ? target.callers.service
    : target.callers.owner;
}

/** Sends `runs` bad inputs, drawn by fast-check from `seed`, to one write endpoint. */
export async function fuzzOperation(
  operation: WriteOperation,
  options: {
    target: ReliabilityTarget;
    client: ApiClient;
    seed: number;
    runs: number;
  },
): Promise<FuzzFailure[]> {
  const { target, client, seed, runs } = options;
  const caller = authorizedCaller(operation, target);
  const inputs = fc.sample(
    badInputs(operation, validParts(operation, caller.context)),
    {
      seed,
      numRuns: runs,
    },
  );
  const failures: FuzzFailure[] = [];
  for (const input of inputs) {
    const answer = await client.send(input.request, caller);
    const problem = judge(input, answer);
    if (problem) {
      failures.push({
        input: `${operation.operationId} ${input.description}`,
        status: answer.status,
        problem,
        answer: answer.text.slice(0, 300),
      });
    }
  }
  return failures;
}
