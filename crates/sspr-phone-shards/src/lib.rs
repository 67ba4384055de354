//! The bytes of one calling code's metadata shard: written by sspr-rules' build.rs, read at
//! run time by its `phone::metadata`. One small hand-written format for exactly the
//! fields build.rs keeps, instead of serde's derived readers for the crate's whole metadata
//! types, which cost the WebAssembly module more code than the shards themselves hold.
//!
//! A shard: the number of metadata, then each one:
//! - `id`, `international_prefix`, `national_prefix`, `national_prefix_for_parsing`,
//!   `national_prefix_transform_rule`, `leading_digits`: optional texts;
//! - `country_code`: a number plus one (0: none);
//! - `main_country_for_code`: a byte;
//! - which of the eleven descriptors are present, a bit each (in `descriptors!` order), then
//!   each present one: its `national_number` (an optional text) and `possible_length`.
//!
//! Numbers are LEB128; an optional text is its length plus one (0: none), then its UTF-8.
//! Every other field is the crate's default. Reading never panics: a damaged shard reads as
//! None.

use phonenumber::metadata::loader::{Descriptor, Metadata};

/// The descriptors classification reads, in the order of their presence bits, borrowed as
/// asked (`&` to write them, `&mut` to read them in).
macro_rules! descriptors {
    ($m:ident, $($borrow:tt)+) => {
        [
            $($borrow)+ $m.general,
            $($borrow)+ $m.fixed_line,
            $($borrow)+ $m.mobile,
            $($borrow)+ $m.toll_free,
            $($borrow)+ $m.premium_rate,
            $($borrow)+ $m.shared_cost,
            $($borrow)+ $m.personal_number,
            $($borrow)+ $m.voip,
            $($borrow)+ $m.pager,
            $($borrow)+ $m.uan,
            $($borrow)+ $m.voicemail,
        ]
    };
}

/// The texts of a metadata, in their order in the shard, borrowed as asked.
macro_rules! texts {
    ($m:ident, $($borrow:tt)+) => {
        [
            $($borrow)+ $m.id,
            $($borrow)+ $m.international_prefix,
            $($borrow)+ $m.national_prefix,
            $($borrow)+ $m.national_prefix_for_parsing,
            $($borrow)+ $m.national_prefix_transform_rule,
            $($borrow)+ $m.leading_digits,
        ]
    };
}

/// The shard of `metas`. Panics (at build time) on a field the format does not carry.
#[allow(dead_code)] // used by build.rs and the tests
pub fn write(metas: &[Metadata]) -> Vec<u8> {
    let mut out = Vec::new();
    number(&mut out, metas.len());
    for m in metas {
        assert!(
            m.formats.is_empty() && m.international_formats.is_empty() && m.emergency.is_none() && m.short_code.is_none(),
            "the shard format does not carry formats, emergency or short codes"
        );
        assert!(
            m.standard_rate.is_none() && m.carrier.is_none() && m.no_international.is_none(),
            "the shard format does not carry standard-rate, carrier or no-international descriptors"
        );
        assert!(m.preferred_international_prefix.is_none() && m.preferred_extension_prefix.is_none() && !m.mobile_number_portable);
        for t in texts!(m, &) {
            text(&mut out, t.as_deref());
        }
        number(&mut out, m.country_code.map_or(0, |c| usize::from(c) + 1));
        out.push(u8::from(m.main_country_for_code));
        let present = descriptors!(m, &).iter().enumerate().fold(0, |bits, (i, d)| bits | (usize::from(d.is_some()) << i));
        number(&mut out, present);
        for d in descriptors!(m, &).into_iter().flatten() {
            assert!(d.example.is_none() && d.possible_local_length.is_empty(), "the shard format carries no examples or local lengths");
            text(&mut out, d.national_number.as_deref());
            number(&mut out, d.possible_length.len());
            for &len in &d.possible_length {
                number(&mut out, usize::from(len));
            }
        }
    }
    out
}

/// The metadata of a shard, or None when the bytes are not one.
#[allow(dead_code)] // build.rs only writes
pub fn read(bytes: &[u8]) -> Option<Vec<Metadata>> {
    let mut r = Reader { bytes, at: 0 };
    let count = r.number()?;
    // Each metadata takes at least 9 bytes: no count can ask for more room than that.
    let mut metas = Vec::with_capacity(count.min(bytes.len() / 9));
    for _ in 0..count {
        let mut m = Metadata::default();
        for t in texts!(m, &mut) {
            *t = r.text()?;
        }
        m.country_code = match r.number()? {
            0 => None,
            c => Some(u16::try_from(c - 1).ok()?),
        };
        m.main_country_for_code = r.byte()? != 0;
        let present = r.number()?;
        for (i, d) in descriptors!(m, &mut).into_iter().enumerate() {
            if present & (1 << i) == 0 {
                continue;
            }
            let national_number = r.text()?;
            let n = r.number()?;
            let mut possible_length = Vec::with_capacity(n.min(32));
            for _ in 0..n {
                possible_length.push(u16::try_from(r.number()?).ok()?);
            }
            *d = Some(Descriptor { national_number, possible_length, ..Descriptor::default() });
        }
        metas.push(m);
    }
    (r.at == bytes.len()).then_some(metas)
}

fn number(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn text(out: &mut Vec<u8>, t: Option<&str>) {
    match t {
        None => number(out, 0),
        Some(t) => {
            number(out, t.len() + 1);
            out.extend_from_slice(t.as_bytes());
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    /// A LEB128 number of at most four bytes (no shard holds a larger one).
    fn number(&mut self) -> Option<usize> {
        let mut n = 0;
        for shift in [0, 7, 14, 21] {
            let b = self.byte()?;
            n |= usize::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn text(&mut self) -> Option<Option<String>> {
        let len = match self.number()? {
            0 => return Some(None),
            n => n - 1,
        };
        let end = self.at.checked_add(len)?;
        let t = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(Some(t.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::{read, write};
    use phonenumber::metadata::loader::{Descriptor, Metadata};

    fn sample() -> Vec<Metadata> {
        let jp = Metadata {
            id: Some("JP".into()),
            country_code: Some(81),
            international_prefix: Some("010".into()),
            national_prefix: Some("0".into()),
            national_prefix_for_parsing: Some("(000[2569]\\d{4,6})$|(?:(?:003768)0?)|0".into()),
            national_prefix_transform_rule: Some("$1".into()),
            main_country_for_code: true,
            general: Some(Descriptor {
                national_number: Some("00[1-9]\\d{6,14}|[25-9]\\d{9}".into()),
                possible_length: vec![8, 9, 10, 17],
                ..Descriptor::default()
            }),
            mobile: Some(Descriptor {
                national_number: Some("[7-9]0[1-9]\\d{7}".into()),
                possible_length: vec![10],
                ..Descriptor::default()
            }),
            voicemail: Some(Descriptor { national_number: None, possible_length: vec![], ..Descriptor::default() }),
            ..Metadata::default()
        };
        let none = Metadata { country_code: Some(65535), leading_digits: Some("ü".into()), ..Metadata::default() };
        vec![jp, none, Metadata::default()]
    }

    /// The fields the format carries come back as written (compared through Debug: the
    /// crate's metadata types have no PartialEq).
    #[test]
    fn a_shard_reads_back_as_written() {
        let metas = sample();
        let back = read(&write(&metas)).expect("reads");
        assert_eq!(format!("{back:?}"), format!("{metas:?}"));
    }

    #[test]
    fn damaged_bytes_read_as_none_never_a_panic() {
        let bytes = write(&sample());
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_none(), "a shard cut at {cut} of {} bytes", bytes.len());
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_none(), "trailing bytes");
        for i in 0..bytes.len() {
            for b in [0x00, 0x7F, 0x80, 0xFF] {
                let mut flipped = bytes.clone();
                flipped[i] = b;
                let _ = read(&flipped);
            }
        }
        assert!(read(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F]).is_none(), "a count larger than the shard");
    }
}
