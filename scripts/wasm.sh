#!/usr/bin/env bash
# Runs a command with the toolchain that can build wasm32 (scripts/setup.sh chose it and
# wrote target/toolchain.env): the default one on a normal rustup machine, or `system`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC1091
. "$root/target/toolchain.env"
export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"
exec "$@"
