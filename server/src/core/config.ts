/**
 * The user's choices: the `kamervraag.*` settings of an editor and the same keys in a `.kamervraag.json`
 * (the settings' names without `kamervraag.`, nested at the dots). Pure: the server reads its layers over
 * LSP and from the workspace, the CLI from disk; both merge them here and apply them to the checks'
 * diagnostics with `applySettings`, so an editor and a CI agree.
 */
import { msg } from './checks/messages';
import { DiagnosticSeverity, RULES, type KvDiagnostic, type Message, type RuleCode } from './diagnostic';

/** What a user can make of a check: switch it off, or give it another severity. */
export type SeveritySetting = 'ignore' | 'hint' | 'information' | 'warning' | 'error';

export interface KamervraagSettings {
  /** `kamervraag.validate.enable`: run the checks at all; `validate.workspace`: also on the workspace's Kamervragen that are not open (the language server). */
  validate: { enable: boolean; workspace: boolean };
  /** `kamervraag.diagnostics.severity`: per check code, `ignore` or another severity than the default. */
  diagnostics: { severity: Partial<Record<RuleCode, SeveritySetting>> };
  /** `kamervraag.answerTermDays`: the minister's term in days (RvO art. 135: three weeks). */
  answerTermDays: number;
  /** `kamervraag.inlayHints.*`: the referenced question's first words after a reference. */
  inlayHints: { enabled: boolean; maxLength: number };
  /** `kamervraag.codeLens.enabled`: reference counts over the questions, counts over the header. */
  codeLens: { enabled: boolean };
  /** `kamervraag.maxNumberOfProblems`: diagnostics shown per document at most. */
  maxNumberOfProblems: number;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['ignore', 'hint', 'information', 'warning', 'error'];

export const DEFAULT_SETTINGS: KamervraagSettings = Object.freeze({
  validate: Object.freeze({ enable: true, workspace: false }),
  diagnostics: Object.freeze({ severity: Object.freeze({}) }),
  answerTermDays: 21,
  inlayHints: Object.freeze({ enabled: true, maxLength: 40 }),
  codeLens: Object.freeze({ enabled: true }),
  maxNumberOfProblems: 1000,
}) as KamervraagSettings;

/** Bounds of the numeric settings (the manifest declares the same). */
export const SETTING_BOUNDS = {
  answerTermDays: { min: 1, max: 366 },
  'inlayHints.maxLength': { min: 1, max: 500 },
  maxNumberOfProblems: { min: 1, max: 1_000_000 },
} as const;

/** Settings of the editor extension only (`kamervraag.detectPlainText`, `kamervraag.trace.server`): known, not the checks' business. */
const CLIENT_KEYS = new Set(['detectPlainText', 'trace']);

type Leaf = 'validate.enable' | 'validate.workspace' | 'answerTermDays' | 'inlayHints.enabled' | 'inlayHints.maxLength' | 'codeLens.enabled' | 'maxNumberOfProblems';

const LEAVES: Record<Leaf, 'boolean' | keyof typeof SETTING_BOUNDS> = {
  'validate.enable': 'boolean',
  'validate.workspace': 'boolean',
  answerTermDays: 'answerTermDays',
  'inlayHints.enabled': 'boolean',
  'inlayHints.maxLength': 'inlayHints.maxLength',
  'codeLens.enabled': 'boolean',
  maxNumberOfProblems: 'maxNumberOfProblems',
};

/** The groups that hold leaves (`validate` of `validate.enable`) and `diagnostics` of the severities. */
const GROUPS = new Set(['validate', 'inlayHints', 'codeLens', 'diagnostics']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A value as a message quotes it: JSON, cut short; a cyclic or too deeply nested one as `{…}` or `[…]`. */
function show(value: unknown): string {
  try {
    // (JSON writes Infinity, which JSON.parse gives for 1e400, as null.)
    const s = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    // (String() of an array nested thousands deep overflows the stack as JSON.stringify did.)
    return Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  }
}

/** Mutable working copy of the settings while the layers are read. */
interface Draft {
  leaves: Partial<Record<Leaf, boolean | number>>;
  severity: Partial<Record<RuleCode, SeveritySetting>>;
}

/**
 * Merges the layers over the defaults: each an object shaped like `.kamervraag.json`; a later layer
 * overrides an earlier one key by key (and code by code in `diagnostics.severity`). A key may also be
 * written with its dots (`"inlayHints.maxLength": 30`), as in an editor's settings. Unknown keys, unknown
 * rule codes and bad values are named in `problems` (in both languages) and ignored; a `null` value counts as not set. Never throws.
 */
export function readSettings(...layers: unknown[]): { settings: KamervraagSettings; problems: Message[] } {
  const draft: Draft = { leaves: {}, severity: {} };
  const problems: Message[] = [];
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    if (!isObject(layer)) {
      problems.push(msg(`the settings must be a JSON object, not ${show(layer)}`, `de instellingen moeten een JSON-object zijn, niet ${show(layer)}`));
      continue;
    }
    readObject(layer, '', draft, problems);
  }
  const l = draft.leaves;
  const settings: KamervraagSettings = {
    validate: {
      enable: (l['validate.enable'] as boolean | undefined) ?? DEFAULT_SETTINGS.validate.enable,
      workspace: (l['validate.workspace'] as boolean | undefined) ?? DEFAULT_SETTINGS.validate.workspace,
    },
    diagnostics: { severity: draft.severity },
    answerTermDays: (l.answerTermDays as number | undefined) ?? DEFAULT_SETTINGS.answerTermDays,
    inlayHints: {
      enabled: (l['inlayHints.enabled'] as boolean | undefined) ?? DEFAULT_SETTINGS.inlayHints.enabled,
      maxLength: (l['inlayHints.maxLength'] as number | undefined) ?? DEFAULT_SETTINGS.inlayHints.maxLength,
    },
    codeLens: { enabled: (l['codeLens.enabled'] as boolean | undefined) ?? DEFAULT_SETTINGS.codeLens.enabled },
    maxNumberOfProblems: (l.maxNumberOfProblems as number | undefined) ?? DEFAULT_SETTINGS.maxNumberOfProblems,
  };
  return { settings, problems };
}

function readObject(object: Record<string, unknown>, prefix: string, draft: Draft, problems: Message[]): void {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix === '' ? key.replace(/^kamervraag\./, '') : prefix + key;
    if (value === null || value === undefined) continue;
    if (name === 'diagnostics.severity') readSeverities(value, draft, problems);
    else if (Object.hasOwn(LEAVES, name)) readLeaf(name as Leaf, value, draft, problems);
    else if (name.startsWith('diagnostics.severity.')) readSeverities({ [name.slice('diagnostics.severity.'.length)]: value }, draft, problems);
    // The editor extension's own settings: nothing for the checks.
    else if (prefix === '' && CLIENT_KEYS.has(name.split('.')[0]!)) continue;
    else if (GROUPS.has(name) && isObject(value)) readObject(value, `${name}.`, draft, problems);
    else if (GROUPS.has(name)) problems.push(msg(`'${name}' must be an object, not ${show(value)}`, `'${name}' moet een object zijn, niet ${show(value)}`));
    else problems.push(msg(`unknown setting '${name}'`, `onbekende instelling '${name}'`));
  }
}

function readLeaf(name: Leaf, value: unknown, draft: Draft, problems: Message[]): void {
  const kind = LEAVES[name];
  if (kind === 'boolean') {
    if (typeof value === 'boolean') draft.leaves[name] = value;
    else problems.push(msg(`'${name}' must be true or false, not ${show(value)}`, `'${name}' moet true of false zijn, niet ${show(value)}`));
    return;
  }
  const { min, max } = SETTING_BOUNDS[kind];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) draft.leaves[name] = value;
  else {
    problems.push(msg(
      `'${name}' must be a whole number from ${min} to ${max}, not ${show(value)}`,
      `'${name}' moet een geheel getal van ${min} tot en met ${max} zijn, niet ${show(value)}`,
    ));
  }
}

function readSeverities(value: unknown, draft: Draft, problems: Message[]): void {
  if (!isObject(value)) {
    problems.push(msg(`'diagnostics.severity' must be an object of check codes, not ${show(value)}`, `'diagnostics.severity' moet een object van controlecodes zijn, niet ${show(value)}`));
    return;
  }
  for (const [code, severity] of Object.entries(value)) {
    if (severity === null || severity === undefined) continue;
    if (!Object.hasOwn(RULES, code)) {
      problems.push(msg(`unknown check code '${code}' in 'diagnostics.severity' (kamervraag rules lists them)`, `onbekende controlecode '${code}' in 'diagnostics.severity' (kamervraag rules noemt ze)`));
    } else if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      problems.push(msg(
        `'diagnostics.severity.${code}' must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${show(severity)}`,
        `'diagnostics.severity.${code}' moet een van ${SEVERITY_SETTINGS.join(', ')} zijn, niet ${show(severity)}`,
      ));
    } else {
      draft.severity[code as RuleCode] = severity as SeveritySetting;
    }
  }
}

const SEVERITY: Record<Exclude<SeveritySetting, 'ignore'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The setting that names `severity` (`information` for an Information), as the settings and their docs write it. */
export function severitySetting(severity: DiagnosticSeverity): Exclude<SeveritySetting, 'ignore'> {
  return (Object.keys(SEVERITY) as Array<keyof typeof SEVERITY>).find((s) => SEVERITY[s] === severity)!;
}

/** The severity of a check code under the settings; null when it is ignored. */
export function severityOf(code: RuleCode, settings: KamervraagSettings): DiagnosticSeverity | null {
  const s = settings.diagnostics.severity[code];
  return s === undefined ? RULES[code].severity : s === 'ignore' ? null : SEVERITY[s];
}

/** The check codes set to `ignore`: neither reported nor fixed (fix-all leaves them). */
export function ignoredCodes(settings: KamervraagSettings): string[] {
  return Object.entries(settings.diagnostics.severity).filter(([, v]) => v === 'ignore').map(([code]) => code);
}

/**
 * The diagnostics as the settings want them: none when `validate.enable` is false, the `ignore`d codes
 * dropped, the others with their chosen severity. The input is not changed.
 */
export function applySettings(diagnostics: readonly KvDiagnostic[], settings: KamervraagSettings): KvDiagnostic[] {
  if (!settings.validate.enable) return [];
  const chosen = settings.diagnostics.severity;
  if (Object.keys(chosen).length === 0) return diagnostics.slice();
  const out: KvDiagnostic[] = [];
  for (const d of diagnostics) {
    const s = chosen[d.code];
    if (s === undefined) out.push(d);
    else if (s !== 'ignore') out.push(SEVERITY[s] === d.severity ? d : { ...d, severity: SEVERITY[s] });
  }
  return out;
}
