// Debian's mosquitto as a real external broker for tests: its own config on a free port, restartable
// on the same port. `mosquittoMissing()` says why tests that need it are skipped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tmpDir } from './tmp';

export const MOSQUITTO_BIN = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => fs.existsSync(p)) ?? null;

export function mosquittoMissing(): string | null {
  return MOSQUITTO_BIN ? null : 'mosquitto is not installed (apt-get install mosquitto; .ci/run installs it)';
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Mosquitto {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        r(true);
      });
      c.on('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`mosquitto did not open port ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** With `auth`, only that user may connect (a password file made by mosquitto_passwd). */
export async function startMosquitto(auth?: { username: string; password: string }): Promise<Mosquitto> {
  if (!MOSQUITTO_BIN) throw new Error(mosquittoMissing()!);
  const dir = tmpDir('lianqin-mosquitto-');
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  let access = 'allow_anonymous true\n';
  if (auth) {
    const file = path.join(dir, 'passwd');
    const r = spawnSync('mosquitto_passwd', ['-b', '-c', file, auth.username, auth.password], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mosquitto_passwd failed: ${r.stderr}`);
    // started as root, mosquitto drops to its own user before it reads the password file
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o644);
    access = `allow_anonymous false\npassword_file ${file}\n`;
  }
  fs.writeFileSync(conf, `listener ${port} 127.0.0.1\n${access}persistence false\nlog_dest none\n`);
  let proc: ChildProcess | null = null;
  const m: Mosquitto = {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async start() {
      proc = spawn(MOSQUITTO_BIN!, ['-c', conf], { stdio: 'ignore' });
      await waitForPort(port, 5_000);
    },
    async stop() {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((r) => {
        p.once('exit', () => r());
        p.kill('SIGTERM');
      });
    },
  };
  await m.start();
  return m;
}
