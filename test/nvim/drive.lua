-- Drives the bundled Antwoordbrief server from Neovim's built-in LSP client (0.7: vim.lsp.start_client),
-- the way a Neovim user would: open a letter, wait for diagnostics, ask hover and definition, type an
-- answer, wait for the diagnostics to change, shut down. Writes what it saw as JSON to $AB_OUT.
-- Inputs (environment): AB_SERVER, AB_FILE, AB_OUT, AB_HOVER_FORMAT (markdown|plaintext|default),
-- AB_HOVER_LINE/COL, AB_DEF_LINE/COL, AB_EDIT_LINE (0-based line after which an answer is typed), AB_EDIT_TEXT.
local env = function(k) return os.getenv(k) end
local result = { diagnostics = {}, after_edit = {}, log = {} }

local function write_result()
  local f = assert(io.open(env('AB_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function diags(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(out, { line = d.lnum, col = d.col, severity = d.severity, message = d.message, code = code, source = d.source })
  end
  return out
end

local function main()
  local caps = vim.lsp.protocol.make_client_capabilities()
  local fmt = env('AB_HOVER_FORMAT')
  if fmt == 'plaintext' then
    caps.textDocument.hover.contentFormat = { 'plaintext' }
  elseif fmt == 'markdown' then
    caps.textDocument.hover.contentFormat = { 'markdown', 'plaintext' }
  end
  result.hover_format_sent = caps.textDocument.hover.contentFormat

  vim.cmd('edit ' .. vim.fn.fnameescape(env('AB_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'antwoordbrief',
    cmd = { 'node', env('AB_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(env('AB_FILE'), ':h'),
    capabilities = caps,
    settings = { antwoordbrief = { bronnen = { offline = true } } },
    on_exit = function(code, signal) result.exit = { code = code, signal = signal } end,
  })
  result.client_started = client_id ~= nil
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  result.got_diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  result.diagnostics = diags(bufnr)

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, line, col)
    local params = { textDocument = { uri = uri }, position = { line = tonumber(line), character = tonumber(col) } }
    local resp, err = client.request_sync(method, params, 10000, bufnr)
    if err then return { error = tostring(err) } end
    if resp == nil then return { error = 'no response' } end
    if resp.err then return { error = vim.inspect(resp.err) } end
    return { result = resp.result }
  end
  result.hover = request('textDocument/hover', env('AB_HOVER_LINE'), env('AB_HOVER_COL'))
  result.definition = request('textDocument/definition', env('AB_DEF_LINE'), env('AB_DEF_COL'))

  -- Type an answer under the empty one and wait until the server has published for the new text.
  local before = vim.fn.json_encode(result.diagnostics)
  local edit_line = tonumber(env('AB_EDIT_LINE'))
  vim.api.nvim_buf_set_lines(bufnr, edit_line + 1, edit_line + 1, false, { '', env('AB_EDIT_TEXT') })
  result.diagnostics_changed = vim.wait(20000, function() return vim.fn.json_encode(diags(bufnr)) ~= before end, 20)
  result.after_edit = diags(bufnr)

  client.stop()
  result.stopped = vim.wait(10000, function() return client.is_stopped() end, 20)
end

local ok, err = pcall(main)
if not ok then result.error = tostring(err) end
write_result()
vim.cmd('qa!')
