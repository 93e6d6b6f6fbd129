// The console's workspace as this window sees it: what every window focuses on and the selected
// camera. Any window may ask; every window follows (the workspace service fans the change out).
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { WorkspaceState } from '../../../electron/common/contract';
import { useClient } from '../services/client';

export const useWorkspaceStore = defineStore('workspace', () => {
  const state = shallowRef<WorkspaceState>({ focus: null, selectedCameraId: null });
  let started = false;
  const ws = () => useClient().get('workspace');

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    ws().onDidChange((s) => {
      state.value = s;
    });
    state.value = await ws().get();
  }

  /** every window flies to the incident */
  const focusIncident = async (id: string) => ws().focusIncident(id);
  /** every window flies to a place */
  const focusPoint = async (lon: number, lat: number) => ws().focusPoint(lon, lat);
  const selectCamera = async (id: string | null) => {
    state.value = await ws().selectCamera(id);
  };

  return { state, start, focusIncident, focusPoint, selectCamera };
});
