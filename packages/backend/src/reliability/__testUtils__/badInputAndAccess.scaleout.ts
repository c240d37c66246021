/**
 * The fuzzer, the permission matrix and the search for leaked credentials of
 * badInputAndAccess.test.ts, against a running portal: the scale-out setup's load balancer
 * (SCALE_OUT_URL and the rest of its cluster.env), or one local backend.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from './apiClient';
import { formatMatrix } from './permissionMatrix';
import {
  checkPermissionMatrix,
  exerciseClusterFaults,
  findSecretLeaks,
  FUZZ_SEED,
  fuzzEveryWrite,
} from './reliabilityChecks';
import { writeOperations } from './spec';
import { ReliabilityTarget } from './target';
import { startUrlTarget } from './urlTarget';

describe('bad input and access to the scaling API’s writes, through the load balancer', () => {
  let target: ReliabilityTarget;
  let client: ApiClient;
  const operations = writeOperations();

  before(async () => {
    target = await startUrlTarget();
    client = new ApiClient(target);
  });

  test('every bad input to every write endpoint gets a 4xx naming the field, and no cluster changes', async () => {
    const outcome = await fuzzEveryWrite(target, client, operations);
    // The figure docs/reliability.md records.
    console.log(
      `Fuzzed ${outcome.endpoints} write endpoints of ${target.name} with ${outcome.tried} bad inputs (seed ${FUZZ_SEED})`,
    );
    assert.deepEqual(outcome.failures, []);
    assert.deepEqual(outcome.changed, []);
  });

  test('the owner may write; the non-owner gets 403, the unauthenticated 401, a service principal 403', async () => {
    const { cells, changedByRefused } = await checkPermissionMatrix(
      target,
      client,
      operations,
    );
    console.log(`Permission matrix of ${target.name}:\n${formatMatrix(cells)}`);
    assert.deepEqual(
      cells.filter(cell => !cell.ok),
      [],
    );
    assert.equal(cells.length, operations.length * 4);
    assert.deepEqual(changedByRefused, []);
  });

  test('no cluster token, key or certificate in any answer or any replica’s log line, clusters failing included', async () => {
    await exerciseClusterFaults(target, client);
    const { answers, logLines, leaks } = await findSecretLeaks(target, client);
    console.log(`Searched ${answers} answers and ${logLines} log lines`);
    assert.ok(answers > 1000, `only ${answers} answers`);
    assert.ok(logLines > 100, `only ${logLines} log lines`);
    assert.deepEqual(leaks, []);
  });
});
