import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BusinessMetric, RequestRecord, Telemetry } from '../../functions/http/telemetry.ts';
import { powertoolsTelemetry } from '../../functions/powertools.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildWorld } from '../support/world.ts';

/** Keeps what the app reports, as Powertools would receive it. */
function recordingTelemetry() {
  const requests: RequestRecord[] = [];
  const counts: [BusinessMetric, number][] = [];
  const telemetry: Telemetry = {
    request: (record) => requests.push(record),
    count: (metric, value) => counts.push([metric, value]),
  };
  return { telemetry, requests, counts };
}

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request telemetry', () => {
  it('records the route, status and principal id of each request, and counts a submitted proposal', async () => {
    // Prepare
    const w = await buildWorld(h, 'open');
    const seen = recordingTelemetry();
    const app = createSubmissionsApp({ ...w.deps, telemetry: seen.telemetry });

    // Act
    const response = await call(app, 'POST', `/api/contests/${w.contestId}/proposals/${w.draftId}/submit`, {
      token: w.tokens.owner,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(seen.requests).toEqual([
      {
        route: 'submitProposal',
        method: 'POST',
        status: 200,
        latencyMs: expect.any(Number),
        principalId: w.people.resident.sub,
      },
    ]);
    expect(seen.counts).toEqual([['ProposalsSubmitted', 1]]);
  });

  it('records a refused request with its problem code and counts nothing', async () => {
    // Prepare: the proposal was already submitted.
    const w = await buildWorld(h, 'open');
    const seen = recordingTelemetry();
    const app = createSubmissionsApp({ ...w.deps, telemetry: seen.telemetry });

    // Act
    const response = await call(
      app,
      'POST',
      `/api/contests/${w.contestId}/proposals/${w.submittedId}/submit`,
      {
        token: w.tokens.owner,
      },
    );

    // Assess
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(seen.requests[0]).toMatchObject({
      route: 'submitProposal',
      status: response.status,
      errorCode: response.body.code,
    });
    expect(seen.counts).toEqual([]);
  });

  it('records anonymous reads without a principal and never a name or a query string', async () => {
    // Prepare
    const w = await buildWorld(h, 'open');
    const seen = recordingTelemetry();
    const app = createSubmissionsApp({ ...w.deps, telemetry: seen.telemetry });

    // Act
    await call(app, 'GET', `/api/contests/${w.contestId}?secret=张阿姨`);
    await call(app, 'GET', '/api/me/teams', { token: w.tokens.owner });

    // Assess
    expect(seen.requests.map((r) => r.route)).toEqual(['getContest', 'listMyTeams']);
    expect(seen.requests[0]).not.toHaveProperty('principalId');
    const logged = JSON.stringify(seen.requests);
    expect(logged).not.toContain(w.people.resident.name);
    expect(logged).not.toContain('secret');
  });
});

describe('Powertools', () => {
  it('writes one structured JSON line per request and business metrics in embedded metric format', async () => {
    // Prepare
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => capture(line));
    const live = powertoolsTelemetry({ serviceName: 'submissions', namespace: 'MicroVentureTest' });

    // Act
    live.request({
      route: 'submitProposal',
      method: 'POST',
      status: 200,
      latencyMs: 12,
      principalId: 'sub-1',
    });
    live.count('ProposalsSubmitted', 1);
    live.metrics.publishStoredMetrics();

    // Assess
    const records = lines.flatMap((line) => line.split('\n')).filter((line) => line.trim().startsWith('{'));
    const parsed = records.map((line) => JSON.parse(line));
    expect(parsed).toContainEqual(
      expect.objectContaining({
        message: 'request',
        service: 'submissions',
        route: 'submitProposal',
        principalId: 'sub-1',
      }),
    );
    const emf = parsed.find((entry) => entry._aws);
    expect(emf?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'MicroVentureTest',
      Metrics: [{ Name: 'ProposalsSubmitted', Unit: 'Count' }],
    });
    expect(emf?.ProposalsSubmitted).toBe(1);
  });
});
