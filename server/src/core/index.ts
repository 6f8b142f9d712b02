/** The connection-free core: the document model, the parser, the checks and the question graph. */
export * from './model';
export { parse, FOOTER_KEYS, ZAAKNUMMER } from './parse';
export { METADATA_KEYS } from './metadata';
export { check, describeNumbers, ANSWER_TERM_DAYS } from './checks';
export { QuestionGraph, isAnswered, type TargetUse } from './graph';
export { objectAt, numbersOf, type CursorMode, type CursorObject } from './cursor';
export { Analysis, analyze, type Checker } from './analysis';
export * from './ranges';
export * from './diagnostic';
export { formatDutchDate, isoDate, daysBetween, readDutchDate, MONTHS } from './dates';
export { clockFrom, fixedClock, systemClock, readIsoDate, addDays, type Clock } from './clock';
export { answerTerm, DEFAULT_ANSWER_TERM_DAYS, type AnswerTerm, type TermState } from './term';
