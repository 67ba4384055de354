//! Native benchmark (run with `just bench`): one diagnose for typical cases, phone and email
//! checks per second, and a 1 MB field. A small harness of our own instead of criterion to
//! keep the test build light: warm-up, then many timed samples; reports the median and the
//! spread, and writes target/bench-native.json for docs/bench.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use sspr_doctor_core::{check_phones, diagnose, email, phone, Case, Lang, PhoneInput};

struct Stat {
    name: &'static str,
    median_ns: f64,
    p10_ns: f64,
    p90_ns: f64,
}

fn bench(name: &'static str, mut f: impl FnMut()) -> Stat {
    // Warm-up (regex compilation, metadata loading) and a batch size near 5 ms.
    let start = Instant::now();
    let mut warm = 0u64;
    while start.elapsed() < Duration::from_millis(300) {
        f();
        warm += 1;
    }
    let per = start.elapsed().as_nanos() as f64 / warm as f64;
    let batch = ((5_000_000.0 / per) as u64).max(1);
    let mut samples: Vec<f64> = (0..60)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let s = Stat { name, median_ns: samples[30], p10_ns: samples[6], p90_ns: samples[54] };
    println!(
        "{:<44} median {:>10.1} µs  (p10 {:.1}, p90 {:.1})  = {:>9.0}/s",
        s.name,
        s.median_ns / 1e3,
        s.p10_ns / 1e3,
        s.p90_ns / 1e3,
        1e9 / s.median_ns
    );
    s
}

fn case(json: &str) -> Case {
    let mut c: Case = serde_json::from_str(json).unwrap();
    c.today.get_or_insert_with(|| "2026-11-24".into());
    c
}

const PHONES: &[(&str, Option<&str>)] = &[
    ("+81 90-1234-5678", None),
    ("+81 090-1234-5678", None),
    ("０９０ー１２３４ー５６７８", Some("JP")),
    ("+44 (0)7911 123456", None),
    ("+39 06 1234 5678", None),
    ("+1 (425) 555-0100", None),
    ("+49 151 23456789", None),
    ("+33 6 12 34 56 78", None),
    ("+61 412 345 678", None),
    ("+7 912 345 67 89", None),
    ("03-1234-5678", Some("JP")),
    ("+999 123", None),
    // No country code and no phoneCountry: every dialling prefix in the metadata is tried.
    ("090-1234-5678", None),
    ("010 81 90 1234 5678", None),
];
const EMAILS: &[&str] =
    &["taro@example.com", "taro@gmial.com", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "info@例え.jp", "a@b@c", "admin@contoso.onmicrosoft.com"];

/// The phone corpus (tests/phones/corpus.tsv), as `check_phones` takes it.
fn corpus() -> Vec<PhoneInput> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/phones/corpus.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.split_once('\t') {
            Some((n, c)) => PhoneInput { mobile_phone: n.into(), phone_country: Some(c.into()) },
            None => PhoneInput { mobile_phone: l.into(), phone_country: None },
        })
        .collect()
}

/// Peak resident memory of this process so far (Linux), in MiB.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    // First, before anything else grows the heap: the corpus through check_phones, cold
    // (every calling code's metadata built on the way) and then warm, with peak memory.
    let inputs = corpus();
    let t = Instant::now();
    black_box(check_phones(black_box(&inputs)));
    let cold = t.elapsed();
    let whole = bench("check_phones: the whole corpus", || {
        black_box(check_phones(black_box(&inputs)));
    });
    let n = inputs.len() as f64;
    let corpus_stat = Stat {
        name: "check_phones: the corpus, per number",
        median_ns: whole.median_ns / n,
        p10_ns: whole.p10_ns / n,
        p90_ns: whole.p90_ns / n,
    };
    let peak = peak_mib().unwrap_or(f64::NAN);
    println!(
        "check_phones: {} numbers, first pass {:.1} ms ({:.0}/s), then {:.0}/s; peak memory {peak:.1} MiB",
        inputs.len(),
        cold.as_secs_f64() * 1e3,
        inputs.len() as f64 / cold.as_secs_f64(),
        1e9 / corpus_stat.median_ns
    );

    let typical = case(
        r#"{"lang":"ja","symptom":"both","username":"admin@contoso.com","isAdmin":true,"soleAdmin":false,
        "alternateEmail":"taro@gmial.com","mobilePhone":"+81 090-1234-5678","policyOutput":"AllowedToUseSspr : True",
        "pageMessage":"SSPR_0009","methods":["email","mobilePhone"]}"#,
    );
    let empty = case("{}");
    let mb = Case { mobile_phone: Some("0".repeat(1 << 20)), policy_output: Some("x".repeat(1 << 20)), lang: Some(Lang::En), ..case("{}") };
    // Issue 11's bound: any Case up to 10 MB answered in ≤ 50 ms natively.
    let chunk: String = "＋８１ ０９０ー１２３４ー５６７８ AllowedToUseSspr : False 管理者@contoso.com \u{202E} ".repeat(14_000);
    let ten_mb = Case {
        username: Some(chunk.clone()),
        alternate_email: Some(chunk.clone()),
        mobile_phone: Some(chunk.clone()),
        phone_country: Some(chunk.clone()),
        policy_output: Some(chunk.clone()),
        page_message: Some(chunk.clone()),
        support_code: Some(chunk),
        ..Default::default()
    };

    let mut stats = vec![
        corpus_stat,
        bench("diagnose: typical case (ja, all fields)", || {
            black_box(diagnose(black_box(&typical)));
        }),
        bench("diagnose: empty case (everything to check)", || {
            black_box(diagnose(black_box(&empty)));
        }),
        bench("diagnose: 1 MB phone + 1 MB policy output", || {
            black_box(diagnose(black_box(&mb)));
        }),
        bench("diagnose: a 10 MB Case (1.4 MB in each text field)", || {
            black_box(diagnose(black_box(&ten_mb)));
        }),
    ];
    let mut i = 0;
    stats.push(bench("phone check (14 kinds of input, one each)", || {
        let (p, h) = PHONES[i % PHONES.len()];
        i += 1;
        black_box(phone::analyse(black_box(p), h));
    }));
    let mut j = 0;
    stats.push(bench("email check (6 kinds of input, one each)", || {
        black_box(email::analyse(black_box(EMAILS[j % EMAILS.len()])));
        j += 1;
    }));
    stats.push(bench("serialize a typical report to JSON", {
        let r = diagnose(&typical);
        move || {
            black_box(serde_json::to_string(black_box(&r)).unwrap());
        }
    }));

    stats.push(Stat {
        name: "check_phones: first pass over the corpus (metadata built), per number",
        median_ns: cold.as_nanos() as f64 / inputs.len() as f64,
        p10_ns: f64::NAN,
        p90_ns: f64::NAN,
    });
    // A single pass has no spread: null, not NaN (which is not JSON).
    let num = |x: f64| if x.is_finite() { format!("{x:.0}") } else { "null".into() };
    let json: Vec<String> = stats
        .iter()
        .map(|s| {
            format!("{{\"name\":{:?},\"medianNs\":{},\"p10Ns\":{},\"p90Ns\":{}}}", s.name, num(s.median_ns), num(s.p10_ns), num(s.p90_ns))
        })
        .collect();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-native.json");
    std::fs::write(out, format!("{{\"stats\":[{}],\"corpus\":{},\"peakMib\":{peak:.1}}}\n", json.join(","), inputs.len())).unwrap();
}
