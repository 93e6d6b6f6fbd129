// The message bus as every window shows it: is the MQTT broker connected (and since when).
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { BrokerStatus } from '../../../electron/common/bus/payloads';
import { useClient } from '../services/client';

export const useBusStore = defineStore('bus', () => {
  const status = shallowRef<BrokerStatus | null>(null);
  let started = false;

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    const bus = useClient().get('bus');
    bus.onDidChangeStatus((s) => {
      status.value = s;
    });
    status.value = await bus.status();
  }

  return { status, start };
});
