/**
 * A replica's live heap: what its V8 heap holds right after a full garbage collection, read
 * through the inspector that SIGUSR1 opens on 127.0.0.1:9229. Resident memory cannot tell a
 * leak from garbage a collection has not reached yet; this can. The port is fixed, so one
 * replica at a time, and its inspector stays open until it exits.
 *
 * Needs the global WebSocket (Node 20: `--experimental-websocket`).
 */
import { replicaPid } from './scaleOutCluster';

const INSPECTOR = 'http://127.0.0.1:9229';

async function debuggerUrl(): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const targets = await (await fetch(`${INSPECTOR}/json/list`)).json();
      return targets[0].webSocketDebuggerUrl;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}

export async function inspectReplicaHeap(runDir: string, replica: number) {
  process.kill(Number(replicaPid(runDir, replica)), 'SIGUSR1');
  const socket = new WebSocket(await debuggerUrl());
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let lastId = 0;
  const answers = new Map<number, (result: any) => void>();
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(String(data));
    answers.get(message.id)?.(message.result);
    answers.delete(message.id);
  };
  const call = (method: string) =>
    new Promise<any>(resolve => {
      const id = ++lastId;
      answers.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });

  return {
    /** Collects all garbage, then reads the heap's used size, in MiB. */
    async liveHeapMiB(): Promise<number> {
      await call('HeapProfiler.collectGarbage');
      const { usedSize } = await call('Runtime.getHeapUsage');
      return Math.round(usedSize / 2 ** 20);
    },
    close() {
      socket.close();
    },
  };
}
