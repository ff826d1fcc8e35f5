// The alert graph (hosts, users, processes, files, IPs, domains and what linked them), drawn
// with cytoscape from GET /alerts/:id/graph. Clicking a node shows its fields and its pivot.
import type cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertGraph, GraphNode } from '../types';
import { searchHref } from './ui';

const COLORS: Record<string, string> = {
  host: '#4fb3ff', user: '#b48cff', process: '#f5a524', file: '#7bd88f', ip: '#ff6b81', domain: '#ff9e64',
};
const SHAPES: Record<string, string> = {
  host: 'round-rectangle', user: 'ellipse', process: 'round-diamond', file: 'round-tag', ip: 'hexagon', domain: 'hexagon',
};

export function AlertGraphView(props: { graph: AlertGraph }) {
  const box = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<GraphNode | null>(null);

  useEffect(() => {
    let cy: cytoscape.Core | undefined;
    let gone = false;
    // cytoscape is loaded with the first graph, not with the console
    void import('cytoscape').then(({ default: make }) => {
      if (gone || !box.current) return;
      cy = draw(make, box.current);
    });
    return () => { gone = true; cy?.destroy(); };
  }, [props.graph]);

  function draw(make: typeof cytoscape, container: HTMLElement): cytoscape.Core {
    const byId = new Map(props.graph.nodes.map((n) => [n.id, n]));
    const cy = make({
      container,
      elements: [
        ...props.graph.nodes.map((n) => ({ data: { id: n.id, label: n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label, type: n.type, evidence: n.evidence ? 1 : 0 } })),
        ...props.graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: e.count > 1 ? `${e.type} ×${e.count}` : e.type } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (n: cytoscape.NodeSingular) => COLORS[n.data('type')] ?? '#8899aa',
            shape: ((n: cytoscape.NodeSingular) => SHAPES[n.data('type')] ?? 'ellipse') as unknown as cytoscape.Css.NodeShape,
            label: 'data(label)', color: '#d8e1ec', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4,
            'text-outline-color': '#0d141d', 'text-outline-width': 2, width: 22, height: 22,
          },
        },
        { selector: 'node[evidence = 1]', style: { 'border-width': 3, 'border-color': '#ff4d4f' } },
        { selector: 'node:selected', style: { 'overlay-color': '#4fb3ff', 'overlay-opacity': 0.25 } },
        {
          selector: 'edge',
          style: {
            width: 1.5, 'line-color': '#3a4a5e', 'target-arrow-color': '#3a4a5e', 'target-arrow-shape': 'triangle',
            'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#7f8ea3', 'text-rotation': 'autorotate',
            'text-background-color': '#111a24', 'text-background-opacity': 1, 'text-background-padding': '1px',
          },
        },
      ],
      layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 20 } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 3,
    });
    cy.on('tap', 'node', (e) => setPicked(byId.get(e.target.id()) ?? null));
    cy.on('tap', (e) => { if (e.target === cy) setPicked(null); });
    return cy;
  }

  return (
    <div class="graph-wrap">
      <div class="graph" ref={box} data-testid="alert-graph" />
      <div class="graph-legend">
        {Object.entries(COLORS).map(([t, c]) => <span key={t}><i style={{ background: c }} />{t}</span>)}
        <span><i class="legend-evidence" />evidence</span>
      </div>
      {picked && (
        <div class="graph-detail" data-testid="graph-detail">
          <div class="graph-detail-head"><strong>{picked.type}</strong> {picked.label}</div>
          <dl class="kv small">
            {Object.entries(picked.fields).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => (
              <><dt key={`${k}-k`}>{k}</dt><dd key={`${k}-v`} class="mono">{String(v)}</dd></>
            ))}
          </dl>
          <div class="row-gap">
            <a class="btn btn-small" href={searchHref(picked.pivot)}>Search related activity</a>
            {picked.type === 'process' && typeof picked.fields['process.entity_id'] === 'string' && (
              <a class="btn btn-small" href={`/processes/${encodeURIComponent(String(picked.fields['process.entity_id']))}`}>Execution profile</a>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
