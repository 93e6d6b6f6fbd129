// Child process for the durability test: writes commands as fast as it can and prints "ACK id seq"
// after each one is acknowledged by the ledger. The parent kills it mid-stream.
import path from 'node:path';
import { createConsole } from '../../electron/node/console/index';

const file = process.argv[2];
const c = createConsole({ dataDir: path.dirname(file), version: 'writer', log: () => {}, seed: { historyCount: 0 } });
await c.ready;
const ledger = c.ledger;
const officer = { id: 'w', name: '写入进程', role: 'officer' as const };
let n = 0;
for (;;) {
  const i = ledger.report(
    {
      source: 'officer',
      title: `耐久测试 ${n++}`,
      description: '持续写入直到被强制结束的测试事件',
      lon: 106.45,
      lat: 29.56,
    },
    officer,
    Date.now(),
  );
  process.stdout.write(`ACK ${i.id} 1\n`);
  const r = ledger.command(i.id, 1, officer, { type: 'cancel', reason: 'invalid', note: '测试' }, Date.now());
  if (r.ok) process.stdout.write(`ACK ${i.id} 2\n`);
}
