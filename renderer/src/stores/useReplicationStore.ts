// Several consoles, one board, as every window shows it: authority or replica, how far behind, what this
// console's officers did that is not sent yet, and refused requests they must redo.
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { OutboxItem, ReplicationStatus } from '../../../electron/common/contract/replication';
import { useClient } from '../services/client';

export const useReplicationStore = defineStore('replication', () => {
  const status = shallowRef<ReplicationStatus | null>(null);
  const outbox = shallowRef<OutboxItem[]>([]);
  let started = false;

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    const repl = useClient().get('replication');
    repl.onDidChangeStatus((s) => {
      status.value = s;
    });
    status.value = await repl.status();
  }

  async function loadOutbox(): Promise<void> {
    outbox.value = await useClient().get('replication').outbox();
  }

  async function dismiss(requestId: string): Promise<void> {
    await useClient().get('replication').dismiss(requestId);
    await loadOutbox();
  }

  return { status, outbox, start, loadOutbox, dismiss };
});
