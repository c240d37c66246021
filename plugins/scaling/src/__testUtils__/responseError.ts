import { ResponseError } from '@backstage/errors';

/** The ResponseError the ScalingClient throws for an error answer of the backend. */
export function responseError(
  statusCode: number,
  error: { name: string; message: string },
  extra: Record<string, unknown> = {},
): Promise<ResponseError> {
  const body = JSON.stringify({ error, response: { statusCode }, ...extra });
  return ResponseError.fromResponse({
    ok: false,
    status: statusCode,
    statusText: '',
    url: 'http://backstage.test/api/scaling',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  } as Response);
}
