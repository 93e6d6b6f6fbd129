// The one-time administrator credential: written once (0600) when no administrator can sign in, never
// again while one can, and removed when the administrator sets their own password.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../native/sqlite/open';
import { ensureInitialAdmin } from '../../../../electron/node/officers/initialAdmin';
import { createOfficers } from '../../../../electron/node/officers/index';
import { OfficerRepo } from '../../../../electron/node/officers/repo';
import { tmpDir } from '../../../helpers/tmp';

function store() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

describe('the one-time administrator credential', () => {
  it('is written once, readable by this user only, and signs the administrator in', async () => {
    const dir = tmpDir();
    const db = store();
    const log: string[] = [];
    const c = createOfficers({
      db,
      dataDir: dir,
      consoleId: 'C1',
      now: () => 1000,
      log: (l) => log.push(l),
      roster: [],
    });
    await c.ready;
    const file = path.join(dir, 'initial-admin.json');
    const cred = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(cred).toEqual({ officerId: 'admin', password: expect.stringMatching(/^[\w-]{20}$/) });
    expect(log.some((l) => l.includes(file) && l.includes('readable by this user only'))).toBe(true);
    expect(JSON.stringify(log)).not.toContain(cred.password);
    expect(
      await ensureInitialAdmin(
        dir,
        new OfficerRepo(db),
        () => 2000,
        () => {},
      ),
    ).toBeNull();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(cred);

    const s = await c.service.authenticate('admin', cred.password, 'test');
    expect(s.officer.role).toBe('admin');
    await c.service.upsertOfficer(
      { id: 'duty-01', name: '值班员', role: 'officer', password: 'duty password' },
      s.officer,
    );
    expect(fs.existsSync(file)).toBe(true); // someone else's password does not spend it
    await c.service.upsertOfficer(
      { id: 'admin', name: '管理员', role: 'admin', password: 'my own admin password' },
      s.officer,
    );
    expect(fs.existsSync(file)).toBe(false);
    await expect(c.service.authenticate('admin', cred.password, 'test')).rejects.toThrow(
      /wrong officer id or password/,
    );
  });

  it('an administrator cannot lock themselves out; a non-admin manages nobody', async () => {
    const c = createOfficers({
      db: store(),
      dataDir: tmpDir(),
      consoleId: 'C1',
      now: () => 1,
      log: () => {},
      roster: [],
    });
    await c.ready;
    const admin = { id: 'admin', name: 'A', role: 'admin' as const };
    await expect(c.service.upsertOfficer({ id: 'admin', name: 'A', role: 'officer' }, admin)).rejects.toMatchObject({
      code: 'rejected',
    });
    await expect(
      c.service.upsertOfficer({ id: 'admin', name: 'A', role: 'admin', active: false }, admin),
    ).rejects.toMatchObject({
      code: 'rejected',
    });
    await expect(
      c.service.upsertOfficer({ id: 'x', name: 'x', role: 'officer' }, { id: 'l', name: 'l', role: 'leader' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => c.service.listOfficers(null)).toThrow(/sign in as an administrator/);
  });

  it('a deactivated officer cannot sign in and loses the sessions they had', async () => {
    const c = createOfficers({
      db: store(),
      dataDir: tmpDir(),
      consoleId: 'C1',
      now: () => 1,
      log: () => {},
      roster: [],
    });
    const admin = { id: 'admin', name: 'A', role: 'admin' as const };
    await c.service.upsertOfficer({ id: 'f1', name: '现场', role: 'field', password: 'field password' }, admin);
    const s = await c.service.authenticate('f1', 'field password', 't');
    expect(c.service.officerForToken(s.token)?.id).toBe('f1');
    await c.service.upsertOfficer({ id: 'f1', name: '现场', role: 'field', active: false }, admin);
    expect(c.service.officerForToken(s.token)).toBeNull();
    await expect(c.service.authenticate('f1', 'field password', 't')).rejects.toMatchObject({ code: 'unauthorized' });
    await c.ready;
  });
});
