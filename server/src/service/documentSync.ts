/**
 * The open documents as the client sends them (`didOpen`, `didChange`), kept apart from a change the server
 * cannot apply. A change whose range is no range (a line that is no number, a position missing) would be
 * applied by the text library at some offset it makes up, and the server's copy would quietly differ from
 * the editor's: every edit proposed from it could then overwrite the author's words. Such a document is
 * marked *out of sync* instead: its text stays as it was, it gets one diagnostic that says so, and no feature
 * answers for it, until a change of the whole text, or closing and opening it again, gives the server the
 * text once more.
 */
import type { DidChangeTextDocumentParams, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { isPosition } from '../core/ranges';

/** What a document needs to be kept as it was: its name, language and text. */
interface SyncedDocument {
  readonly uri: string;
  readonly languageId: string;
  getText(): string;
}

/** Whether `change` is one the text library applies as the protocol means it: the whole text, or a range and its text. */
export function isApplicable(change: unknown): change is TextDocumentContentChangeEvent {
  if (typeof change !== 'object' || change === null || typeof (change as { text?: unknown }).text !== 'string') return false;
  if (!('range' in change) || (change as { range?: unknown }).range === undefined) return true;
  const range = (change as { range: unknown }).range;
  return typeof range === 'object' && range !== null && isPosition((range as { start?: unknown }).start) && isPosition((range as { end?: unknown }).end);
}

/** The documents whose text the server lost, by URI, and how `TextDocuments` keeps the others. */
export class DocumentSync<T extends SyncedDocument> {
  private readonly lost = new Set<string>();
  /** For `new TextDocuments(sync.configuration)`: `base` (the text library's) for every change it can apply. */
  readonly configuration: TextDocumentsConfiguration<T>;

  constructor(base: TextDocumentsConfiguration<T>, warn: (message: string) => void) {
    this.configuration = {
      create: (uri, languageId, version, content) => {
        this.lost.delete(uri);
        return base.create(uri, languageId, version, content);
      },
      update: (document, changes, version) => {
        if (!Array.isArray(changes) || !changes.every(isApplicable)) {
          this.lost.add(document.uri);
          warn(`kamervraag: ${document.uri}: a change that is no range of the text (version ${String(version)}); the document is out of sync until it is sent whole again`);
          return base.create(document.uri, document.languageId, version, document.getText());
        }
        // A change of the whole text gives it back; the ranges after it apply to what the editor has.
        if (changes.some((c) => !('range' in c) || c.range === undefined)) this.lost.delete(document.uri);
        return base.update(document, changes, version);
      },
    };
  }

  /**
   * `connection` for `TextDocuments.listen`, its `didChange` events passed on with their changes a list: the
   * library would stop at changes that are no list (`null`) and apply the next ones to the text before, so
   * `update` gets them as a change it refuses.
   */
  guard<C extends { onDidChangeTextDocument(handler: (params: DidChangeTextDocumentParams) => void): unknown }>(connection: C): C {
    return new Proxy(connection, {
      get: (target, key, receiver) => key !== 'onDidChangeTextDocument' ? Reflect.get(target, key, receiver)
        : (handler: (params: DidChangeTextDocumentParams) => void) => target.onDidChangeTextDocument((params) =>
          handler(Array.isArray(params?.contentChanges) ? params : { ...params, contentChanges: [params?.contentChanges as never] })),
    });
  }

  /** Whether the server's copy of `uri` may differ from the editor's. */
  isLost(uri: string): boolean {
    return this.lost.has(uri);
  }

  closed(uri: string): void {
    this.lost.delete(uri);
  }
}
