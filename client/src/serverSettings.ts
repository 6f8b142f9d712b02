/**
 * The settings the language server reads, as named under `kamervraag.` (server/src/core/config.ts): what
 * the client's `workspace/configuration` middleware (insight.ts) answers with. Without imports, so that a
 * plain-Node test holds it equal to the manifest's settings.
 */
export const SERVER_SETTINGS = [
  'validate.enable',
  'validate.workspace',
  'diagnostics.severity',
  'answerTermDays',
  'inlayHints.enabled',
  'inlayHints.maxLength',
  'codeLens.enabled',
  'maxNumberOfProblems',
] as const;
