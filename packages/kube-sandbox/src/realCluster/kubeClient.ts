import { request } from 'node:https';
import type { KubeObject } from '../store/types';
import { collectionPath } from './resourcePaths';

/** How a client reaches one API server: its URL, the CA that signed it, and who it is. */
export interface KubeCredentials {
  url: string;
  caPem: string;
  /** A bearer token, or a client certificate and key (PEM). */
  token?: string;
  certPem?: string;
  keyPem?: string;
}

export interface KubeResponse {
  status: number;
  body: any;
}

/** A minimal JSON client of the Kubernetes REST API, for seeding and set-up. */
export class KubeClient {
  constructor(readonly credentials: KubeCredentials) {}

  request(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
    accept = 'application/json',
  ): Promise<KubeResponse> {
    const { url, caPem, token, certPem, keyPem } = this.credentials;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(`${url.replace(/\/$/, '')}${path}`),
        {
          method,
          ca: caPem,
          cert: certPem,
          key: keyPem,
          headers: {
            Accept: accept,
            ...(token && { Authorization: `Bearer ${token}` }),
            ...(payload !== undefined && { 'Content-Type': contentType }),
          },
          timeout: 30_000,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON (e.g. /readyz): keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path}: timed out`)),
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** Sends `method` and fails with the API server's own message unless it answered 2xx. */
  async expect(
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<any> {
    const response = await this.request(method, path, body, contentType);
    if (response.status < 200 || response.status >= 300) {
      const message = response.body?.message ?? JSON.stringify(response.body);
      throw new Error(`${method} ${path}: ${response.status} ${message}`);
    }
    return response.body;
  }

  /** Creates or replaces `object` with server-side apply, as `kubectl apply --server-side` does. */
  apply(path: string, object: KubeObject): Promise<any> {
    return this.expect(
      'PATCH',
      `${path}/${object.metadata.name}?fieldManager=meschain-real-cluster&force=true`,
      object,
      'application/apply-patch+yaml',
    );
  }
}

/**
 * The plural of the kinds the launcher applies. For these, as for most built-in kinds,
 * Kubernetes forms it by lower-casing the kind and adding an s.
 */
function pluralOfKind(kind: string): string {
  return `${kind.toLowerCase()}s`;
}

/** Applies each object with server-side apply, in order. */
export async function applyManifests(
  client: KubeClient,
  objects: KubeObject[],
): Promise<void> {
  for (const object of objects) {
    await client.apply(
      collectionPath(object, pluralOfKind(object.kind)),
      object,
    );
  }
}
