/**
 * The checks' findings as the user's settings want them: run on today's date with the chosen term
 * (`answer-overdue`, `late-answer`), then `applySettings` (validation off, `ignore`, other severities).
 * What the diagnostics publish, the status counts and the quick fixes offer all come from here.
 */
import type { Analysis } from '../core/analysis';
import { applySettings } from '../core/config';
import type { KvDiagnostic } from '../core/diagnostic';
import type { FeatureContext } from './context';

export function findings(analysis: Analysis, context: FeatureContext): KvDiagnostic[] {
  const { settings } = context;
  if (!settings.validate.enable) return [];
  return applySettings(analysis.diagnosticsWith({ today: context.clock(), answerTermDays: settings.answerTermDays }), settings);
}
