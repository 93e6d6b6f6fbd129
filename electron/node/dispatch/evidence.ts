// Evidence files (photos, documents, camera snapshots) kept in the data folder, one folder per
// incident, named by the evidence id; the event log records the id, name, type, size and SHA-256.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Evidence } from '../../common/dispatch/types';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export class EvidenceStore {
  constructor(private readonly dir: string) {}

  private fileOf(incidentId: string, evidenceId: string): string {
    if (!/^[A-Za-z0-9-]{1,40}$/.test(incidentId) || !/^[A-Za-z0-9-]{1,40}$/.test(evidenceId)) {
      throw new Error('bad evidence reference');
    }
    return path.join(this.dir, incidentId, evidenceId);
  }

  /** Writes the file (fsync'd) and returns what the event will record about it. */
  save(incidentId: string, evidence: Omit<Evidence, 'bytes' | 'sha256'>, data: Uint8Array): Evidence {
    const file = this.fileOf(incidentId, evidence.id);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return { ...evidence, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') };
  }

  read(incidentId: string, evidenceId: string): Buffer | null {
    try {
      return fs.readFileSync(this.fileOf(incidentId, evidenceId));
    } catch {
      return null;
    }
  }
}
