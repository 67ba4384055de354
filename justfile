# SSPR Doctor. `./dev <recipe>` installs what is missing first; `just <recipe>` works
# once set-up has run. CI runs `./dev test`.

export PATH := env_var('HOME') + "/.cargo/bin:" + justfile_directory() + "/node_modules/.bin:" + env_var('PATH')

_default:
    @just --list -u

# Install everything the build and tests need (idempotent; seconds when warm).
setup:
    bash scripts/setup.sh

# Build the three deliverables: dist/site/, dist/sspr-doctor.html, target/release/sspr-doctor.
build: setup build-cli build-web

build-cli:
    cargo build --release --locked -p sspr-doctor-cli

# The module's build (measured: docs/figures.md "The engine's weight"):
# - its crates compiled without sharing generic instances between crates (-Zshare-generics=n;
#   the default at opt-level "z" shares them): with the engine in layered crates, sharing kept
#   a copy per crate that LTO could not fold;
# - the standard library compiled with it (-Zbuild-std), for size and with
#   panic=immediate-abort: a panic is the same trap as before (the page starts a fresh
#   instance), without the machinery that formatted its message for no one to read; no
#   panic locations (-Zlocation-detail=none), and no Debug formatting (-Zfmt-debug=none: no
#   output of ours uses it; serde's message for a value of the wrong type then names the
#   type without repeating the value, 2.9 kB); the library's size-optimized variants
#   (optimize_for_size).
# The flags are unstable, hence RUSTC_BOOTSTRAP for this one build, on the wasm32 target only.
wasm_rustflags := "-Zshare-generics=n -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
wasm_build_std := "-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size"

build-web: build-cli
    scripts/wasm.sh env RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="{{wasm_rustflags}}" wasm-pack --quiet build crates/sspr-doctor-wasm --profile wasm-release --target web --mode no-install --out-dir ../../target/pkg --no-pack -- {{wasm_build_std}}
    scripts/wasm.sh cargo build --quiet --release --locked --target wasm32-unknown-unknown -p sspr-engine-unpack
    node scripts/build-web.mjs

# Build, then serve dist/site/ on 127.0.0.1 (prints the URL and the offline file's path).
serve port="8080": build
    node scripts/serve.mjs --port {{port}}

# Every test: lints, Rust (all crates, the vendored phonenumber's own tests too), wasm in
# headless Chromium, end-to-end in Chromium and Firefox; then the check that nothing the
# build or the tests did changed a tracked file.
test: build size-gate lint test-rust test-js fuzz-ci test-wasm test-e2e test-ps check-clean

# The offline file within its budget (300 kB brotli, quality 11): over it, the run fails and
# names the parts that grew most since docs/size.json. Size is a gate; timings stay in
# benchmarks.
size-gate:
    node scripts/size-report.mjs --gate

# Where every byte of the offline file goes: the engine by crate and function, its data by
# source (phone metadata, each word catalog, the script templates), the page's script by
# module, its styles (after `just build`; `just figures` writes it to docs/).
size:
    node scripts/size-report.mjs

# rustfmt, clippy (host and wasm32), the architecture's gates, the page's JavaScript.
lint: lint-rust lint-js

lint-rust:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    scripts/wasm.sh cargo clippy --target wasm32-unknown-unknown -p sspr-doctor-wasm -p sspr-doctor-wasm-audit -p sspr-engine-unpack --all-targets --locked -- -D warnings
    node scripts/check-layers.mjs

# TypeScript's check of every module (against the engine's .d.ts, which the wasm build
# writes) and Biome's linter.
lint-js: build-web
    tsc -p tsconfig.json
    biome lint

# Nothing tracked changed (a generated file committed stale, a test writing into the tree).
check-clean:
    git diff --exit-code --stat

# (--show-output: the phone corpus agreement test prints its rates.)
test-rust:
    cargo test --workspace --locked -- --show-output
    cargo test -p sspr-doctor-core --features ts --test ts_types --locked

# The fuzzer for as long as asked (seconds; a random seed, printed): diagnose and its text
# and Markdown copies, phone and email analysis, the audit's reader and exports. Findings go
# to target/fuzz-findings/ (keep them in tests/fuzz-regressions/).
fuzz seconds="600" seed="":
    cargo run --locked --profile fuzz -p sspr-doctor-core --example fuzz -- --seconds {{seconds}} {{ if seed == "" { "" } else { "--seed " + seed } }}

# What CI runs of it: a short budget with a fixed seed (the same inputs every run).
fuzz-ci:
    cargo run --locked --profile fuzz -p sspr-doctor-core --example fuzz -- --seconds 20 --seed 20261125

# wasm-bindgen-test in headless Chromium; fails if no test actually ran. (Dev profile: the
# locally built std of the fallback toolchain has no LTO bitcode for the test harness.)
test-wasm:
    node scripts/check-ran.mjs wasm-bindgen-test -- scripts/wasm.sh env CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome --mode no-install crates/sspr-doctor-wasm

# The page's own modules that need no browser (tests/web/).
test-js:
    node --test tests/web/

test-e2e:
    node --test --test-concurrency=1 tests/e2e/

# (tree-sitter-powershell through web-tree-sitter: scripts/ps-parse.mjs, from node_modules.)
# The audit script, read by an independent PowerShell parser: it parses cleanly and only reads.
test-ps:
    node --test tests/ps/

# Screenshots of every state and the axe results, into docs/ (tests write them to tests/artifacts/).
screenshots: build
    SSPR_DOCS=1 node --test --test-concurrency=1 tests/e2e/states.test.mjs tests/e2e/embed.test.mjs tests/e2e/saved.test.mjs

# Benchmarks: native (criterion-style, in Rust) and in the browser. Figures go to docs/figures.md.
bench: build
    cargo bench -p sspr-doctor-core --bench diagnose
    node tests/bench/browser.mjs

# Sizes and load times (wasm raw/gzip/brotli, site, single file, time to ready), written to
# docs/figures.md; the size report too, with its change since the last run (docs/size.json).
figures: build
    node tests/bench/figures.mjs

# The fix script, the comparison of two exports and the HTML report at 100,000 accounts
# (its own section of docs/figures.md).
figures-progress: build
    node tests/bench/progress.mjs

# Many organizations at scale: 200 organizations of 500 accounts, as a folder and as a .zip,
# on the command line, in the page and as the HTML overview (its section of docs/figures.md).
figures-orgs: build
    node tests/bench/orgs-scale.mjs

# The troubleshooter's engine alone (the module without the audit), in a page of its own,
# beside today's page and the peer: its section of docs/figures.md.
figures-engines: build
    scripts/wasm.sh env RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="{{wasm_rustflags}}" wasm-pack --quiet build crates/sspr-doctor-wasm --profile wasm-release --target web --mode no-install --out-dir ../../target/pkg-troubleshooter --no-pack -- {{wasm_build_std}} --no-default-features
    SSPR_PKG=target/pkg-troubleshooter SSPR_GEN=target/web-gen-troubleshooter SSPR_DIST=target/dist-troubleshooter node scripts/build-web.mjs
    node tests/bench/engines.mjs

# What CI does (`./dev test`, which ends with check-clean).
ready: test
