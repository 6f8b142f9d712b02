-- Headless Neovim (0.7+) as a second real LSP client of the Kamervraag language server.
-- Usage: KAMERVRAAG_SERVER=/path/bin/kamervraag-language-server.js \
--        nvim --headless --clean -n -c 'luafile lsp-check.lua' 2014Z19222.txt
-- Prints JSON lines ("<tag> <json>") on stdout for test/nvim/nvim.test.mjs to assert on:
-- diagnostics, documentSymbol, definition and hover on "Zie antwoord vraag 6", and the diagnostics after an
-- edit made in the buffer (Neovim sends it as an incremental didChange). Exit code 0 = every step answered.
local function out(tag, v) io.stdout:write(tag, ' ', vim.fn.json_encode(v), '\n') end
local function fail(msg)
  io.stderr:write('FAIL ', msg, '\n')
  vim.cmd('cquit 1')
end

local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
if fname == '' then return fail('open a file: nvim ... 2014Z19222.txt') end
local server = vim.env.KAMERVRAAG_SERVER
if not server then return fail('set KAMERVRAAG_SERVER') end

local initialized = false
local client_id = vim.lsp.start_client({ -- vim.lsp.start() only exists from 0.8
  name = 'kamervraag',
  cmd = { vim.env.NODE or 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(fname, ':p:h'),
  on_init = function() initialized = true end,
})
if not client_id then return fail('start_client failed') end
vim.lsp.buf_attach_client(bufnr, client_id) -- sends didOpen once initialized

if not vim.wait(10000, function() return initialized end, 20) then return fail('initialize timed out') end
if not vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then return fail('no diagnostics') end

local function diagnostics()
  return vim.tbl_map(function(d)
    local lsp = d.user_data and d.user_data.lsp or {}
    return {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
      message = d.message, source = d.source, code = d.code or lsp.code,
    }
  end, vim.diagnostic.get(bufnr))
end
out('server', { name = vim.lsp.get_client_by_id(client_id).name, version = vim.version() })
out('diagnostics', diagnostics())

local function request(method, params)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
  if not res then return fail(method .. ': ' .. tostring(err)) end
  local r = res[client_id]
  if not r then return fail(method .. ': no answer') end
  if r.err then return fail(method .. ': ' .. vim.inspect(r.err)) end
  return r.result
end

-- Find "Zie antwoord vraag 6" (ASCII, so the byte column is the UTF-16 character).
local ref_line, ref_col
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local s = string.find(line, 'Zie antwoord vraag 6', 1, true)
  if s then ref_line, ref_col = i - 1, s - 1 + #'Zie antwoord vraag ' break end
end
if not ref_line then return fail('"Zie antwoord vraag 6" not in the buffer') end
out('reference', { line = ref_line, character = ref_col })

local td = vim.lsp.util.make_text_document_params(bufnr)
local pos = { textDocument = td, position = { line = ref_line, character = ref_col } }
out('documentSymbol', request('textDocument/documentSymbol', { textDocument = td }))
out('definition', request('textDocument/definition', pos))
out('hover', request('textDocument/hover', pos))

-- Edit in the buffer: the reference now names a question that does not exist.
vim.api.nvim_buf_set_text(bufnr, ref_line, ref_col, ref_line, ref_col + 1, { '12' })
local function has_unknown()
  for _, d in ipairs(diagnostics()) do
    if d.code == 'reference-unknown-question' then return true end
  end
  return false
end
if not vim.wait(10000, has_unknown, 20) then return fail('no diagnostics after the edit') end
out('diagnosticsAfterEdit', diagnostics())

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd('qall!')
