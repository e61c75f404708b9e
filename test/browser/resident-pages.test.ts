import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { checkBothWidths, closePage, freshServerAndBrowser, openPage, signIn } from './pages-support.ts';

let server: LocalServer;
let browser: Browser;

freshServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

describe('a resident on a phone', () => {
  it('registers a team, fixes a validation error, submits a proposal and sees it listed, in both languages', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /李红梅/, '/me/teams');
    await checkBothWidths(page, 'my-teams');

    await page.getByRole('link', { name: '登记新团队' }).click();
    await checkBothWidths(page, 'team-form');
    await page.getByLabel('团队名称').fill('楼道微光志愿队');
    await page.getByLabel('所在社区').selectOption({ label: '西屯社区' });
    await page.getByLabel('姓名').first().fill('李红梅');
    await page.getByLabel('手机号').first().fill('13900009999');
    await page.getByRole('button', { name: '保存团队' }).click();
    await page.getByText('团队信息已保存。').waitFor();

    await page.goto(`${server.url}/me/proposals`);
    await checkBothWidths(page, 'my-proposals');
    await page.getByRole('link', { name: '为这个大赛申报项目' }).first().click();
    await checkBothWidths(page, 'proposal-form');
    await page.getByLabel('项目名称').fill('楼道微光照明');
    await page.getByLabel('项目类别').selectOption({ index: 1 });
    await page.getByLabel('服务社区').selectOption({ label: '西屯社区' });
    await page.getByLabel('方案：打算怎么做').fill('为 12 栋楼安装声控灯，志愿者每月巡查。');
    await page.getByLabel('进度安排').fill('2027 年 1 月至 6 月');
    await page.getByLabel('预计受益人数').fill('300');
    await page.getByLabel('用途').fill('声控灯');
    await page.getByLabel('单价（元）').fill('1,250.5');
    await page.getByLabel('数量').fill('4');
    // The optional script keeps the total up to date as the person types.
    expect(await page.locator('[data-total]').textContent()).toBe('¥5,002.00');
    await checkBothWidths(page, 'proposal-form-typed', { typed: true });

    // Submitting without the need: the draft is kept, the need is marked, the rest stays typed.
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('有几处需要修改').waitFor();
    expect(await page.getByLabel('项目名称').inputValue()).toBe('楼道微光照明');
    await checkBothWidths(page, 'proposal-form-errors', { typed: true });
    await page.getByLabel('需求：社区里有什么问题').fill('老旧楼道夜间没有照明，老人容易摔倒。');
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('申报书已提交').waitFor();
    expect(await page.getByText('¥5,002.00').first().isVisible()).toBe(true);
    await checkBothWidths(page, 'proposal-submitted');

    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(
      await page.getByText('Submitted. You can still withdraw it before the deadline.').isVisible(),
    ).toBe(true);
    await page.goto(`${server.url}/me/proposals`);
    expect(await page.getByRole('heading', { name: 'My proposals' }).isVisible()).toBe(true);
    expect(await page.getByText('楼道微光照明').isVisible()).toBe(true);
    await closePage(page);
  });

  it('sends a form once when its button is double-clicked, and lands on the result', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /钱淑芬/, '/me/teams');
    await page.locator('main a[href^="/me/teams/"]').first().click();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.getByLabel('团队名称').fill('停车自管志愿队（双击）');
    await page.getByRole('button', { name: '保存团队' }).dblclick();
    await page.getByText('团队信息已保存。').waitFor();

    expect(posts).toHaveLength(1);
    expect(await page.getByText('内容已被他人修改').count()).toBe(0);
    expect(await page.getByLabel('团队名称').inputValue()).toBe('停车自管志愿队（双击）');
    // Back on the page (the browser's back button), its buttons work again.
    await page.goBack();
    expect(await page.getByRole('button', { name: '保存团队' }).isEnabled()).toBe(true);
    await closePage(page);
  });

  it('cannot open another team’s proposal page', async () => {
    const owner = await openPage(browser);
    await signIn(owner, server.url, /赵建华/, '/me/proposals');
    const theirs = await owner.getByRole('link', { name: '少年手工智造坊' }).first().getAttribute('href');
    await closePage(owner);

    const other = await openPage(browser);
    await signIn(other, server.url, /钱淑芬/, '/me/proposals');
    const response = await other.goto(`${server.url}${theirs}`);
    expect(response?.status()).toBe(403);
    expect(await other.getByRole('heading', { name: '没有权限' }).isVisible()).toBe(true);
    await closePage(other);
  });
});
