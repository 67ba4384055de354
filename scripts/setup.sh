#!/usr/bin/env bash
# One set-up path for every entry point (README commands, justfile, .ci/run).
# Idempotent: each step checks first, so on a machine that already has everything it
# takes seconds. On a normal rustup machine it uses `rustup target add`; on machines
# whose rustup download host is unreachable it falls back to building the wasm32
# standard library from Debian's rustc-web sources (see docs/toolchain.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock:
# the CLI refuses a module built with another schema version.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)"
WASM_PACK_VERSION="0.15.1"
JUST_VERSION="1.59.0"
env_file="$root/target/toolchain.env"

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif have sudo; then sudo "$@"; else log "need root for: $*"; return 1; fi; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! have apt-get; then log "please install: ${missing[*]}"; return 1; fi
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- 1. Rust toolchain for wasm32 -------------------------------------------------------
# Writes target/toolchain.env with WASM_TOOLCHAIN: the rustup toolchain that can build
# wasm32 (the default one on a normal machine, `system` where we built std ourselves).
wasm_toolchain=""
default_tc="$(rustup show active-toolchain 2>/dev/null | awk '{print $1}')"
# SSPR_FORCE_STD_BUILD=1 takes the fallback even where rustup works (to test it).
force_std="${SSPR_FORCE_STD_BUILD:-0}"
# The module's build compiles the standard library too (-Zbuild-std, justfile): the
# toolchain must carry its source (rustup's rust-src component, or Debian's rust-web-src).
has_std_source() {
  [ -f "$(RUSTUP_TOOLCHAIN="$1" rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std/Cargo.toml" ]
}
rustup_has_wasm() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || return 1
  has_std_source "$default_tc" && return 0
  log "rustup component add rust-src (60 s limit)"
  timeout 60 rustup component add rust-src >/dev/null 2>&1 && has_std_source "$default_tc"
}
if [ "$force_std" != 1 ] && rustup_has_wasm; then
  wasm_toolchain="$default_tc"
elif rustup toolchain list 2>/dev/null | grep -q '^system' \
  && [ -n "$(ls /usr/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib 2>/dev/null)" ]; then
  wasm_toolchain="system"
else
  [ "$force_std" = 1 ] || log "rustup target add wasm32-unknown-unknown (60 s limit)"
  if [ "$force_std" != 1 ] && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 && rustup_has_wasm; then
    wasm_toolchain="$default_tc"
  else
    log "rustup cannot download; building the wasm32 std from Debian's rustc-web sources"
    # rust-web-clippy: clippy for that same compiler (`just lint` checks the wasm32 build too).
    apt_install rustc-web cargo-web rust-web-src lld-19 rust-web-clippy
    seed="$(mktemp -d)/wasm-std-seed"
    /usr/bin/cargo new --quiet --lib "$seed"
    (cd "$seed" && CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 RUSTC=/usr/bin/rustc \
      RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --quiet --release --target wasm32-unknown-unknown \
      -Zbuild-std=std,panic_abort,panic_unwind,test,proc_macro)
    as_root mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin
    as_root cp "$seed"/target/wasm32-unknown-unknown/release/deps/*.rlib /usr/lib/rustlib/wasm32-unknown-unknown/lib/
    as_root rm -f /usr/lib/rustlib/wasm32-unknown-unknown/lib/libwasm_std_seed-*.rlib
    # rustc links wasm with `rust-lld`; Debian ships it as lld.
    as_root ln -sf /usr/lib/llvm-19/bin/lld /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
    rustup toolchain link system /usr
    rm -rf "$(dirname "$seed")"
    wasm_toolchain="system"
  fi
fi
mkdir -p "$root/target"
printf 'WASM_TOOLCHAIN=%s\n' "$wasm_toolchain" > "$env_file"

# rustfmt and clippy for `just lint` (part of the tests), on the default toolchain.
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    log "rustup component add $component (60 s limit)"
    timeout 60 rustup component add "$component" >/dev/null 2>&1 || log "could not install $component: 'just lint' will fail until it is installed"
  fi
done

# --- 2. wasm-bindgen-cli (exact version), wasm-pack and just --------------------------------
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  # Not --locked: the registry here lacks a version the tool's own lock file pins.
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install --quiet --force wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  log "cargo install wasm-pack $WASM_PACK_VERSION (a minute or two, once)"
  cargo install --quiet --force wasm-pack --version "=$WASM_PACK_VERSION"
fi

if [ "$(just --version 2>/dev/null | awk '{print $2}')" != "$JUST_VERSION" ]; then
  log "cargo install just $JUST_VERSION (a minute or two, once)"
  cargo install --quiet --force --locked just --version "=$JUST_VERSION"
fi

# --- 3. Browsers for the tests (Debian's; never a downloaded browser) ---------------------
# Chromium + chromedriver (Playwright, wasm-bindgen-test), Firefox ESR (the offline file
# from file://), and a Japanese font so screenshots of the Japanese page show text.
apt_install chromium chromium-driver firefox-esr fonts-ipafont-gothic

# --- 4. npm packages from the committed lock file ----------------------------------------
# playwright-core (drives Debian's chromium), puppeteer-core (drives Firefox ESR), typescript and
# @biomejs/biome (the JavaScript's type check and lint), binaryen
# (a wasm-opt that understands today's Rust output; Debian's is too old), esbuild, axe-core.
stamp="node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

log "ready (wasm toolchain: $wasm_toolchain, wasm-bindgen $WASM_BINDGEN_VERSION)"
