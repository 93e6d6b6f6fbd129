import { describe, expect, it } from 'vitest';
import {
  contiguous,
  placeEvent,
  replicationTopics,
  withoutLog,
  type LoggedEvent,
  requestSchema,
} from '../../../../electron/common/replication/protocol';

// only the log matters for placing: the event itself is the same whatever its origin
const ev = (pos: number, of = 'AUTH', consoleId = 'LAPTOP') =>
  ({ consoleId, consoleSeq: 7, log: { of, pos } }) as unknown as LoggedEvent;

describe('placing an arriving event on a replica', () => {
  it('applies the next one, skips old ones (QoS 1 is at least once), catches up on a gap', () => {
    expect(placeEvent(ev(11), 'AUTH', 10)).toBe('apply');
    expect(placeEvent(ev(10), 'AUTH', 10)).toBe('duplicate');
    expect(placeEvent(ev(3), 'AUTH', 10)).toBe('duplicate');
    expect(placeEvent(ev(12), 'AUTH', 10)).toBe('gap');
    expect(placeEvent(ev(11, 'OTHER'), 'AUTH', 10)).toBe('foreign');
    // an event another console made (a field package the authority took in) is placed by the authority's log
    expect(placeEvent(ev(11, 'AUTH', 'FIELD'), 'AUTH', 10)).toBe('apply');
  });

  it('keeps of early events only what follows on without a hole, in order, once', () => {
    const early = [ev(14), ev(12), ev(13), ev(12), ev(16), ev(11, 'OTHER'), ev(9)];
    expect(contiguous(early, 'AUTH', 11).map((e) => e.log.pos)).toEqual([12, 13, 14]);
    expect(contiguous(early, 'AUTH', 14).map((e) => e.log.pos)).toEqual([]);
    expect(contiguous([], 'AUTH', 0)).toEqual([]);
  });

  it('stores an event without its place in the log', () => {
    expect(withoutLog(ev(3))).toEqual({ consoleId: 'LAPTOP', consoleSeq: 7 });
  });
});

describe('the wire protocol', () => {
  it('names a versioned topic tree', () => {
    expect(replicationTopics.events('01ABC')).toBe('lianqin/v1/incidents/01ABC/events');
    expect(replicationTopics.state('01ABC')).toBe('lianqin/v1/incidents/01ABC/state');
    expect(replicationTopics.replies('C1')).toBe('lianqin/v1/consoles/C1/replies');
  });

  it('refuses a request that is not one, naming what is wrong', () => {
    const r = requestSchema.safeParse({ kind: 'act', requestId: 'r1', origin: 'B', incidentId: 'i', commands: [] });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['expectedVersion', 'commands', 'actor', 'at']));
    expect(requestSchema.safeParse({ kind: 'since', requestId: 'r', origin: 'B', after: 0, limit: 10 }).success).toBe(
      true,
    );
    expect(requestSchema.safeParse({ kind: 'since', requestId: 'r', origin: 'B', after: -1, limit: 10 }).success).toBe(
      false,
    );
  });
});
