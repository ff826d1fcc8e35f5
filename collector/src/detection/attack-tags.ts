// Parses Sigma `attack.*` tags into ATT&CK technique ids (`attack.t1059.004` -> T1059.004) and
// tactic ids (`attack.execution` -> TA0002). Group and software tags (g0032, s0002) are ignored.
import type { AttackRefs } from './types.js';

export const TACTICS: ReadonlyMap<string, string> = new Map([
  ['reconnaissance', 'TA0043'],
  ['resource-development', 'TA0042'],
  ['initial-access', 'TA0001'],
  ['execution', 'TA0002'],
  ['persistence', 'TA0003'],
  ['privilege-escalation', 'TA0004'],
  ['defense-evasion', 'TA0005'],
  ['credential-access', 'TA0006'],
  ['discovery', 'TA0007'],
  ['lateral-movement', 'TA0008'],
  ['collection', 'TA0009'],
  ['exfiltration', 'TA0010'],
  ['command-and-control', 'TA0011'],
  ['impact', 'TA0040'],
]);

export function parseAttackTags(tags: readonly string[]): AttackRefs {
  const techniques: string[] = [];
  const tactics: string[] = [];
  for (const raw of tags) {
    const tag = raw.toLowerCase();
    if (!tag.startsWith('attack.')) continue;
    const rest = tag.slice(7);
    const t = /^t(\d{4})(?:\.(\d{3}))?$/.exec(rest);
    if (t) {
      const id = `T${t[1]}${t[2] ? '.' + t[2] : ''}`;
      if (!techniques.includes(id)) techniques.push(id);
      continue;
    }
    const ta = /^ta(\d{4})$/.exec(rest);
    const tactic = ta ? `TA${ta[1]}` : TACTICS.get(rest.replace(/_/g, '-'));
    if (tactic && !tactics.includes(tactic)) tactics.push(tactic);
  }
  return { techniques, tactics };
}
