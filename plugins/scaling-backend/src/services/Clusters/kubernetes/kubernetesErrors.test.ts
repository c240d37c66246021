import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { V1Status } from '@kubernetes/client-node';
import {
  errorFromFailedRequest,
  errorFromResponse,
  kubernetesFailureOf,
  parseKubernetesStatus,
} from './kubernetesErrors';

const request = {
  clusterName: 'meschain-eu-west',
  method: 'PUT',
  path: '/apis/apps/v1/namespaces/shop/deployments/web',
};

function status(code: number, reason: string, message: string) {
  return { kind: 'Status', code, reason, message } as V1Status;
}

describe('errorFromResponse', () => {
  it.each([
    [404, 'NotFound', NotFoundError],
    [409, 'Conflict', ConflictError],
    [410, 'Expired', ConflictError],
    [400, 'BadRequest', InputError],
    [422, 'Invalid', InputError],
    [401, 'Unauthorized', NotAllowedError],
    [403, 'Forbidden', NotAllowedError],
    [429, 'TooManyRequests', ServiceUnavailableError],
    [500, 'InternalError', ServiceUnavailableError],
    [503, 'ServiceUnavailable', ServiceUnavailableError],
  ])('maps HTTP %i (%s) to %p', (code, reason, errorClass) => {
    const error = errorFromResponse(
      request,
      code,
      status(code, reason, 'the reason'),
    );

    expect(error).toBeInstanceOf(errorClass);
    expect(error.message).toContain('meschain-eu-west');
  });

  it("never answers the cluster's 401 with a 401 of its own: the user is signed in, the backend's token is wrong", () => {
    const error = errorFromResponse(
      request,
      401,
      status(401, 'Unauthorized', 'Unauthorized'),
    );

    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toBe(
      "Cluster meschain-eu-west did not accept the scaling backend's credentials (401 Unauthorized); check the cluster's service-account token",
    );
  });

  it('says what the service account may not do on a 403', () => {
    const error = errorFromResponse(
      request,
      403,
      status(
        403,
        'Forbidden',
        'deployments.apps "web" is forbidden: User "system:serviceaccount:backstage:scaling" cannot update resource "deployments"',
      ),
    );

    expect(error.message).toBe(
      'Cluster meschain-eu-west forbids the scaling backend\'s service account to PUT /apis/apps/v1/namespaces/shop/deployments/web: deployments.apps "web" is forbidden: User "system:serviceaccount:backstage:scaling" cannot update resource "deployments"',
    );
  });

  it('keeps the 409 message the API server wrote, and the Status beside the error', () => {
    const conflict = status(
      409,
      'Conflict',
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );

    const error = errorFromResponse(request, 409, conflict);

    expect(error.message).toBe(
      'Cluster meschain-eu-west: Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(kubernetesFailureOf(error)).toEqual({
      httpStatus: 409,
      status: conflict,
    });
  });

  it('names every rejected field of a 422, without repeating the ones the message already holds', () => {
    const invalid: V1Status = {
      kind: 'Status',
      code: 422,
      reason: 'Invalid',
      message:
        'HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.maxReplicas: Invalid value: 0: must be greater than 0',
      details: {
        causes: [
          {
            field: 'spec.maxReplicas',
            message: 'Invalid value: 0: must be greater than 0',
          },
          {
            field: 'spec.metrics[0].resource.target.averageUtilization',
            message: 'Invalid value: 0: must be greater than 0',
          },
        ],
      },
    };

    const error = errorFromResponse(request, 422, invalid);

    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'Cluster meschain-eu-west rejected the request: HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.maxReplicas: Invalid value: 0: must be greater than 0 (spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0)',
    );
  });

  it('still names the cluster and the status when a proxy answered without a Status', () => {
    const error = errorFromResponse(request, 502, undefined);

    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      'Cluster meschain-eu-west answered PUT /apis/apps/v1/namespaces/shop/deployments/web with 502: HTTP status 502',
    );
  });
});

describe('parseKubernetesStatus', () => {
  it('reads a Status and nothing else', () => {
    expect(
      parseKubernetesStatus('{"kind":"Status","code":404,"reason":"NotFound"}'),
    ).toEqual({ kind: 'Status', code: 404, reason: 'NotFound' });
    expect(parseKubernetesStatus('{"kind":"Deployment"}')).toBeUndefined();
    expect(parseKubernetesStatus('<html>Bad gateway</html>')).toBeUndefined();
  });
});

describe('errorFromFailedRequest', () => {
  it('says how long the cluster was given when it timed out', () => {
    const error = errorFromFailedRequest(
      { ...request, method: 'GET' },
      new DOMException('The operation was aborted due to timeout'),
      2500,
    );

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'Cluster meschain-eu-west did not answer GET /apis/apps/v1/namespaces/shop/deployments/web within 2500 ms',
    );
  });

  it('gives the network cause and its code when the cluster could not be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    const reset = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
    });

    expect(
      errorFromFailedRequest({ ...request, method: 'GET' }, refused, undefined)
        .message,
    ).toBe(
      'Cluster meschain-eu-west is unreachable (GET /apis/apps/v1/namespaces/shop/deployments/web): connect ECONNREFUSED',
    );
    expect(
      errorFromFailedRequest({ ...request, method: 'GET' }, reset, undefined)
        .message,
    ).toBe(
      'Cluster meschain-eu-west is unreachable (GET /apis/apps/v1/namespaces/shop/deployments/web): other side closed [UND_ERR_SOCKET]',
    );
  });
});
