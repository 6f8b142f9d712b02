/**
 * A text cell of the overview as a spreadsheet reads it: `kamervraag list --format csv` and the VS Code
 * command *Copy Kamervragen as Table* (tab-separated, to paste), both meant for Excel, LibreOffice Calc or
 * Google Sheets. No imports, so the VS Code client bundles it alone.
 */

/**
 * `text` as a text cell: a value that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before
 * one) is a formula to a spreadsheet, one that `=HYPERLINK("https://…?"&A1)` could make send other cells
 * away, and gets a `'` in front, which the spreadsheet reads as "this is text" and does not show (OWASP,
 * "CSV Injection"). Every other value stays exactly as it is; numbers are never text cells.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
