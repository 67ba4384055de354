//! Agreement with google-libphonenumber, Google's own library and the reference, on the
//! committed corpus (tests/phones/corpus.tsv, answers in tests/phones/reference.tsv, both
//! from tests/phones/generate.mjs). Prints its rates (`cargo test -- --show-output`).
//!
//! Where this tool differs on purpose, the lines are counted apart, not as disagreement:
//! libphonenumber forgives a trunk prefix kept after the country code and a missing `+`
//! (the number it returns is the corrected one, which is also our `e164`), but as
//! registered in Entra those numbers fail, so our `valid` is false for them.

use std::path::PathBuf;

use sspr_doctor_core::{check_phone, FindingId, PhoneInput};

struct Line {
    input: String,
    region: Option<String>,
    reference: Option<Reference>,
}

struct Reference {
    e164: String,
    valid: bool,
    kind: String,
}

fn corpus() -> Vec<Line> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/phones");
    let corpus = std::fs::read_to_string(dir.join("corpus.tsv")).unwrap();
    let reference = std::fs::read_to_string(dir.join("reference.tsv")).unwrap();
    let refs = reference.lines().filter(|l| !l.starts_with('#'));
    corpus
        .lines()
        .zip(refs)
        .map(|(c, r)| {
            let (input, region) = match c.split_once('\t') {
                Some((i, r)) => (i.to_string(), Some(r.to_string())),
                None => (c.to_string(), None),
            };
            let cols: Vec<&str> = r.split('\t').collect();
            let reference =
                (cols[0] != "error").then(|| Reference { e164: cols[0].into(), valid: cols[1] == "true", kind: cols[2].into() });
            Line { input, region, reference }
        })
        .collect()
}

fn rate(n: usize, of: usize) -> String {
    format!("{:.2}% ({n} of {of})", 100.0 * n as f64 / of.max(1) as f64)
}

#[test]
fn agrees_with_libphonenumber_on_the_corpus() {
    let lines = corpus();
    assert!(lines.len() > 15_000, "{}", lines.len());
    let (mut both, mut same_e164, mut typed, mut same_type, mut judged, mut same_validity) = (0, 0, 0, 0, 0, 0);
    let (mut refused, mut read_more, mut trunk) = (0, 0, 0);
    let mut plus_missing = Vec::new();
    let mut examples_read_more = Vec::new();
    let mut differences = Vec::new();
    for l in &lines {
        let ours = check_phone(&PhoneInput { mobile_phone: l.input.clone(), phone_country: l.region.clone() });
        let Some(r) = &l.reference else { continue };
        // Validity of the number itself: ours has an e164 exactly when the number (perhaps
        // corrected) is a valid number.
        judged += 1;
        if ours.e164.is_some() == r.valid {
            same_validity += 1;
        } else if r.valid && l.region.is_none() && !l.input.starts_with(['+', '＋']) {
            // libphonenumber guessed a country for digits without + or a country; we do not.
            refused += 1;
            judged -= 1;
        } else if !r.valid && ours.e164.is_some() && ours.findings.contains(&FindingId::TrunkPrefixAfterCountryCode) {
            // A trunk prefix kept after the country code that libphonenumber's rule for
            // parsing does not strip (Colombia's `0` before a mobile, NANP's `1`).
            trunk += 1;
            judged -= 1;
        } else if !r.valid && ours.e164.is_some() && !l.input.starts_with(['+', '＋']) {
            // We read `00` as the international prefix whatever the country dials, and a
            // country code typed without `+`; libphonenumber reads national digits.
            read_more += 1;
            judged -= 1;
            if read_more <= 5 {
                examples_read_more.push(format!("{:?} {:?} -> {:?}", l.input, l.region, ours.e164));
            }
        } else {
            differences
                .push(format!("validity  {:?} {:?}: ours {:?}, libphonenumber {} valid={}", l.input, l.region, ours.e164, r.e164, r.valid));
        }
        if let Some(e) = &ours.e164 {
            if r.valid {
                both += 1;
                if *e == r.e164 {
                    same_e164 += 1;
                    typed += 1;
                    if ours.kind.as_str() == r.kind {
                        same_type += 1;
                    } else {
                        differences.push(format!(
                            "type      {:?} {:?}: ours {}, libphonenumber {}",
                            l.input,
                            l.region,
                            ours.kind.as_str(),
                            r.kind
                        ));
                    }
                } else if l.region.is_some() && *e == format!("+{}", digits(&l.input)) && r.e164.ends_with(&digits(&l.input)) {
                    // The digits start with the hint's calling code and the rest is a valid
                    // number: the `+` is missing (issue 19). libphonenumber reads all the
                    // digits as a (longer) national number of a variable-length plan.
                    both -= 1;
                    plus_missing.push(format!("{:?} {:?}: ours {e}, libphonenumber {}", l.input, l.region, r.e164));
                } else {
                    differences.push(format!("e164      {:?} {:?}: ours {e}, libphonenumber {}", l.input, l.region, r.e164));
                }
            }
        }
    }
    println!("phone corpus: {} lines, {} that libphonenumber parsed", lines.len(), judged + refused + read_more + trunk);
    println!("  E.164 agreement where both give a valid number: {}", rate(same_e164, both));
    println!("  type agreement on those:                        {}", rate(same_type, typed));
    println!("  validity agreement:                             {}", rate(same_validity, judged));
    println!("  no country guessed for digits without + or phoneCountry (libphonenumber guessed): {refused}");
    println!(
        "  read as international where libphonenumber read national digits (00 from anywhere, code without +): {read_more}, e.g. {}",
        examples_read_more.join(", ")
    );
    println!("  a kept trunk prefix found where libphonenumber's parsing rule keeps it: {trunk}");
    println!(
        "  the calling code typed without + where libphonenumber read a longer national number: {}, e.g. {}",
        plus_missing.len(),
        plus_missing.iter().take(4).cloned().collect::<Vec<_>>().join("; ")
    );
    for d in differences.iter().take(40) {
        println!("  {d}");
    }
    let pct = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    assert!(pct(same_e164, both) >= 0.999, "E.164 agreement below 99.9%");
    assert!(pct(same_type, typed) >= 0.999, "type agreement below 99.9%");
    assert!(pct(same_validity, judged) >= 0.999, "validity agreement below 99.9%");
}

/// The ASCII digits of a typed number.
fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}
