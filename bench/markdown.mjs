// The comparison point: vscode-markdown-languageservice (the service behind VS Code's Markdown
// support) with markdown-it as its parser, over an in-memory workspace holding one document.
// `markdownSymbolsAndDiagnostics(text)` creates a fresh service and a fresh document (new URI) on
// every call, so no cache of an earlier run is hit: the time includes markdown-it's own parse.
// Its packages are the benchmark's own (bench/package.json, installed into bench/node_modules by
// deps.mjs), which Node finds from this folder before the root's node_modules.
import MarkdownIt from 'markdown-it';
import * as md from 'vscode-markdown-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import lsp from 'vscode-languageserver-protocol';
import vscodeUri from 'vscode-uri';

const { URI } = vscodeUri;

const { CancellationTokenSource, Emitter } = lsp;
const markdownIt = MarkdownIt({ html: true });

/** The parser adapter of the README: markdown-it tokens and GitHub's slugifier. */
const parser = {
  slugifier: md.githubSlugifier,
  async tokenize(document) {
    return markdownIt.parse(document.getText(), {});
  },
};

const logger = { level: md.LogLevel.Off, log() {} };

class OneDocumentWorkspace {
  constructor(doc) {
    this.doc = doc;
    this.onDidChangeMarkdownDocument = new Emitter().event;
    this.onDidCreateMarkdownDocument = new Emitter().event;
    this.onDidDeleteMarkdownDocument = new Emitter().event;
  }
  get workspaceFolders() {
    return [URI.file('/bench')];
  }
  async getAllMarkdownDocuments() {
    return [this.doc];
  }
  hasMarkdownDocument(resource) {
    return resource.toString() === this.doc.uri;
  }
  async openMarkdownDocument(resource) {
    return resource.toString() === this.doc.uri ? this.doc : undefined;
  }
  async stat(resource) {
    return resource.toString() === this.doc.uri ? { isDirectory: false } : undefined;
  }
  async readDirectory() {
    return [];
  }
}

const diagnosticOptions = {
  validateReferences: md.DiagnosticLevel.warning,
  validateFragmentLinks: md.DiagnosticLevel.warning,
  validateFileLinks: md.DiagnosticLevel.ignore,
  validateMarkdownFileLinkFragments: md.DiagnosticLevel.ignore,
  validateUnusedLinkDefinitions: md.DiagnosticLevel.ignore,
  validateDuplicateLinkDefinitions: md.DiagnosticLevel.ignore,
  ignoreLinks: [],
};

let counter = 0;

/** Document symbols + diagnostics (fragment links validated) of `text`, from scratch. */
export async function markdownSymbolsAndDiagnostics(text) {
  const uri = URI.file(`/bench/doc-${++counter}.md`).toString();
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  const service = md.createLanguageService({ workspace: new OneDocumentWorkspace(doc), parser, logger });
  const token = new CancellationTokenSource().token;
  try {
    const symbols = await service.getDocumentSymbols(doc, { includeLinkDefinitions: true }, token);
    const diagnostics = await service.computeDiagnostics(doc, diagnosticOptions, token);
    return { symbols, diagnostics };
  } finally {
    service.dispose();
  }
}
