/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Notice } from '../../shared/bundle/model.ts';
import { formatShanghai } from '../../shared/clock.ts';
import { formatYuan } from '../../shared/money.ts';
import { formatPoints } from '../../shared/scoring.ts';

/** A4, black on white, nothing but the notice when printed. */
const PRINT_CSS = `
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "Songti SC", serif; color: #000; max-width: 170mm; margin: 2rem auto; padding: 0 1rem; line-height: 1.9; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.2em; margin: 0 0 0.5rem; }
.number { text-align: center; margin-bottom: 2rem; }
.amount { font-weight: bold; }
.signature { text-align: right; margin-top: 3rem; }
.verify { margin-top: 3rem; font-size: 10pt; border-top: 1px solid #000; padding-top: 0.5rem; word-break: break-all; }
.print { margin: 1rem 0; }
@media print { .print { display: none; } body { margin: 0; } }
`;

const REASONS: Record<string, (reason: Record<string, unknown>) => string> = {
  budget: (r) => `按评审排名递补时，剩余预算 ${formatYuan(Number(r.leftFen))} 元不足以支持本项目`,
  'not-in-optimum': () => '按总分最高原则组合服务包时未入选',
  'rank-strict-stopped': () => '按排名顺序遇到预算不足的项目后停止入围',
  'below-min-score': (r) => `评审得分低于入围最低分 ${formatPoints(Number(r.minScore))} 分`,
  'category-max': (r) => `所属类别入围数量已达上限 ${r.max} 个`,
  'community-share': () => '所属社区的入围金额已达预算占比上限',
  incompatible: () => '与排名更高的同类项目互斥',
  'manual-drop': (r) => `经街道研究决定不予入围：${r.reason}`,
  'not-enough-reviews': () => '有效评审份数不足',
  ineligible: (r) => `资格审查未通过${r.reason ? `：${r.reason}` : ''}`,
};

export function NoticePage(props: { notice: Notice; verifyUrl: string }) {
  const { notice } = props;
  const selected = notice.kind === 'selected';
  const reason = REASONS[notice.reason.code]?.(notice.reason) ?? '';
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${notice.number} ${selected ? '立项通知书' : '评审结果通知书'}`}</title>
        <style>{PRINT_CSS}</style>
      </head>
      <body>
        <h1>{selected ? '立项通知书' : '评审结果通知书'}</h1>
        <p class="number">{notice.number}</p>
        <p>“{notice.title}”申报团队：</p>
        {selected ? (
          <p>
            经评审、公示，你团队申报的“{notice.title}”项目已列入{notice.contestTitle}
            服务包，予以立项。核定资助金额人民币
            <span class="amount">
              {notice.amountCapital}（¥{formatYuan(notice.amountFen ?? 0)}）
            </span>
            。请按申报方案组织实施，资金按服务包购买协议分期拨付，并接受街道的过程监督与绩效评估。
          </p>
        ) : (
          <p>
            你团队申报的“{notice.title}”项目参加了{notice.contestTitle}。
            {notice.score !== null
              ? `评审得分 ${formatPoints(notice.score)} 分，排名第 ${notice.rank} 位。`
              : ''}
            {reason ? `${reason}，` : ''}本次未能入围。感谢你团队的参与，欢迎继续完善方案、参加下一届大赛。
          </p>
        )}
        {notice.officeContact ? <p>联系方式：{notice.officeContact}</p> : null}
        <p class="signature">
          {notice.officeName}
          <br />
          {formatShanghai(notice.issuedAt)}
        </p>
        <p class="verify">
          真伪查验：凭文号“{notice.number}”和验证码 {notice.verificationCode} 在 {props.verifyUrl} 查询
          <br />
          服务包摘要（SHA-256）：{notice.bundleSha256}
        </p>
        <p class="print">请使用浏览器的“打印”功能打印本通知书（A4）。</p>
      </body>
    </html>
  );
}
