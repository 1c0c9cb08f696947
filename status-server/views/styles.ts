import { toneColors } from './colors.ts';

/** The status colours on light backgrounds: the one table the favicon and the badges use too. */
const c = toneColors;

/**
 * The page's only stylesheet, inlined so a page is one request under a CSP that allows inline style and
 * nothing else. Colours are GitHub Primer's, whose text pairs meet WCAG AA (4.5:1) on both themes'
 * backgrounds, and whose bar colours meet 3:1 against the page. A button's white text needs a darker
 * fill than the dark theme's link blue, on which it reaches only 3.1:1: `--button` is Primer's
 * emphasis blue there (4.6:1).
 */
export const styles = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--link:#0550ae;--focus:#0969da;
--button:#0550ae;--on-button:#fff;
--ok:${c.none};--minor:${c.minor};--major:${c.major};--critical:${c.critical};--maint:${c.maintenance};
--b-ok:#2da44e;--b-minor:#bf8700;--b-major:#e16f24;--b-critical:#cf222e;--b-maint:#218bff;--b-none:#d1d9e0;
--ban-ok:${c.none};--ban-minor:${c.minor};--ban-major:${c.major};--ban-critical:${c.critical};--ban-maint:${c.maintenance}}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--card:#151b23;--link:#4493f8;--focus:#4493f8;
--button:#1f6feb;
--ok:#3fb950;--minor:#d29922;--major:#db6d28;--critical:#f85149;--maint:#4493f8;
--b-ok:#2ea043;--b-minor:#d29922;--b-major:#db6d28;--b-critical:#f85149;--b-maint:#4493f8;--b-none:#30363d;
--ban-ok:#238636;--ban-minor:#9e6a03;--ban-major:#bd561d;--ban-critical:#da3633;--ban-maint:#1f6feb}}
*,::before,::after{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;-webkit-text-size-adjust:100%}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
h1,h2,h3,h4{line-height:1.25}
.wrap{max-width:52rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:1rem;top:-4rem;z-index:1;padding:.5rem 1rem;background:var(--bg);border:2px solid var(--focus);border-radius:.25rem}
.skip:focus{top:1rem}
.sprite{position:absolute;width:0;height:0;overflow:hidden}
.ic{width:1.1em;height:1.1em;flex:none;fill:currentColor;stroke:var(--bg)}
header.site{border-bottom:1px solid var(--line)}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem;padding-block:.75rem}
.brand{color:var(--fg);font-weight:700;font-size:1.125rem;text-decoration:none}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
nav a[aria-current]{color:var(--fg);font-weight:600}
main.wrap{padding-block:1.5rem 3rem}
h1{font-size:1.5rem;margin:0 0 .75rem}
h2{font-size:1.125rem;margin:2rem 0 .75rem}
h3,h4{font-size:1rem;margin:0}
.tone-none{--tone:var(--ok);--b:var(--b-ok);--ban:var(--ban-ok)}
.tone-minor{--tone:var(--minor);--b:var(--b-minor);--ban:var(--ban-minor)}
.tone-major{--tone:var(--major);--b:var(--b-major);--ban:var(--ban-major)}
.tone-critical{--tone:var(--critical);--b:var(--b-critical);--ban:var(--ban-critical)}
.tone-maintenance{--tone:var(--maint);--b:var(--b-maint);--ban:var(--ban-maint)}
.banner{display:flex;align-items:center;gap:.75rem;margin:0;padding:1rem 1.25rem;border-radius:.5rem;background:var(--ban);color:#fff;font-size:1.25rem}
.banner .ic{width:1.5em;height:1.5em;stroke:var(--ban)}
.updated,.empty,.desc,.meta{color:var(--muted)}
.updated{margin:.5rem 0 0;font-size:.875rem}
.card{margin:0 0 1rem;padding:1rem;border:1px solid var(--line);border-left:4px solid var(--b);border-radius:.5rem;background:var(--card)}
.card h3{font-size:1.0625rem}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;margin:.375rem 0 0;font-size:.875rem}
.badge,.status{display:inline-flex;align-items:center;gap:.375rem;color:var(--tone);font-weight:600}
.card .ic,.history .ic{stroke:var(--card)}
.timeline{margin:1rem 0 0;padding:0;list-style:none}
.timeline>li{position:relative;padding:0 0 1rem 1.25rem;border-left:2px solid var(--line);margin-left:.3rem}
.timeline>li:last-child{padding-bottom:0}
.timeline>li::before{content:"";position:absolute;left:-.4375rem;top:.375rem;width:.75rem;height:.75rem;border-radius:50%;background:var(--card);border:2px solid var(--muted)}
.timeline>li:first-child::before{background:var(--b,var(--muted));border-color:var(--b,var(--muted))}
.u-head{display:flex;flex-wrap:wrap;gap:0 .75rem;align-items:baseline;margin:0}
.u-head time{color:var(--muted);font-size:.875rem}
.md{overflow-wrap:anywhere}
.md p,.md ul,.md ol,.md pre,.md blockquote{margin:.25rem 0 .5rem}
.md :last-child{margin-bottom:0}
.md code{font-size:.875em;padding:.1em .3em;border-radius:.25rem;background:var(--line)}
.md pre{overflow-x:auto;padding:.5rem;background:var(--line);border-radius:.25rem}
.md pre code{padding:0;background:none}
.md blockquote{padding-left:.75rem;border-left:3px solid var(--line);color:var(--muted)}
.components,.components ul{margin:0;padding:0;list-style:none}
.components{border:1px solid var(--line);border-radius:.5rem}
.components>li{padding:1rem}
.components>li+li{border-top:1px solid var(--line)}
.group>ul{margin:.75rem 0 0 .25rem;padding-left:.75rem;border-left:2px solid var(--line)}
.group>ul>li+li{margin-top:1rem}
.row{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem}
.row .status{margin:0;font-size:.9375rem;align-self:center}
.desc{margin:.125rem 0 0;font-size:.875rem}
.bar{display:flex;gap:2px;height:2rem;margin-top:.625rem}
.bar i{flex:1 1 0;min-width:0;border-radius:1px;background:var(--b-ok)}
.bar i:hover{opacity:.65}
.bar .minor{background:var(--b-minor)}.bar .major{background:var(--b-major)}.bar .critical{background:var(--b-critical)}
.bar .maintenance{background:var(--b-maint)}.bar .nodata{background:var(--b-none)}
.scale{display:flex;justify-content:space-between;gap:.5rem;margin:.25rem 0 0;color:var(--muted);font-size:.75rem}
.pct{color:var(--fg);font-weight:600}
.days{margin-top:.375rem;font-size:.8125rem}
.days summary{cursor:pointer;color:var(--link);width:max-content;max-width:100%}
.days ul{margin:.25rem 0 0;padding-left:1.25rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.75rem 0 0;padding:0;list-style:none;color:var(--muted);font-size:.8125rem}
.legend li{display:flex;align-items:center;gap:.375rem}
.legend i{width:.75rem;height:.75rem;border-radius:2px;background:var(--b)}
.legend .nodata{background:var(--b-none)}
.more{margin:1.5rem 0 0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.375rem 1rem;margin:1rem 0 0}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.history{margin:0;padding:0;list-style:none}
.history li{margin:0 0 .75rem;padding:.75rem 1rem;border:1px solid var(--line);border-left:4px solid var(--b);border-radius:.5rem;background:var(--card)}
.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:2rem}
.pager a[rel=next]{margin-left:auto}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
footer.site .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;padding-block:1.25rem}
footer.site p{margin:0}
footer.site ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
footer.site .languages{flex-basis:100%}
footer.site .languages a[aria-current]{color:var(--fg);font-weight:600;text-decoration:none}
@media (max-width:30rem){.wrap{padding:0 .75rem}.components>li,.card{padding:.875rem .75rem}.bar{gap:1px}.banner{font-size:1.125rem;padding:.875rem 1rem}
.facts{grid-template-columns:1fr;gap:0}.facts dt{font-size:.875rem}.facts dd{margin-bottom:.75rem}}
@media (forced-colors:active){.bar i{forced-color-adjust:none}.banner{border:2px solid}}
`;
