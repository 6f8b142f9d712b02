/**
 * What the server tells the client it can do (`initialize`'s capabilities), and what it reads of the
 * client's capabilities into the features' context. Beside the feature table (`index.ts`): a new
 * feature adds its row there and its capability here.
 */
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './codeActions';
import { COMPLETION_TRIGGERS } from './completion';
import type { FeatureContext } from './context';
import { START_ANSWERING_KIND } from './startAnswering';
import { STRUCTURE_ACTION_KINDS } from './structure';

/**
 * The capabilities of the Kamervraag language server, for a client with `caps`: rename's options only
 * to a client that asks before it renames (LSP 3.17: `prepareSupport`), else a plain `true`.
 */
export function serverCapabilities(caps: ClientCapabilities = {}): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    hoverProvider: true,
    documentSymbolProvider: { label: 'Kamervraag' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, START_ANSWERING_KIND, ...STRUCTURE_ACTION_KINDS] },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    workspaceSymbolProvider: true,
    renameProvider: caps.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
    documentFormattingProvider: true,
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: true },
    documentRangeFormattingProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** `context` with what the client announced it can show (links, a symbol tree, snippets, diagnostics' extras). */
export function withClientCapabilities(context: FeatureContext, caps: ClientCapabilities): FeatureContext {
  const td = caps.textDocument;
  const pd = td?.publishDiagnostics;
  return {
    ...context,
    linkSupport: td?.definition?.linkSupport === true,
    hierarchicalSymbols: td?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    snippetEdits: caps.workspace?.workspaceEdit?.snippetEditSupport === true && caps.workspace.workspaceEdit.documentChanges === true,
    snippetSupport: td?.completion?.completionItem?.snippetSupport === true,
    markdown: { hover: takesMarkdown(td?.hover?.contentFormat), documentation: takesMarkdown(td?.completion?.completionItem?.documentationFormat) },
    diagnosticSupport: {
      relatedInformation: pd?.relatedInformation === true,
      codeDescription: pd?.codeDescriptionSupport === true,
      unnecessaryTag: pd?.tagSupport?.valueSet?.includes(1) === true,
    },
  };
}

/** A client takes Markdown unless it lists the formats it takes without it (LSP: "the order describes the preferred format"). */
function takesMarkdown(formats: unknown): boolean {
  return !Array.isArray(formats) || formats.includes('markdown');
}
