import type { IncomingMessage, ServerResponse } from 'node:http';
import yaml from 'js-yaml';
import { statusErrors, StatusError, type Status } from '../status';

/** Request bodies larger than this are refused, as the API server's 3 MiB limit does. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export type Query = Record<string, string>;

export function parseQuery(search: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of search) query[key] = value;
  return query;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new StatusError(
        413,
        'BadRequest',
        'Request entity too large: limit is 3145728',
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The media type of a Content-Type header without parameters, lower-cased. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
}

/** Parses a JSON or YAML request body into a plain object. */
export function parseObjectBody(
  text: string,
  contentType: string | undefined,
): Record<string, unknown> {
  const type = mediaType(contentType);
  let parsed: unknown;
  try {
    parsed = type.includes('yaml') ? yaml.load(text) : JSON.parse(text);
  } catch (error) {
    throw statusErrors.badRequest(
      `the body of the request could not be decoded: ${
        (error as Error).message
      }`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw statusErrors.badRequest('the body of the request must be an object');
  }
  return parsed as Record<string, unknown>;
}

export function sendJsonText(
  res: ServerResponse,
  code: number,
  body: string | Buffer,
  contentType = 'application/json',
): void {
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache, private',
  });
  res.end(body);
}

/** Sends a body made of many chunks with one Content-Length, corked into few socket writes. */
export function sendChunks(
  res: ServerResponse,
  code: number,
  chunks: readonly Buffer[],
  contentType = 'application/json',
): void {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': length,
    'Cache-Control': 'no-cache, private',
  });
  res.cork();
  for (const chunk of chunks) res.write(chunk);
  res.uncork();
  res.end();
}

export function sendJson(
  res: ServerResponse,
  code: number,
  value: unknown,
  contentType?: string,
): void {
  sendJsonText(res, code, JSON.stringify(value), contentType);
}

export function sendStatus(res: ServerResponse, status: Status): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status.code, status);
}

/** Turns anything thrown while handling a request into the Status the client gets. */
export function toStatus(error: unknown): Status {
  if (error instanceof StatusError) return error.status;
  return statusErrors.internal(
    error instanceof Error ? error.message : String(error),
  ).status;
}

/** A parsed `Accept` header entry: `application/json;as=Table;v=v1;g=meta.k8s.io`. */
export interface AcceptEntry {
  type: string;
  params: Record<string, string>;
}

export function parseAccept(header: string | undefined): AcceptEntry[] {
  if (!header) return [{ type: '*/*', params: {} }];
  return header.split(',').map(part => {
    const [type, ...rest] = part.split(';');
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
    }
    return { type: type.trim().toLowerCase(), params };
  });
}

export function acceptsJson(entry: AcceptEntry): boolean {
  return (
    entry.type === 'application/json' ||
    entry.type === '*/*' ||
    entry.type === 'application/*'
  );
}
