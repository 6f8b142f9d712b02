/** The connection-free core: the document model, the parser, the checks and the question graph. */
export * from './model';
export { parse, FOOTER_KEYS, ZAAKNUMMER } from './parse';
export { METADATA_KEYS } from './metadata';
export { check, describeNumbers, ANSWER_TERM_DAYS } from './checks';
export { QuestionGraph, isAnswered, contains, type TargetUse, type QuestionSymbol } from './graph';
export * from './diagnostic';
export { formatDutchDate, isoDate, daysBetween, readDutchDate, MONTHS } from './dates';
