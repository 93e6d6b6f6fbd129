// "Ready" is said once the host answers /healthz with ok, with the address of every window the
// renderer build has, so an officer can open them (or a wall controller can be pointed at them).
import fs from 'node:fs';
import path from 'node:path';
import { WINDOW_PAGES } from '../../common/windows';

export async function announceReady(
  url: string,
  rendererDir: string,
  log = (l: string) => console.log(l),
): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.json() as Promise<{ ok: boolean }>)
      .then((h) => h.ok)
      .catch(() => false);
    if (ok) {
      const pages = WINDOW_PAGES.filter((w) => fs.existsSync(path.join(rendererDir, w.page || 'index.html')));
      const width = Math.max(...pages.map((w) => w.name.length + w.nameEn.length));
      log('联勤指挥台 ready — open the windows:');
      for (const w of pages) log(`  ${`${w.name} ${w.nameEn}`.padEnd(width + 2)} ${url}/${w.page}`);
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log('联勤指挥台: the host does not report ready; see the messages above');
  return false;
}
