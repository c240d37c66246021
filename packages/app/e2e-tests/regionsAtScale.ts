/**
 * A regions overview far larger than the demo's: `regionCount` regions paired
 * for DR and `edgeCount` edge locations spread over the inhabited latitudes.
 * Coordinates come from a fixed sequence, so every run draws the same map.
 */
export function regionsOverviewAtScale(regionCount: number, edgeCount: number) {
  const coordinates = (index: number, count: number) => ({
    latitude: -50 + ((index * 37) % count) * (110 / count),
    longitude: -170 + ((index * 61) % count) * (340 / count),
  });
  const amounts = (cpuCores: number) => ({
    cpuCores,
    memoryBytes: cpuCores * 4 * 1024 ** 3,
  });
  const regions = Array.from({ length: regionCount }, (_, index) => {
    const id = `region-${index}`;
    const drRegion = `region-${index % 2 === 0 ? index + 1 : index - 1}`;
    const allocatable = 16 + (index % 8) * 16;
    return {
      region: {
        id,
        displayName: `Region ${index}`,
        role: index % 2 === 0 ? 'primary' : 'dr',
        drRegion: drRegion === `region-${regionCount}` ? undefined : drRegion,
        clusters: [`cluster-${index}`],
        ...coordinates(index, regionCount),
      },
      health: index % 13 === 0 ? 'degraded' : 'healthy',
      capacity: {
        allocatable: amounts(allocatable),
        requested: amounts(allocatable / 2),
        free: amounts(allocatable / 2),
        nodes: 4,
        readyNodes: 4,
      },
      cost: {
        currency: 'USD',
        hourly: allocatable * 0.04,
        monthly: allocatable * 0.04 * 730,
      },
      latency: { configuredMs: 20 + index, measuredMs: 3 },
      clusters: [{ name: `cluster-${index}`, reachable: true, roundTripMs: 3 }],
      services: [],
      errors: [],
    };
  });
  const edgeLocations = Array.from({ length: edgeCount }, (_, index) => ({
    id: `edge-${index}`,
    kind: index % 3 === 0 ? 'edge-compute' : 'cdn-pop',
    city: `City ${index}`,
    country: 'XX',
    ...coordinates(index, edgeCount),
  }));
  return {
    regions,
    edgeLocations,
    dr: {
      summary: { verdict: 'pass', pass: 0, fail: 0, unknown: 0 },
      services: [],
    },
    generatedAt: new Date(0).toISOString(),
  };
}
