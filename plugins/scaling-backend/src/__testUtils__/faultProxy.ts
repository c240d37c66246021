import type { Fault, Status } from '@meschain/kube-sandbox';
import { statusErrors } from '@meschain/kube-sandbox';
import {
  Agent,
  createServer,
  request as httpsRequest,
  Server,
} from 'node:https';
import { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** The path prefix under which the proxy answers 404 for the resource metrics API. */
export const WITHOUT_METRICS_API_PREFIX = '/without-metrics-api';

const DEFAULT_DELAY_MS = 5_000;

/**
 * An HTTPS proxy in front of one real API server that misbehaves on demand, as the sandbox's
 * fault injection does: `down` stops listening (connection refused), `slow` holds each request
 * before forwarding it, `error500` and `forbidden` answer with that Status. It serves the API
 * server's own certificate, so a client trusts it with the cluster's CA, and forwards each
 * request with its headers (the bearer token) to the API server. Client certificates do not
 * pass through it.
 */
export class FaultProxy {
  #fault: Required<Fault> = { mode: 'none', delayMs: 0 };
  readonly #server: Server;
  readonly #agent: Agent;
  #port = 0;

  private constructor(
    private readonly upstream: URL,
    tls: { certPem: string; keyPem: string; caPem: string },
  ) {
    this.#agent = new Agent({ keepAlive: true, ca: tls.caPem });
    this.#server = createServer(
      { cert: tls.certPem, key: tls.keyPem },
      (req, res) => {
        this.#handle(req, res).catch(() => res.destroy());
      },
    );
  }

  static async start(options: {
    upstream: string;
    certPem: string;
    keyPem: string;
    caPem: string;
  }): Promise<FaultProxy> {
    const proxy = new FaultProxy(new URL(options.upstream), options);
    await proxy.#listen(0);
    return proxy;
  }

  /** `https://127.0.0.1:<port>`: where the backend is pointed instead of the API server. */
  get url(): string {
    return `https://127.0.0.1:${this.#port}`;
  }

  async setFault(fault: Fault): Promise<void> {
    const wasDown = this.#fault.mode === 'down';
    this.#fault = {
      mode: fault.mode,
      delayMs: fault.delayMs ?? DEFAULT_DELAY_MS,
    };
    if (fault.mode === 'down' && !wasDown) await this.#unlisten();
    if (fault.mode !== 'down' && wasDown) await this.#listen(this.#port);
  }

  async close(): Promise<void> {
    if (this.#fault.mode !== 'down') await this.#unlisten();
    this.#agent.destroy();
  }

  #listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        this.#port = (this.#server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  #unlisten(): Promise<void> {
    return new Promise(resolve => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { mode, delayMs } = this.#fault;
    if (mode === 'slow') {
      await new Promise(resolve => setTimeout(resolve, delayMs));
      if (req.destroyed) return;
    }
    if (mode === 'error500') {
      sendStatus(
        res,
        statusErrors.internal('the proxy was told to fail (fault injection)')
          .status,
      );
      return;
    }
    if (mode === 'forbidden') {
      sendStatus(
        res,
        statusErrors.forbidden(
          { resource: 'resources', group: '' },
          undefined,
          (req.method ?? 'get').toLowerCase(),
          'proxy-user',
          'fault injection',
        ).status,
      );
      return;
    }
    let path = req.url ?? '/';
    if (path.startsWith(WITHOUT_METRICS_API_PREFIX)) {
      path = path.slice(WITHOUT_METRICS_API_PREFIX.length);
      if (path.startsWith('/apis/metrics.k8s.io/')) {
        sendStatus(res, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'the server could not find the requested resource',
          reason: 'NotFound',
          code: 404,
        });
        return;
      }
    }
    const { host: _host, ...headers } = req.headers;
    const forwarded = httpsRequest(
      {
        host: this.upstream.hostname,
        port: this.upstream.port,
        path,
        method: req.method,
        headers,
        agent: this.#agent,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  }
}

function sendStatus(res: ServerResponse, status: Status) {
  res.writeHead(status.code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(status));
}
