import { ApiClient } from './__testUtils__/apiClient';
import { startInProcessTarget } from './__testUtils__/inProcessTarget';
import { formatMatrix } from './__testUtils__/permissionMatrix';
import {
  checkPermissionMatrix,
  exerciseClusterFaults,
  FUZZ_SEED,
  fuzzEveryWrite,
  findSecretLeaks,
} from './__testUtils__/reliabilityChecks';
import { writeOperations } from './__testUtils__/spec';
import { ReliabilityTarget } from './__testUtils__/target';

jest.setTimeout(300_000);

// The same checks run against the scale-out setup from badInputAndAccess.scaleout.ts.
describe('bad input and access to the scaling API’s writes, in process', () => {
  let target: ReliabilityTarget;
  let client: ApiClient;
  const operations = writeOperations();

  beforeAll(async () => {
    target = await startInProcessTarget();
    client = new ApiClient(target);
  });

  afterAll(() => target?.close());

  it('answers every bad input to every write endpoint with a 4xx naming the field, and changes no cluster', async () => {
    const outcome = await fuzzEveryWrite(target, client, operations);
    // The figure docs/reliability.md records.
    console.log(
      `Fuzzed ${outcome.endpoints} write endpoints of ${target.name} with ${outcome.tried} bad inputs (seed ${FUZZ_SEED})`,
    );
    expect(outcome.failures).toEqual([]);
    expect(outcome.changed).toEqual([]);
  });

  it('lets the owner write, and refuses the non-owner (403), the unauthenticated (401) and a service principal (403)', async () => {
    const { cells, changedByRefused } = await checkPermissionMatrix(
      target,
      client,
      operations,
    );
    console.log(`Permission matrix of ${target.name}:\n${formatMatrix(cells)}`);
    expect(cells.filter(cell => !cell.ok)).toEqual([]);
    expect(cells).toHaveLength(operations.length * 4);
    expect(changedByRefused).toEqual([]);
  });

  it('shows no cluster token, key or certificate in any answer or log line, clusters failing included', async () => {
    await exerciseClusterFaults(target, client);
    const { answers, logLines, leaks } = await findSecretLeaks(target, client);
    console.log(`Searched ${answers} answers and ${logLines} log lines`);
    expect(answers).toBeGreaterThan(1000);
    expect(logLines).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });
});
