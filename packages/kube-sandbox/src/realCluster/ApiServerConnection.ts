import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How to reach an API server, as a kubeconfig gives it. */
export interface ApiServerAccess {
  /** Base URL, e.g. `https://127.0.0.1:6443` (a path prefix is kept). */
  url: string;
  /** Bearer token. */
  token: string;
  /** The CA that signed the server's certificate: base64 of its PEM, as `certificate-authority-data`. */
  caData: string;
}

/** A non-2xx answer, with the Status the API server sent when it sent one. */
export class ApiServerError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiServerError';
  }
}

/** GETs JSON documents and newline-delimited watch streams from one API server. */
export class ApiServerConnection {
  readonly #base: URL;
  /** The base URL's path without its trailing slash, e.g. '' or '/clusters/eu-west'. */
  readonly #prefix: string;
  readonly #token: string;
  readonly #ca: string;

  constructor(access: ApiServerAccess) {
    this.#base = new URL(access.url);
    this.#prefix = this.#base.pathname.replace(/\/+$/, '');
    this.#token = access.token;
    this.#ca = Buffer.from(access.caData, 'base64').toString('utf8');
  }

  async getJson<T>(path: string, signal: AbortSignal): Promise<T> {
    const response = await this.#get(path, signal);
    return JSON.parse(await readText(response)) as T;
  }

  /**
   * Calls `onValue` with each line of a newline-delimited JSON stream, resolving when the server
   * ends it. A stream silent for `idleTimeoutMs` is taken for a dead connection and rejected.
   */
  async streamLines(
    path: string,
    signal: AbortSignal,
    onValue: (value: unknown) => void,
    idleTimeoutMs: number,
  ): Promise<void> {
    const response = await this.#get(path, signal, idleTimeoutMs);
    let pending = '';
    response.setEncoding('utf8');
    for await (const chunk of response) {
      pending += chunk as string;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) onValue(JSON.parse(line));
        newline = pending.indexOf('\n');
      }
    }
  }

  #get(
    path: string,
    signal: AbortSignal,
    idleTimeoutMs?: number,
  ): Promise<IncomingMessage> {
    const url = new URL(`${this.#prefix}${path}`, this.#base);
    const https = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(url, {
        method: 'GET',
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.#token}`,
        },
        signal,
        ...(https ? { ca: this.#ca } : {}),
      });
      if (idleTimeoutMs !== undefined) {
        req.setTimeout(idleTimeoutMs, () =>
          req.destroy(
            new Error(`no data from ${url.pathname} for ${idleTimeoutMs} ms`),
          ),
        );
      }
      req.once('error', reject);
      req.once('response', response => {
        const code = response.statusCode ?? 0;
        if (code >= 200 && code < 300) {
          resolve(response);
          return;
        }
        readText(response)
          .then(text => reject(errorFromResponse(code, text)))
          .catch(reject);
      });
      req.end();
    });
  }
}

async function readText(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function errorFromResponse(code: number, text: string): ApiServerError {
  try {
    const status = JSON.parse(text) as { message?: string; reason?: string };
    return new ApiServerError(code, status.message ?? text, status.reason);
  } catch {
    return new ApiServerError(code, text.slice(0, 200) || `HTTP ${code}`);
  }
}
