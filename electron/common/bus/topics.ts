// The topic tree of the bus: Lianqin's own versioned topics (JSON payloads), DJI Cloud API topics
// (the docks keep their own `thing/…` and `sys/…` tree), and MQTT filter matching with `+` and `#`.
// Pure: the broker adapter in node/bus and every consumer build and read topics only through here.

export const LIANQIN_ROOT = 'lianqin/v1';

const hasNul = (v: string) => v.includes('\u0000');

const segment = (name: string, v: string): string => {
  if (!v || /[/+#]/.test(v) || hasNul(v)) throw new Error(`${name} is not a valid topic segment: ${JSON.stringify(v)}`);
  return v;
};

/** Lianqin's own topics (DESIGN.md, "Topic tree"). */
export const lianqinTopics = {
  incidentEvents: (id: string) => `${LIANQIN_ROOT}/incidents/${segment('incident id', id)}/events`,
  incidentState: (id: string) => `${LIANQIN_ROOT}/incidents/${segment('incident id', id)}/state`,
  report: (source: string) => `${LIANQIN_ROOT}/reports/${segment('source', source)}`,
  reportReply: (source: string) => `${LIANQIN_ROOT}/reports/${segment('source', source)}/reply`,
  sensorReadings: (sensorId: string) => `${LIANQIN_ROOT}/sensors/${segment('sensor id', sensorId)}/readings`,
  consoleStatus: (consoleId: string) => `${LIANQIN_ROOT}/consoles/${segment('console id', consoleId)}/status`,
};

/** What a DJI Cloud API topic is about. */
export const DJI_TOPIC_KINDS = [
  'osd',
  'state',
  'services',
  'services_reply',
  'events',
  'events_reply',
  'requests',
  'requests_reply',
  'status',
  'status_reply',
  'property_set',
  'property_set_reply',
] as const;
export type DjiTopicKind = (typeof DJI_TOPIC_KINDS)[number];

export function djiTopic(kind: DjiTopicKind, sn: string): string {
  segment('device sn', sn);
  if (kind === 'status' || kind === 'status_reply') return `sys/product/${sn}/${kind}`;
  if (kind === 'property_set') return `thing/product/${sn}/property/set`;
  if (kind === 'property_set_reply') return `thing/product/${sn}/property/set_reply`;
  return `thing/product/${sn}/${kind}`;
}

/** The filters the console subscribes to for every dock (device → cloud directions only). */
export const DJI_INBOUND_FILTERS = [
  'thing/product/+/osd',
  'thing/product/+/state',
  'thing/product/+/events',
  'thing/product/+/services_reply',
  'thing/product/+/requests',
  'sys/product/+/status',
] as const;

/** The filters a dock (or the dock simulator) listens on for its gateway sn. */
export const djiDeviceFilters = (gatewaySn: string): string[] => [
  djiTopic('services', gatewaySn),
  djiTopic('events_reply', gatewaySn),
  djiTopic('requests_reply', gatewaySn),
  djiTopic('status_reply', gatewaySn),
  djiTopic('property_set', gatewaySn),
];

const THING_PRODUCT = 'thing/product/';
/** what may follow `thing/product/{sn}/` (status and status_reply live under `sys/`) */
const THING_KINDS: ReadonlySet<string> = new Set(DJI_TOPIC_KINDS.filter((k) => k !== 'status' && k !== 'status_reply'));

export function parseDjiTopic(topic: string): { sn: string; kind: DjiTopicKind } | null {
  // the common case, `thing/product/{sn}/{kind}` (every OSD message), without splitting the topic
  if (topic.startsWith(THING_PRODUCT)) {
    const end = topic.indexOf('/', THING_PRODUCT.length);
    if (end > THING_PRODUCT.length && topic.indexOf('/', end + 1) === -1) {
      const kind = topic.slice(end + 1);
      return THING_KINDS.has(kind) ? { sn: topic.slice(THING_PRODUCT.length, end), kind: kind as DjiTopicKind } : null;
    }
  }
  const p = topic.split('/');
  if (p.length < 4 || p[1] !== 'product' || !p[2]) return null;
  if (p[0] === 'sys' && p.length === 4 && (p[3] === 'status' || p[3] === 'status_reply'))
    return { sn: p[2], kind: p[3] };
  if (p[0] !== 'thing') return null;
  if (p.length === 5 && p[3] === 'property') {
    if (p[4] === 'set') return { sn: p[2], kind: 'property_set' };
    if (p[4] === 'set_reply') return { sn: p[2], kind: 'property_set_reply' };
    return null;
  }
  if (p.length !== 4) return null;
  const kind = p[3] as DjiTopicKind;
  return DJI_TOPIC_KINDS.includes(kind) && kind !== 'status' && kind !== 'status_reply' ? { sn: p[2], kind } : null;
}

/** A filter is valid when `#` only ends it and `+`/`#` stand alone in their level (MQTT 3.1.1 §4.7). */
export function isValidFilter(filter: string): boolean {
  if (!filter || filter.length > 65_535 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((l, i) => {
    if (l.includes('#')) return l === '#' && i === levels.length - 1;
    return !l.includes('+') || l === '+';
  });
}

export function isValidTopicName(topic: string): boolean {
  return !!topic && topic.length <= 65_535 && !/[+#]/.test(topic) && !hasNul(topic);
}

/** Whether `topic` matches `filter`; wildcards at the first level never match `$`-topics (§4.7.2). */
export function topicMatches(filter: string, topic: string): boolean {
  return partsMatch(compileFilter(filter), topic.split('/'));
}

/** A filter split once, for matching many topics (a subscriber's dispatch at thousands of messages a second). */
export type CompiledFilter = readonly string[];

export const compileFilter = (filter: string): CompiledFilter => filter.split('/');

/** topicMatches(filter, topic) for a compiled filter and a topic already split on '/'. */
export function partsMatch(f: CompiledFilter, t: readonly string[]): boolean {
  if (t[0].startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
