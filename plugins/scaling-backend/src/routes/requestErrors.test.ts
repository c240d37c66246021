import express, { ErrorRequestHandler } from 'express';
import request from 'supertest';
import { createOpenApiRouter } from '../schema/openapi';
import { jsonBody, undeclaredPropertyErrors } from './requestErrors';

const SCALE = '/entities/component/default/logging-service/scale';
const scale = {
  cluster: 'meschain-us-east',
  workload: {
    kind: 'Deployment',
    namespace: 'meschain-sync',
    name: 'logging-service',
  },
  replicas: 3,
  resourceVersion: '7',
};

// The error body the backend's error handler sends, as far as these tests read it.
const errorBody: ErrorRequestHandler = (error, _req, res, _next) => {
  res.status(400).json({ error: { name: error.name, message: error.message } });
};

async function contractRouter() {
  const router = await createOpenApiRouter({ middleware: [jsonBody('1kb')] });
  router.post('/entities/:kind/:namespace/:name/scale', (req, res) => {
    const { cluster, workload, replicas } = req.body;
    res.json({
      cluster,
      region: 'us-east',
      workload,
      before: 2,
      after: replicas,
    });
  });
  router.use(undeclaredPropertyErrors);
  return express().use(router).use(errorBody);
}

// Compiling the contract's validators takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('the words of a refused request', () => {
  let app: express.Express;

  beforeAll(async () => {
    app = await contractRouter();
  });

  it('names the properties a body may not have, at the top and nested', async () => {
    const top = await request(app)
      .post(SCALE)
      .send({ ...scale, isAdmin: true });
    const nested = await request(app)
      .post(SCALE)
      .send({ ...scale, workload: { ...scale.workload, constructor: 1 } });

    expect(top.body.error).toEqual({
      name: 'InputError',
      message: 'request/body must NOT have additional properties: isAdmin',
    });
    expect(nested.body.error.message).toBe(
      'request/body/workload must NOT have additional properties: constructor',
    );
  });

  it('says the body is not JSON, or too large, rather than the parser’s jargon', async () => {
    const malformed = await request(app)
      .post(SCALE)
      .set('content-type', 'application/json')
      .send('{"cluster":');
    const scalar = await request(app)
      .post(SCALE)
      .set('content-type', 'application/json')
      .send('42');
    const large = await request(app)
      .post(SCALE)
      .send({ ...scale, padding: 'x'.repeat(2_000) });

    expect(malformed.body.error.message).toMatch(
      /^The request body must be a JSON object or array: /,
    );
    expect(scalar.body.error.message).toMatch(
      /^The request body must be a JSON object or array: /,
    );
    expect(large.body.error).toEqual({
      name: 'InputError',
      message: 'The request body is too large: larger than 1kb',
    });
  });

  it('lets a well-formed body through', async () => {
    const response = await request(app).post(SCALE).send(scale);

    expect(response.status).toBe(200);
    expect(response.body.after).toBe(3);
  });
});
