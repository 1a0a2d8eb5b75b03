#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's chromium, ripgrep and neovim, the Kerberos headers
# one of VS Code's native modules compiles against, and code-server 4.100.3 in a folder of its own
# (.e2e/code-server). Idempotent: every step is skipped when its result is already there.
# Needs only the npm registry and the Debian archive (works as root in CI).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/.e2e"
CS_VERSION="4.100.3"
CS_DIR="$E2E/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

log() { printf '[setup-e2e] %s\n' "$*"; }

# 1. Debian packages, only those that are missing.
missing=()
for pkg in chromium libkrb5-dev ripgrep neovim; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# 2. code-server (VS Code 1.100 for the browser); the newest line whose engines accept Node 20.
if [ -x "$CS_BIN" ] && [ "$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION present"
else
  # @vscode/ripgrep downloads rg from GitHub in its postinstall unless it finds the archive in its cache
  # under $TMPDIR; these machines reach no GitHub, so a cache holding Debian's rg is laid out first, for
  # every package version and rg build the code-server line may pull in.
  RG="$(command -v rg)"
  CACHE_TMP="$E2E/tmp"
  mkdir -p "$CACHE_TMP/rgpack" "$CS_DIR"
  cp "$RG" "$CACHE_TMP/rgpack/rg"
  for pv in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14 1.16.0 1.16.1 1.16.2; do
    mkdir -p "$CACHE_TMP/vscode-ripgrep-cache-$pv"
    for rv in v13.0.0-10 v13.0.0-13 v14.1.1-1; do
      f="$CACHE_TMP/vscode-ripgrep-cache-$pv/ripgrep-$rv-x86_64-unknown-linux-musl.tar.gz"
      [ -f "$f" ] || tar -C "$CACHE_TMP/rgpack" -czf "$f" rg
    done
  done
  [ -f "$CS_DIR/package.json" ] || printf '{ "name": "antwoordbrief-e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"
  log "npm install code-server@$CS_VERSION (about 90 s)"
  (cd "$CS_DIR" && TMPDIR="$CACHE_TMP" npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
fi

# Not `code-server --version`: that writes a default config with a password into ~/.config.
log "code-server $(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")"
log "chromium: $(command -v chromium)"
log "nvim: $(command -v nvim)"
log "done"
