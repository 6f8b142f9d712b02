/** What every check file shares: bilingual messages, related locations, the document's first position. */
import type { Message, RelatedLocation } from '../diagnostic';
import type { Range } from '../model';
import { lineRange } from '../lines';

export const msg = (en: string, nl: string): Message => ({ en, nl });
export const rel = (range: Range, en: string, nl: string): RelatedLocation => ({ range, message: msg(en, nl) });

/** Where a diagnostic about something missing from the start of the document stands. */
export const DOCUMENT_START: Range = lineRange(0, 0, 0);
