// ATT&CK technique names next to their ids (GET /attack/techniques, read once per page load).
// A sub-technique missing from the names file falls back to its parent's name; an unknown id is shown alone.
import { useEffect, useState } from 'preact/hooks';
import { loadAttackNames, type AttackTechnique } from '../api';

export type AttackNames = Map<string, AttackTechnique>;

export function useAttackNames(): AttackNames {
  const [names, setNames] = useState<AttackNames>(new Map());
  useEffect(() => { let live = true; void loadAttackNames().then((n) => { if (live) setNames(n); }); return () => { live = false; }; }, []);
  return names;
}

/** The technique's own name ("Unix Shell"), or its parent's, or undefined. */
export function techniqueName(names: AttackNames, id: string): string | undefined {
  return names.get(id)?.name ?? names.get(id.split('.')[0]!)?.name;
}

/** Full name for a tooltip ("Command and Scripting Interpreter: Unix Shell"). */
export function techniqueTitle(names: AttackNames, id: string): string {
  const t = names.get(id) ?? names.get(id.split('.')[0]!);
  return t ? `${id} ${t.full_name}` : id;
}

/** "T1059.004 Unix Shell", the id in mono, with the full name as a tooltip. */
export function Technique(props: { id: string; names: AttackNames }) {
  const name = techniqueName(props.names, props.id);
  return (
    <span class="technique" title={techniqueTitle(props.names, props.id)} data-technique={props.id}>
      <span class="mono">{props.id}</span>{name && <span class="technique-name"> {name}</span>}
    </span>
  );
}

/** A comma-separated list of techniques with names. */
export function TechniqueList(props: { ids: string[]; names: AttackNames }) {
  if (props.ids.length === 0) return <>—</>;
  return <>{props.ids.map((id, i) => <>{i > 0 && ', '}<Technique key={id} id={id} names={props.names} /></>)}</>;
}
