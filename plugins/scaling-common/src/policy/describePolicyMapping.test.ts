import { describePolicyMapping } from './describePolicyMapping';
import { DEFAULT_SCALING_PRESETS } from './presets';

const [CPU, , REQUESTS, CUSTOM] = DEFAULT_SCALING_PRESETS.map(
  preset => preset.policy,
);

describe('describePolicyMapping', () => {
  it('says what the CPU preset becomes, including what Kubernetes cannot express', () => {
    expect(describePolicyMapping(CPU)).toEqual([
      {
        field: 'targets[0]',
        text:
          'CPU becomes a Resource metric with a 70 % average utilization target. ' +
          'Kubernetes adds pods above about 77 % and removes them below about 63 % ' +
          '(its default 10 % tolerance); it has no separate scale-down threshold.',
      },
      {
        field: 'targets[0].scaleDownBelow',
        text:
          'Kubernetes has one target per metric, so "Scale down below 30 %" is expressed as ' +
          'a 300 s scale-down stabilization window and at most 30 % fewer pods per minute (rounded up to whole pods): ' +
          'pods go only after CPU use has stayed low, and gradually, but they may go while it is still above 30 %.',
      },
    ]);
  });

  it('explains that only the lowest threshold shapes the shared behavior', () => {
    const notes = describePolicyMapping({
      ...CPU,
      targets: [
        { kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 },
        { kind: 'memory', averageUtilization: 80, scaleDownBelow: 40 },
      ],
    });

    expect(notes).toContainEqual({
      field: 'targets',
      text:
        'The HPA works out a replica count for each of its 2 metrics and uses the largest, ' +
        'so any one target can add pods, and pods are removed only when every target allows it.',
    });
    expect(notes).toContainEqual({
      field: 'targets[1].scaleDownBelow',
      text:
        '"Scale down below 40 %" does not change the HPA: behavior is shared by all metrics, ' +
        'so the lowest threshold (30 %) sets the scale-down rate.',
    });
  });

  it('says when a behavior override replaces the threshold mapping', () => {
    const notes = describePolicyMapping({
      ...CPU,
      behavior: {
        scaleDown: {
          stabilizationWindowSeconds: 600,
          policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }],
        },
      },
    });

    expect(notes.slice(1)).toEqual([
      {
        field: 'targets[0].scaleDownBelow',
        text:
          '"Scale down below 30 %" would become a 300 s scale-down stabilization window and at most ' +
          '30 % fewer pods per minute (rounded up to whole pods), but the behavior override replaces the window and rate.',
      },
      {
        field: 'behavior.scaleDown',
        text: 'The scale-down behavior is set by hand: a 600 s stabilization window, at most 1 pod per 120 s.',
      },
    ]);
  });

  it('names the metrics and quantities the requests preset asks the adapter for', () => {
    expect(describePolicyMapping(REQUESTS)).toEqual([
      {
        field: 'targets',
        text: expect.stringContaining('each of its 2 metrics'),
      },
      {
        field: 'targets[0]',
        text: "Requests become the Pods metric http_requests_per_minute: the pods' average is kept at 1000 per minute.",
      },
      {
        field: 'targets[0].responseTimeLimitMs',
        text:
          'The 500 ms limit becomes the Pods metric http_request_duration_p95_seconds with an average target of 500m: ' +
          "pods are added while the pods' average p95 is above it, which helps meet the limit but does not guarantee it.",
      },
    ]);
  });

  it('says how each custom metric is read and compared', () => {
    const texts = describePolicyMapping(CUSTOM).map(note => note.text);

    expect(texts.slice(1)).toEqual([
      'Queue length becomes the Object metric queue_length of the scaled workload: ' +
        'its value divided by the replica count is kept at 30 messages per pod.',
      "Database connections becomes the Pods metric db_connections: the pods' average is kept at 20 connections.",
      'Marketplace API latency becomes the Object metric marketplace_api_latency_ms of the scaled workload: ' +
        'the replica count is scaled by the ratio of its value to 800 ms.',
    ]);
  });
});
