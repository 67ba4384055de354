//! The archives of a drop (contract v1.3; sspr-archive): the page inflates members with the
//! browser's own `DecompressionStream` in its worker, so the module carries no inflater. An
//! archive is listed here (its central directory: which members, where, how large, and
//! every entry refused with why); the page asks for a deflated member's raw bytes, inflates
//! them with a cap at the size the entry declares, and gives back what came out, which is
//! checked here as the command line checks its own (size, CRC-32). An archive inside the
//! archive is listed in turn, one level deep. The drop files and problems are those the
//! command line makes of the same archive (sspr_doctor_core::orgs::expand_archive).

use std::cell::RefCell;

use serde::Serialize;
use sspr_doctor_core::orgs::archive::{self, Entry, Method, Refusal, Refused};
use sspr_doctor_core::orgs::{self as core_orgs, is_archive};
use wasm_bindgen::prelude::*;

use crate::session::{json, use_browser_decoder, ORGS};

/// One archive being read: the archive as given, and the archives opened in it, each with
/// its bytes, its depth, and the prefix its members' paths take (the inner archive's path).
#[derive(Default)]
struct Open {
    name: String,
    archives: Vec<(Vec<u8>, u8, String)>,
    /// Every member listed so far: which archive it is in, and its entry.
    entries: Vec<(usize, Entry)>,
    /// What the archive and the archives inside it may still take, together.
    budget: archive::Budget,
}

thread_local! {
    static OPEN: RefCell<Open> = RefCell::new(Open::default());
}

/// A member to read, as the page sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Member {
    id: usize,
    /// "stored": `orgsArchiveTake(id)` with no bytes; "deflated": inflate `orgsArchiveRaw(id)`.
    method: Method,
    /// What it declares once inflated: inflate no further than one byte past it.
    size: usize,
}

fn refuse(r: Refused) {
    let name = OPEN.with(|o| o.borrow().name.clone());
    ORGS.with(|o| o.borrow_mut().problems.push(core_orgs::archive_problem(&name, r)));
}

/// Lists archive `bytes` (at `depth`, its members' paths after `prefix`): its refusals become
/// the drop's problems, its members are returned to be read.
fn list(bytes: Vec<u8>, depth: u8, prefix: String, shown: &str) -> Vec<Member> {
    use_browser_decoder();
    let mut budget = OPEN.with(|o| o.borrow().budget);
    let listed = archive::list_within(&bytes, depth, &core_orgs::shift_jis_name, &mut budget);
    OPEN.with(|o| o.borrow_mut().budget = budget);
    let listing = match listed {
        Ok(l) => l,
        Err(reason) => {
            refuse(Refused { member: archive::shown(shown), reason });
            return Vec::new();
        }
    };
    for r in listing.refused {
        refuse(Refused { member: format!("{prefix}{}", r.member), reason: r.reason });
    }
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let at = o.archives.len();
        let mut out = Vec::new();
        for e in listing.entries {
            out.push(Member { id: o.entries.len(), method: e.method, size: e.size });
            o.entries.push((at, e));
        }
        o.archives.push((bytes, depth, prefix));
        out
    })
}

/// The largest archive the drop reads (a larger one is refused before it is read, with
/// `orgsProblem(name, "archive_too_large")`).
#[wasm_bindgen(js_name = orgsArchiveMaxBytes)]
pub fn orgs_archive_max_bytes() -> usize {
    archive::MAX_ARCHIVE_BYTES
}

/// Opens the archive given as `name` (its path in the drop): JSON `[{ id, method, size }]`
/// of its members to read; what it refuses is already a problem of the drop.
#[wasm_bindgen(js_name = orgsArchiveOpen)]
pub fn orgs_archive_open(name: &str, bytes: Vec<u8>) -> Result<String, JsError> {
    OPEN.with(|o| *o.borrow_mut() = Open { name: name.to_string(), ..Open::default() });
    json(&list(bytes, 0, String::new(), name))
}

/// A deflated member's raw bytes, for the page to inflate.
#[wasm_bindgen(js_name = orgsArchiveRaw)]
pub fn orgs_archive_raw(id: usize) -> Result<Vec<u8>, JsError> {
    OPEN.with(|o| {
        let o = o.borrow();
        let (at, e) = o.entries.get(id).ok_or_else(|| JsError::new(&format!("no member {id}")))?;
        Ok(o.archives[*at].0.get(e.raw.clone()).map(<[u8]>::to_vec).unwrap_or_default())
    })
}

/// Member `id` read: `inflated` is what the browser inflated (none for a stored member).
/// Returns the members of an archive inside (JSON, as `orgsArchiveOpen`), else `[]`; a member
/// whose bytes are not what its entry declares is a problem of the drop.
#[wasm_bindgen(js_name = orgsArchiveTake)]
pub fn orgs_archive_take(id: usize, inflated: Option<Vec<u8>>) -> Result<String, JsError> {
    let taken = OPEN.with(|o| {
        let o = o.borrow();
        let (at, e) = o.entries.get(id).ok_or_else(|| JsError::new(&format!("no member {id}")))?;
        let (bytes, depth, prefix) = &o.archives[*at];
        let data = match (e.method, inflated) {
            (Method::Stored, _) => bytes.get(e.raw.clone()).map(<[u8]>::to_vec).unwrap_or_default(),
            (Method::Deflated, Some(d)) => d,
            (Method::Deflated, None) => return Err(JsError::new("a deflated member needs its inflated bytes")),
        };
        // Past its declared size: what the command line's inflater calls a bomb.
        let checked = if e.method == Method::Deflated && data.len() > e.size { Err(Refusal::Bomb) } else { archive::accept(e, &data) };
        Ok((e.clone(), *depth, prefix.clone(), checked.map(|()| data)))
    })?;
    let (e, depth, prefix, checked) = taken;
    match checked {
        Ok(data) if e.archive && is_archive(&data) => {
            let inner = format!("{prefix}{}/", e.path.trim_end_matches(|c| c != '.').trim_end_matches('.'));
            json(&list(data, depth + 1, inner, &e.path))
        }
        Ok(data) => {
            let name = OPEN.with(|o| o.borrow().name.clone());
            ORGS.with(|o| o.borrow_mut().files.push(core_orgs::member_file(&name, format!("{prefix}{}", e.path), data)));
            Ok("[]".into())
        }
        Err(reason) => {
            refuse(Refused { member: format!("{prefix}{}", e.path), reason });
            Ok("[]".into())
        }
    }
}

/// Member `id` could not be read: `reason` is "archive_bomb" (the browser gave more than it
/// declares) or "archive_unreadable" (its deflate stream is damaged).
#[wasm_bindgen(js_name = orgsArchiveRefuse)]
pub fn orgs_archive_refuse(id: usize, reason: &str) -> Result<(), JsError> {
    let reason = match reason {
        "archive_bomb" => Refusal::Bomb,
        "archive_unreadable" => Refusal::Unreadable,
        other => return Err(JsError::new(&format!("unknown reason \"{other}\""))),
    };
    let member = OPEN.with(|o| {
        let o = o.borrow();
        o.entries.get(id).map(|(at, e)| format!("{}{}", o.archives[*at].2, e.path))
    });
    let member = member.ok_or_else(|| JsError::new(&format!("no member {id}")))?;
    refuse(Refused { member, reason });
    Ok(())
}

/// Forgets the archive's bytes (its members are the drop's files now).
#[wasm_bindgen(js_name = orgsArchiveClose)]
pub fn orgs_archive_close() {
    OPEN.with(|o| *o.borrow_mut() = Open::default());
}
