/**
 * The "Kamervragen" view, in a view container of its own on the activity bar (an extension's view in the
 * Explorer starts collapsed at its bottom, out of sight): every Kamervraag of the workspace grouped by its
 * state against today — te laat, te beantwoorden (the first due first), uitgesteld, beantwoord — with the
 * count on each group; a row per document with zaaknummer and title, the days left or late and the questions without an
 * answer; a click opens the document. The rows come from the language server (`kamervraag/overview`,
 * answered from its workspace index), which says when they changed (`kamervraag/overviewChanged`: an
 * edit, a file, a `.kamervraag.json` or a `kamervraag.*` setting): the view is thin. Each row has the answer
 * term of its own document's settings, which the server resolves as for the document's hover and checks
 * (its folder's `.kamervraag.json` under what the user set), so the view sends no term of its own.
 * The server is started soon after the workspace is known to hold Kamervragen, so that the view's badge
 * (overdue Kamervragen, on the activity bar icon) is there before the view or a document is opened.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isKamervraagFirstLine, KAMERVRAAG_FILES_GLOB, ZAAKNUMMER_TXT_GLOB } from './detect';
import { deadlineCalendar, hasDeadlineEvent } from '../../server/src/service/calendar';
import { overviewTable, STATES, type OverviewDocument, type TermState } from './overviewTable';

export const OVERVIEW_VIEW = 'kamervraag.overview';
const OVERVIEW_REQUEST = 'kamervraag/overview';
const OVERVIEW_CHANGED = 'kamervraag/overviewChanged';
/** How long after the workspace is found to hold Kamervragen the server is started for the badge, if nothing started it. */
const BADGE_START_DELAY_MS = 2000;
/** The context key of the view's `when`: set once the workspace is known to hold Kamervragen. */
const AVAILABLE = 'kamervraag.overview.available';

interface Overview {
  today: string;
  /** The term all rows share; null when they differ. */
  answerTermDays: number | null;
  documents: OverviewDocument[];
}

type Node = { kind: 'group'; state: TermState; documents: OverviewDocument[] } | { kind: 'document'; document: OverviewDocument };

function groupLabel(state: TermState, n: number): string {
  switch (state) {
    case 'te laat':
      return vscode.l10n.t('Overdue ({0})', n);
    case 'te beantwoorden':
      return vscode.l10n.t('To be answered ({0})', n);
    case 'uitgesteld':
      return vscode.l10n.t('Postponed ({0})', n);
    default:
      return vscode.l10n.t('Answered ({0})', n);
  }
}

const ICONS: Record<TermState, vscode.ThemeIcon> = {
  'te laat': new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'te beantwoorden': new vscode.ThemeIcon('clock'),
  uitgesteld: new vscode.ThemeIcon('history'),
  beantwoord: new vscode.ThemeIcon('pass'),
};

/** "12 days late", "5 days left", "due today"; nothing for an answered document or one without a deadline. */
function daysText(d: OverviewDocument): string | null {
  if (d.days === null || d.state === 'beantwoord') return null;
  if (d.days === 0) return vscode.l10n.t('due today');
  if (d.days < 0) return d.days === -1 ? vscode.l10n.t('1 day late') : vscode.l10n.t('{0} days late', -d.days);
  return d.days === 1 ? vscode.l10n.t('1 day left') : vscode.l10n.t('{0} days left', d.days);
}

/** The row's description: days left or late, and the questions without an answer. */
export function describe(d: OverviewDocument): string {
  const parts: string[] = [];
  const days = daysText(d);
  if (days) parts.push(days);
  if (d.unanswered > 0 && d.state !== 'beantwoord') parts.push(vscode.l10n.t('{0}/{1} without answer', d.unanswered, d.questions));
  else if (d.unanswered > 0) {
    parts.push(d.questions === 1 ? vscode.l10n.t('the question without answer') : vscode.l10n.t('{0} of {1} questions without answer', d.unanswered, d.questions));
  }
  return parts.join(' · ');
}

/** The name of a row's file (the last segment of its URI, decoded). */
function fileName(d: OverviewDocument): string {
  return vscode.Uri.parse(d.uri).path.split('/').pop() || d.uri;
}

/** A row's name: its zaaknummer, or its file's name when its header gives none (a `.kvr` of notes). */
function rowName(d: OverviewDocument): string {
  return d.zaaknummer ?? fileName(d);
}

function tooltip(d: OverviewDocument): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  // The zaaknummer is the header's text, whatever it is: as text, as the title and the rest are.
  md.appendMarkdown('**');
  md.appendText(d.zaaknummer ? `Kamervraag ${d.zaaknummer}` : `${fileName(d)}: ${vscode.l10n.t('no Kamervraag header with a zaaknummer')}`);
  md.appendMarkdown('**');
  if (d.title) md.appendText(`\n${d.title}`);
  md.appendMarkdown('\n\n');
  const lines: string[] = [];
  if (d.indieners.length > 0) lines.push(vscode.l10n.t('Submitted by: {0}', d.indieners.join(', ')));
  if (d.ingediend) lines.push(vscode.l10n.t('Submitted: {0}', d.ingediend));
  if (d.deadline) {
    lines.push(d.answerTermDays === 1
      ? vscode.l10n.t('Deadline: {0} (term 1 day)', d.deadline)
      : vscode.l10n.t('Deadline: {0} (term {1} days)', d.deadline, d.answerTermDays));
  }
  if (d.postponedOn) lines.push(vscode.l10n.t('Postponed on: {0}', d.postponedOn));
  if (d.beantwoord) lines.push(vscode.l10n.t('Answered: {0}', d.beantwoord));
  lines.push(d.questions === 1
    ? vscode.l10n.t('1 question, {0} without answer', d.unanswered)
    : vscode.l10n.t('{0} questions, {1} without answer', d.questions, d.unanswered));
  md.appendText(lines.join('\n'));
  return md;
}

/**
 * The badge of the view, which VS Code also puts on its activity bar icon: how many Kamervragen are past
 * their term, so that a team sees it without opening the view; none when none is.
 */
export function overdueBadge(documents: readonly OverviewDocument[]): vscode.ViewBadge | undefined {
  const n = documents.filter((d) => d.state === 'te laat').length;
  if (n === 0) return undefined;
  return { value: n, tooltip: n === 1 ? vscode.l10n.t('1 Kamervraag overdue') : vscode.l10n.t('{0} Kamervragen overdue', n) };
}

/** The tree: the four groups (those with documents), each with its documents in the server's order. */
export class OverviewProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<readonly OverviewDocument[]>();
  /** Every answer of the server, whether the tree asked for it or `load` did. */
  readonly onDidLoad = this.loaded.event;
  /** Requests sent so far: only the answer to the latest is passed on (an older one may come later). */
  private sent = 0;
  /** The last overview the server gave. */
  private last: Overview | null = null;

  constructor(private readonly client: () => Promise<LanguageClient | undefined>, private readonly log: (message: string) => void) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.kind === 'group' ? node.documents.map((document) => ({ kind: 'document', document })) : [];
    // No server to ask (it restarts, or stopped): the rows as they were, not an empty view that says the
    // workspace holds no Kamervragen.
    const overview = (await this.fetch()) ?? this.last;
    if (!overview) return [];
    if (overview.documents.length > 0) void vscode.commands.executeCommand('setContext', AVAILABLE, true);
    return STATES.map((state) => ({ kind: 'group' as const, state, documents: overview.documents.filter((d) => d.state === state) }))
      .filter((g) => g.documents.length > 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const open = node.state === 'te laat' || node.state === 'te beantwoorden';
      const item = new vscode.TreeItem(groupLabel(node.state, node.documents.length), open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `kamervraag.overview.${node.state}`;
      item.iconPath = ICONS[node.state];
      item.contextValue = 'kamervraagGroup';
      return item;
    }
    const d = node.document;
    const uri = vscode.Uri.parse(d.uri);
    const item = new vscode.TreeItem(`${rowName(d)} ${d.title ?? ''}`.trim(), vscode.TreeItemCollapsibleState.None);
    item.id = `kamervraag.overview.${d.state}.${d.uri}`;
    item.description = describe(d);
    item.tooltip = tooltip(d);
    item.resourceUri = uri;
    item.iconPath = ICONS[d.state];
    // The row's menu (package.json, view/item/context): "Copy Zaaknummer" only where there is one.
    item.contextValue = d.zaaknummer ? 'kamervraagDocument zaaknummer' : 'kamervraagDocument';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }

  /** Asks the server for the overview without the tree (for the badge, while the view is not shown). */
  async load(): Promise<void> {
    await this.fetch();
  }

  /** The overview as the server has it now (for "Copy as Table"); null when there is no server to ask. */
  current(): Promise<Overview | null> {
    return this.fetch();
  }

  private async fetch(): Promise<Overview | null> {
    const client = await this.client();
    if (!client?.isRunning()) return null;
    try {
      // No term: the server judges each document with its own settings.
      const mine = ++this.sent;
      const overview = await client.sendRequest<Overview>(OVERVIEW_REQUEST, {});
      if (mine === this.sent) {
        this.last = overview;
        this.loaded.fire(overview.documents);
      }
      return overview;
    } catch (e) {
      this.log(`${OVERVIEW_REQUEST} failed: ${String(e)}`);
      return null;
    }
  }
}

/** What the `kamervraag.overview.items` command gives (for the tests): the groups and their rows as shown. */
interface ShownItem {
  label: string;
  description?: string;
  /** The tooltip's Markdown, as VS Code renders it. */
  tooltip?: string;
  uri?: string;
  children?: ShownItem[];
}

/**
 * Registers the view, its refresh command and `kamervraag.overview.items`. `start` gives the language
 * client, starting it when needed; `attach` is to be given every client before it starts (however it is
 * started: a Kamervraag opened, or the view shown). The view refreshes when the server says the overview
 * changed (also after a change to the `kamervraag.*` settings, which the client passes on with
 * `didChangeConfiguration`), and so does its badge (`overdueBadge`), also while the view is not shown:
 * the server says so once it has read the workspace folders, so the badge asks for nothing at the
 * start, when the first diagnostics wait for the same reads (in the browser, through the client).
 */
export function registerOverview(
  context: vscode.ExtensionContext,
  start: () => Promise<LanguageClient | undefined>,
  log: (message: string) => void,
  /** Called when the workspace is found to hold Kamervragen: the server will be started soon (`prepareServer`). */
  prepare: () => void,
): { badge: () => vscode.ViewBadge | undefined; attach: (c: LanguageClient) => void } {
  const listening = new WeakSet<LanguageClient>();
  const attach = (c: LanguageClient) => {
    if (listening.has(c)) return;
    listening.add(c);
    context.subscriptions.push(c.onNotification(OVERVIEW_CHANGED, () => {
      provider.refresh();
      // A view not shown asks for no tree: the badge is brought up to date all the same.
      if (!view.visible) void provider.load();
    }));
  };
  const client = async (): Promise<LanguageClient | undefined> => {
    const c = await start();
    if (c) attach(c);
    return c;
  };
  const provider = new OverviewProvider(client, log);
  const view = vscode.window.createTreeView(OVERVIEW_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider.onDidLoad((documents) => {
    view.badge = overdueBadge(documents);
  }));
  const shown = async (node?: Node): Promise<ShownItem[]> => {
    const items: ShownItem[] = [];
    for (const child of await provider.getChildren(node)) {
      const item = provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      items.push({
        label,
        ...(typeof item.description === 'string' && item.description ? { description: item.description } : {}),
        ...(item.tooltip instanceof vscode.MarkdownString ? { tooltip: item.tooltip.value } : {}),
        ...(item.resourceUri ? { uri: item.resourceUri.toString() } : {}),
        ...(child.kind === 'group' ? { children: await shown(child) } : {}),
      });
    }
    return items;
  };
  /**
   * The document a row command is for: the row it was given (its menu, its inline button), else the row
   * selected in the view (a key binding).
   */
  const documentOf = (node?: Node): OverviewDocument | undefined => {
    const n = node ?? view.selection[0];
    return n?.kind === 'document' ? n.document : undefined;
  };
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('kamervraag.overview.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('kamervraag.overview.items', () => shown()),
    vscode.commands.registerCommand('kamervraag.overview.openToSide', async (node?: Node) => {
      const d = documentOf(node);
      if (d) await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(d.uri), { viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand('kamervraag.overview.openPreview', async (node?: Node) => {
      const d = documentOf(node);
      if (d) await vscode.commands.executeCommand('kamervraag.showPreviewToSide', vscode.Uri.parse(d.uri));
    }),
    vscode.commands.registerCommand('kamervraag.overview.copyZaaknummer', async (node?: Node) => {
      const zaaknummer = documentOf(node)?.zaaknummer;
      if (zaaknummer) await vscode.env.clipboard.writeText(zaaknummer);
    }),
    vscode.commands.registerCommand('kamervraag.overview.exportCalendar', (target?: unknown) => exportCalendar(provider, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('kamervraag.overview.copyTable', async () => {
      const overview = await provider.current();
      if (!overview) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The Kamervragen could not be read: the language server does not run. See the output channel "Kamervraag".'));
        return;
      }
      await vscode.env.clipboard.writeText(overviewTable(overview.documents, vscode.l10n));
      const n = overview.documents.length;
      vscode.window.setStatusBarMessage(n === 1 ? vscode.l10n.t('1 Kamervraag copied as a table') : vscode.l10n.t('{0} Kamervragen copied as a table', n), 5000);
    }),
  );
  void whenKamervragenFound(context, () => {
    prepare();
    void vscode.commands.executeCommand('setContext', AVAILABLE, true);
    // The badge is there for a view that is not shown: a team opens the folder and sees on the activity
    // bar how many Kamervragen are overdue, before it opens the view or a document. So the server is
    // started for it; it reads the workspace folders and then says the overview changed (see `attach`).
    // A moment later, not at once: a document opened with the folder (or restored with the window) starts
    // the server itself, and its first diagnostics then do not wait behind the reading of the folder (in
    // the browser every file is read through the client: started at once, the first diagnostics came
    // 0.1–0.2 s later in bench/web.mjs's sessions; bench/README.md).
    const timer = setTimeout(() => void client(), BADGE_START_DELAY_MS);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  });
  return { badge: () => view.badge, attach };
}

/**
 * *Export Deadlines as Calendar*: the deadlines of the Kamervragen still to be answered (the view's te laat
 * and te beantwoorden) as an `.ics` file for a team's agenda (service/calendar.ts, as `kamervraag list
 * --format ics` writes it), saved where the user chooses (or at `target`: a script, a key binding, the
 * tests). Each event names its file relative to the workspace; the text follows VS Code's display language.
 */
async function exportCalendar(provider: { current(): Promise<Overview | null> }, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const overview = await provider.current();
  if (!overview) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The Kamervragen could not be read: the language server does not run. See the output channel "Kamervraag".'));
    return undefined;
  }
  const rows = overview.documents.filter(hasDeadlineEvent);
  if (rows.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Kamervraag of the workspace has a deadline still to meet: there is nothing to put in a calendar.'));
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const where = target ?? await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, vscode.l10n.t('kamervragen-deadlines.ics')) : undefined,
    filters: { [vscode.l10n.t('Calendar (iCalendar)')]: ['ics'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Deadlines as Calendar'),
  });
  if (!where) return undefined;
  const locale = vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const text = deadlineCalendar(rows.map((row) => ({ row, location: vscode.workspace.asRelativePath(vscode.Uri.parse(row.uri)) })), locale, new Date());
  await vscode.workspace.fs.writeFile(where, new TextEncoder().encode(text));
  const name = where.path.slice(where.path.lastIndexOf('/') + 1);
  vscode.window.setStatusBarMessage(rows.length === 1
    ? vscode.l10n.t('1 deadline exported to {0}', name)
    : vscode.l10n.t('{0} deadlines exported to {1}', rows.length, name), 5000);
  return where;
}

/**
 * Calls `found` once it is known that the workspace holds Kamervragen: when a Kamervraag is open, or the
 * workspace holds `.kvr`/`.kamervraag` files or a `.txt` whose first line is a Kamervraag header (at most
 * 20 named with a zaaknummer and 20 others looked at), or else when a Kamervraag is opened later. Then the
 * view is shown and the server started (for its badge).
 */
async function whenKamervragenFound(context: vscode.ExtensionContext, found: () => void): Promise<void> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'kamervraag')) return found();
  if (!vscode.workspace.workspaceFolders?.length) return;
  /** Whether one of `uris` starts with a Kamervraag header. */
  const anyKamervraag = async (uris: readonly vscode.Uri[]): Promise<boolean> => {
    for (const uri of uris) {
      // (The file system reads whole files: a big log is passed by.)
      if ((await vscode.workspace.fs.stat(uri)).size > 1 << 20) continue;
      if (isKamervraagFirstLine(new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, 64)))) return true;
    }
    return false;
  };
  try {
    if ((await vscode.workspace.findFiles(KAMERVRAAG_FILES_GLOB, '**/node_modules/**', 1)).length > 0) return found();
    const named = await vscode.workspace.findFiles(ZAAKNUMMER_TXT_GLOB, '**/node_modules/**', 20);
    if (await anyKamervraag(named)) return found();
    // Only then the other `.txt` files (a second search of the folder).
    const seen = new Set(named.map((u) => u.toString()));
    const others = (await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**', 20)).filter((u) => !seen.has(u.toString()));
    if (await anyKamervraag(others)) return found();
  } catch {
    // A file system that cannot be searched: the view shows once a Kamervraag is opened.
  }
  const opened = vscode.workspace.onDidOpenTextDocument((d) => {
    if (d.languageId === 'kamervraag') {
      opened.dispose();
      found();
    }
  });
  context.subscriptions.push(opened);
}
