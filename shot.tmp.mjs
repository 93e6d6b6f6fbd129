import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync','--disable-quic'] });
const p = await b.newPage({ viewport: { width: 1600, height: 900 } });
const reqs = [];
p.on('request', r => reqs.push(r.url()));
p.on('console', m => console.log('console', m.type(), m.text().slice(0, 300))); p.on('response', r => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
p.on('pageerror', e => console.log('pageerror', e.stack)); p.on('response', r => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
const t0 = Date.now();
await p.goto(process.argv[2] ?? 'http://127.0.0.1:4600/');
try { await p.waitForSelector('[data-state="ready"]', { timeout: 90000 }); } catch (e) { console.log('not ready', await p.locator('[data-testid=map]').getAttribute('data-state').catch(()=>null)); }
console.log('ready in', Date.now() - t0, 'drawn', await p.locator('[data-testid=map]').getAttribute('data-drawn-risk-points'));
await p.waitForTimeout(8000);
await p.screenshot({ path: '/tmp/t/shot.png' });
console.log([...new Set(reqs.map(u => new URL(u).host))]);
await b.close();
