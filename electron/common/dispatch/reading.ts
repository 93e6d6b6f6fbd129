// Reading Chinese for the matcher: a small segmenter over the responsibility list's own vocabulary.
// Every term of every matter goes into one index keyed by its first two characters; a text is read
// left to right, each position looking up the terms that start there, and where terms overlap the
// longer one wins ("燃气管道" is one word, not "燃气" + "管道"). Each occurrence knows whether a
// negation stands before it in the same clause ("不是燃气味", "并非噪音"), so the scorer can drop it.

/** Clause ends: a negation never reaches across them. */
const CLAUSE_END = /[，。！？；、,.!?;:：\n\r]/;

/** Negations that deny whatever follows them in the clause (within a few characters). */
const DENY = [
  '不是',
  '并非',
  '并不是',
  '而非',
  '而不是',
  '不属于',
  '排除',
  '未发现',
  '没发现',
  '没有发现',
  '未见',
  '并无',
  '不存在',
  '没有出现',
  '未出现',
  '没闻到',
  '没有闻到',
  '未闻到',
  '未发生',
  '没有发生',
  '无关',
];
/** "不是第一次停水": the cue is about how often, not whether. */
const NOT_A_DENIAL = /^(第一次|一次|一天|很|太|说|只)/;
/** Absence words: they deny an event ("没有冒烟") but are the complaint for a service ("没有路灯"). */
const ABSENT = ['没有', '没', '无', '未'];
const DENY_REACH = 6;

export interface Occurrence {
  term: string;
  start: number;
  end: number;
  /** a denial stands before it in the clause ("不是…", "并非…") */
  denied: boolean;
  /** an absence word stands right before it ("没有…", "无…") */
  absent: boolean;
}

/** Full-width to half-width, upper to lower case, whitespace out: the form terms and texts are compared in. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export class Vocabulary {
  private readonly byPrefix = new Map<string, string[]>();

  constructor(terms: Iterable<string>) {
    for (const raw of terms) {
      const t = normalise(raw);
      if (t.length < 2) throw new Error(`term ${JSON.stringify(raw)} is shorter than two characters`);
      const k = t.slice(0, 2);
      const list = this.byPrefix.get(k) ?? [];
      if (!list.includes(t)) list.push(t);
      this.byPrefix.set(k, list);
    }
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The vocabulary's words in a normalised text, longest first where they overlap, in reading order. */
  read(text: string): Occurrence[] {
    const found: { term: string; start: number; end: number }[] = [];
    for (let i = 0; i + 1 < text.length; i++) {
      const list = this.byPrefix.get(text.slice(i, i + 2));
      if (!list) continue;
      for (const term of list) if (text.startsWith(term, i)) found.push({ term, start: i, end: i + term.length });
    }
    // where two words overlap, the longer one is the word ("燃气管道" holds no "燃气"; in "歌乐山体育馆" the
    // place word 体育馆 wins over 山体); words of equal length both stay
    const kept = found.filter(
      (o) => !found.some((p) => p.start < o.end && o.start < p.end && p.end - p.start > o.end - o.start),
    );
    return kept.map((o) => ({ ...o, denied: denied(text, o.start), absent: absent(text, o.start) }));
  }
}

function clauseBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && !CLAUSE_END.test(text[i - 1])) i--;
  return text.slice(i, start);
}

function denied(text: string, start: number): boolean {
  const before = clauseBefore(text, start);
  for (const cue of DENY) {
    const at = before.lastIndexOf(cue);
    if (at < 0) continue;
    const gap = before.length - (at + cue.length);
    if (gap <= DENY_REACH && !NOT_A_DENIAL.test(text.slice(start - gap, start + 3))) return true;
  }
  return false;
}

function absent(text: string, start: number): boolean {
  const before = clauseBefore(text, start);
  return ABSENT.some((cue) => before.endsWith(cue));
}
