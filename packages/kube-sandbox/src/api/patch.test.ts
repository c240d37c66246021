import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
} from './patch';

describe('patches', () => {
  const deployment = {
    metadata: { name: 'web', labels: { a: '1', b: '2' }, finalizers: ['x'] },
    spec: {
      replicas: 2,
      template: {
        spec: {
          containers: [
            {
              name: 'web',
              image: 'web:1',
              env: [{ name: 'A', value: '1' }],
              ports: [{ containerPort: 8080, name: 'http' }],
            },
            { name: 'sidecar', image: 'side:1' },
          ],
          tolerations: [{ key: 'k1' }],
        },
      },
    },
  };

  it('merge patch (RFC 7386) replaces lists and deletes with null', () => {
    const result = applyMergePatch(deployment, {
      metadata: { labels: { a: null, c: '3' } },
      spec: { template: { spec: { containers: [{ name: 'only' }] } } },
    }) as typeof deployment;
    expect(result.metadata.labels).toEqual({ b: '2', c: '3' });
    expect(result.spec.template.spec.containers).toEqual([{ name: 'only' }]);
    expect(deployment.metadata.labels).toEqual({ a: '1', b: '2' });
  });

  it('strategic merge patch merges containers, env and ports by key, and replaces lists without a key', () => {
    const result = applyStrategicMergePatch(deployment, {
      metadata: { finalizers: ['y'] },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                image: 'web:2',
                env: [{ name: 'B', value: '2' }],
                ports: [{ containerPort: 8080, protocol: 'TCP' }],
              },
              { name: 'new', image: 'new:1' },
            ],
            tolerations: [{ key: 'k2' }],
          },
        },
      },
    }) as typeof deployment;
    const [web, sidecar, added] = result.spec.template.spec.containers as Array<
      Record<string, unknown>
    >;
    expect(web).toEqual({
      name: 'web',
      image: 'web:2',
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    });
    expect(sidecar).toEqual({ name: 'sidecar', image: 'side:1' });
    expect(added).toEqual({ name: 'new', image: 'new:1' });
    expect(result.spec.template.spec.tolerations).toEqual([{ key: 'k2' }]);
    expect(result.metadata.finalizers).toEqual(['x', 'y']);
  });

  it('strategic merge patch honours $patch delete and replace, $retainKeys and $deleteFromPrimitiveList', () => {
    const result = applyStrategicMergePatch(deployment, {
      metadata: {
        $deleteFromPrimitiveList: undefined,
        labels: { $patch: 'replace', z: '9' },
        '$deleteFromPrimitiveList/finalizers': ['x'],
      },
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate' },
        template: {
          spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] },
        },
      },
    }) as typeof deployment & { spec: { strategy: unknown } };
    expect(result.metadata.labels).toEqual({ z: '9' });
    expect(result.metadata.finalizers).toEqual([]);
    expect(result.spec.template.spec.containers.map(c => c.name)).toEqual([
      'web',
    ]);
    expect(result.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('merges Service ports by port number', () => {
    const service = {
      spec: {
        ports: [
          { port: 80, targetPort: 8080 },
          { port: 443, targetPort: 8443 },
        ],
      },
    };
    const result = applyStrategicMergePatch(service, {
      spec: { ports: [{ port: 443, name: 'https' }] },
    }) as typeof service;
    expect(result.spec.ports).toEqual([
      { port: 80, targetPort: 8080 },
      { port: 443, targetPort: 8443, name: 'https' },
    ]);
  });

  it('JSON patch (RFC 6902) applies add, replace, remove, move, copy and test, and fails with 422', () => {
    const result = applyJsonPatch(deployment, [
      { op: 'test', path: '/spec/replicas', value: 2 },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels/c', value: '3' },
      { op: 'remove', path: '/metadata/labels/a' },
      {
        op: 'add',
        path: '/spec/template/spec/containers/-',
        value: { name: 'x' },
      },
      { op: 'copy', from: '/metadata/labels/b', path: '/metadata/labels/d' },
      { op: 'move', from: '/metadata/labels/d', path: '/metadata/labels/e' },
    ]) as typeof deployment;
    expect(result.spec.replicas).toBe(3);
    expect(result.metadata.labels).toEqual({ b: '2', c: '3', e: '2' });
    expect(result.spec.template.spec.containers.map(c => c.name)).toEqual([
      'web',
      'sidecar',
      'x',
    ]);
    expect(() =>
      applyJsonPatch(deployment, [
        { op: 'test', path: '/spec/replicas', value: 5 },
      ]),
    ).toThrow(
      expect.objectContaining({
        status: expect.objectContaining({ code: 422 }),
      }),
    );
    expect(() =>
      applyJsonPatch(deployment, [{ op: 'remove', path: '/spec/nope/x' }]),
    ).toThrow(/missing path/);
  });
});
