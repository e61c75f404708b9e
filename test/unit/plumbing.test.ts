import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../infra/local/dispatch.ts';
import { principalFromClaims } from '../../shared/auth.ts';
import { ConfigError, loadLambdaConfig, loadLocalConfig } from '../../shared/config.ts';
import { CursorCodec } from '../../shared/cursor.ts';
import { BadRequestError } from '../../shared/errors.ts';
import { parseIfMatch, versionMatches } from '../../shared/versioned.ts';

describe('pagination cursors', () => {
  const codec = new CursorCodec('a-secret-of-sixteen+');
  const key = { pk: 'CONTEST#1', sk: 'PROPOSAL#2' };

  it('round-trips a key within its scope', () => {
    expect(codec.decode('s', codec.encode('s', key)!)).toEqual(key);
    expect(codec.encode('s', undefined)).toBeNull();
  });

  it('refuses a cursor from another scope, another secret or with an edited payload', () => {
    const cursor = codec.encode('s', key)!;
    expect(() => codec.decode('other', cursor)).toThrow(BadRequestError);
    expect(() => new CursorCodec('another-secret-123').decode('s', cursor)).toThrow(BadRequestError);
    const [, signature] = cursor.split('.');
    const edited = `${Buffer.from(JSON.stringify({ pk: 'TEAM#9', sk: '#TEAM' })).toString('base64url')}.${signature}`;
    expect(() => codec.decode('s', edited)).toThrow(BadRequestError);
    expect(() => codec.decode('s', 'garbage')).toThrow(BadRequestError);
  });
});

describe('If-Match', () => {
  it.each([
    [undefined, undefined],
    ['"3"', [3]],
    ['W/"12"', [12]],
    ['*', '*'],
    [' "7", "3" ', [7, 3]],
    ['"7",W/"3"', [7, 3]],
    ['"x"', []],
    ['"7", "x"', [7]],
    ['3', null],
    ['"3" "4"', null],
    ['"3",', null],
    ['*, "3"', null],
  ])('reads %s as %s', (header, version) => {
    expect(parseIfMatch(header)).toEqual(version);
  });

  it('matches a version against one tag, a list, or *', () => {
    expect(versionMatches(3, [7, 3])).toBe(true);
    expect(versionMatches(3, [])).toBe(false);
    expect(versionMatches(3, 4)).toBe(false);
    expect(versionMatches(3, '*')).toBe(true);
  });
});

describe('configuration', () => {
  it('names every missing Lambda variable', () => {
    expect(() => loadLambdaConfig({})).toThrow(
      /TABLE_NAME.*AWS_REGION.*AUTH_ISSUER.*AUTH_AUDIENCE.*SERVER_SECRET/,
    );
  });

  it('reads npm start flags and refuses unknown ones', () => {
    expect(loadLocalConfig(['--memory', '--port=0'], {})).toMatchObject({
      MEMORY: true,
      PORT: 0,
      DB_ENGINE: 'dynamodb-local',
    });
    expect(() => loadLocalConfig(['--engine=dynalite'], {})).toThrow(/DB_ENGINE/);
    expect(loadLocalConfig([], { PORT: '4000' }).PORT).toBe(4000);
    expect(() => loadLocalConfig(['--frobnicate'], {})).toThrow(ConfigError);
    expect(() => loadLocalConfig([], { PORT: 'many' })).toThrow(/PORT/);
  });
});

describe('token claims', () => {
  it('maps Cognito groups and the local roles claim to roles, and defaults to resident', () => {
    expect(
      principalFromClaims({ sub: 'a', 'cognito:groups': ['officers'], 'custom:office': 'xitun' }),
    ).toMatchObject({
      roles: ['officer'],
      officeId: 'xitun',
    });
    expect(principalFromClaims({ sub: 'b', roles: ['judge'] }).roles).toEqual(['judge']);
    expect(principalFromClaims({ sub: 'c' }).roles).toEqual(['resident']);
  });
});

describe('the local dispatcher', () => {
  const app = (name: string) => ({ fetch: () => new Response(name) });
  const dispatch = createDispatcher(
    {
      submissions: app('submissions'),
      scoring: app('scoring'),
      shortlisting: app('shortlisting'),
      awards: app('awards'),
      procurement: app('procurement'),
      portal: app('portal'),
    },
    app('dev'),
  );
  const to = async (method: string, path: string) =>
    (await dispatch(new Request(`http://x${path}`, { method }))).text();

  it('sends each route to the function the route table names', async () => {
    expect(await to('GET', '/')).toBe('portal');
    expect(await to('GET', '/api/openapi.json')).toBe('portal');
    expect(await to('GET', '/api/contests')).toBe('submissions');
    expect(await to('POST', '/api/contests/abc/proposals/def/submit')).toBe('submissions');
    expect(await to('GET', '/api/contests/abc/ranking.csv')).toBe('scoring');
    expect(await to('PUT', '/api/contests/abc/proposals/def/sheet')).toBe('scoring');
    expect(await to('PUT', '/api/procurements/abc/bids/def/sheet')).toBe('procurement');
    // No route: the portal answers it with problem+json (404, or 405 with Allow).
    expect(await to('DELETE', '/api/contests')).toBe('portal');
    expect(await to('GET', '/api/nowhere')).toBe('portal');
    expect(await to('GET', '/dev/sign-in')).toBe('dev');
  });
});
