//! The fuzzer that stays with the project (issue 11): an in-process random and mutation
//! harness on stable Rust. Every target parses user input: `diagnose` (with the text and
//! Markdown formatters), the policy and page-message readers (through `diagnose`), phone
//! and email analysis, the audit's file reader, and a drop's `.zip` archives (archive.rs).
//! An input that panics, takes longer than its bound or gives an oversized report is
//! written to `target/fuzz-findings/` and printed; each one found becomes a test in
//! `tests/fuzz_regressions.rs`. (targets.rs: what each target runs and checks.)
//!
//!   just fuzz 600          # ten minutes, a random seed (printed)
//!   just fuzz-ci           # what CI runs: a short budget, a fixed seed
//!   cargo run --profile fuzz -p sspr-doctor-core --example fuzz -- --replay target/fuzz-findings/*
//!
//! Runs with the `fuzz` profile (release optimizations, panics unwind so they can be
//! caught; the shipped profile aborts).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod archive;
mod targets;

use targets::{run, Target};

pub struct Rng(u64);
impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % (n.max(1) as u64)) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Pieces of real inputs, and characters that have broken parsers before (case changes
/// that change length, bidi controls, full-width forms, separators).
const FRAGMENTS: &[&str] = &[
    "+81",
    "+44 (0)",
    "0081",
    "010",
    "011",
    "090",
    "ー",
    "－",
    "（０）",
    "ext.",
    "内線",
    "x",
    "@",
    "＠",
    "..",
    "xn--",
    "gmial.com",
    "onmicrosoft.com",
    "SSPR_0009",
    "SSPR_0030",
    "AllowedToUseSspr",
    "allowedToUseSSPR",
    ":",
    " True",
    "False",
    "\"allowedToUseSSPR\": ",
    "-----",
    "\r\n",
    "\n",
    "\t",
    ",",
    ";",
    "\"",
    "'",
    "Get-Msol",
    "is not recognized",
    "24 時間",
    "too many",
    "\u{200B}",
    "\u{202E}",
    "\u{2066}",
    "\u{FEFF}",
    "Ω",
    "K",
    "Ɽ",
    "İ",
    "ß",
    "ﬃ",
    "\u{0301}",
    "𝟗",
    "٣",
    "९",
    "![x](https://evil.example/p.png)",
    "www.evil.example",
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://evil\")",
    "```",
    "[a](javascript:alert(1))",
    "|",
    "#",
    "System.String[]",
    "[\"mobilePhone\",\"email\"]",
    "{",
    "}",
    "[",
    "]",
    "8.19E+11",
    "#EXT#",
    "WAHR",
    "FALSCH",
    "userPrincipalName",
    "methodsRegistered",
    "isAdmin",
    "roles",
    "Global Administrator",
    "authMobilePhone",
    "authEmail",
    "phoneNumber",
    "phoneType",
    "mobile",
    "value",
    "@odata.type",
    "0",
    "9",
    "a",
    "Z",
    " ",
    "　",
];

fn random_text(r: &mut Rng, max: usize) -> String {
    let mut s = String::new();
    let n = r.below(max + 1);
    while s.len() < n {
        match r.below(4) {
            0 => s.push_str(FRAGMENTS[r.below(FRAGMENTS.len())]),
            1 => s.push(char::from_u32(r.below(0x80) as u32).unwrap_or('a')),
            2 => s.push(char::from_u32(0x3000 + r.below(0x7000) as u32).unwrap_or('あ')),
            // char::from_u32 refuses surrogates itself.
            _ => s.push(char::from_u32(r.below(0x11_0000) as u32).unwrap_or('x')),
        }
    }
    s
}

/// Mutates bytes: flips, inserts, deletes, duplicates a slice, splices a fragment.
pub fn mutate(r: &mut Rng, mut b: Vec<u8>, max: usize) -> Vec<u8> {
    for _ in 0..=r.below(8) {
        let len = b.len();
        match r.below(6) {
            0 if len > 0 => {
                let i = r.below(len);
                b[i] ^= 1 << r.below(8);
            }
            1 => {
                let i = r.below(len + 1);
                b.insert(i, r.below(256) as u8);
            }
            2 if len > 0 => {
                let i = r.below(len);
                b.remove(i);
            }
            3 if len > 0 => {
                let (i, n) = (r.below(len), r.below(64));
                let piece: Vec<u8> = b[i..(i + n).min(len)].to_vec();
                let at = r.below(b.len() + 1);
                b.splice(at..at, piece.iter().cloned().cycle().take(piece.len() * (1 + r.below(4))));
            }
            4 => {
                let at = r.below(len + 1);
                b.splice(at..at, FRAGMENTS[r.below(FRAGMENTS.len())].bytes());
            }
            _ if len > 1 => b.truncate(r.below(len)),
            _ => {}
        }
    }
    b.truncate(max);
    b
}

const STRING_FIELDS: &[&str] =
    &["username", "alternateEmail", "mobilePhone", "phoneCountry", "policyOutput", "pageMessage", "supportCode", "today", "now"];
const BOOL_FIELDS: &[&str] = &[
    "isAdmin",
    "soleAdmin",
    "globalAdmin",
    "carrierReceivesUsSms",
    "clickedResetLink",
    "checkedJunkFolder",
    "safeSenderAdded",
    "ssprEnabled",
    "telecomProvider",
    "registeredAsMethods",
];

fn random_case(r: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    if !seeds.is_empty() && r.chance(40) {
        let seed = r.pick(seeds).clone();
        return mutate(r, seed, 1 << 20);
    }
    let mut m = serde_json::Map::new();
    for f in STRING_FIELDS {
        if r.chance(50) {
            let max = if r.chance(2) { 200_000 } else { 300 };
            m.insert((*f).into(), serde_json::Value::String(random_text(r, max)));
        }
    }
    for f in BOOL_FIELDS {
        if r.chance(40) {
            m.insert((*f).into(), if r.chance(80) { serde_json::Value::Bool(r.chance(50)) } else { serde_json::Value::Null });
        }
    }
    for (f, opts) in [
        ("symptom", &["email", "sms", "both"][..]),
        ("lang", &["en", "ja"]),
        ("smsProvider", &["carrier", "voipApp"]),
        ("accountSource", &["cloud", "synced", "federated"]),
    ] {
        if r.chance(40) {
            m.insert(f.into(), serde_json::Value::String((*r.pick(opts)).into()));
        }
    }
    if r.chance(30) {
        let all = ["email", "mobilePhone", "officePhone", "authenticatorApp", "securityQuestions"];
        m.insert(
            "methods".into(),
            serde_json::Value::Array((0..r.below(6)).map(|_| serde_json::Value::String((*r.pick(&all)).into())).collect()),
        );
    }
    serde_json::to_vec(&serde_json::Value::Object(m)).unwrap_or_default()
}

fn load_dir(dir: &Path, exts: &[&str]) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x)))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    v.sort();
    v
}

/// What counts as slow for one input (the bound is 50 ms natively, issue 11; twice that
/// leaves room for a noisy machine).
const SLOW: Duration = Duration::from_millis(100);

/// The fastest of two more runs of `input`.
fn again(target: Target, input: &[u8]) -> Duration {
    (0..2)
        .map(|_| {
            let t = Instant::now();
            let _ = catch_unwind(AssertUnwindSafe(|| run(target, input)));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `--replay FILE...`: runs saved findings again, each alone, five times (its target from
/// the name the harness gave it, `Audit-123.bin`), and prints the fastest and slowest time.
/// A slow finding that is fast alone was the machine's load, not the input.
fn replay(files: &[String]) {
    std::panic::set_hook(Box::new(|_| {}));
    for file in files {
        let name = Path::new(file).file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let target = match name.split('-').next().unwrap_or("") {
            "Diagnose" => Target::Diagnose,
            "Phone" => Target::Phone,
            "Email" => Target::Email,
            "Audit" => Target::Audit,
            "Archive" => Target::Archive,
            other => {
                println!("{file}: unknown target {other:?} (names start Diagnose-, Phone-, Email-, Audit- or Archive-)");
                continue;
            }
        };
        let Ok(input) = std::fs::read(file) else {
            println!("{file}: cannot read");
            continue;
        };
        let mut times = Vec::new();
        let mut outcome = String::from("ok");
        for _ in 0..5 {
            let t = Instant::now();
            match catch_unwind(AssertUnwindSafe(|| run(target, &input))) {
                Err(_) => outcome = "panic".into(),
                Ok(Err(why)) => outcome = why,
                Ok(Ok(())) => {}
            }
            times.push(t.elapsed());
        }
        times.sort();
        println!("{file}: {target:?}, {} bytes, {outcome}, {:?} to {:?}", input.len(), times[0], times[4]);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--replay") {
        return replay(&args[1..]);
    }
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let seconds: u64 = arg("--seconds").and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = arg("--seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let case_seeds = load_dir(&root.join("tests/fixtures/cases"), &["json"]);
    let file_seeds = {
        let mut v = load_dir(&root.join("tests/fixtures/audit/samples"), &["csv", "json"]);
        v.extend(load_dir(&root.join("tests/fixtures/audit"), &["csv"]));
        v
    };
    let zip_seeds = archive::seeds(&file_seeds);
    let out_dir = root.join("target/fuzz-findings");
    // A panic is a finding, reported once by the harness (not by the default hook).
    std::panic::set_hook(Box::new(|_| {}));
    let mut r = Rng(seed);
    let started = Instant::now();
    let budget = Duration::from_secs(seconds);
    let targets = [Target::Diagnose, Target::Phone, Target::Email, Target::Audit, Target::Archive];
    let mut execs = [0u64; 5];
    let mut findings = 0;
    let mut slowest = Duration::ZERO;
    let (members, refused) = archive::seed_members(&zip_seeds);
    println!(
        "fuzz: seed {seed}, {seconds} s, {} case seeds, {} file seeds, {} archive seeds ({members} members read, {refused} refused)",
        case_seeds.len(),
        file_seeds.len(),
        zip_seeds.len()
    );
    while started.elapsed() < budget {
        let k = r.below(targets.len());
        let target = targets[k];
        let input = match target {
            Target::Diagnose => random_case(&mut r, &case_seeds),
            Target::Phone => random_text(&mut r, 120).into_bytes(),
            Target::Email => {
                let max = if r.chance(1) { 100_000 } else { 120 };
                random_text(&mut r, max).into_bytes()
            }
            Target::Audit => {
                if !file_seeds.is_empty() && r.chance(80) {
                    let seed = r.pick(&file_seeds).clone();
                    mutate(&mut r, seed, 1 << 20)
                } else {
                    random_text(&mut r, 4000).into_bytes()
                }
            }
            Target::Archive => {
                let seed = r.pick(&zip_seeds).clone();
                archive::mutate(&mut r, seed)
            }
        };
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| run(target, &input)));
        let took = t.elapsed();
        slowest = slowest.max(took);
        execs[k] += 1;
        // Bound: 50 ms for any input up to 10 MB (issue 11), natively, with room for a
        // noisy machine.
        let problem = match result {
            Err(_) => Some("panic".to_string()),
            Ok(Err(why)) => Some(why),
            // Slow only if slow again alone: one spike is the machine's load (CI met 115 ms on
            // an input that takes 2 ms); the retries draw nothing, so the inputs stay the same.
            Ok(Ok(())) if took > SLOW && again(target, &input) > SLOW => Some(format!("slow: {took:?} for {} bytes", input.len())),
            Ok(Ok(())) => None,
        };
        if let Some(why) = problem {
            findings += 1;
            std::fs::create_dir_all(&out_dir).ok();
            let name = format!("{target:?}-{}.bin", execs.iter().sum::<u64>());
            std::fs::write(out_dir.join(&name), &input).ok();
            println!("FINDING {target:?}: {why} (saved target/fuzz-findings/{name})");
        }
    }
    let total: u64 = execs.iter().sum();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fuzz: {total} executions in {secs:.0} s ({:.0}/s): diagnose {}, phone {}, email {}, audit {}, archive {}; slowest {:?}; {findings} findings",
        total as f64 / secs,
        execs[0],
        execs[1],
        execs[2],
        execs[3],
        execs[4],
        slowest
    );
    // Each run is logged for docs/figures.md (tests/bench/figures.mjs adds them up).
    let line = format!(
        "{{\"seed\":{seed},\"seconds\":{secs:.1},\"executions\":{total},\"diagnose\":{},\"phone\":{},\"email\":{},\"audit\":{},\"archive\":{},\"slowestMs\":{:.2},\"findings\":{findings}}}\n",
        execs[0],
        execs[1],
        execs[2],
        execs[3],
        execs[4],
        slowest.as_secs_f64() * 1000.0
    );
    let log = root.join("target/fuzz-runs.jsonl");
    let _ = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut f| std::io::Write::write_all(&mut f, line.as_bytes()));
    if findings > 0 {
        std::process::exit(1);
    }
}
