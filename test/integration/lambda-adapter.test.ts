import type { Context } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { lambdaHandler, powertoolsTelemetry } from '../../functions/powertools.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { buildWorld, type World } from '../support/world.ts';

/** An API Gateway HTTP API (payload 2.0) event as Lambda receives it. */
type V2Event = Extract<LambdaEvent, { routeKey: string }>;

function event(method: string, rawPath: string, routeKey: string, extra: Partial<V2Event> = {}): V2Event {
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: '',
    headers: {
      host: 'abc123.execute-api.ap-east-1.amazonaws.com',
      'accept-language': 'en',
      ...extra.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'api-request-1',
      routeKey,
      stage: '$default',
      time: '02/Mar/2026:01:00:00 +0000',
      timeEpoch: 1772413200000,
    },
    isBase64Encoded: false,
    body: null,
    ...extra,
  } as V2Event;
}

const context = { awsRequestId: 'lambda-request-1', functionName: 'submissions' } as Context;
const telemetry = powertoolsTelemetry({ serviceName: 'submissions', namespace: 'MicroVentureTest' });

let h: Harness;
let w: World;
let handler: ReturnType<typeof lambdaHandler>;
let logs: string[];

async function invoke(e: V2Event) {
  const result = await handler(e, context);
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString() : result.body;
  return { ...result, json: body ? JSON.parse(body) : undefined };
}

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h, 'open');
  handler = lambdaHandler(createSubmissionsApp({ ...w.deps, telemetry }), telemetry);
});

function captureLogs() {
  logs = [];
  const keep = (chunk: unknown) => {
    logs.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.startsWith('{')),
    );
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'info').mockImplementation(keep);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Lambda adapter with API Gateway v2 events', () => {
  it('routes by the raw path, with path parameters, and answers JSON', async () => {
    // Act
    const result = await invoke(
      event('GET', `/api/contests/${w.contestId}`, 'GET /api/contests/{contestId}', {
        pathParameters: { contestId: w.contestId },
      }),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.json.id).toBe(w.contestId);
    expect(result.headers?.['content-type']).toMatch(/json/);
  });

  it('reads a base64-encoded body', async () => {
    // Prepare
    const body = Buffer.from(JSON.stringify({ ...teamInput, name: '编码的团队' })).toString('base64');

    // Act
    const result = await invoke(
      event('POST', '/api/teams', 'POST /api/teams', {
        headers: { authorization: `Bearer ${w.tokens.owner}`, 'content-type': 'application/json' },
        body,
        isBase64Encoded: true,
      }),
    );

    // Assess
    expect(result.statusCode).toBe(201);
    expect(result.json.name).toBe('编码的团队');
  });

  it('reads the session cookie from the event’s cookies list', async () => {
    // Act
    const result = await invoke(
      event('GET', '/api/me/teams', 'GET /api/me/teams', {
        cookies: ['lang=en', `${SESSION_COOKIE}=${w.tokens.owner}`],
      }),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.json.items.length).toBeGreaterThan(0);
  });

  it('grants nothing for authorizer claims alone: the app verifies the token itself', async () => {
    // Prepare: claims as API Gateway flattens them, groups as a string, but no token.
    const claims = { sub: w.people.officer.sub, 'cognito:groups': '[officers]', office: w.office };

    // Act
    const result = await invoke(
      event('GET', `/api/offices/${w.office}/contests`, 'GET /api/offices/{officeId}/contests', {
        pathParameters: { officeId: w.office },
        requestContext: {
          ...event('GET', '/', '').requestContext,
          authorizer: { jwt: { claims, scopes: [] } },
        } as V2Event['requestContext'],
      }),
    );

    // Assess
    expect(result.statusCode).toBe(401);
    expect(result.headers?.['content-type']).toMatch(/problem\+json/);
  });

  it('logs the request with the Lambda and API request ids, and flushes metrics after it', async () => {
    // Prepare
    captureLogs();
    const draft = await buildWorld(h, 'open');
    const submit = lambdaHandler(createSubmissionsApp({ ...draft.deps, telemetry }), telemetry);

    // Act
    const path = `/api/contests/${draft.contestId}/proposals/${draft.draftId}/submit`;
    await submit(
      event('POST', path, 'POST /api/contests/{contestId}/proposals/{proposalId}/submit', {
        headers: { authorization: `Bearer ${draft.tokens.owner}` },
      }),
      context,
    );

    // Assess
    const parsed = logs.map((line) => JSON.parse(line));
    expect(parsed).toContainEqual(
      expect.objectContaining({
        message: 'request',
        route: 'submitProposal',
        status: 200,
        function_request_id: 'lambda-request-1',
        apiRequestId: 'api-request-1',
      }),
    );
    expect(parsed.find((entry) => entry._aws)?.ProposalsSubmitted).toBe(1);
  });
});

describe('the portal’s hosted sign-in through the adapter', () => {
  it('returns its flow cookie in the result’s cookies and the redirect in its headers', async () => {
    // Prepare
    const portal = lambdaHandler(
      createPortalApp({
        ...h.deps,
        hostedSignIn: {
          clientId: 'c',
          authorizeUrl: 'https://idp.test/authorize',
          tokenUrl: 'https://idp.test/token',
          portalUrl: 'https://portal.test',
        },
      }),
      telemetry,
    );

    // Act
    const result = await portal(
      event('GET', '/auth/login', 'GET /auth/login', { rawQueryString: 'next=%2F' }),
      context,
    );

    // Assess
    expect(result.statusCode).toBe(302);
    expect(result.headers?.location).toMatch(/^https:\/\/idp\.test\/authorize\?/);
    expect(result.cookies?.some((cookie) => cookie.startsWith('mv_oidc=') && /HttpOnly/.test(cookie))).toBe(
      true,
    );
  });
});
