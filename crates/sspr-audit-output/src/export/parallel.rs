//! The command line's export on every core: workers build the accounts' parts, this thread
//! writes them in order. The same bytes as `export`.
//!
//! Workers take the next slice of accounts as soon as they are free (a shared counter), and
//! the writer puts the parts back in order: no worker waits for another. (Before, each round
//! of slices started one thread per slice and waited for all of them, so a core sat idle
//! while the slowest finished: about a third of two cores unused on 100,000 accounts.) A
//! worker takes a buffer before it takes a slice, and only `BUFFERS` exist: the parts ahead
//! of the writer stay few (memory stays flat), and every slice taken can be built, so the
//! writer never waits for a part that cannot come.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use sspr_audit::Assessed;

use super::{accounts_into, between, head, tail, ExportFormat};
use crate::Said;

/// Accounts per part: parts of about half a megabyte, reused, kept the time steady (parts of
/// 2,000 accounts, 4.5 MB each, swung from 0.6 to 1.1 s on the same input).
const SLICE: usize = 250;

/// A built part: its slice's number, its bytes, and the checks made while building it.
type Built = (usize, Vec<u8>, Vec<Assessed>);

/// Writes the whole export to `out`, building the accounts' parts on `threads` threads.
pub fn write_to(a: &mut Said, f: ExportFormat, threads: usize, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // JSON and CSV have nothing before their accounts that needs all of them: each is
    // checked once, while it is written (JSON's summary comes after). Markdown, text and
    // HTML begin with the summary.
    let check_while_writing = matches!(f, ExportFormat::Json | ExportFormat::Csv);
    if !check_while_writing {
        a.audit_mut().assess_all_on(threads);
    }
    let threads = threads.max(1);
    out.write_all(head(a, f).as_bytes())?;
    let unchecked = if check_while_writing { a.audit().unchecked() } else { 0 };
    let mut checked = Vec::with_capacity(unchecked);
    for pass in 0..f.passes() {
        let keep = check_while_writing && pass == 0;
        write_accounts(a, f, pass, keep, threads, out, &mut checked)?;
        out.write_all(between(a, f, pass).as_bytes())?;
    }
    // Only a whole run of checks is kept: a worker that stopped leaves a gap, and the
    // summary then checks the rest itself.
    if checked.len() == unchecked {
        a.audit_mut().push_checked(checked);
    }
    out.write_all(tail(a, f).as_bytes())
}

/// One pass over the accounts: parts built on `threads` workers, written here in order;
/// the checks (when `keep`) appended to `checked` in the accounts' order.
fn write_accounts(
    a: &Said,
    f: ExportFormat,
    pass: usize,
    keep: bool,
    threads: usize,
    out: &mut dyn std::io::Write,
    checked: &mut Vec<Assessed>,
) -> std::io::Result<()> {
    let len = a.audit().len();
    let slices = len.div_ceil(SLICE);
    let slice = |k: usize| k * SLICE..((k + 1) * SLICE).min(len);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (spare, spares) = mpsc::channel::<Vec<u8>>();
    for _ in 0..threads * 3 {
        let _ = spare.send(Vec::new());
    }
    let spares = Mutex::new(spares);
    std::thread::scope(|scope| {
        let (done, parts) = mpsc::channel::<Built>();
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let done = done.clone();
            let (next, stop, spares) = (&next, &stop, &spares);
            workers.push(scope.spawn(move || {
                // A buffer first, then a slice (the module's comment says why).
                while let Some(mut buffer) = take_spare(spares) {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= slices || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let mut checks = Vec::new();
                    let r: Range<usize> = slice(k);
                    accounts_into(a, f, pass, r, keep.then_some(&mut checks), &mut buffer);
                    if done.send((k, buffer, checks)).is_err() {
                        break;
                    }
                }
            }));
        }
        drop(done);
        let result = write_in_order(parts, slices, out, checked, &spare);
        // On an error the workers stop at their next slice; returning their buffers is no
        // longer needed (dropping `spare` ends their wait).
        stop.store(true, Ordering::Relaxed);
        drop(spare);
        // A worker that panicked has left its slice out (passed over above); joined here,
        // its panic does not become the caller's.
        for w in workers {
            let _ = w.join();
        }
        result
    })
}

/// A spare buffer, or `None` once the writer has stopped.
fn take_spare(spares: &Mutex<mpsc::Receiver<Vec<u8>>>) -> Option<Vec<u8>> {
    spares.lock().ok()?.recv().ok()
}

/// Writes the parts in their slices' order as they arrive; a buffer written goes back to the
/// workers. A part that never comes (its worker stopped) is passed over once every worker
/// has ended, as the one-round-at-a-time writer passed over an empty part.
fn write_in_order(
    parts: mpsc::Receiver<Built>,
    slices: usize,
    out: &mut dyn std::io::Write,
    checked: &mut Vec<Assessed>,
    spare: &mpsc::Sender<Vec<u8>>,
) -> std::io::Result<()> {
    let mut waiting: BTreeMap<usize, (Vec<u8>, Vec<Assessed>)> = BTreeMap::new();
    let mut want = 0;
    let mut write = |part: Vec<u8>, checks: Vec<Assessed>| -> std::io::Result<()> {
        out.write_all(&part)?;
        checked.extend(checks);
        let mut part = part;
        part.clear();
        let _ = spare.send(part);
        Ok(())
    };
    for (k, part, checks) in parts.iter() {
        waiting.insert(k, (part, checks));
        while let Some((part, checks)) = waiting.remove(&want) {
            write(part, checks)?;
            want += 1;
        }
        if want == slices {
            return Ok(());
        }
    }
    // Every worker ended with slices missing: the rest in order, without them.
    for (_, (part, checks)) in std::mem::take(&mut waiting) {
        write(part, checks)?;
    }
    Ok(())
}
