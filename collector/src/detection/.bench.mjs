// collector/src/detection/errors.ts
var DetectionError = class extends Error {
  code;
  /** Path in the YAML document (e.g. ['detection', 'selection', 'Image|endswith']) used to locate the error. */
  path;
  constructor(code, message, path, options) {
    super(message, options);
    this.name = "DetectionError";
    this.code = code;
    this.path = path;
  }
};

// collector/src/pipeline/ecs.ts
var f = (name, type) => ({ name, type });
var ECS_FIELDS = [
  f("@timestamp", "date"),
  f("event.id", "keyword"),
  f("event.kind", "keyword"),
  f("event.category", "keyword"),
  f("event.type", "keyword"),
  f("event.action", "keyword"),
  f("event.outcome", "keyword"),
  f("event.reason", "text"),
  f("event.count", "long"),
  f("host.id", "keyword"),
  f("host.name", "keyword"),
  f("host.ip", "ip[]"),
  f("agent.id", "keyword"),
  f("process.entity_id", "keyword"),
  f("process.pid", "long"),
  f("process.name", "keyword"),
  f("process.executable", "keyword"),
  f("process.command_line", "text"),
  f("process.args", "keyword[]"),
  f("process.working_directory", "keyword"),
  f("process.hash.sha256", "keyword"),
  f("process.user.name", "keyword"),
  f("process.user.id", "keyword"),
  f("process.start", "date"),
  f("process.exit_code", "long"),
  f("process.parent.entity_id", "keyword"),
  f("process.parent.pid", "long"),
  f("process.parent.name", "keyword"),
  f("process.parent.executable", "keyword"),
  f("process.parent.command_line", "text"),
  f("file.path", "keyword"),
  f("file.name", "keyword"),
  f("file.directory", "keyword"),
  f("file.extension", "keyword"),
  f("file.original.path", "keyword"),
  f("file.size", "long"),
  f("file.mode", "keyword"),
  f("file.owner", "keyword"),
  f("file.hash.sha256", "keyword"),
  f("source.ip", "ip"),
  f("source.port", "long"),
  f("destination.ip", "ip"),
  f("destination.port", "long"),
  f("destination.domain", "keyword"),
  f("network.transport", "keyword"),
  f("network.direction", "keyword"),
  f("user.name", "keyword")
];
var ECS_FIELD_NAMES = new Set(ECS_FIELDS.map((x) => x.name));
var ECS_FIELD_TYPES = new Map(ECS_FIELDS.map((x) => [x.name, x.type]));
function isEcsField(name) {
  return ECS_FIELD_NAMES.has(name);
}

// collector/src/detection/field-map.ts
var initiated = (v) => {
  const s = String(v).toLowerCase();
  if (s === "true") return "egress";
  if (s === "false") return "ingress";
  return void 0;
};
var SIGMA_FIELD_MAP = /* @__PURE__ */ new Map([
  ["Image", { ecs: "process.executable" }],
  ["CommandLine", { ecs: "process.command_line" }],
  ["ParentImage", { ecs: "process.parent.executable" }],
  ["ParentCommandLine", { ecs: "process.parent.command_line" }],
  ["User", { ecs: "process.user.name" }],
  ["CurrentDirectory", { ecs: "process.working_directory" }],
  ["ProcessId", { ecs: "process.pid" }],
  ["ParentProcessId", { ecs: "process.parent.pid" }],
  ["ProcessGuid", { ecs: "process.entity_id" }],
  ["ParentProcessGuid", { ecs: "process.parent.entity_id" }],
  ["TargetFilename", { ecs: "file.path" }],
  ["SourceFilename", { ecs: "file.original.path" }],
  ["DestinationIp", { ecs: "destination.ip" }],
  ["DestinationPort", { ecs: "destination.port" }],
  ["DestinationHostname", { ecs: "destination.domain" }],
  ["SourceIp", { ecs: "source.ip" }],
  ["SourcePort", { ecs: "source.port" }],
  ["Protocol", { ecs: "network.transport" }],
  ["Initiated", { ecs: "network.direction", value: initiated }],
  ["Computer", { ecs: "host.name" }],
  ["Hostname", { ecs: "host.name" }]
]);
var REFUSED = /* @__PURE__ */ new Map([
  ["LogonId", "LogonId (the audit login id) is not recorded by the agent; process.user.id is the effective uid, not the same fact"],
  ["OriginalFileName", "OriginalFileName is PE metadata that Linux executables do not carry"],
  ["IntegrityLevel", "IntegrityLevel is a Windows concept"],
  ["ParentUser", "ParentUser is not recorded by the agent"],
  ["Hashes", "Hashes is a Sysmon list of several digests; match process.hash.sha256 directly instead"]
]);
var LINEAGE_FIELD = "xdr.lineage";
function resolveField(name) {
  const m = SIGMA_FIELD_MAP.get(name);
  if (m) return { ok: true, mapping: m };
  if (isEcsField(name)) return { ok: true, mapping: { ecs: name } };
  const refused = REFUSED.get(name);
  return { ok: false, reason: refused ?? `field '${name}' has no ECS mapping (neither a known Sigma field nor an ECS field the agent records)` };
}
var KEYWORD_FIELDS = [
  "process.command_line",
  "process.executable",
  "process.name",
  "process.parent.command_line",
  "process.parent.executable",
  "process.parent.name",
  "file.path",
  "file.original.path",
  "destination.domain",
  "user.name",
  "process.user.name",
  "event.reason"
];

// collector/src/detection/attack-tags.ts
var TACTICS = /* @__PURE__ */ new Map([
  ["reconnaissance", "TA0043"],
  ["resource-development", "TA0042"],
  ["initial-access", "TA0001"],
  ["execution", "TA0002"],
  ["persistence", "TA0003"],
  ["privilege-escalation", "TA0004"],
  ["defense-evasion", "TA0005"],
  ["credential-access", "TA0006"],
  ["discovery", "TA0007"],
  ["lateral-movement", "TA0008"],
  ["collection", "TA0009"],
  ["exfiltration", "TA0010"],
  ["command-and-control", "TA0011"],
  ["impact", "TA0040"]
]);
function parseAttackTags(tags) {
  const techniques = [];
  const tactics = [];
  for (const raw of tags) {
    const tag = raw.toLowerCase();
    if (!tag.startsWith("attack.")) continue;
    const rest = tag.slice(7);
    const t = /^t(\d{4})(?:\.(\d{3}))?$/.exec(rest);
    if (t) {
      const id = `T${t[1]}${t[2] ? "." + t[2] : ""}`;
      if (!techniques.includes(id)) techniques.push(id);
      continue;
    }
    const ta = /^ta(\d{4})$/.exec(rest);
    const tactic = ta ? `TA${ta[1]}` : TACTICS.get(rest.replace(/_/g, "-"));
    if (tactic && !tactics.includes(tactic)) tactics.push(tactic);
  }
  return { techniques, tactics };
}

// collector/src/detection/types.ts
var LEVELS = ["informational", "low", "medium", "high", "critical"];

// collector/src/detection/rule-collector.ts
function toUnsupported(doc, id, title, err) {
  if (err instanceof DetectionError) {
    const pos = err.path ? doc.locate(err.path) : void 0;
    return { file: doc.file, id, title, code: err.code, reason: err.message, line: pos?.line, col: pos?.col };
  }
  throw err;
}
function str(v) {
  return typeof v === "string" && v.trim() !== "" ? v : void 0;
}
function collectOne(doc) {
  const v = doc.value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new DetectionError("E_RULE_SHAPE", "the document is not a map", []);
  const r = v;
  if (r.action !== void 0) throw new DetectionError("E_RULE_SHAPE", `rule collections (action: ${String(r.action)}) are not supported; write each rule as its own document`, ["action"]);
  const title = str(r.title);
  if (!title) throw new DetectionError("E_RULE_SHAPE", "title is missing", []);
  const name = str(r.name);
  const id = str(r.id) ?? name;
  if (!id) throw new DetectionError("E_RULE_SHAPE", "id (or name) is missing", []);
  let level = "medium";
  if (r.level !== void 0) {
    if (!LEVELS.includes(r.level)) throw new DetectionError("E_RULE_SHAPE", `level '${String(r.level)}' is not one of ${LEVELS.join(", ")}`, ["level"]);
    level = r.level;
  }
  const tags = Array.isArray(r.tags) ? r.tags.filter((t) => typeof t === "string") : [];
  let layer;
  let score;
  if (r.xdr !== void 0) {
    if (r.xdr === null || typeof r.xdr !== "object") throw new DetectionError("E_XDR", "xdr must be a map { layer, score }", ["xdr"]);
    const x = r.xdr;
    if (x.layer !== void 0) {
      if (x.layer !== "filter" && x.layer !== "rule" && x.layer !== "model") throw new DetectionError("E_XDR", `xdr.layer must be filter, rule or model, not '${String(x.layer)}'`, ["xdr", "layer"]);
      layer = x.layer;
    }
    if (x.score !== void 0) {
      if (typeof x.score !== "number" || x.score < 0 || x.score > 100) throw new DetectionError("E_XDR", "xdr.score must be a number from 0 to 100", ["xdr", "score"]);
      score = x.score;
    }
  }
  const base = { id, name, title, level, tags, layer, score, doc };
  if (r.correlation !== void 0) {
    if (r.detection !== void 0) throw new DetectionError("E_RULE_SHAPE", "a document has both detection and correlation", ["correlation"]);
    if (r.correlation === null || typeof r.correlation !== "object" || Array.isArray(r.correlation)) {
      throw new DetectionError("E_CORRELATION", "correlation must be a map", ["correlation"]);
    }
    if (layer === "filter") throw new DetectionError("E_XDR", "a correlation rule cannot be xdr.layer filter", ["xdr", "layer"]);
    return { ...base, kind: "correlation", correlation: r.correlation };
  }
  if (r.detection === void 0) throw new DetectionError("E_RULE_SHAPE", "detection (or correlation) is missing", []);
  if (layer !== void 0 && layer !== "filter") throw new DetectionError("E_XDR", `a detection rule is a filter; xdr.layer ${layer} needs a correlation rule`, ["xdr", "layer"]);
  return { ...base, kind: "filter", logsource: r.logsource, detection: r.detection };
}
function collectRules(docs) {
  const out = { filters: [], correlations: [], unsupported: [] };
  const seen = /* @__PURE__ */ new Map();
  for (const doc of docs) {
    const r = doc.value;
    const id = typeof r?.id === "string" ? r.id : "";
    const title = typeof r?.title === "string" ? r.title : "";
    let spec;
    try {
      spec = collectOne(doc);
      const prev = seen.get(spec.id);
      if (prev !== void 0) throw new DetectionError("E_DUPLICATE_ID", `id ${spec.id} is already used by ${prev}`, ["id"]);
      if (spec.name && spec.name !== spec.id && seen.has(spec.name)) {
        throw new DetectionError("E_DUPLICATE_ID", `name ${spec.name} is already used by ${seen.get(spec.name)}`, ["name"]);
      }
    } catch (err) {
      out.unsupported.push(toUnsupported(doc, id, title, err));
      continue;
    }
    seen.set(spec.id, doc.file);
    if (spec.name) seen.set(spec.name, doc.file);
    if (spec.kind === "filter") out.filters.push(spec);
    else out.correlations.push(spec);
  }
  return out;
}
function attackOf(spec) {
  return parseAttackTags(spec.tags);
}

// collector/src/detection/correlation-compiler.ts
var TYPES = /* @__PURE__ */ new Set(["event_count", "value_count", "temporal", "temporal_ordered"]);
var UNITS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseTimespan(v) {
  const m = /^(\d+)\s*(ms|s|m|h|d|w)$/.exec(String(v ?? "").trim());
  if (!m) return void 0;
  return m[2] === "ms" ? Number(m[1]) : Number(m[1]) * UNITS[m[2]];
}
function compileCondition(c, type, nInputs) {
  const path = ["correlation", "condition"];
  if (type === "temporal" || type === "temporal_ordered") {
    if (c === void 0) return { satisfied: (n) => n >= nInputs };
  } else if (c === void 0 || c === null || typeof c !== "object") {
    throw new DetectionError("E_CORRELATION", `${type} needs a condition such as { gte: 10 }`, path);
  }
  if (c === null || typeof c !== "object" || Array.isArray(c)) throw new DetectionError("E_CORRELATION", "condition must be a map", path);
  const checks = [];
  let lower = false;
  let field;
  for (const [k, v] of Object.entries(c)) {
    if (k === "field") {
      if (typeof v !== "string") throw new DetectionError("E_CORRELATION", "condition.field must be a field name", [...path, k]);
      field = v;
      continue;
    }
    if (typeof v !== "number") throw new DetectionError("E_CORRELATION", `condition.${k} must be a number`, [...path, k]);
    switch (k) {
      case "gt":
        checks.push((n) => n > v);
        lower = true;
        break;
      case "gte":
        checks.push((n) => n >= v);
        lower = true;
        break;
      case "eq":
        checks.push((n) => n === v);
        lower = true;
        break;
      case "lt":
        checks.push((n) => n < v);
        break;
      case "lte":
        checks.push((n) => n <= v);
        break;
      case "neq":
        checks.push((n) => n !== v);
        break;
      default:
        throw new DetectionError("E_CORRELATION", `unknown condition operator '${k}'`, [...path, k]);
    }
  }
  if (type === "value_count" && !field) throw new DetectionError("E_CORRELATION", "value_count needs condition.field", path);
  if (type !== "value_count" && field) throw new DetectionError("E_CORRELATION", `condition.field only applies to value_count, not ${type}`, [...path, "field"]);
  if (type === "temporal_ordered") throw new DetectionError("E_CORRELATION", "temporal_ordered takes no condition: all rules must match in order", path);
  if (!lower) {
    throw new DetectionError("E_CORRELATION", "a condition with only lt/lte/neq (absence of events) is not supported; give a lower bound (gt, gte or eq)", path);
  }
  return { satisfied: (n) => checks.every((f2) => f2(n)), field };
}
function parseOne(spec) {
  const c = spec.correlation;
  const type = c.type;
  if (!TYPES.has(type)) throw new DetectionError("E_CORRELATION", `correlation.type '${String(c.type)}' is not one of ${[...TYPES].join(", ")}`, ["correlation", "type"]);
  const refs = (Array.isArray(c.rules) ? c.rules : [c.rules]).filter((x) => x !== void 0 && x !== null).map(String);
  if (refs.length === 0) throw new DetectionError("E_CORRELATION", "correlation.rules names no rule", ["correlation", "rules"]);
  if ((type === "temporal" || type === "temporal_ordered") && refs.length < 2) {
    throw new DetectionError("E_CORRELATION", `${type} needs at least two rules`, ["correlation", "rules"]);
  }
  const ts = c.timespan ?? c.timeframe;
  const timespanMs = parseTimespan(ts);
  if (!timespanMs) throw new DetectionError("E_CORRELATION", `correlation.timespan '${String(ts)}' is not a duration like 30s, 5m, 1h, 1d`, ["correlation", "timespan"]);
  const gb = c["group-by"];
  const groupBy = gb === void 0 ? [] : (Array.isArray(gb) ? gb : [gb]).map(String);
  const aliases = c.aliases ?? {};
  if (typeof aliases !== "object" || Array.isArray(aliases)) throw new DetectionError("E_CORRELATION", "correlation.aliases must be a map", ["correlation", "aliases"]);
  const cond = compileCondition(c.condition, type, refs.length);
  return { spec, type, refs, timespanMs, groupBy, aliases, cond };
}
function fieldByRule(name, p, refToId, path) {
  const out = /* @__PURE__ */ new Map();
  const alias = p.aliases[name];
  for (const ref of p.refs) {
    const raw = alias ? alias[ref] ?? alias[refToId.get(ref) ?? ""] : name;
    if (raw === void 0) throw new DetectionError("E_CORRELATION", `alias '${name}' does not say which field of rule '${ref}' to use`, ["correlation", "aliases", name]);
    if (raw === LINEAGE_FIELD) {
      out.set(refToId.get(ref), LINEAGE_FIELD);
      continue;
    }
    const r = resolveField(raw);
    if (!r.ok) throw new DetectionError("E_FIELD", r.reason, path);
    out.set(refToId.get(ref), r.mapping.ecs);
  }
  return out;
}
function compileCorrelations(specs, filters, unusable) {
  const unsupported = [];
  const parsed = /* @__PURE__ */ new Map();
  const fail = (spec, err) => {
    unsupported.push(toUnsupported(spec.doc, spec.id, spec.title, err));
  };
  for (const spec of specs) {
    try {
      parsed.set(spec.id, parseOne(spec));
    } catch (err) {
      fail(spec, err);
    }
  }
  const nameToId = /* @__PURE__ */ new Map();
  for (const [key, meta] of filters) nameToId.set(key, meta.id);
  for (const s of specs) {
    nameToId.set(s.id, s.id);
    if (s.name) nameToId.set(s.name, s.id);
  }
  const corrIds = new Set(specs.map((s) => s.id));
  const failed = new Set(specs.filter((s) => !parsed.has(s.id)).map((s) => s.id));
  for (const u of unusable) failed.add(u);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, p] of parsed) {
      if (failed.has(id)) continue;
      for (const ref of p.refs) {
        const target = nameToId.get(ref);
        let why;
        if (target === void 0) why = unusable.has(ref) ? `it names rule '${ref}', which is unsupported` : `it names rule '${ref}', which is not loaded`;
        else if (failed.has(target)) why = `it names rule '${ref}', which is unsupported`;
        else if (target === id) why = "it names itself";
        if (why) {
          fail(p.spec, new DetectionError("E_CORRELATION", why, ["correlation", "rules"]));
          failed.add(id);
          changed = true;
          break;
        }
      }
    }
  }
  const order = [];
  const state = /* @__PURE__ */ new Map();
  const visit = (id, stack) => {
    if (state.get(id) === "done") return true;
    if (state.get(id) === "visiting") return false;
    state.set(id, "visiting");
    for (const ref of parsed.get(id).refs) {
      const t = nameToId.get(ref);
      if (corrIds.has(t) && !failed.has(t) && !visit(t, [...stack, id])) {
        if (!failed.has(id)) {
          fail(parsed.get(id).spec, new DetectionError("E_CORRELATION", `it is part of a cycle of correlations (${[...stack, id, t].join(" -> ")})`, ["correlation", "rules"]));
          failed.add(id);
        }
        state.set(id, "done");
        return false;
      }
    }
    state.set(id, "done");
    order.push(id);
    return true;
  };
  for (const id of parsed.keys()) if (!failed.has(id)) visit(id, []);
  const compiled = [];
  const metaById = new Map([...filters.values()].map((m) => [m.id, m]));
  for (const id of order) {
    if (failed.has(id)) continue;
    const p = parsed.get(id);
    const s = p.spec;
    const bad = p.refs.find((r) => failed.has(nameToId.get(r)));
    if (bad !== void 0) {
      fail(s, new DetectionError("E_CORRELATION", `it names rule '${bad}', which is unsupported`, ["correlation", "rules"]));
      failed.add(id);
      continue;
    }
    try {
      const refToId = new Map(p.refs.map((r) => [r, nameToId.get(r)]));
      const inputs = p.refs.map((r) => refToId.get(r));
      const groupBy = p.groupBy.map((g, i) => ({ name: g, byRule: fieldByRule(g, p, refToId, ["correlation", "group-by", i]) }));
      const valueField = p.cond.field ? fieldByRule(p.cond.field, p, refToId, ["correlation", "condition", "field"]) : void 0;
      const usesCorrelation = inputs.some((x) => corrIds.has(x));
      const layer = s.layer === "rule" || s.layer === "model" ? s.layer : usesCorrelation ? "model" : "rule";
      const own = attackOf(s);
      const techniques = [...own.techniques];
      const tactics = [...own.tactics];
      for (const x of inputs) {
        const m = metaById.get(x) ?? compiled.find((c) => c.meta.id === x)?.meta;
        for (const t of m?.techniques ?? []) if (!techniques.includes(t)) techniques.push(t);
        for (const t of m?.tactics ?? []) if (!tactics.includes(t)) tactics.push(t);
      }
      const meta = { id: s.id, name: s.name, title: s.title, level: s.level, layer, score: s.score, tags: s.tags, file: s.doc.file, techniques, tactics };
      compiled.push({ meta, type: p.type, inputs, timespanMs: p.timespanMs, groupBy, valueField, satisfied: p.cond.satisfied });
      metaById.set(s.id, meta);
    } catch (err) {
      fail(s, err);
      failed.add(id);
    }
  }
  return { compiled, unsupported };
}

// collector/src/detection/condition.ts
var ConditionSyntaxError = class extends Error {
};
var TOKEN = /\s*(\(|\)|[^\s()]+)/y;
function tokenize(src) {
  const out = [];
  TOKEN.lastIndex = 0;
  let m;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) out.push(m[1]);
  if (src.slice(TOKEN.lastIndex).trim() !== "") throw new ConditionSyntaxError(`cannot read '${src.slice(TOKEN.lastIndex)}'`);
  return out;
}
function parseCondition(src) {
  if (src.includes("|")) throw new ConditionSyntaxError("aggregations after '|' (count, near) are deprecated Sigma; use a correlation rule");
  const toks = tokenize(src.trim());
  let i = 0;
  const peek = () => toks[i]?.toLowerCase();
  const fail = (what) => {
    throw new ConditionSyntaxError(`${what} at token ${i + 1} ('${toks[i] ?? "end of condition"}') in '${src}'`);
  };
  const or = () => {
    const args = [and()];
    while (peek() === "or") {
      i++;
      args.push(and());
    }
    return args.length === 1 ? args[0] : { op: "or", args };
  };
  const and = () => {
    const args = [not()];
    while (peek() === "and") {
      i++;
      args.push(not());
    }
    return args.length === 1 ? args[0] : { op: "and", args };
  };
  const not = () => {
    if (peek() === "not") {
      i++;
      return { op: "not", arg: not() };
    }
    return primary();
  };
  const primary = () => {
    const t = toks[i];
    if (t === void 0) return fail("expected a selection");
    if (t === "(") {
      i++;
      const e2 = or();
      if (toks[i] !== ")") fail("expected ')'");
      i++;
      return e2;
    }
    if (t === ")") return fail("unexpected ')'");
    const lt = t.toLowerCase();
    if (toks[i + 1]?.toLowerCase() === "of") {
      let count;
      if (lt === "all") count = "all";
      else if (lt === "any") count = 1;
      else if (/^[1-9][0-9]*$/.test(lt)) count = Number(lt);
      else return fail("expected 'all', 'any' or a number before 'of'");
      i += 2;
      const pat = toks[i];
      if (pat === void 0 || pat === "(" || pat === ")") return fail("expected a selection pattern or 'them' after 'of'");
      i++;
      return { op: "of", count, pattern: pat };
    }
    if (["and", "or", "not", "of"].includes(lt)) return fail(`unexpected '${t}'`);
    i++;
    return { op: "ref", name: t };
  };
  const e = or();
  if (i < toks.length) fail("unexpected extra input");
  return e;
}
function expandPattern(pattern, names) {
  if (pattern.toLowerCase() === "them") return names.filter((n) => !n.startsWith("_"));
  const re = new RegExp("^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
  return names.filter((n) => re.test(n));
}

// collector/src/detection/field-matcher.ts
import { BlockList, isIPv4, isIPv6 } from "node:net";

// collector/src/detection/event-view.ts
var slots = /* @__PURE__ */ new Map();
var slotNames = [];
function slotOf(field) {
  let s = slots.get(field);
  if (s === void 0) {
    s = slotNames.length;
    slots.set(field, s);
    slotNames.push(field);
  }
  return s;
}
var EventView = class {
  ev = { "@timestamp": 0 };
  gen = 1;
  textGen = [];
  textVal = [];
  lowerGen = [];
  lowerVal = [];
  keywords;
  keywordSlots;
  constructor(keywordFields = []) {
    this.keywordSlots = keywordFields.map(slotOf);
  }
  reset(ev) {
    this.ev = ev;
    this.gen++;
    this.keywords = void 0;
  }
  /** The field as text (numbers stringified), or undefined when absent or empty. */
  text(slot) {
    if (this.textGen[slot] === this.gen) return this.textVal[slot];
    const v = toText(this.ev[slotNames[slot]]);
    this.textGen[slot] = this.gen;
    this.textVal[slot] = v;
    return v;
  }
  /** The field as lower-cased text. */
  lower(slot) {
    if (this.lowerGen[slot] === this.gen) return this.lowerVal[slot];
    const t = this.text(slot);
    const v = t === void 0 ? void 0 : typeof t === "string" ? t.toLowerCase() : t.map((x) => x.toLowerCase());
    this.lowerGen[slot] = this.gen;
    this.lowerVal[slot] = v;
    return v;
  }
  /** The lower-cased values of the keyword fields present in the event. */
  keywordTexts() {
    if (this.keywords) return this.keywords;
    const out = [];
    for (const s of this.keywordSlots) {
      const t = this.lower(s);
      if (t === void 0) continue;
      if (typeof t === "string") out.push(t);
      else out.push(...t);
    }
    return this.keywords = out;
  }
};
function toText(v) {
  if (v === void 0 || v === null || v === "") return void 0;
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.length === 0 ? void 0 : v.map(String);
  return String(v);
}

// collector/src/detection/sigma-string.ts
function tokenize2(value) {
  const out = [];
  let lit = "";
  const flush = () => {
    if (lit) out.push({ lit });
    lit = "";
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") {
      const n = value[i + 1];
      if (n === "*" || n === "?" || n === "\\") {
        lit += n;
        i++;
      } else {
        lit += c;
      }
    } else if (c === "*") {
      flush();
      out.push({ any: true });
    } else if (c === "?") {
      flush();
      out.push({ one: true });
    } else {
      lit += c;
    }
  }
  flush();
  return out;
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
function shape(value, position, literal) {
  const tokens = literal ? value ? [{ lit: value }] : [] : tokenize2(value);
  let start = position === "equals" || position === "startswith";
  let end = position === "equals" || position === "endswith";
  while (tokens.length > 0 && "any" in tokens[0]) {
    tokens.shift();
    start = false;
  }
  while (tokens.length > 0 && "any" in tokens[tokens.length - 1]) {
    tokens.pop();
    end = false;
  }
  return { tokens, start, end };
}
var isLiteral = (sh) => sh.tokens.every((t) => "lit" in t);
var litText = (sh) => sh.tokens.map((t) => t.lit).join("");
function compileSigmaString(value, position, lower, literal = false) {
  const sh = shape(value, position, literal);
  const norm = (s) => lower ? s.toLowerCase() : s;
  if (isLiteral(sh)) {
    const lit = norm(litText(sh));
    if (sh.start && sh.end) return (s) => s === lit;
    if (sh.start) return (s) => s.startsWith(lit);
    if (sh.end) return (s) => s.endsWith(lit);
    return (s) => s.includes(lit);
  }
  const body = sh.tokens.map((t) => "lit" in t ? escapeRe(norm(t.lit)) : "any" in t ? ".*" : ".").join("");
  const re = new RegExp((sh.start ? "^" : "") + body + (sh.end ? "$" : ""), "s");
  return (s) => re.test(s);
}
function literalOf(value) {
  const tokens = tokenize2(value);
  if (!tokens.every((t) => "lit" in t)) return void 0;
  return tokens.map((t) => t.lit).join("");
}
function compileSigmaStrings(values, position, lower, literal = false) {
  const tests = [];
  const lits = [];
  for (const v of values) {
    const sh = shape(v, position, literal);
    if (!sh.start && !sh.end && isLiteral(sh) && sh.tokens.length > 0) lits.push(lower ? litText(sh).toLowerCase() : litText(sh));
    else tests.push(compileSigmaString(v, position, lower, literal));
  }
  if (lits.length >= 4) {
    const re = new RegExp(lits.map(escapeRe).join("|"));
    tests.unshift((s) => re.test(s));
  } else {
    for (const l of lits) tests.unshift((s) => s.includes(l));
  }
  if (tests.length === 1) return tests[0];
  return (s) => {
    for (const t of tests) if (t(s)) return true;
    return false;
  };
}
function requiredPiece(value, position, literal) {
  const sh = shape(value, position, literal);
  let best = "";
  for (const t of sh.tokens) if ("lit" in t && t.lit.length > best.length) best = t.lit;
  return best ? best.toLowerCase() : void 0;
}

// collector/src/detection/field-matcher.ts
var MATCHES = /* @__PURE__ */ new Set(["contains", "startswith", "endswith", "re", "cidr", "exists", "gt", "gte", "lt", "lte"]);
var RE_FLAGS = /* @__PURE__ */ new Set(["i", "m", "s"]);
var UNSUPPORTED = {
  utf16le: "utf16le/wide encodings apply to Windows event text, not to Linux events",
  utf16be: "utf16be encoding applies to Windows event text, not to Linux events",
  utf16: "utf16 encoding applies to Windows event text, not to Linux events",
  wide: "wide (utf16le) encoding applies to Windows event text, not to Linux events",
  expand: "expand needs placeholder values that this engine does not define",
  fieldref: "fieldref (compare two fields) is not supported"
};
var DASHES = ["-", "/", "\u2013", "\u2014", "\u2015"];
function windashVariants(value) {
  const parts = value.split(/(?<!\w)[-/](?=\w)/);
  if (parts.length === 1) return [value];
  const slots2 = parts.length - 1;
  if (slots2 > 4) return DASHES.map((d) => parts.join(d));
  let acc = [parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const next = [];
    for (const a of acc) for (const d of DASHES) next.push(a + d + parts[i]);
    acc = next;
  }
  return acc;
}
function base64OffsetVariants(value) {
  const buf = Buffer.from(value, "utf8");
  const start = [0, 2, 3];
  const end = [void 0, -3, -2];
  const out = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, " "), buf]).toString("base64");
    out.push(enc.slice(start[i], end[(buf.length + i) % 3]));
  }
  return out;
}
function anyOf(v, test) {
  if (typeof v === "string") return test(v);
  for (const x of v) if (test(x)) return true;
  return false;
}
function inlineFlags(src, flags) {
  const m = /^\(\?([ims]+)\)/.exec(src);
  if (!m) return src;
  for (const f2 of m[1]) flags.add(f2);
  return src.slice(m[0].length);
}
function cidrList(values, path) {
  const list = new BlockList();
  for (const v of values) {
    const s = String(v);
    const [net, bits, extra] = s.split("/");
    const prefix = Number(bits);
    const type = isIPv4(net) ? "ipv4" : isIPv6(net) ? "ipv6" : void 0;
    if (!type || extra !== void 0 || bits === void 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (type === "ipv4" ? 32 : 128)) {
      throw new DetectionError("E_VALUE", `'${s}' is not a CIDR block (a.b.c.d/n or v6::/n)`, path);
    }
    list.addSubnet(net, prefix, type);
  }
  return (ip) => {
    let a = ip;
    if (a.startsWith("::ffff:") && isIPv4(a.slice(7))) a = a.slice(7);
    if (isIPv4(a)) return list.check(a, "ipv4");
    if (isIPv6(a)) return list.check(a, "ipv6");
    return false;
  };
}
function compileField(key, raw, path) {
  const [name, ...mods] = key.split("|");
  const resolved = resolveField(name);
  if (!resolved.ok) throw new DetectionError("E_FIELD", resolved.reason, path);
  const { ecs, value: mapValue } = resolved.mapping;
  const slot = slotOf(ecs);
  let match;
  let all = false;
  let cased = false;
  let transform;
  let windash = false;
  const reFlags = /* @__PURE__ */ new Set();
  for (const m of mods) {
    if (m === "all") all = true;
    else if (m === "cased") cased = true;
    else if (m === "windash") windash = true;
    else if (m === "base64" || m === "base64offset") {
      if (transform) throw new DetectionError("E_MODIFIER", `modifiers ${transform} and ${m} cannot be combined`, path);
      transform = m;
    } else if (RE_FLAGS.has(m) && match === "re") reFlags.add(m);
    else if (MATCHES.has(m)) {
      if (match) throw new DetectionError("E_MODIFIER", `modifiers ${match} and ${m} cannot be combined on '${key}'`, path);
      match = m;
    } else if (UNSUPPORTED[m]) throw new DetectionError("E_MODIFIER", `modifier '${m}': ${UNSUPPORTED[m]}`, path);
    else throw new DetectionError("E_MODIFIER", `unknown modifier '${m}' on '${key}'`, path);
  }
  if (transform === "base64offset" && match !== "contains") {
    throw new DetectionError("E_MODIFIER", "base64offset needs contains (the encoded text sits inside a longer string)", path);
  }
  let values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) throw new DetectionError("E_VALUE", `'${key}' has an empty value list`, path);
  for (const v of values) {
    if (v !== null && typeof v === "object") throw new DetectionError("E_VALUE", `'${key}' has a nested map or list as a value`, path);
  }
  if (mapValue) {
    const mapped = values.map(mapValue);
    if (mapped.some((v) => v === void 0)) {
      throw new DetectionError("E_VALUE", `'${key}' value(s) ${JSON.stringify(values)} cannot be translated for ${ecs}`, path);
    }
    values = mapped;
  }
  const combine = (tests) => {
    if (tests.length === 1) return tests[0];
    return all ? (v) => tests.every((t) => t(v)) : (v) => tests.some((t) => t(v));
  };
  if (match === "exists") {
    if (values.length !== 1 || typeof values[0] !== "boolean") throw new DetectionError("E_VALUE", `'${key}' needs true or false`, path);
    const want = values[0];
    return { ecs, test: (v) => v.text(slot) !== void 0 === want };
  }
  if (match === "gt" || match === "gte" || match === "lt" || match === "lte") {
    const tests = values.map((x) => {
      const n = typeof x === "number" ? x : Number(x);
      if (x === null || typeof x === "boolean" || String(x).trim() === "" || Number.isNaN(n)) {
        throw new DetectionError("E_VALUE", `'${key}' needs a number, got ${JSON.stringify(x)}`, path);
      }
      const cmp = match === "gt" ? (a) => a > n : match === "gte" ? (a) => a >= n : match === "lt" ? (a) => a < n : (a) => a <= n;
      return (v) => {
        const t = v.text(slot);
        if (t === void 0) return false;
        return anyOf(t, (s) => {
          const a = Number(s);
          return !Number.isNaN(a) && cmp(a);
        });
      };
    });
    return { ecs, test: combine(tests) };
  }
  if (match === "cidr") {
    const inList = cidrList(values, path);
    if (all) throw new DetectionError("E_MODIFIER", "cidr with all makes no sense: an address is in one block", path);
    return { ecs, test: (v) => {
      const t = v.text(slot);
      return t !== void 0 && anyOf(t, inList);
    } };
  }
  if (match === "re") {
    const tests = values.map((x) => {
      if (typeof x !== "string") throw new DetectionError("E_VALUE", `'${key}' needs a regular expression string`, path);
      const flags = new Set(reFlags);
      const src = inlineFlags(x, flags);
      let re;
      try {
        re = new RegExp(src, [...flags].join(""));
      } catch (cause) {
        throw new DetectionError("E_VALUE", `bad regular expression ${JSON.stringify(x)}: ${cause.message}`, path, { cause });
      }
      return (v) => {
        const t = v.text(slot);
        return t !== void 0 && anyOf(t, (s) => re.test(s));
      };
    });
    return { ecs, test: combine(tests) };
  }
  if (reFlags.size > 0) throw new DetectionError("E_MODIFIER", `modifiers i/m/s only apply to re (on '${key}')`, path);
  const position = match ?? "equals";
  const lower = !cased && !transform;
  let imageNames = ecs === "process.executable" && !all ? /* @__PURE__ */ new Set() : void 0;
  let wantsAbsent = false;
  const perValueVariants = [];
  for (const x of values) {
    if (x === null || x === "" && !match && !transform) {
      if (match) throw new DetectionError("E_VALUE", `'${key}' cannot apply ${match} to null`, path);
      wantsAbsent = true;
      imageNames = void 0;
      continue;
    }
    const s = String(x);
    let variants = windash ? windashVariants(s) : [s];
    if (transform === "base64") variants = variants.map((w) => Buffer.from(w, "utf8").toString("base64"));
    else if (transform === "base64offset") variants = variants.flatMap(base64OffsetVariants);
    if (imageNames) {
      const lit = literalOf(s);
      const slash = lit?.lastIndexOf("/") ?? -1;
      if (lit && slash >= 0 && (position === "endswith" || position === "equals") && !windash && !transform && slash < lit.length - 1) {
        imageNames.add(lit.slice(slash + 1).toLowerCase());
      } else {
        imageNames = void 0;
      }
    }
    perValueVariants.push(variants);
  }
  const literal = transform !== void 0;
  let requirement;
  if (!wantsAbsent && perValueVariants.length > 0) {
    const pieces = perValueVariants.map((vs) => vs.map((w) => requiredPiece(w, position, literal)));
    if (pieces.every((ps) => ps.every((x) => x !== void 0))) {
      const chosen = all ? [pieces.reduce((a, b) => Math.min(...b.map((x) => x.length)) > Math.min(...a.map((x) => x.length)) ? b : a)] : pieces;
      requirement = chosen.flat().map((lit) => ({ slot, lit }));
    }
  }
  const perValue = all ? perValueVariants.map((vs) => compileSigmaStrings(vs, position, lower, literal)) : [];
  if (all && wantsAbsent) throw new DetectionError("E_VALUE", `'${key}' mixes null with all`, path);
  const get = lower ? (v) => v.lower(slot) : (v) => v.text(slot);
  let test;
  if (all) {
    test = (v) => {
      const t = get(v);
      return t !== void 0 && perValue.every((f2) => anyOf(t, f2));
    };
  } else {
    const anyValue = compileSigmaStrings(perValueVariants.flat(), position, lower, literal);
    test = (v) => {
      const t = get(v);
      return t === void 0 ? wantsAbsent : anyOf(t, anyValue);
    };
  }
  return { ecs, test, imageNames: imageNames && imageNames.size > 0 ? imageNames : void 0, requirement };
}

// collector/src/detection/literal-index.ts
var LiteralAutomaton = class {
  /** ASCII code -> column; 0 is "any other character" (all of code >= 128 too). */
  columns = new Uint8Array(128);
  width = 1;
  delta = new Int32Array(0);
  out = [];
  pending = [];
  add(lit, rule) {
    this.pending.push({ lit, rule });
  }
  /** A key naming the literal set, so buckets with the same rules can share one automaton. */
  key() {
    return this.pending.map((p) => `${p.rule}:${p.lit}`).sort().join("\0");
  }
  column(code) {
    return code < 128 ? this.columns[code] : 0;
  }
  /** Builds the full DFA (goto with failure transitions folded in). */
  build() {
    for (const { lit } of this.pending) {
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c < 128 && this.columns[c] === 0) this.columns[c] = this.width++;
      }
    }
    const W = this.width;
    const trie = [new Int32Array(W).fill(-1)];
    const out = [/* @__PURE__ */ new Set()];
    for (const { lit, rule } of this.pending) {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = this.column(lit.charCodeAt(i));
        if (trie[s][c] < 0) {
          trie[s][c] = trie.length;
          trie.push(new Int32Array(W).fill(-1));
          out.push(/* @__PURE__ */ new Set());
        }
        s = trie[s][c];
      }
      out[s].add(rule);
    }
    const n = trie.length;
    const delta = new Int32Array(n * W);
    const fail = new Int32Array(n);
    const queue = [];
    for (let c = 0; c < W; c++) {
      const v = trie[0][c];
      delta[c] = v > 0 ? v : 0;
      if (v > 0) queue.push(v);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (const r of out[fail[u]]) out[u].add(r);
      for (let c = 0; c < W; c++) {
        const v = trie[u][c];
        if (v > 0) {
          fail[v] = delta[fail[u] * W + c];
          delta[u * W + c] = v;
          queue.push(v);
        } else {
          delta[u * W + c] = delta[fail[u] * W + c];
        }
      }
    }
    this.delta = delta;
    this.out = out.map((x) => x.size > 0 ? [...x] : void 0);
  }
  /** Calls `hit(rule)` for every rule with a literal in `text` (a rule may be reported more than once). */
  scan(text2, hit) {
    const delta = this.delta;
    const out = this.out;
    const columns = this.columns;
    const W = this.width;
    let s = 0;
    for (let i = 0; i < text2.length; i++) {
      const code = text2.charCodeAt(i);
      s = delta[s * W + (code < 128 ? columns[code] : 0)];
      const o = out[s];
      if (o !== void 0) for (let k = 0; k < o.length; k++) hit(o[k]);
    }
  }
};
function reqAnd(reqs) {
  let best;
  const score = (r) => Math.min(...r.map((x) => x.lit.length)) * 1e3 - r.length;
  for (const r of reqs) if (r && (!best || score(r) > score(best))) best = r;
  return best;
}
function reqOr(reqs) {
  if (reqs.length === 0 || reqs.some((r) => !r)) return void 0;
  return reqs.flatMap((r) => r);
}

// collector/src/detection/detection-compiler.ts
var FALSE = () => false;
var TRUE = () => true;
function smallest(sets) {
  let best;
  for (const s of sets) if (s && (!best || s.size < best.size)) best = s;
  return best;
}
function union(sets) {
  if (sets.length === 0 || sets.some((s) => !s)) return void 0;
  const out = /* @__PURE__ */ new Set();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}
function andAll(parts) {
  if (parts.length === 0) return { test: TRUE };
  const tests = parts.map((p) => p.test);
  const test = tests.length === 1 ? tests[0] : tests.length === 2 ? /* @__PURE__ */ ((a, b) => (v) => a(v) && b(v))(tests[0], tests[1]) : (v) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
  return { test, imageNames: smallest(parts.map((p) => p.imageNames)), requirement: reqAnd(parts.map((p) => p.requirement)) };
}
function orAll(parts) {
  if (parts.length === 0) return { test: FALSE };
  const tests = parts.map((p) => p.test);
  const test = tests.length === 1 ? tests[0] : (v) => {
    for (const t of tests) if (t(v)) return true;
    return false;
  };
  return { test, imageNames: union(parts.map((p) => p.imageNames)), requirement: reqOr(parts.map((p) => p.requirement)) };
}
function keywords(values, path) {
  for (const v of values) if (v === null || typeof v === "object") throw new DetectionError("E_VALUE", "a keyword must be a string or number", path);
  const f2 = compileSigmaStrings(values.map(String), "contains", true);
  const pieces = values.map((x) => requiredPiece(String(x), "contains", false));
  const requirement = pieces.every((x) => x !== void 0) ? KEYWORD_FIELDS.flatMap((field) => pieces.map((lit) => ({ slot: slotOf(field), lit }))) : void 0;
  return { test: (v) => {
    for (const t of v.keywordTexts()) if (f2(t)) return true;
    return false;
  }, requirement };
}
function keywordWithModifiers(key, raw, path) {
  const mods = key.split("|").slice(1);
  const all = mods.includes("all");
  const rest = mods.filter((m) => m !== "all");
  if (!rest.some((m) => ["contains", "startswith", "endswith", "re"].includes(m))) rest.unshift("contains");
  const values = Array.isArray(raw) ? raw : [raw];
  const perValue = values.map((v) => orAll(KEYWORD_FIELDS.map((f2) => {
    const c = compileField([f2, ...rest].join("|"), v, path);
    return { test: c.test, requirement: c.requirement };
  })));
  return all ? andAll(perValue) : orAll(perValue);
}
function selectionMap(map, path) {
  const keys = Object.keys(map);
  if (keys.length === 0) throw new DetectionError("E_RULE_SHAPE", "a selection map is empty", path);
  return andAll(keys.map((k) => {
    if (k.startsWith("|")) return keywordWithModifiers(k, map[k], [...path, k]);
    const f2 = compileField(k, map[k], [...path, k]);
    return { test: f2.test, imageNames: f2.imageNames, requirement: f2.requirement };
  }));
}
function compileSelection(sel, path) {
  if (Array.isArray(sel)) {
    if (sel.length === 0) throw new DetectionError("E_RULE_SHAPE", "a selection list is empty", path);
    const isMap2 = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
    const maps = sel.flatMap((item, i) => isMap2(item) ? [selectionMap(item, [...path, i])] : []);
    const words = sel.filter((item) => !isMap2(item));
    return orAll(words.length > 0 ? [keywords(words, path), ...maps] : maps);
  }
  if (sel !== null && typeof sel === "object") return selectionMap(sel, path);
  return keywords([sel], path);
}
function compileCond(c, sels, names, path) {
  switch (c.op) {
    case "ref": {
      const p = sels.get(c.name);
      if (!p) throw new DetectionError("E_CONDITION", `the condition names '${c.name}', which is not a selection`, path);
      return p;
    }
    case "and":
      return andAll(c.args.map((a) => compileCond(a, sels, names, path)));
    case "or":
      return orAll(c.args.map((a) => compileCond(a, sels, names, path)));
    case "not": {
      const inner = compileCond(c.arg, sels, names, path).test;
      return { test: (v) => !inner(v) };
    }
    case "of": {
      const matched = expandPattern(c.pattern, names);
      if (matched.length === 0) throw new DetectionError("E_CONDITION", `'${c.count} of ${c.pattern}' matches no selection`, path);
      const parts = matched.map((n2) => sels.get(n2));
      if (c.count === "all") return andAll(parts);
      if (c.count === 1) return orAll(parts);
      const n = c.count;
      const tests = parts.map((p) => p.test);
      return {
        test: (v) => {
          let k = 0;
          for (const t of tests) if (t(v) && ++k >= n) return true;
          return false;
        },
        imageNames: union(parts.map((p) => p.imageNames)),
        requirement: reqOr(parts.map((p) => p.requirement))
      };
    }
  }
}
function compileDetection(detection) {
  if (detection === null || typeof detection !== "object" || Array.isArray(detection)) {
    throw new DetectionError("E_RULE_SHAPE", "detection must be a map of selections and a condition", ["detection"]);
  }
  const det = detection;
  const sels = /* @__PURE__ */ new Map();
  for (const [name, sel] of Object.entries(det)) {
    if (name === "condition" || name === "timeframe") continue;
    sels.set(name, compileSelection(sel, ["detection", name]));
  }
  if (det.timeframe !== void 0) {
    throw new DetectionError("E_CONDITION", "timeframe in a detection is deprecated Sigma; use a correlation rule", ["detection", "timeframe"]);
  }
  const raw = det.condition;
  const conds = Array.isArray(raw) ? raw : [raw];
  if (raw === void 0 || conds.length === 0 || conds.some((c) => typeof c !== "string")) {
    throw new DetectionError("E_CONDITION", "detection.condition must be a string (or a list of strings)", ["detection", "condition"]);
  }
  const names = [...sels.keys()];
  const parts = conds.map((src, i) => {
    const path = Array.isArray(raw) ? ["detection", "condition", i] : ["detection", "condition"];
    let ast;
    try {
      ast = parseCondition(src);
    } catch (cause) {
      if (cause instanceof ConditionSyntaxError) throw new DetectionError("E_CONDITION", cause.message, path, { cause });
      throw cause;
    }
    return compileCond(ast, sels, names, path);
  });
  const p = orAll(parts);
  return { test: p.test, imageNames: p.imageNames, requirement: p.requirement };
}

// collector/src/detection/correlator.ts
var SWEEP_EVERY = 4096;
function text(v) {
  if (v === void 0 || v === null) return "";
  return Array.isArray(v) ? v.join(",") : String(v);
}
var CorrelationState = class {
  constructor(c, maxGroups, maxEntries, stats, lineage) {
    this.c = c;
    this.maxGroups = maxGroups;
    this.maxEntries = maxEntries;
    this.stats = stats;
    this.lineage = lineage;
    this.ruleIndex = new Map(c.inputs.map((id, i) => [id, i]));
  }
  c;
  maxGroups;
  maxEntries;
  stats;
  lineage;
  groups = /* @__PURE__ */ new Map();
  ruleIndex;
  watermark = -Infinity;
  adds = 0;
  get size() {
    return this.groups.size;
  }
  /** Records that `ruleId` matched (`ev` is the event, or a correlation's triggering event). */
  add(ruleId, ev, ids) {
    const rule = this.ruleIndex.get(ruleId);
    if (rule === void 0) return void 0;
    const c = this.c;
    const ts = ev["@timestamp"];
    if (ts > this.watermark) this.watermark = ts;
    const cutoff = this.watermark - c.timespanMs;
    if (ts < cutoff) {
      this.stats.lateDropped++;
      return void 0;
    }
    if (++this.adds % SWEEP_EVERY === 0) this.sweep();
    let key = "";
    const group = {};
    for (const g2 of c.groupBy) {
      const f2 = g2.byRule.get(ruleId);
      const v = f2 === LINEAGE_FIELD ? this.lineage.keyFor(ev) : text(ev[f2]);
      group[g2.name] = v;
      key += (key ? "|" : "") + g2.name + "=" + v;
    }
    let g = this.groups.get(key);
    if (g) {
      this.groups.delete(key);
      this.prune(g, cutoff);
    } else {
      if (this.groups.size >= this.maxGroups) this.sweep();
      if (this.groups.size >= this.maxGroups) {
        const oldest = this.groups.keys().next().value;
        this.groups.delete(oldest);
        this.stats.groups--;
        this.stats.groupsShed++;
      }
      g = { entries: [], values: /* @__PURE__ */ new Map(), group };
      this.stats.groups++;
    }
    this.groups.set(key, g);
    if (g.entries.length >= this.maxEntries) {
      this.drop(g, g.entries.shift());
      this.stats.entriesShed++;
    }
    let value;
    if (c.valueField) {
      const f2 = c.valueField.get(ruleId);
      const v = f2 === LINEAGE_FIELD ? this.lineage.keyFor(ev) : text(ev[f2]);
      if (v !== "") {
        value = v;
        g.values.set(v, (g.values.get(v) ?? 0) + 1);
      }
    }
    const entry = { ts, rule, ids, value };
    let i = g.entries.length;
    while (i > 0 && g.entries[i - 1].ts > ts) i--;
    g.entries.splice(i, 0, entry);
    if (!this.satisfied(g)) return void 0;
    this.groups.delete(key);
    this.stats.groups--;
    this.stats.firings++;
    return this.hit(key, g, ts);
  }
  satisfied(g) {
    const c = this.c;
    switch (c.type) {
      case "event_count":
        return c.satisfied(g.entries.length);
      case "value_count":
        return c.satisfied(g.values.size);
      case "temporal": {
        const seen = /* @__PURE__ */ new Set();
        for (const e of g.entries) seen.add(e.rule);
        return c.satisfied(seen.size);
      }
      case "temporal_ordered": {
        let want = 0;
        for (const e of g.entries) if (e.rule === want && ++want === c.inputs.length) return true;
        return false;
      }
    }
  }
  drop(g, e) {
    if (e.value === void 0) return;
    const n = (g.values.get(e.value) ?? 1) - 1;
    if (n <= 0) g.values.delete(e.value);
    else g.values.set(e.value, n);
  }
  prune(g, cutoff) {
    let k = 0;
    while (k < g.entries.length && g.entries[k].ts < cutoff) this.drop(g, g.entries[k++]);
    if (k > 0) g.entries.splice(0, k);
  }
  /** Removes groups whose newest match has left the window. */
  sweep() {
    const cutoff = this.watermark - this.c.timespanMs;
    for (const [key, g] of this.groups) {
      const last = g.entries[g.entries.length - 1];
      if (!last || last.ts < cutoff) {
        this.groups.delete(key);
        this.stats.groups--;
        this.stats.windowsExpired++;
      }
    }
  }
  hit(groupKey, g, ts) {
    const ids = /* @__PURE__ */ new Set();
    const rules = /* @__PURE__ */ new Set();
    for (const e of g.entries) {
      for (const id of e.ids) ids.add(id);
      rules.add(this.c.inputs[e.rule]);
    }
    return {
      ...this.c.meta,
      kind: "correlation",
      type: this.c.type,
      groupKey,
      group: g.group,
      eventIds: [...ids],
      matchedRules: [...rules],
      firstSeen: g.entries[0].ts,
      lastSeen: g.entries[g.entries.length - 1].ts,
      timestamp: ts
    };
  }
};
var Correlator = class {
  stats = { groups: 0, groupsShed: 0, entriesShed: 0, windowsExpired: 0, lateDropped: 0, firings: 0 };
  byInput = /* @__PURE__ */ new Map();
  constructor(correlations, lineage, limits = {}) {
    const maxGroups = limits.maxGroups ?? 1e4;
    const maxEntries = limits.maxEntriesPerGroup ?? 256;
    for (const c of correlations) {
      const st = new CorrelationState(c, maxGroups, maxEntries, this.stats, lineage);
      for (const id of new Set(c.inputs)) {
        let list = this.byInput.get(id);
        if (!list) this.byInput.set(id, list = []);
        list.push(st);
      }
    }
  }
  /** True when some correlation listens to `ruleId` (lets the engine skip work). */
  listens(ruleId) {
    return this.byInput.has(ruleId);
  }
  /**
   * Feeds one match and, transitively, the firings it causes (rule -> model). Firings are
   * appended to `out` in the order they happen.
   */
  feed(ruleId, ev, ids, out, depth = 0) {
    const list = this.byInput.get(ruleId);
    if (!list || depth > 16) return;
    for (const st of list) {
      const hit = st.add(ruleId, ev, ids);
      if (hit) {
        out.push(hit);
        this.feed(hit.id, ev, hit.eventIds, out, depth + 1);
      }
    }
  }
};

// collector/src/detection/lineage.ts
var DEFAULT_BOUNDARIES = [
  "systemd",
  "init",
  "sshd",
  "sshd-session",
  "cron",
  "crond",
  "atd",
  "anacron",
  "containerd-shim",
  "containerd-shim-runc-v2",
  "runc",
  "conmon",
  "dockerd",
  "containerd",
  "kthreadd",
  "systemd-logind",
  "login",
  "agetty"
];
var basename = (p) => {
  if (typeof p !== "string" || p === "") return "";
  return p.slice(p.lastIndexOf("/") + 1);
};
var LineageTracker = class {
  map = /* @__PURE__ */ new Map();
  max;
  depth;
  boundaries;
  evicted = 0;
  constructor(opts = {}) {
    this.max = opts.maxEntities ?? 1e5;
    this.depth = opts.maxDepth ?? 64;
    this.boundaries = new Set(opts.boundaries ?? DEFAULT_BOUNDARIES);
  }
  get size() {
    return this.map.size;
  }
  isBoundary(exe, name, pid) {
    if (pid === 1) return true;
    const b = basename(exe) || (typeof name === "string" ? name : "");
    return this.boundaries.has(b);
  }
  put(id, e) {
    if (!this.map.has(id) && this.map.size >= this.max) {
      const oldest = this.map.keys().next().value;
      this.map.delete(oldest);
      this.evicted++;
    }
    this.map.set(id, e);
  }
  /** Learns the event's process and parent. Called for every event before correlation. */
  observe(ev) {
    const id = ev["process.entity_id"];
    if (typeof id !== "string") return;
    const parent = ev["process.parent.entity_id"];
    const known = this.map.get(id);
    const parentId = typeof parent === "string" ? parent : void 0;
    if (!known || parentId && known.parent !== parentId) {
      this.put(id, { parent: parentId ?? known?.parent, boundary: this.isBoundary(ev["process.executable"], ev["process.name"], ev["process.pid"]) });
    }
    if (parentId && !this.map.has(parentId)) {
      this.put(parentId, { boundary: this.isBoundary(ev["process.parent.executable"], ev["process.parent.name"], ev["process.parent.pid"]) });
    }
  }
  /** The lineage key of an event's process ('' when the event names no process). */
  keyFor(ev) {
    const id = ev["process.entity_id"];
    return typeof id === "string" ? this.rootOf(id) : "";
  }
  rootOf(id) {
    let cur = id;
    for (let d = 0; d < this.depth; d++) {
      const e = this.map.get(cur);
      if (!e || e.boundary || !e.parent) return cur;
      const p = this.map.get(e.parent);
      if (!p || p.boundary) return cur;
      cur = e.parent;
    }
    return cur;
  }
};

// collector/src/detection/logsource.ts
var PROCESS_START = ["process_started"];
var FILE_WRITE = ["file_created", "file_modified", "file_renamed"];
var CATEGORY_ACTIONS = /* @__PURE__ */ new Map([
  ["process_creation", PROCESS_START],
  ["file_event", FILE_WRITE],
  ["file_change", ["file_modified", "file_mode_changed"]],
  ["file_delete", ["file_deleted"]],
  ["file_rename", ["file_renamed"]],
  ["network_connection", ["connection_attempted", "connection_accepted"]]
]);
var ALL_ACTIONS = "*";
function resolveLogsource(logsource) {
  if (logsource === void 0 || logsource === null) return { ok: true, actions: [ALL_ACTIONS] };
  if (typeof logsource !== "object" || Array.isArray(logsource)) return { ok: false, reason: "logsource is not a map" };
  const ls = logsource;
  if (ls.product !== void 0 && String(ls.product).toLowerCase() !== "linux") {
    return { ok: false, reason: `logsource product '${String(ls.product)}' is not linux` };
  }
  if (ls.service !== void 0) {
    return { ok: false, reason: `logsource service '${String(ls.service)}' is a log the agent does not collect` };
  }
  if (ls.category === void 0) return { ok: true, actions: [ALL_ACTIONS] };
  const actions = CATEGORY_ACTIONS.get(String(ls.category));
  if (!actions) return { ok: false, reason: `logsource category '${String(ls.category)}' is not produced by the agent` };
  return { ok: true, actions };
}

// collector/src/detection/engine.ts
function newBucket() {
  return { all: [], byImage: /* @__PURE__ */ new Map(), byLiteral: /* @__PURE__ */ new Map() };
}
function addTo(b, x) {
  if (x.f.imageNames) {
    for (const name of x.f.imageNames) {
      let list = b.byImage.get(name);
      if (!list) b.byImage.set(name, list = []);
      list.push(x);
    }
  } else if (x.f.requirement) {
    for (const { slot, lit } of x.f.requirement) {
      let a = b.byLiteral.get(slot);
      if (!a) b.byLiteral.set(slot, a = new LiteralAutomaton());
      a.add(lit, x.ordinal);
    }
  } else {
    b.all.push(x);
  }
}
var DetectionEngine = class {
  view = new EventView(KEYWORD_FIELDS);
  buckets = /* @__PURE__ */ new Map();
  fallback = newBucket();
  lineage;
  correlator;
  metas;
  indexed;
  /** Per rule ordinal: the event number it was last made a candidate for (dedupes automaton hits). */
  stamp;
  candidates = [];
  onLiteral = (ordinal) => {
    if (this.stamp[ordinal] === this.counts.events) return;
    this.stamp[ordinal] = this.counts.events;
    this.candidates.push(this.indexed[ordinal]);
  };
  counts = { events: 0, filterHits: 0, correlationHits: 0, ruleErrors: 0 };
  constructor(filters, correlations, opts = {}) {
    this.lineage = new LineageTracker(opts.lineage);
    this.correlator = new Correlator(correlations, this.lineage, opts.correlation);
    this.metas = [...filters.map((f2) => f2.meta), ...correlations.map((c) => c.meta)];
    const indexed = filters.map((f2, ordinal) => ({ f: f2, ordinal }));
    this.indexed = indexed;
    this.stamp = new Int32Array(indexed.length);
    for (const x of indexed) {
      for (const a of x.f.actions) if (a !== ALL_ACTIONS && !this.buckets.has(a)) this.buckets.set(a, newBucket());
    }
    for (const x of indexed) {
      if (x.f.actions.includes(ALL_ACTIONS)) {
        addTo(this.fallback, x);
        for (const b of this.buckets.values()) addTo(b, x);
      } else {
        for (const a of x.f.actions) addTo(this.buckets.get(a), x);
      }
    }
    const built = /* @__PURE__ */ new Map();
    for (const b of [this.fallback, ...this.buckets.values()]) {
      for (const [slot, a] of b.byLiteral) {
        const key = `${slot}|${a.key()}`;
        const same = built.get(key);
        if (same) b.byLiteral.set(slot, same);
        else {
          a.build();
          built.set(key, a);
        }
      }
    }
  }
  /** Every loaded filter, rule and model. */
  rules() {
    return this.metas;
  }
  /** Runs one event through filters and correlations; returns filter hits, then correlation firings. */
  process(ev) {
    this.counts.events++;
    this.view.reset(ev);
    this.lineage.observe(ev);
    const action = ev["event.action"];
    const b = typeof action === "string" && this.buckets.get(action) || this.fallback;
    let matched;
    for (const x of b.all) if (this.test(x)) (matched ??= []).push(x);
    const exe = ev["process.executable"];
    if (typeof exe === "string" && b.byImage.size > 0) {
      const list = b.byImage.get(exe.slice(exe.lastIndexOf("/") + 1).toLowerCase());
      if (list) {
        for (const x of list) if (this.test(x)) (matched ??= []).push(x);
      }
    }
    if (b.byLiteral.size > 0) {
      this.candidates.length = 0;
      for (const [slot, automaton] of b.byLiteral) {
        const t = this.view.lower(slot);
        if (t === void 0) continue;
        if (typeof t === "string") automaton.scan(t, this.onLiteral);
        else for (const s of t) automaton.scan(s, this.onLiteral);
      }
      for (const x of this.candidates) if (this.test(x)) (matched ??= []).push(x);
    }
    if (matched && matched.length > 1) matched.sort((p, q) => p.ordinal - q.ordinal);
    if (!matched) return [];
    const eventId = typeof ev["event.id"] === "string" ? ev["event.id"] : "";
    const hits = [];
    const fired = [];
    for (const { f: f2 } of matched) {
      const hit = { ...f2.meta, kind: "filter", layer: "filter", eventId, timestamp: ev["@timestamp"], event: ev };
      hits.push(hit);
      if (this.correlator.listens(f2.meta.id)) this.correlator.feed(f2.meta.id, ev, eventId ? [eventId] : [], fired);
    }
    this.counts.filterHits += hits.length;
    this.counts.correlationHits += fired.length;
    for (const h of fired) hits.push(h);
    return hits;
  }
  test(x) {
    try {
      return x.f.test(this.view);
    } catch {
      this.counts.ruleErrors++;
      return false;
    }
  }
  stats() {
    return {
      ...this.counts,
      correlation: { ...this.correlator.stats },
      lineage: { entities: this.lineage.size, evicted: this.lineage.evicted }
    };
  }
};

// collector/src/detection/sigma-reader.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, isMap, isNode, isScalar, parseAllDocuments } from "yaml";
function listRuleFiles(paths) {
  const out = [];
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith(".")) continue;
        walk(join(p, name));
      }
    } else if (/\.ya?ml$/i.test(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out;
}
function parseRuleText(file, text2) {
  const lineCounter = new LineCounter();
  const docs = [];
  const errors = [];
  const parsed = parseAllDocuments(text2, { lineCounter, uniqueKeys: true });
  const list = Array.isArray(parsed) ? parsed : [];
  if (!Array.isArray(parsed)) {
    return { docs, errors };
  }
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      errors.push({
        file,
        id: "",
        title: "",
        code: "E_YAML",
        reason: `YAML document ${index + 1}: ${e.message.split("\n")[0]}`,
        line: pos?.line,
        col: pos?.col
      });
      return;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === void 0) return;
    const locate = (path) => {
      for (let n = path.length; n >= 0; n--) {
        const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : void 0;
        if (isMap(parent)) {
          const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === path[n - 1]);
          if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]);
        }
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
      }
      return void 0;
    };
    docs.push({ file, index, value, locate });
  });
  return { docs, errors };
}
function readRuleFiles(paths) {
  const docs = [];
  const errors = [];
  let files = 0;
  for (const file of listRuleFiles(paths)) {
    files++;
    let text2;
    try {
      text2 = readFileSync(file, "utf8");
    } catch (cause) {
      errors.push({ file, id: "", title: "", code: "E_READ", reason: `cannot read: ${cause.message}` });
      continue;
    }
    const r = parseRuleText(file, text2);
    docs.push(...r.docs);
    errors.push(...r.errors);
  }
  return { files, docs, errors };
}

// collector/src/detection/loader.ts
function buildDetection(docs, readErrors, files, opts = {}) {
  const collected = collectRules(docs);
  const unsupported = [...readErrors, ...collected.unsupported];
  const filters = [];
  const byRef = /* @__PURE__ */ new Map();
  const unusable = /* @__PURE__ */ new Set();
  for (const spec of collected.filters) {
    try {
      const ls = resolveLogsource(spec.logsource);
      if (!ls.ok) throw new DetectionError("E_LOGSOURCE", ls.reason, ["logsource"]);
      const det = compileDetection(spec.detection);
      const meta = {
        id: spec.id,
        name: spec.name,
        title: spec.title,
        level: spec.level,
        layer: "filter",
        score: spec.score,
        tags: spec.tags,
        file: spec.doc.file,
        ...attackOf(spec)
      };
      filters.push({ meta, test: det.test, actions: ls.actions, imageNames: det.imageNames, requirement: det.requirement });
      byRef.set(spec.id, meta);
      if (spec.name) byRef.set(spec.name, meta);
    } catch (err) {
      unsupported.push(toUnsupported(spec.doc, spec.id, spec.title, err));
      unusable.add(spec.id);
      if (spec.name) unusable.add(spec.name);
    }
  }
  const corr = compileCorrelations(collected.correlations, byRef, unusable);
  unsupported.push(...corr.unsupported);
  const loaded = { filter: filters.length, rule: 0, model: 0 };
  for (const c of corr.compiled) loaded[c.meta.layer]++;
  return {
    engine: new DetectionEngine(filters, corr.compiled, opts),
    report: { files, documents: docs.length + readErrors.length, loaded, unsupported }
  };
}
function loadDetection(opts) {
  const read = readRuleFiles(opts.dirs);
  return buildDetection(read.docs, read.errors, read.files, opts);
}

// ../../tmp/bench/d.ts
var { engine } = loadDetection({ dirs: ["/work/shared/sigma"] });
function run(name, mk) {
  const evs = Array.from({ length: 6e4 }, (_, i) => mk(i));
  const t = performance.now();
  for (const x of evs) engine.process(x);
  console.log(name, Math.round(6e4 / ((performance.now() - t) / 1e3)));
}
var P = (i) => ({ "@timestamp": i, "event.id": "x" + i, "event.category": "process", "event.action": "process_started", "process.executable": "/usr/bin/grep", "process.command_line": `grep --opt value-${i % 97} /var/lib/app/file-${i % 13}.txt`, "process.parent.executable": "/usr/bin/bash", "process.parent.command_line": "bash", "process.user.name": "app" });
run("proc", P);
run("proc+wd", (i) => ({ ...P(i), "process.working_directory": "/srv/app" }));
run("proc+ids", (i) => ({ ...P(i), "process.entity_id": `h:${i}`, "process.parent.entity_id": `h:${i - 1}` }));
run("file", (i) => ({ "@timestamp": i, "event.id": "x" + i, "event.action": "file_created", "process.executable": "/usr/bin/grep", "file.path": `/var/lib/app/cache/${i % 1e3}.tmp` }));
run("net", (i) => ({ "@timestamp": i, "event.id": "x" + i, "event.action": "connection_attempted", "process.executable": "/usr/bin/grep", "destination.ip": `10.0.${i % 250}.${i % 200}`, "destination.port": 443, "network.direction": "egress" }));
run("proc-again", P);
