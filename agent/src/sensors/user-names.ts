// uid -> user name from /etc/passwd, re-read when the file changes (checked at most every 5 s).
import { readFileSync, statSync } from 'node:fs';

export class UserNames {
  private names = new Map<number, string>();
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(private readonly passwdPath = '/etc/passwd') {}

  name(uid: number | undefined): string {
    if (uid === undefined) return '';
    const now = Date.now();
    if (now - this.checkedAt > 5000) {
      this.checkedAt = now;
      this.reload();
    }
    return this.names.get(uid) ?? '';
  }

  private reload(): void {
    try {
      const st = statSync(this.passwdPath);
      if (st.mtimeMs === this.mtimeMs) return;
      this.mtimeMs = st.mtimeMs;
      const names = new Map<number, string>();
      for (const line of readFileSync(this.passwdPath, 'utf8').split('\n')) {
        const f = line.split(':');
        if (f.length >= 3 && !names.has(Number(f[2]))) names.set(Number(f[2]), f[0]);
      }
      this.names = names;
    } catch {
      // no passwd file: names stay empty, uids are still reported
    }
  }
}
