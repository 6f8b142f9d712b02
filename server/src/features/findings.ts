/**
 * The checks' findings as the user's settings want them: run on today's date with the chosen term
 * (`answer-overdue`, `late-answer`), with the check against the other Kamervragen of the workspace
 * (`cross-reference-unknown-question`), then `applySettings` (validation off, `ignore`, other
 * severities). What the diagnostics publish, the status counts and the quick fixes offer all come from
 * here.
 */
import type { Analysis } from '../core/analysis';
import { applySettings } from '../core/config';
import type { KvDiagnostic } from '../core/diagnostic';
import type { FeatureContext } from './context';
import { crossReferenceFindings } from './crossReferences';

/** The findings of the document at `uri` (the workspace's own entry for it is no other Kamervraag). */
export function findings(analysis: Analysis, uri: string, context: FeatureContext): KvDiagnostic[] {
  const { settings } = context;
  if (!settings.validate.enable) return [];
  const own = analysis.diagnosticsWith({ today: context.clock(), answerTermDays: settings.answerTermDays });
  // A text that is no Kamervraag at all has that one diagnostic.
  const cross = own.length === 1 && own[0]!.code === 'not-a-kamervraag' ? [] : crossReferenceFindings(analysis, uri, context);
  return applySettings(cross.length > 0 ? [...own, ...cross] : own, settings);
}
