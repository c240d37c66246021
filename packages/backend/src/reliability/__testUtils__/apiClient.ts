import { ApiRequest } from './requests';
import { Caller, ReliabilityTarget } from './target';

export interface ApiAnswer {
  status: number;
  /** The body as text, exactly as sent; `json` when it parses. */
  text: string;
  json?: any;
}

/** Calls the target's scaling API and keeps every answer's body, for the search for leaked secrets. */
export class ApiClient {
  readonly answers: string[] = [];

  constructor(private readonly target: ReliabilityTarget) {}

  async send(request: ApiRequest, caller: Caller): Promise<ApiAnswer> {
    const url = new URL(`${this.target.apiUrl}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(key, value);
    }
    const hasBody = request.rawBody !== undefined || request.body !== undefined;
    const response = await fetch(url, {
      method: request.method.toUpperCase(),
      headers: {
        ...(caller.authorization && { authorization: caller.authorization }),
        ...(hasBody && { 'content-type': 'application/json' }),
      },
      body:
        request.rawBody ?? (hasBody ? JSON.stringify(request.body) : undefined),
    });
    const text = await response.text();
    this.answers.push(text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }
}

/** What an error answer says about the request: its message and each problem's field and message. */
export function errorText(answer: ApiAnswer): string {
  const body = answer.json ?? {};
  const problems: Array<{ field?: string; message?: string }> = Array.isArray(
    body.problems,
  )
    ? body.problems
    : [];
  return [
    body.error?.message ?? '',
    ...problems.map(p => `${p.field ?? ''}: ${p.message ?? ''}`),
  ].join('\n');
}
