// The Workbench's live updates: one subscription to GET /alerts/stream at a time, reconnected with
// backoff and jitter when it fails. The caller polls only while the state is not 'live'.
import { useEffect, useRef, useState } from 'preact/hooks';
import { streamAlerts, type AlertChange } from './api';

export type LiveState = 'connecting' | 'live' | 'paused';

export function useAlertStream(onChange: (c: AlertChange) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const saved = useRef(onChange);
  saved.current = onChange;
  useEffect(() => {
    const stop = new AbortController();
    let failures = 0;
    (async () => {
      while (!stop.signal.aborted) {
        try {
          await streamAlerts({
            signal: stop.signal,
            onReady: () => { failures = 0; setState('live'); },
            onChange: (c) => saved.current(c),
          });
        } catch { /* below: paused, then reconnect */ }
        if (stop.signal.aborted) return;
        setState('paused');
        failures++;
        const wait = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5)) * (0.75 + Math.random() * 0.5);
        await new Promise((r) => setTimeout(r, wait));
      }
    })();
    return () => stop.abort();
  }, []);
  return state;
}
