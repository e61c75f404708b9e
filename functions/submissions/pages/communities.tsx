/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { CodeName } from '../../../shared/codes.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { addCommunity, CommunityInput, listCommunities } from '../../../shared/office/communities.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { Form, Notice, Refusal, TextField } from '../../ui/components.tsx';
import { href } from '../../ui/href.ts';
import { officeOf } from '../../ui/office.tsx';
import { attempt, definePage, type FieldMessages, formOf, pageQuery } from '../../ui/page.tsx';
import { pick, type Texts } from '../../ui/texts.ts';

interface CommunitiesText {
  title: string;
  lead: string;
  none: string;
  name: string;
  nameHint: string;
  add: string;
  added: string;
}

export const communitiesTexts: Texts<CommunitiesText> = {
  'zh-CN': {
    title: '社区名单',
    lead: '本街道的社区：居民登记团队时从中选择所在社区，大赛的服务社区也从中选取。',
    none: '名单中还没有社区。',
    name: '社区名称',
    nameHint: '例如：西屯社区',
    add: '添加社区',
    added: '已添加到社区名单。',
  },
  en: {
    title: 'Communities',
    lead: "Your office's communities: residents pick their team's community from this list, and contests take theirs from it.",
    none: 'No communities on the list yet.',
    name: 'Community name',
    nameHint: 'For example: Xitun Community',
    add: 'Add the community',
    added: 'Added to the list.',
  },
};

function CommunitiesPage(props: {
  locale: Locale;
  communities: CodeName[];
  value?: string;
  errors?: FieldMessages;
  message?: string;
  added?: boolean;
}) {
  const text = pick(communitiesTexts, props.locale);
  return (
    <>
      <h1>{text.title}</h1>
      <p class="lead">{text.lead}</p>
      {props.added ? <Notice tone="ok">{text.added}</Notice> : null}
      <Refusal locale={props.locale} message={props.message} errors={props.errors} />
      {props.communities.length === 0 ? (
        <p class="muted">{text.none}</p>
      ) : (
        <ul class="card">
          {props.communities.map((community) => (
            <li>{community.name}</li>
          ))}
        </ul>
      )}
      <Form action={href('officeAddCommunityPost')}>
        <TextField
          name="name"
          label={text.name}
          hint={text.nameHint}
          value={props.value}
          errors={props.errors}
          required
          maxLength={40}
        />
        <div class="actions">
          <button type="submit">{text.add}</button>
        </div>
      </Form>
    </>
  );
}

const Added = z.object({ added: z.literal('yes').optional() });

/** The office's list of communities: read it and add to it (people type names; codes are made). */
export function communitiesPages(deps: HttpDeps) {
  const app = createRouter();

  const render = async (
    c: Context<AppEnv>,
    extra: Omit<Parameters<typeof CommunitiesPage>[0], 'locale' | 'communities'>,
  ) => {
    const locale = c.get('locale');
    if (extra.message) c.status(422);
    return c.render(
      <CommunitiesPage
        locale={locale}
        communities={await listCommunities(deps.db, officeOf(principalOf(c)))}
        {...extra}
      />,
      { title: pick(communitiesTexts, locale).title },
    );
  };

  definePage(app, 'officeCommunitiesPage', deps, (c) =>
    render(c, { added: pageQuery(c, Added)?.added === 'yes' }),
  );

  definePage(app, 'officeAddCommunityPost', deps, async (c) => {
    const form = await formOf(c);
    const name = typeof form.name === 'string' ? form.name.trim() : '';
    const result = await attempt(c.get('locale'), () =>
      addCommunity(deps, principalOf(c), officeOf(principalOf(c)), parseOrThrow(CommunityInput, { name })),
    );
    if (!result.ok) return render(c, { value: name, errors: result.fields, message: result.message });
    return c.redirect(href('officeCommunitiesPage', {}, { added: 'yes' }), 303);
  });

  return app;
}
