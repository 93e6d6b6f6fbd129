import { describe, expect, it } from 'vitest';
import { parseBusReport, reportReplySchema, reportTopicSource } from '../../../../electron/common/bus/reports';
import { lianqinTopics, topicMatches } from '../../../../electron/common/bus/topics';
import { REPORTS_FILTER } from '../../../../electron/common/bus/reports';

const good = {
  platformReportId: '141-20260712-000123',
  title: '磁器口古镇儿童走失',
  description: '一名约六岁男孩在古镇正街与家人走散',
  lon: 106.4505,
  lat: 29.583,
};
const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

describe('reports over the bus', () => {
  it('listens on the report topics and not on their replies', () => {
    expect(topicMatches(REPORTS_FILTER, lianqinTopics.report('grid'))).toBe(true);
    expect(topicMatches(REPORTS_FILTER, lianqinTopics.reportReply('grid'))).toBe(false);
    expect(reportTopicSource('lianqin/v1/reports/citizen')).toBe('citizen');
    expect(reportTopicSource('lianqin/v1/reports/citizen/reply')).toBeNull();
  });

  it('takes the source from the topic and keeps the platform id', () => {
    const r = parseBusReport('grid', enc(good));
    expect(r).toEqual({ ok: true, report: { ...good, source: 'grid' } });
    expect(parseBusReport('citizen', enc({ ...good, source: 'citizen' })).ok).toBe(true);
  });

  it.each([
    ['not json', '{"title":', null, null],
    ['not an object', '[1,2]', null, null],
    ['no platform id', JSON.stringify({ ...good, platformReportId: undefined }), 'platformReportId', null],
    ['a spaced platform id', JSON.stringify({ ...good, platformReportId: 'a b' }), 'platformReportId', 'a b'],
    [
      'a source that contradicts the topic',
      JSON.stringify({ ...good, source: 'citizen' }),
      'source',
      good.platformReportId,
    ],
    ['a missing title', JSON.stringify({ ...good, title: undefined }), 'title', good.platformReportId],
    ['a longitude as text', JSON.stringify({ ...good, lon: '106.45' }), 'lon', good.platformReportId],
    ['an unknown field', JSON.stringify({ ...good, extra: 1 }), null, good.platformReportId],
  ])('refuses %s naming the field', (_what, payload, field, pid) => {
    const r = parseBusReport('grid', payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.platformReportId).toBe(pid);
    expect(r.error.length).toBeGreaterThan(10);
    expect(
      reportReplySchema.safeParse({ ok: false, platformReportId: r.platformReportId, error: r.error, field }).success,
    ).toBe(true);
  });

  it('refuses a source that does not report over the bus, and invalid UTF-8', () => {
    expect(parseBusReport('officer', enc({ ...good }))).toMatchObject({ ok: false, field: null });
    expect(parseBusReport('grid', new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ ok: false, field: null });
  });
});
