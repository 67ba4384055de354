//! The command line's export on every core: workers build the accounts' parts, this thread
//! writes them in order. The same bytes as `export`.
//!
//! Workers take the next slice of accounts as soon as they are free (a shared counter), and
//! the writer puts the parts back in order: no worker waits for another. (Before, each round
//! of slices started one thread per slice and waited for all of them, so a core sat idle
//! while the slowest finished: about a third of two cores unused on 100,000 accounts.) A
//! worker takes a buffer before it takes a slice, and only `BUFFERS_PER_THREAD` a worker
//! exist: the parts ahead of the writer stay few (memory stays flat), and every slice taken
//! can be built, so the writer never waits for a part that cannot come.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use sspr_audit::Assessed;

use super::{accounts_into, between, head, tail, ExportFormat};
use crate::Said;

/// Buffers per worker: the parts built ahead of the writer, at most (the module's comment).
const BUFFERS_PER_THREAD: usize = 3;

/// Accounts per part: parts of about half a megabyte, reused, kept the time steady (parts of
/// 2,000 accounts, 4.5 MB each, swung from 0.6 to 1.1 s on the same input).
const SLICE: usize = 250;

/// Writes the whole export to `out`, building the accounts' parts on `threads` threads.
pub fn write_to(a: &mut Said, f: ExportFormat, threads: usize, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // JSON and CSV have nothing before their accounts that needs all of them: each is
    // checked once, while it is written (JSON's summary comes after). Markdown, text and
    // HTML begin with the summary.
    let check_while_writing = matches!(f, ExportFormat::Json | ExportFormat::Csv);
    if !check_while_writing {
        a.audit_mut().assess_all_on(threads);
    }
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

/// One pass over the accounts: parts of `SLICE` accounts built on `threads` workers, written
/// here in order; the checks (when `keep`) appended to `checked` in the accounts' order.
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
    let build = |k: usize, buffer: &mut Vec<u8>| {
        let mut checks = Vec::new();
        accounts_into(a, f, pass, k * SLICE..((k + 1) * SLICE).min(len), keep.then_some(&mut checks), buffer);
        checks
    };
    in_order(len.div_ceil(SLICE), threads, out, build, |checks| checked.extend(checks))
}

/// Parts `0..count` built by `build` (into a reused buffer) on `threads` workers and written
/// to `out` in their order; `after` gets what each part's build returned, in the same order.
/// The accounts' export and the organizations' (orgs::export) both write through here.
pub(crate) fn in_order<T: Send>(
    count: usize,
    threads: usize,
    out: &mut dyn std::io::Write,
    build: impl Fn(usize, &mut Vec<u8>) -> T + Sync,
    mut after: impl FnMut(T),
) -> std::io::Result<()> {
    let threads = threads.max(1);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (spare, spares) = mpsc::channel::<Vec<u8>>();
    for _ in 0..threads * BUFFERS_PER_THREAD {
        let _ = spare.send(Vec::new());
    }
    let spares = Mutex::new(spares);
    std::thread::scope(|scope| {
        let (done, parts) = mpsc::channel::<(usize, Vec<u8>, T)>();
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let done = done.clone();
            let (next, stop, spares, build) = (&next, &stop, &spares, &build);
            workers.push(scope.spawn(move || {
                // A buffer first, then a part (the module's comment says why).
                while let Some(mut buffer) = take_spare(spares) {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= count || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let made = build(k, &mut buffer);
                    if done.send((k, buffer, made)).is_err() {
                        break;
                    }
                }
            }));
        }
        drop(done);
        let result = write_parts(parts, count, out, &mut after, &spare);
        // On an error the workers stop at their next part; returning their buffers is no
        // longer needed (dropping `spare` ends their wait).
        stop.store(true, Ordering::Relaxed);
        drop(spare);
        // A worker that panicked has left its part out (passed over above); joined here,
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

/// Writes the parts in their order as they arrive; a buffer written goes back to the
/// workers. A part that never comes (its worker stopped) is passed over once every worker
/// has ended, as the one-round-at-a-time writer passed over an empty part.
fn write_parts<T>(
    parts: mpsc::Receiver<(usize, Vec<u8>, T)>,
    count: usize,
    out: &mut dyn std::io::Write,
    after: &mut impl FnMut(T),
    spare: &mpsc::Sender<Vec<u8>>,
) -> std::io::Result<()> {
    let mut waiting: BTreeMap<usize, (Vec<u8>, T)> = BTreeMap::new();
    let mut want = 0;
    let mut write = |mut part: Vec<u8>, made: T| -> std::io::Result<()> {
        out.write_all(&part)?;
        after(made);
        part.clear();
        let _ = spare.send(part);
        Ok(())
    };
    for (k, part, made) in parts.iter() {
        waiting.insert(k, (part, made));
        while let Some((part, made)) = waiting.remove(&want) {
            write(part, made)?;
            want += 1;
        }
        if want == count {
            return Ok(());
        }
    }
    // Every worker ended with parts missing: the rest in order, without them.
    for (_, (part, made)) in std::mem::take(&mut waiting) {
        write(part, made)?;
    }
    Ok(())
}
