// Several consoles, one board (English). Keys are shared with replication.zh-CN.ts.
import type { replicationZh } from './replication.zh-CN';

export const replicationEn: Record<keyof typeof replicationZh, string> = {
  'repl.authority': 'Authority',
  'repl.authority.title': 'This console decides every command; the others follow it',
  'repl.rival': 'Second authority',
  'repl.rival.title':
    'Console {id} also says it is the authority: start all consoles but one with --replication replica',
  'repl.synced': 'In sync',
  'repl.behind': '{n} behind',
  'repl.pending': '{n} not yet sent',
  'repl.conflicts': '{n} conflicts to redo',
  'repl.offline': 'Working offline',
  'repl.title': 'Replica · authority {authority} · applied {applied} of {latest}',
  'repl.outbox': 'This console’s commands',
  'repl.outbox.empty': 'Nothing unsent or refused',
  'repl.state.pending': 'Not sent',
  'repl.state.done': 'Accepted',
  'repl.state.conflict': 'Conflict',
  'repl.state.failed': 'Refused',
  'repl.dismiss': 'Got it',
  'repl.kind.report': 'Report',
  'board.pending': 'Not sent',
  'board.pending.title': 'Recorded here, not yet accepted by the authority (sent when the network is back)',
};
