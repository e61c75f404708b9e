/*
 * The one stylesheet every page loads. A string in the bundle (nothing to copy beside the
 * Lambda), served from a content-hashed URL so the CSP can forbid inline styles and a phone
 * downloads it once. Colours meet WCAG AA on their backgrounds; every control is at least 44 px
 * tall; nothing is wider than a 360-px screen.
 */
export const UI_CSS = `
:root { --ink:#1f2328; --muted:#57606a; --line:#d0d7de; --paper:#fff; --wash:#f6f8fa;
  --brand:#a61b12; --brand-ink:#fff; --link:#0b57d0; --ok:#116329; --ok-bg:#dafbe1; --warn:#7d4e00;
  --warn-bg:#fff8c5; --bad:#a40e26; --bad-bg:#ffebe9; --focus:#0b57d0; color-scheme:light; }
*,*::before,*::after { box-sizing:border-box; }
html { -webkit-text-size-adjust:100%; text-size-adjust:100%; }
body { margin:0; color:var(--ink); background:var(--wash); overflow-wrap:anywhere;
  font:16px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif; }
a { color:var(--link); }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
.skip { position:absolute; left:-999px; }
.skip:focus { left:1rem; top:.5rem; background:var(--paper); padding:.5rem; z-index:2; }
.wrap { max-width:60rem; margin:0 auto; padding:0 1rem; }
.site { background:var(--brand); color:var(--brand-ink); }
.site .wrap { display:flex; flex-wrap:wrap; align-items:center; justify-content:space-between; gap:.25rem 1rem; padding-block:.25rem; }
.site a, .site button.link { color:inherit; }
.brand { font-weight:700; font-size:1.2rem; text-decoration:none; display:inline-flex; align-items:center; min-height:44px; }
.site nav { display:flex; flex-wrap:wrap; align-items:center; gap:0 .75rem; }
.site nav a, .site nav form, .site .who { display:inline-flex; align-items:center; min-height:44px; }
.who { opacity:.95; font-size:.9rem; }
button.link { background:none; border:0; padding:0; font:inherit; text-decoration:underline; cursor:pointer; min-height:44px; }
main { padding-bottom:2rem; }
h1 { font-size:1.5rem; line-height:1.3; margin:1.25rem 0 .5rem; }
h2 { font-size:1.2rem; margin:1.5rem 0 .5rem; }
h3 { font-size:1.05rem; margin:1rem 0 .25rem; }
.lead { color:var(--muted); margin-top:0; }
.card { background:var(--paper); border:1px solid var(--line); border-radius:.5rem; padding:1rem; margin:.75rem 0; }
.cards { list-style:none; margin:0; padding:0; display:grid; gap:.75rem; grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr)); }
.cards > li > .card { margin:0; height:100%; }
.card h3 { margin-top:0; }
.muted { color:var(--muted); }
.facts { display:grid; grid-template-columns:max-content 1fr; gap:.25rem 1rem; margin:.5rem 0; }
.facts dt { color:var(--muted); }
.facts dd { margin:0; font-variant-numeric:tabular-nums; }
.badge { display:inline-block; padding:0 .6rem; border-radius:1rem; font-size:.875rem; border:1px solid var(--line); background:var(--wash); }
.badge.ok { background:var(--ok-bg); color:var(--ok); border-color:#8fd3a0; }
.badge.warn { background:var(--warn-bg); color:var(--warn); border-color:#e3c86b; }
.badge.bad { background:var(--bad-bg); color:var(--bad); border-color:#f3a8ae; }
.bar { height:.75rem; background:#e1e4e8; border-radius:.375rem; overflow:hidden; display:flex; }
.bar > span { display:block; height:100%; background:var(--ok); }
.bar > span.over { background:var(--bad); }
.bar-legend { display:flex; flex-wrap:wrap; justify-content:space-between; gap:0 1rem; font-size:.9rem; font-variant-numeric:tabular-nums; }
.table-wrap { overflow-x:auto; max-width:100%; }
table { border-collapse:collapse; width:100%; background:var(--paper); font-variant-numeric:tabular-nums; overflow-wrap:normal; }
th, td { text-align:left; padding:.5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:var(--wash); font-weight:600; }
td.num, th.num { text-align:right; white-space:nowrap; }
th { white-space:nowrap; }
td { min-width:4.5rem; }
form.stack { display:grid; gap:1rem; }
.field { display:grid; gap:.25rem; }
.field label, .field legend { font-weight:600; }
.field .hint { color:var(--muted); font-size:.9rem; }
.field .error { color:var(--bad); font-size:.95rem; }
.field.invalid input, .field.invalid select, .field.invalid textarea { border-color:var(--bad); }
fieldset { border:1px solid var(--line); border-radius:.5rem; padding:.75rem; margin:0; display:grid; gap:.75rem; min-width:0; }
legend { font-weight:600; padding:0 .25rem; }
.total { font-weight:600; font-size:1.1rem; }
input, select, textarea { font:inherit; color:inherit; background:var(--paper); border:1px solid #8c959f; border-radius:.375rem; padding:.5rem .6rem; min-height:44px; width:100%; max-width:100%; }
textarea { min-height:6rem; resize:vertical; }
input[type=checkbox], input[type=radio] { width:1.25rem; min-height:1.25rem; }
.money { display:flex; align-items:center; gap:.4rem; }
.money input { max-width:14rem; text-align:right; font-variant-numeric:tabular-nums; }
.button, button { font:inherit; display:inline-flex; align-items:center; justify-content:center; min-height:44px; min-width:44px;
  padding:.5rem 1rem; border-radius:.375rem; border:1px solid var(--brand); background:var(--brand); color:var(--brand-ink); cursor:pointer; text-decoration:none; }
.button.secondary, button.secondary { background:var(--paper); color:var(--brand); }
.actions { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; }
.actions > .field { flex-basis:100%; }
.notice { border-left:4px solid var(--link); background:var(--paper); padding:.75rem 1rem; margin:1rem 0; }
.notice.bad { border-color:var(--bad); background:var(--bad-bg); }
.notice.ok { border-color:var(--ok); background:var(--ok-bg); }
.confirm { border:2px solid var(--brand); background:var(--paper); border-radius:.5rem; padding:1rem; }
.timeline { list-style:none; padding:0; margin:0; border-left:3px solid var(--line); }
.timeline li { position:relative; padding:.25rem 0 .75rem 1rem; }
.timeline li::before { content:""; position:absolute; left:-.55rem; top:.6rem; width:.8rem; height:.8rem; border-radius:50%; background:var(--line); }
.timeline li.done::before { background:var(--ok); }
.timeline li.now::before { background:var(--brand); }
.timeline li.now { font-weight:600; }
.mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:.9rem; word-break:break-all; }
pre { background:var(--paper); border:1px solid var(--line); padding:.75rem; overflow-x:auto; white-space:pre-wrap; }
footer.site-foot { color:var(--muted); font-size:.875rem; padding-top:2rem; padding-bottom:2rem; }
.prose { white-space:pre-line; }
.tabs { display:flex; flex-wrap:wrap; gap:.25rem .5rem; margin:.5rem 0 1rem; padding:0; list-style:none; }
.tabs a { display:inline-flex; align-items:center; min-height:44px; padding:0 .75rem; border:1px solid var(--line); border-radius:.375rem; background:var(--paper); text-decoration:none; }
.tabs a[aria-current=page] { background:var(--brand); color:var(--brand-ink); border-color:var(--brand); }
.check { display:flex; align-items:center; gap:.5rem; min-height:44px; min-width:44px; }
.check input { width:1.5rem; min-height:1.5rem; height:1.5rem; margin:0; }
.row { display:grid; gap:.5rem; grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr)); align-items:end; }
.split { display:grid; gap:1rem; grid-template-columns:minmax(0,1fr); }
.split > * { min-width:0; }
@media (min-width:60rem) { .split { grid-template-columns:minmax(0,1fr) minmax(0,1fr); align-items:start; } }
${Array.from({ length: 101 }, (_, i) => `.w${i}{width:${i}%}`).join('')}
@media (max-width:30rem) { .facts { grid-template-columns:1fr; } .facts dd { margin-bottom:.25rem; } h1 { font-size:1.3rem; } }
@media print { .site, .site-foot, .no-print { display:none; } body { background:#fff; } }
`;
