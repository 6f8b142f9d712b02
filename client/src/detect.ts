/**
 * Recognising a Kamervraag by its first line: the server's definition (`core/kamervraagFile.ts`, which
 * imports nothing, so the bundle takes that file alone). The manifest's `firstLine` says the same.
 */
export { isKamervraagFirstLine } from '../../server/src/core/kamervraagFile';
