#!/usr/bin/env bash
# `npm test`: every layer, in order; stops at the first failing layer. Each layer prints `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."

layer() { printf '\n==== %s ====\n' "$1"; }

layer "1/4 typecheck and lint"
npm run --silent typecheck
npm run --silent lint
echo "typecheck and lint: 2 passed, 0 failed"

layer "2/4 unit tests (plain Node)"
npm run --silent test:unit

layer "3/4 webview tests (headless Chromium)"
npm run --silent test:webview

layer "4/4 integration tests (real VS Code via code-server)"
npm run --silent test:integration
