// MITRE ATT&CK names for the console: the techniques our content and the public Sigma rules tag,
// with their tactics. The names are data (collector/content/attack-techniques.json), read once at
// start-up; a technique missing there is shown by its id alone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { builtinContentDir } from '../../detection/builtin-content.js';
import { errorResponses } from '../schemas.js';

interface TacticEntry { id: string; shortname: string; name: string }
interface TechniqueFile { tactics: TacticEntry[]; techniques: Record<string, { name: string; tactics?: string[] }> }
export interface AttackTechnique { id: string; name: string; full_name: string; tactics: string[] }
export interface AttackCatalogue { tactics: TacticEntry[]; techniques: AttackTechnique[] }

export const ATTACK_FILE = 'attack-techniques.json';

/** Reads the names file; sub-techniques get their parent's tactics and a "Parent: Sub" full name. Tactics by id (TA0002). */
export function readAttackCatalogue(file: string | undefined): AttackCatalogue {
  if (!file || !existsSync(file)) return { tactics: [], techniques: [] };
  const doc = JSON.parse(readFileSync(file, 'utf8')) as TechniqueFile;
  const tacticId = new Map(doc.tactics.map((t) => [t.shortname, t.id]));
  const techniques = Object.entries(doc.techniques).map(([id, t]): AttackTechnique => {
    const parent = id.includes('.') ? doc.techniques[id.split('.')[0]!] : undefined;
    const shortnames = t.tactics ?? parent?.tactics ?? [];
    return {
      id, name: t.name, full_name: parent ? `${parent.name}: ${t.name}` : t.name,
      tactics: shortnames.map((s) => tacticId.get(s)).filter((x): x is string => !!x),
    };
  });
  return { tactics: doc.tactics, techniques };
}

const attackRoutes: FastifyPluginAsync<{ file?: string }> = async (app, opts) => {
  const dir = builtinContentDir();
  const catalogue = readAttackCatalogue(opts.file ?? (dir ? join(dir, ATTACK_FILE) : undefined));

  app.get('/attack/techniques', {
    config: { minRole: 'viewer' },
    schema: {
      summary: 'MITRE ATT&CK tactic and technique names (for the techniques the detection content uses)',
      tags: ['detection'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: {
        200: {
          type: 'object',
          required: ['tactics', 'techniques'],
          properties: {
            tactics: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, shortname: { type: 'string' }, name: { type: 'string' } } },
            },
            techniques: {
              type: 'array',
              items: {
                type: 'object',
                properties: { id: { type: 'string' }, name: { type: 'string' }, full_name: { type: 'string' }, tactics: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async () => catalogue);
};

export default attackRoutes;
