/**
 * What the console adds to the public page's stylesheet: tables, forms and deadline marks, in the same
 * Primer colours (the amber and red text pairs meet WCAG AA on both themes' backgrounds).
 */
export const consoleStyles = `
body.console .wrap{max-width:76rem}
.brand small{font-weight:400;color:var(--muted)}
.who{display:flex;align-items:center;gap:.75rem;font-size:.875rem;color:var(--muted)}
.who form{margin:0}
.linkish{padding:0;border:0;background:none;color:var(--link);font:inherit;text-decoration:underline;text-underline-offset:.15em;cursor:pointer}
.heading{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem 1rem}
.heading h1{margin:0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.scroll{overflow-x:auto;margin:1rem 0;border:1px solid var(--line);border-radius:.5rem}
table.list{width:100%;border-collapse:collapse;font-size:.9375rem}
.list caption{text-align:left;padding:.5rem .75rem;color:var(--muted);font-size:.875rem;caption-side:bottom}
.list th,.list td{padding:.5rem .75rem;text-align:left;vertical-align:top;border-top:1px solid var(--line)}
.list thead th{border-top:0;background:var(--card);font-size:.8125rem;color:var(--muted);white-space:nowrap}
.list td.title{min-width:14rem;overflow-wrap:anywhere}
.list .nowrap{white-space:nowrap}
.list tr.soon td:first-child{box-shadow:inset 4px 0 var(--b-minor)}
.list tr.late td:first-child{box-shadow:inset 4px 0 var(--b-critical)}
.due{display:inline-flex;align-items:center;gap:.375rem;white-space:nowrap}
.due.soon{color:var(--minor);font-weight:600}
.due.late{color:var(--critical);font-weight:600}
.due .ic{stroke:var(--bg)}
.pill{display:inline-block;padding:0 .5rem;border:1px solid var(--line);border-radius:1rem;font-size:.8125rem;white-space:nowrap}
.pill.failed{border-color:var(--critical);color:var(--critical)}
.pill.retrying{border-color:var(--minor);color:var(--minor)}
.pill.forwarded,.pill.done{border-color:var(--ok);color:var(--ok)}
form.stack{max-width:40rem}
.field{margin:0 0 1rem}
.field label,.field legend,.label{display:block;font-weight:600;margin:0 0 .25rem}
.field .hint{margin:0 0 .25rem;color:var(--muted);font-size:.875rem}
input[type=text],input[type=email],input[type=password],input[type=datetime-local],input[type=search],select,textarea{width:100%;max-width:40rem;padding:.5rem .625rem;border:1px solid var(--muted);border-radius:.375rem;background:var(--bg);color:var(--fg);font:inherit}
input[type=text],input[type=email],input[type=password],input[type=datetime-local],input[type=search],select{height:2.625rem}
textarea{min-height:7rem;resize:vertical}
[aria-invalid=true]{border-color:var(--critical);outline:1px solid var(--critical)}
.error{margin:.25rem 0 0;color:var(--critical);font-size:.875rem;font-weight:600}
fieldset{margin:0 0 1rem;padding:.75rem 1rem;border:1px solid var(--line);border-radius:.5rem}
fieldset legend{padding:0 .25rem}
.choices{display:grid;grid-template-columns:minmax(8rem,1fr) minmax(10rem,16rem);gap:.5rem 1rem;align-items:center}
.choices label{font-weight:400;margin:0}
.choices .error{grid-column:1/-1;margin-top:-.25rem}
.checks label{display:flex;gap:.5rem;align-items:center;font-weight:400}
button,.button{display:inline-block;padding:.5rem 1rem;border:1px solid var(--link);border-radius:.375rem;background:var(--link);color:var(--bg);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:var(--bg);color:var(--link)}
.box{margin:1rem 0;padding:.75rem 1rem;border:1px solid var(--line);border-left:4px solid var(--b);border-radius:.5rem;background:var(--card)}
.box h2{margin:0 0 .25rem;font-size:1rem}
.box ul{margin:.25rem 0 0;padding-left:1.25rem}
.box p{margin:0}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-start;padding:.75rem 1rem .25rem;border:1px solid var(--line);border-radius:.5rem;background:var(--card)}
.filters .field{flex:1 1 10rem}
.filters .buttons{margin:1.75rem 0 1rem;white-space:nowrap}
.split{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
.gallery{display:grid;gap:1.5rem;margin:1rem 0;padding:0;list-style:none}
.gallery figure{margin:0}
.gallery img{display:block;width:auto;max-width:100%;height:auto;max-height:85vh;border:1px solid var(--line);border-radius:.25rem}
.gallery figcaption{margin-top:.375rem;color:var(--muted);font-size:.875rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8125rem;overflow-wrap:anywhere}
`;
