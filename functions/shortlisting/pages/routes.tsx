/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { fileObjection, listMyObjections, readPublicity } from '../../../shared/bundle/actions.ts';
import { type Objection, ObjectionInput } from '../../../shared/bundle/model.ts';
import { readContest } from '../../../shared/contest/actions.ts';
import { inPhase } from '../../../shared/contest/lifecycle.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { type Locale, t } from '../../../shared/i18n.ts';
import { newId } from '../../../shared/ids.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { ContestParams } from '../../http/params.ts';
import { DateTime, Form, Notice, Refusal, Select, TextArea } from '../../ui/components.tsx';
import { dateTime } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { ObjectionCards } from '../../ui/objections.tsx';
import { attempt, definePage, type FieldMessages, formOf, pageParams, pageQuery } from '../../ui/page.tsx';
import { pick } from '../../ui/texts.ts';
import { type ObjectionText, objectionTexts } from './texts.ts';

/** The resident's own objections on this contest, each with the office's answer once given. */
function MyObjections(props: {
  locale: Locale;
  mine: Objection[];
  lines: { proposalId: string; title: string }[];
  text: ObjectionText;
}) {
  const { text, locale } = props;
  return (
    <section aria-labelledby="mine">
      <h2 id="mine">{text.mine}</h2>
      <ObjectionCards
        objections={props.mine}
        lines={props.lines}
        about={text.about}
        whole={text.aboutWhole}
        facts={(objection) => [
          [text.text, objection.text, 'prose'],
          [text.filedAt, <DateTime iso={objection.filedAt} locale={locale} />],
          [
            text.answer,
            <>
              {objection.answer ?? text.awaiting}
              {objection.answeredAt ? (
                <>
                  {' '}
                  (<DateTime iso={objection.answeredAt} locale={locale} />)
                </>
              ) : null}
            </>,
            'prose',
          ],
        ]}
      />
    </section>
  );
}

function ObjectionPage(props: {
  locale: Locale;
  contestId: string;
  contestTitle: string;
  endsAt: string;
  lines: { proposalId: string; title: string }[];
  mine: Objection[];
  values: ObjectionValues;
  errors?: FieldMessages;
  message?: string;
  filed?: boolean;
  /** Publicity is over: objections are closed, the form is not offered. */
  closed: boolean;
}) {
  const text = pick(objectionTexts, props.locale);
  return (
    <>
      <h1>{text.title}</h1>
      <p>
        <a href={href('contestPage', { contestId: props.contestId })}>{props.contestTitle}</a>
      </p>
      {props.closed ? null : <p class="lead">{text.lead(dateTime(props.endsAt, props.locale))}</p>}
      {props.filed ? <Notice tone="ok">{text.filed}</Notice> : null}
      <Refusal locale={props.locale} message={props.message} errors={props.errors} />
      {props.closed ? (
        props.message ? null : (
          <Notice>{t(props.locale, 'bundle.publicityOver', { endsAt: props.endsAt })}</Notice>
        )
      ) : (
        <ObjectionForm {...props} text={text} />
      )}
      {props.mine.length > 0 ? (
        <MyObjections locale={props.locale} mine={props.mine} lines={props.lines} text={text} />
      ) : null}
    </>
  );
}

function ObjectionForm(props: {
  contestId: string;
  lines: { proposalId: string; title: string }[];
  values: ObjectionValues;
  errors?: FieldMessages | undefined;
  text: ObjectionText;
}) {
  const { text } = props;
  return (
    <Form action={href('fileObjectionPage', { contestId: props.contestId })}>
      {/* The same objection sent twice (Back, a second tab) is filed once. */}
      <input type="hidden" name="key" value={props.values.key} />
      <Select
        name="proposalId"
        label={text.about}
        value={props.values.proposalId}
        errors={props.errors}
        options={[
          { value: '', label: text.aboutWhole },
          ...props.lines.map((line) => ({ value: line.proposalId, label: line.title })),
        ]}
      />
      <TextArea
        name="text"
        label={text.text}
        hint={text.textHint}
        value={props.values.text}
        errors={props.errors}
        maxLength={2000}
      />
      <div class="actions">
        <button type="submit">{text.send}</button>
        <a class="button secondary" href={href('contestPage', { contestId: props.contestId })}>
          {text.back}
        </a>
      </div>
    </Form>
  );
}

/** What the objection form shows and sends back: its fields and its Idempotency-Key. */
interface ObjectionValues {
  proposalId: string;
  text: string;
  key: string;
}

/** The shortlisting function's pages: a resident's objection during publicity. */
export function shortlistingPages(deps: HttpDeps) {
  const app = createRouter();

  const render = async (
    c: Context<AppEnv>,
    contestId: string,
    values: ObjectionValues,
    extra: { errors?: FieldMessages; message?: string; filed?: boolean } = {},
  ) => {
    const published = await readPublicity(deps, contestId).catch(async (error: unknown) => {
      if (error instanceof NotFoundError)
        return { contest: await readContest(deps, principalOf(c), contestId) };
      throw error;
    });
    const locale = c.get('locale');
    const text = pick(objectionTexts, locale);
    // Before publicity (a link followed early): what is coming, not a “page not found”.
    if (!('publicity' in published))
      return c.render(
        <>
          <h1>{text.title}</h1>
          <p>
            <a href={href('contestPage', { contestId })}>{published.contest.title}</a>
          </p>
          <Notice>{text.notYet}</Notice>
        </>,
        { title: text.title },
      );
    const { contest, publicity } = published;
    const mine = await listMyObjections(deps, principalOf(c), contestId);
    if (extra.message) c.status(422);
    return c.render(
      <ObjectionPage
        locale={c.get('locale')}
        contestId={contestId}
        contestTitle={contest.title}
        endsAt={publicity.endsAt}
        lines={publicity.bundle.lines}
        mine={mine}
        values={values}
        closed={!inPhase(contest, 'objections') || deps.clock.now().toISOString() >= publicity.endsAt}
        {...extra}
      />,
      { title: pick(objectionTexts, c.get('locale')).title },
    );
  };

  definePage(app, 'objectionPage', deps, (c) => {
    const { contestId } = pageParams(c, ContestParams);
    const filed = pageQuery(c, z.object({ done: z.literal('filed').optional() }))?.done === 'filed';
    return render(c, contestId, { proposalId: '', text: '', key: newId() }, { filed });
  });

  definePage(app, 'fileObjectionPage', deps, async (c) => {
    const { contestId } = pageParams(c, ContestParams);
    const form = await formOf(c);
    const values = {
      proposalId: typeof form.proposalId === 'string' ? form.proposalId : '',
      text: typeof form.text === 'string' ? form.text : '',
      key: typeof form.key === 'string' && /^[\w-]{1,64}$/.test(form.key) ? form.key : newId(),
    };
    const result = await attempt(c.get('locale'), () =>
      fileObjection(
        deps,
        principalOf(c),
        contestId,
        parseOrThrow(ObjectionInput, {
          text: values.text,
          ...(values.proposalId ? { proposalId: values.proposalId } : {}),
        }),
        values.key,
      ),
    );
    if (!result.ok) return render(c, contestId, values, { errors: result.fields, message: result.message });
    return c.redirect(href('objectionPage', { contestId }, { done: 'filed' }), 303);
  });

  return app;
}
