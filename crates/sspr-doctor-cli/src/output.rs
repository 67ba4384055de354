//! Standard output for the large exports, without the line buffering Rust's `stdout()` adds.
//!
//! `Stdout` looks for the last newline in everything written to it, so that a terminal sees
//! whole lines: 2.5% of a 100,000-account JSON audit went to that search over 265 MB, on the
//! thread that writes. The exports hand over parts of half a megabyte; a small buffer in
//! front keeps the short pieces (a head, a tail) from becoming a write each, and the parts,
//! larger than it, go straight to the descriptor without a copy.

use std::io::{BufWriter, Write};

/// Room for the short pieces; anything larger is written as it is.
const SMALL: usize = 64 * 1024;

/// Standard output, buffered for short writes only.
pub fn parts_writer() -> BufWriter<Box<dyn Write + Send>> {
    BufWriter::with_capacity(SMALL, unbuffered())
}

/// A second descriptor for standard output (closing it leaves standard output open), or
/// Rust's `stdout()` where one cannot be had, and on Windows, whose console wants its text
/// through `stdout()` to show UTF-8.
fn unbuffered() -> Box<dyn Write + Send> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout())
}
