// The DJI adapter reads each topic once and remembers it; the memory is bounded (a flood of made-up
// serial numbers must not grow it), and what it remembers never changes a verdict.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { djiTopic } from '../../../../electron/common/bus/topics';
import { createIdSource } from '../../../../electron/common/ids';
import { Bus } from '../../../../electron/node/bus/index';
import { createDrones } from '../../../../electron/node/drones/index';
import { openStore } from '../../../../native/sqlite/open';
import { tmpDir } from '../../../helpers/tmp';

const osd = (gateway: string, data: object) =>
  JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, gateway, data: { mode_code: 5, ...data } });

describe('DJI adapter topic memory', () => {
  it('stays bounded under a flood of unknown aircraft and keeps every verdict', () => {
    const dir = tmpDir('lianqin-topics-');
    const db = openStore(':memory:');
    const bus = new Bus({ dataDir: dir, consoleId: 'test', version: 'test' });
    const d = createDrones({
      db,
      bus,
      ids: createIdSource(),
      now: () => 1_000,
      log: () => {},
      nests: () => [],
      publicUrl: 'http://x',
    });
    d.registry.announce('DOCK-1', 'UAV-1', 0);
    const N = 10_000;
    for (let i = 0; i < N; i++) d.dji.handle(djiTopic('osd', `GHOST-${i}`), osd('NO-DOCK', { latitude: 29.5 }));
    // the same topics again, some remembered, some forgotten: the same verdict
    for (let i = 0; i < N; i += 7) d.dji.handle(djiTopic('osd', `GHOST-${i}`), osd('NO-DOCK', { latitude: 29.5 }));
    d.dji.handle(djiTopic('osd', 'UAV-1'), osd('DOCK-1', { latitude: 29.5, longitude: 106.4 }));
    d.dji.handle(djiTopic('osd', 'UAV-1'), osd('DOCK-1', { latitude: 91 }));
    d.dji.handle('thing/product/UAV-1/osd/extra', osd('DOCK-1', {}));
    d.dji.handle('thing/product/UAV-1/nope', osd('DOCK-1', {}));
    const s = bus.ingest.snapshot().dji;
    const again = Math.ceil(N / 7);
    expect(s.byReason).toEqual({ 'unknown-device': N + again, 'bad-field': 1, 'unexpected-topic': 2 });
    expect(s.accepted).toBe(1);
    expect(s.lastRejection?.topic).toBe('thing/product/UAV-1/nope');
    expect(d.registry.aircraft.get('UAV-1')).toMatchObject({ lat: 29.5, lon: 106.4 });
    const memory = (d.dji as unknown as { topics: Map<string, unknown> }).topics;
    expect(memory.size).toBeGreaterThan(0);
    expect(memory.size).toBeLessThanOrEqual(4_096);
    d.service.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
