-- The Neovim 0.7 configuration shown in the README ("Using the server from Neovim, Helix and Emacs"),
-- tested by test/nvim/nvim.test.mjs: file type detection (.kvr, .kamervraag, .txt starting with
-- "Kamervraag <zaaknummer>"), one shared client for every Kamervraag buffer, and the references code lens.
-- Kamervraag: file type
vim.cmd([[
  augroup kamervraag_ft
    autocmd!
    autocmd BufRead,BufNewFile *.kvr,*.kamervraag setfiletype kamervraag
    autocmd BufRead *.txt if getline(1) =~# '^Kamervraag \d\{4}Z\d\{5}' | set filetype=kamervraag | endif
  augroup END
]])
-- Kamervraag: language server (Neovim 0.7–0.10)
local kamervraag_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'kamervraag',
  callback = function(args)
    if not (kamervraag_client and vim.lsp.get_client_by_id(kamervraag_client)) then
      kamervraag_client = vim.lsp.start_client({
        name = 'kamervraag',
        cmd = { 'kamervraag-language-server', '--stdio' },
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, kamervraag_client)
  end,
})
-- The code lens "N verwijzingen" over a question runs VS Code's editor.action.showReferences: here, the quickfix list.
vim.lsp.commands['editor.action.showReferences'] = function(command)
  local items = vim.lsp.util.locations_to_items((command.arguments or {})[3] or {}, 'utf-16')
  vim.fn.setqflist({}, ' ', { title = command.title, items = items })
  vim.cmd('copen')
end
