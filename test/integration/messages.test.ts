import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiDocument, documentedApps } from '../../functions/portal/api-document.ts';
import { FIELD_NAMES } from '../../shared/field-names.ts';
import { LOCALES } from '../../shared/i18n.ts';
import { completeProposal, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** No message a person reads shows a placeholder, fen, an ISO-UTC time or a status identifier. */
function expectReadable(text: string) {
  expect(text).not.toMatch(/[{}]|\d{4}-\d{2}-\d{2}T|\b\d+ ?(分|fen)\b|期望|received|undefined/);
}

function expectReadableProblem(body: { title: string; detail: string; errors?: { message: string }[] }) {
  expectReadable(body.title);
  expectReadable(body.detail);
  for (const error of body.errors ?? []) expectReadable(error.message);
}

describe('messages people can read', () => {
  it('reports an amount over the cap as such, in yuan, in both languages', async () => {
    const w = await buildWorld(h, 'open');
    const over = 1_600_000;
    const { body: draft } = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
      token: w.tokens.owner,
      body: {
        teamId: w.teamId,
        ...completeProposal,
        budgetLines: [{ item: '服务费', unitPriceFen: over, quantity: 1, amountFen: over }],
        requestedFen: over,
      },
    });
    const expected = {
      'zh-CN': '申请金额 16,000.00 元超过单个项目上限 15,000.00 元',
      en: 'The requested amount of 16,000.00 yuan is above the per-project cap of 15,000.00 yuan',
    };
    for (const lang of LOCALES) {
      const refused = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals/${draft.id}/submit`, {
        token: w.tokens.owner,
        lang,
      });
      expectProblem(refused, 422);
      expect(refused.body.code).toBe('proposal.aboveCap');
      expect(refused.body.detail).toBe(expected[lang]);
      expect(refused.body.errors).toEqual([{ path: 'requestedFen', message: expected[lang] }]);
      expectReadableProblem(refused.body);
    }
  });

  it('names the missing or wrong field in words', async () => {
    const w = await buildWorld(h, 'open');
    const messages = {
      'zh-CN': ['请填写“名称”', '“类型”应为以下之一'],
      en: ['Name is required', 'Kind must be one of'],
    };
    for (const lang of LOCALES) {
      const { name: _name, ...nameless } = teamInput;
      const refused = await call(w.app, 'POST', '/api/teams', {
        token: w.tokens.owner,
        body: { ...nameless, kind: 'club' },
        lang,
      });
      expectProblem(refused, 422);
      const text = refused.body.errors.map((e: { message: string }) => e.message).join('\n');
      for (const message of messages[lang]) expect(text).toContain(message);
      expectReadableProblem(refused.body);
    }
  });

  it('names the phase and shows deadlines in Beijing time', async () => {
    const draft = await buildWorld(h, 'draft');
    const wrongPhase = {
      'zh-CN': '大赛当前处于“草稿”阶段，不能执行此操作',
      en: 'The contest is in its “draft” phase; this action is not possible now',
    };
    for (const lang of LOCALES) {
      const refused = await call(draft.app, 'POST', `/api/contests/${draft.contestId}/close`, {
        token: draft.tokens.officer,
        lang,
      });
      expectProblem(refused, 409);
      expect(refused.body.detail).toBe(wrongPhase[lang]);
      expect(refused.body.title).toBe(
        lang === 'zh-CN' ? '与当前状态冲突' : 'Conflict with the current state',
      );
    }

    const open = await buildWorld(h, 'open');
    const contest = (await call(open.app, 'GET', `/api/contests/${open.contestId}`)).body;
    for (const lang of LOCALES) {
      const early = await call(open.app, 'POST', `/api/contests/${open.contestId}/close`, {
        token: open.tokens.officer,
        lang,
      });
      expectProblem(early, 409);
      expectReadableProblem(early.body);
      // The test epoch is 2026-03-02 09:00 Beijing time; the deadline is 14 days later.
      expect(contest.submissionDeadline).toBe('2026-03-16T01:00:00.000Z');
      expect(early.body.detail).toContain(
        lang === 'zh-CN' ? '2026年3月16日 09:00（北京时间）' : '16 Mar 2026, 09:00 (Beijing time)',
      );
    }
  });
});

describe('text that must be visible', () => {
  const blanks = ['\u2800', '\u200b\u200b', '\u3164', ' \u00a0\u2800 ', '\ufe0f'];

  it('refuses a title or name with nothing visible, and bidi overrides in names, in both languages', async () => {
    const w = await buildWorld(h, 'open');
    for (const title of blanks) {
      for (const lang of LOCALES) {
        const refused = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
          token: w.tokens.owner,
          body: { teamId: w.teamId, ...completeProposal, title },
          lang,
        });
        expectProblem(refused, 422);
        expect(refused.body.errors).toEqual([
          {
            path: 'title',
            message:
              lang === 'zh-CN'
                ? '“标题”须包含至少一个看得见的字符（空格、零宽字符、盲文空白等填充字符不算）'
                : 'Title needs at least one visible character (spaces, zero-width and blank filler characters do not count)',
          },
        ]);
      }
    }
    for (const name of ['\u202eevil\u202c', 'a\u2066b\u2069']) {
      const refused = await call(w.app, 'POST', '/api/teams', {
        token: w.tokens.owner,
        body: { ...teamInput, name },
      });
      expectProblem(refused, 422);
      expect(refused.body.errors[0]).toMatchObject({ path: 'name' });
      expect(refused.body.errors[0].message).toContain('text direction');
    }
    const mine = await call(w.app, 'GET', '/api/me/proposals?limit=100', { token: w.tokens.owner });
    expect(mine.body.items).toHaveLength(2);
    // Visible text with a zero-width joiner inside (an emoji sequence) is fine.
    const ok = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
      token: w.tokens.owner,
      body: { teamId: w.teamId, ...completeProposal, title: '社区👩‍👧读书会' },
    });
    expect(ok.status).toBe(201);
  });
});

describe('field names', () => {
  it('has words in both languages for every field of every request in the API document', () => {
    const document = buildApiDocument(Object.values(documentedApps).map((make) => make(h.deps))) as {
      paths: Record<string, Record<string, any>>;
      components?: { schemas?: Record<string, any> };
    };
    const fields = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (schema: any) => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) walk(document.components?.schemas?.[schema.$ref.split('/').pop()]);
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        fields.add(key);
        walk(value);
      }
      walk(schema.items);
      walk(schema.additionalProperties);
      for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
        walk(part);
    };
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        walk(operation.requestBody?.content?.['application/json']?.schema);
        for (const parameter of operation.parameters ?? []) fields.add(parameter.name);
      }
    }
    expect(fields.size).toBeGreaterThan(50);
    const unnamed = [...fields].filter((field) => !FIELD_NAMES[field]?.['zh-CN'] || !FIELD_NAMES[field]?.en);
    expect(unnamed).toEqual([]);
  });
});
