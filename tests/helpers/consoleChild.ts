// A console in its own process (so a test can SIGKILL it): `tsx consoleChild.ts '<ConsoleSpec JSON>'`.
// Prints "READY <console id>" once seeded and joined; SIGTERM closes it cleanly.
import { startConsole, type ConsoleSpec } from './consoles';

const spec = JSON.parse(process.argv[2] ?? '{}') as ConsoleSpec;
const c = await startConsole({ ...spec, log: (l) => process.stderr.write(`${l}\n`) });
process.stdout.write(`READY ${c.id}\n`);
process.on('SIGTERM', () => {
  void c.close().then(() => process.exit(0));
});
