// The field side as windows see it: the area this console took in last (what it holds and how old it
// is), packages made and taken in, and the progress of an export, import or return under way.
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { FieldArea } from '../../../electron/common/contract/fieldPackages';
import type {
  ExportRequest,
  ImportReport,
  PackageInfo,
  PackageProgress,
} from '../../../electron/common/tiles/manifest';
import { useClient } from '../services/client';

/** Over the WebSocket a message may be 32 MiB: bigger packages go by HTTP (browser mode) instead. */
const RPC_LIMIT = 24 * 1024 * 1024;

export const useFieldStore = defineStore('field', () => {
  const area = shallowRef<FieldArea | null>(null);
  const packages = shallowRef<readonly PackageInfo[]>([]);
  const progress = ref<PackageProgress | null>(null);
  const lastReport = shallowRef<ImportReport | null>(null);
  const lastExport = shallowRef<PackageInfo | null>(null);
  let started: Promise<void> | null = null;
  const svc = () => useClient().get('fieldPackages');

  async function refresh(): Promise<void> {
    const [a, list] = await Promise.all([svc().current(), svc().list()]);
    area.value = a ? markRaw(a) : null;
    packages.value = markRaw(list);
  }

  function start(): Promise<void> {
    started ??= (async () => {
      svc().onDidProgress((p) => {
        progress.value = p;
      });
      await refresh();
    })();
    return started;
  }

  async function importFile(file: Blob): Promise<ImportReport> {
    progress.value = { id: '', op: 'import', phase: 'upload', done: 0, total: file.size };
    const bytes = new Uint8Array(await file.arrayBuffer());
    let report: ImportReport;
    if (bytes.byteLength <= RPC_LIMIT || typeof fetch === 'undefined') report = await svc().importPackage(bytes);
    else {
      const r = await fetch('/api/field-packages/import', { method: 'POST', body: bytes });
      const body = await r.json();
      if (!r.ok) throw new Error(body.error ?? `HTTP ${r.status}`);
      report = body as ImportReport;
    }
    lastReport.value = markRaw(report);
    await refresh();
    return report;
  }

  async function exportArea(req: ExportRequest): Promise<PackageInfo> {
    const p = await svc().exportPackage(req);
    lastExport.value = markRaw(p);
    await refresh();
    return p;
  }

  async function returnJournal(): Promise<PackageInfo> {
    const p = await svc().returnPackage();
    lastExport.value = markRaw(p);
    await refresh();
    return p;
  }

  return { area, packages, progress, lastReport, lastExport, start, refresh, importFile, exportArea, returnJournal };
});
