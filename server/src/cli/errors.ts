/** The failures of the `kamervraag` command, and system errors said in words, in English and Dutch. */
import type { Message } from '../core';

/** A failure that ends the run with exit code 2 and a clear message. */
export class CliError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

export function msg(en: string, nl: string): Message {
  return { en, nl };
}

const ERRNO: Readonly<Record<string, Message>> = {
  ENOENT: msg('no such file', 'bestand bestaat niet'),
  EACCES: msg('permission denied', 'geen toegang'),
  EPERM: msg('permission denied', 'geen toegang'),
  EISDIR: msg('is a directory', 'is een map'),
  ENOTDIR: msg('a part of the path is not a directory', 'een deel van het pad is geen map'),
  ELOOP: msg('symbolic link loop', 'kringverwijzing van symbolische koppelingen'),
  ENAMETOOLONG: msg('file name too long', 'bestandsnaam te lang'),
  EMFILE: msg('too many open files', 'te veel geopende bestanden'),
  ENFILE: msg('too many open files', 'te veel geopende bestanden'),
  EIO: msg('input/output error', 'invoer-/uitvoerfout'),
  ENOSPC: msg('no space left on device', 'geen ruimte meer op het apparaat'),
  EDQUOT: msg('disk quota exceeded', 'schijfquotum overschreden'),
  EFBIG: msg('file too large', 'bestand te groot'),
  EBADF: msg('not open', 'niet geopend'),
  EAGAIN: msg('not ready to be read', 'nog niet leesbaar'),
  EROFS: msg('read-only file system', 'alleen-lezen bestandssysteem'),
};

/** A system error in words (`permission denied`), without its code; Node's own text when the code is not known. */
export function describeError(e: unknown): Message {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERRNO[code]) return ERRNO[code]!;
  const text = e instanceof Error ? e.message : String(e);
  return msg(text, text);
}

/** The code of a system error (`ENOSPC`), if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
