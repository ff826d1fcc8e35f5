// A shell transcript rendered for download: asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/),
// one JSON header line then `[seconds, "o"|"i"|"r", text]` per recorded chunk, which `asciinema play`
// replays; or the raw terminal output bytes alone. Bytes are decoded as UTF-8 per direction, so a
// character split across two chunks is kept whole.
import type { ResponseRecord, TranscriptChunk } from '../store/store.js';

export function transcriptAsciicast(r: ResponseRecord, chunks: readonly TranscriptChunk[]): string {
  const start = r.startedAt ?? r.sentAt ?? chunks[0]?.at ?? r.requestedAt;
  const header = {
    version: 2,
    width: typeof r.params.cols === 'number' ? r.params.cols : 80,
    height: typeof r.params.rows === 'number' ? r.params.rows : 24,
    timestamp: Math.floor(start / 1000),
    title: `${r.hostname} ${r.id} (${r.requestedBy})`,
    env: { TERM: 'xterm-256color' },
    xdr: { action_id: r.id, agent_id: r.agentId, hostname: r.hostname, requested_by: r.requestedBy, truncated: r.transcript.truncated },
  };
  const lines = [JSON.stringify(header)];
  const decoders = { o: new TextDecoder('utf-8'), i: new TextDecoder('utf-8') };
  for (const c of chunks) {
    const t = Math.max(0, (c.at - start) / 1000);
    const text = c.dir === 'r' ? c.data.toString('utf8') : decoders[c.dir].decode(c.data, { stream: true });
    if (text) lines.push(JSON.stringify([Number(t.toFixed(6)), c.dir, text]));
  }
  return `${lines.join('\n')}\n`;
}

export function transcriptOutput(chunks: readonly TranscriptChunk[]): Buffer {
  return Buffer.concat(chunks.filter((c) => c.dir === 'o').map((c) => c.data));
}
