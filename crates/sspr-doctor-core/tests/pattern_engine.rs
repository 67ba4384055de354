//! The patched phonenumber crate matches the metadata's patterns with its own small
//! engine (crates/sspr-pattern). Here it must answer exactly as the `regex`
//! crate does, on every pattern of the metadata: descriptors over the whole number,
//! prefixes at the start with their groups, on each region's example numbers, near misses
//! of them, and seeded random digit strings.

use phonenumber::metadata::loader::{Descriptor, Metadata};
use phonenumber::pattern::CachedRegex;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn digits(&mut self, len: usize) -> String {
        (0..len).map(|_| char::from(b'0' + (self.next() % 10) as u8)).collect()
    }
}

fn descriptors(m: &Metadata) -> Vec<&Descriptor> {
    [
        &m.general,
        &m.fixed_line,
        &m.mobile,
        &m.toll_free,
        &m.premium_rate,
        &m.shared_cost,
        &m.personal_number,
        &m.voip,
        &m.pager,
        &m.uan,
        &m.voicemail,
        &m.emergency,
        &m.short_code,
        &m.standard_rate,
        &m.carrier,
        &m.no_international,
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn texts(m: &Metadata, rng: &mut Rng) -> Vec<String> {
    let mut out = vec![String::new(), "0".into(), "x1".into(), "1x".into()];
    for ex in descriptors(m).iter().filter_map(|d| d.example.clone()) {
        let p = m.national_prefix.clone().unwrap_or_default();
        out.push(format!("{ex}5"));
        out.push(ex[..ex.len() - 1].to_string());
        out.push(format!("{p}{ex}"));
        out.push(format!("0{ex}"));
        // Random tails after the example's first digits reach deep into the patterns.
        for keep in 1..ex.len() {
            for extra in 0..3 {
                out.push(format!("{}{}", &ex[..keep], rng.digits(ex.len() - keep + extra)));
            }
        }
        out.push(ex);
    }
    for len in 0..20 {
        for _ in 0..4 {
            out.push(rng.digits(len));
        }
    }
    out
}

#[test]
fn same_answers_as_regex_on_every_metadata_pattern() {
    let all = phonenumber::metadata::bundled().unwrap();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let (mut patterns, mut checks) = (0, 0);
    let compact = |p: &str| p.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for m in &all {
        let texts = texts(m, &mut rng);
        for d in descriptors(m) {
            let Some(p) = d.national_number.as_deref().map(compact) else { continue };
            let ours = CachedRegex::entire(p.clone());
            let reference = regex::Regex::new(&format!("^(?:{p})$")).unwrap();
            patterns += 1;
            for t in &texts {
                checks += 1;
                assert_eq!(ours.is_match(t), reference.is_match(t), "{:?} pattern {p:?} on {t:?}", m.id);
            }
        }
        for p in [&m.national_prefix_for_parsing, &m.international_prefix, &m.leading_digits].into_iter().flatten().map(|p| compact(p)) {
            let ours = CachedRegex::new(p.clone());
            let reference = regex::Regex::new(&format!("^(?:{p})")).unwrap();
            patterns += 1;
            for t in &texts {
                checks += 1;
                let (a, b) = (ours.captures(t), reference.captures(t));
                assert_eq!(a.is_some(), b.is_some(), "{:?} pattern {p:?} on {t:?}", m.id);
                if let (Some(a), Some(b)) = (a, b) {
                    assert_eq!(a.len(), b.len());
                    for i in 0..a.len() {
                        assert_eq!(
                            a.get(i).map(|x| (x.start(), x.end())),
                            b.get(i).map(|x| (x.start(), x.end())),
                            "{p:?} on {t:?} group {i}"
                        );
                    }
                }
            }
        }
        for f in m.formats.iter().flat_map(|f| f.pattern.iter().chain(&f.leading_digits)).map(|p| compact(p)) {
            let ours = CachedRegex::new(f.clone());
            let reference = regex::Regex::new(&format!("^(?:{f})")).unwrap();
            patterns += 1;
            for t in &texts {
                checks += 1;
                assert_eq!(ours.find(t).map(|x| x.end()), reference.find(t).map(|x| x.end()), "{f:?} on {t:?}");
            }
        }
    }
    println!("pattern engine: {patterns} metadata patterns, {checks} texts, all as regex answers");
    assert!(patterns > 3000 && checks > 700_000, "{patterns} {checks}");
}
