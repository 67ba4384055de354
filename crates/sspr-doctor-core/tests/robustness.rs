//! No input panics. A seeded generator throws random Unicode (IME full-width forms,
//! combining marks, controls, surrogate-free astral characters, RTL marks, separators and
//! fragments of real inputs) at every string field, with random booleans and options;
//! set SSPR_FUZZ_CASES to run more. Then a megabyte in every field at once.

use std::time::Instant;

use sspr_doctor_core::{diagnose, AccountSource, Case, Cloud, Lang, Method, SmsProvider, Symptom};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

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
    "#",
    "x",
    "@",
    "＠",
    "..",
    "xn--",
    "gmial.com",
    "onmicrosoft.com",
    "SSPR_0009",
    "SSPR_",
    "AllowedToUseSspr",
    ":",
    " True",
    "False",
    "\"allowedToUseSSPR\":",
    "-----",
    "\r\n",
    "Get-Msol",
    "is not recognized",
    "24 時間",
    "too many",
    "\u{200B}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{3000}",
    "\u{0301}",
    "\u{1F600}",
    "\u{10FFFF}",
    "\0",
    "9",
    "0",
    "+",
    "(",
    ")",
    "-",
    " ",
];

fn random_string(r: &mut Rng) -> String {
    let len = match r.below(10) {
        0 => 0,
        1..=6 => r.below(24),
        7 | 8 => r.below(200),
        _ => r.below(5_000),
    };
    let mut s = String::new();
    for _ in 0..len {
        match r.below(4) {
            0 => s.push_str(FRAGMENTS[r.below(FRAGMENTS.len() as u64) as usize]),
            1 => s.push(char::from(b' ' + r.below(95) as u8)),
            2 => s.push(char::from_u32(0xFF01 + r.below(0x5E) as u32).unwrap()),
            _ => {
                let c = r.below(0x11_0000) as u32;
                if let Some(c) = char::from_u32(c) {
                    s.push(c);
                }
            }
        }
    }
    s
}

fn maybe<T>(r: &mut Rng, f: impl FnOnce(&mut Rng) -> T) -> Option<T> {
    if r.chance(70) {
        Some(f(r))
    } else {
        None
    }
}

fn random_case(r: &mut Rng) -> Case {
    let b = |r: &mut Rng| r.chance(50);
    Case {
        symptom: maybe(r, |r| [Symptom::Email, Symptom::Sms, Symptom::Both][r.below(3) as usize]),
        lang: maybe(r, |r| if r.chance(50) { Lang::Ja } else { Lang::En }),
        username: maybe(r, random_string),
        is_admin: maybe(r, b),
        sole_admin: maybe(r, b),
        global_admin: maybe(r, b),
        alternate_email: maybe(r, random_string),
        mobile_phone: maybe(r, random_string),
        phone_country: maybe(r, |r| {
            if r.chance(50) {
                ["JP", "GB", "IT", "US", "jp", "ZZ", "001", ""][r.below(8) as usize].to_string()
            } else {
                random_string(r)
            }
        }),
        sms_provider: maybe(r, |r| if r.chance(50) { SmsProvider::Carrier } else { SmsProvider::VoipApp }),
        carrier_receives_us_sms: maybe(r, b),
        clicked_reset_link: maybe(r, b),
        checked_junk_folder: maybe(r, b),
        safe_sender_added: maybe(r, b),
        sspr_enabled: maybe(r, b),
        policy_output: maybe(r, random_string),
        page_message: maybe(r, random_string),
        methods: maybe(r, |r| {
            let all = [Method::Email, Method::MobilePhone, Method::OfficePhone, Method::AuthenticatorApp, Method::SecurityQuestions];
            (0..r.below(7)).map(|_| all[r.below(5) as usize]).collect()
        }),
        telecom_provider: maybe(r, b),
        cloud: maybe(r, |r| [Cloud::Public, Cloud::UsGovernment, Cloud::China][r.below(3) as usize]),
        today: maybe(r, |r| {
            if r.chance(60) {
                format!("20{:02}-{:02}-{:02}", r.below(100), r.below(14), r.below(33))
            } else {
                random_string(r)
            }
        }),
        registered_as_methods: maybe(r, b),
        account_source: maybe(r, |r| [AccountSource::Cloud, AccountSource::Synced, AccountSource::Federated][r.below(3) as usize]),
        support_code: maybe(r, random_string),
        now: maybe(r, |r| if r.chance(50) { "2026-11-25T10:15:00+09:00".to_string() } else { random_string(r) }),
    }
}

#[test]
fn no_input_panics() {
    let cases: u64 = std::env::var("SSPR_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(3_000);
    let mut r = Rng(0x5350_5052_446F_6321);
    for i in 0..cases {
        let case = random_case(&mut r);
        let report = std::panic::catch_unwind(|| diagnose(&case));
        let report = report.unwrap_or_else(|_| panic!("case {i} panicked: {case:?}"));
        // Whatever came in, the report serializes and reads back identically.
        let json = serde_json::to_string(&report).unwrap();
        let back: sspr_doctor_core::Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
    }
}

#[test]
fn a_megabyte_in_every_field_is_handled_quickly_and_the_report_stays_small() {
    let mb = |unit: &str| unit.repeat(1_048_576 / unit.len());
    let case = Case {
        username: Some(mb("a")),
        alternate_email: Some(mb("ｘ＠")),
        mobile_phone: Some(mb("0")),
        phone_country: Some(mb("J")),
        policy_output: Some(mb("AllowedToUseSspr ")),
        page_message: Some(mb("too many ")),
        today: Some(mb("2")),
        ..Case::default()
    };
    let start = Instant::now();
    let report = diagnose(&case);
    let took = start.elapsed();
    let json = serde_json::to_string(&report).unwrap();
    // Inputs are echoed once in phone.input / email.input (contract); evidence is quoted short.
    let evidence: usize = report.findings.iter().flat_map(|f| f.evidence.values()).map(String::len).sum();
    assert!(evidence < 10_000, "evidence is quoted, not copied: {evidence} bytes");
    assert!(json.len() < 3 * 1_048_576 + 100_000);
    // Not a benchmark (see benches/): a guard against accidental quadratic work, with room
    // for a slow debug build on a busy machine.
    assert!(took.as_secs_f64() < 5.0, "diagnose took {took:?} on 1 MB fields");
}

/// A field longer than any real value is read to `FIELD_READ_BYTES` (a 10 MB Case stays
/// quick in the page): the report is the one for the cut case, cut inside a character too.
#[test]
fn a_field_past_the_read_limit_gives_the_report_of_its_first_64_kib() {
    use sspr_doctor_core::case::FIELD_READ_BYTES;
    let long = |unit: &str| unit.repeat(3 * FIELD_READ_BYTES / unit.len() + 1);
    let case = Case {
        username: Some(long("管理者@contoso.com ")),
        alternate_email: Some(long("ｘ＠")),
        mobile_phone: Some(long("＋８１ ０９０")),
        policy_output: Some(format!("AllowedToUseSspr : False\n{}", long("x"))),
        page_message: Some(long("SSPR_0029 ")),
        support_code: Some(long("ab12")),
        ..Case::default()
    };
    let cut = |s: &Option<String>| {
        s.as_deref().map(|s| {
            let mut end = FIELD_READ_BYTES;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            s[..end].to_string()
        })
    };
    let short = Case {
        username: cut(&case.username),
        alternate_email: cut(&case.alternate_email),
        mobile_phone: cut(&case.mobile_phone),
        policy_output: cut(&case.policy_output),
        page_message: cut(&case.page_message),
        support_code: cut(&case.support_code),
        ..case.clone()
    };
    assert_eq!(serde_json::to_string(&diagnose(&case)).unwrap(), serde_json::to_string(&diagnose(&short)).unwrap());
    assert!(diagnose(&case).findings.iter().any(|f| f.id.as_str() == "sspr_disabled"), "the kept part is still read");
}
