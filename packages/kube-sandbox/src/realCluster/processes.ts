import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1, as the kernel hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The control plane's programs, each logging to `<logDir>/<name>.log`. A program that exits
 * before `stopAll` is reported on stderr with its log's path, and fails whoever waits for it.
 */
export class ProcessGroup {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;
  // The programs run in their own process groups, so nothing else stops them when this
  // process ends without stopAll (an error, process.exit, a signal handled by exiting).
  private readonly killLeftovers = () => {
    for (const child of this.children.values()) child.kill('SIGKILL');
  };

  constructor(readonly binDir: string, readonly logDir: string) {
    process.once('exit', this.killLeftovers);
  }

  logFile(name: string): string {
    return join(this.logDir, `${name}.log`);
  }

  start(name: string, command: string, args: string[]): ChildProcess {
    const log = openSync(this.logFile(name), 'a');
    const child = spawn(command, args, {
      stdio: ['ignore', log, log],
      // Own process group, so Ctrl-C in a terminal reaches the launcher only and it stops
      // the programs in order.
      detached: true,
    });
    child.on('exit', (code, signal) => {
      this.children.delete(name);
      if (!this.stopping) {
        process.stderr.write(
          `${name} exited (${signal ?? `code ${code}`}); see ${this.logFile(
            name,
          )}\n`,
        );
      }
    });
    this.children.set(name, child);
    return child;
  }

  isRunning(name: string): boolean {
    return this.children.has(name);
  }

  /** Stops every program, newest first, with SIGTERM and after `graceMs` SIGKILL. */
  async stopAll(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    process.removeListener('exit', this.killLeftovers);
    const children = [...this.children.values()].reverse();
    await Promise.all(
      children.map(
        child =>
          new Promise<void>(resolve => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Polls `probe` until it answers true, failing after `timeoutMs` with `what` and the last error. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  isAlive: () => boolean = () => true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (!isAlive()) throw new Error(`${what}: the program exited`);
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not ready after ${timeoutMs / 1000} s${
          lastError ? ` (${lastError})` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
