//! The command line's reading of a CSV file on two cores, as a pipeline: a second thread
//! reads the records in batches and prepares each row (read.rs `Prepared`: its keys, and the
//! account it makes when it is an account's first); this thread merges the batches in
//! order, as one thread would. The merge is the same: a row whose account an earlier row
//! made is applied to that account here, its prepared part unused. (One thread took about
//! 250-290 ms of the 0.9 s the export of 100,000 accounts took, on two cores.)

use std::sync::mpsc;

use crate::account_data::Cell;
use crate::columns::Field;
use crate::csv::{self, RecordTrouble};
use crate::merge::{cells_to_row, Merge, Prepared, Records};
use crate::model_audit::ProblemKind;

/// Records per batch: the two threads pass a batch a few hundred times a file, and a batch's
/// rows and accounts stay small.
const BATCH: usize = 1024;

/// Batches read ahead of the merge, at most.
const AHEAD: usize = 4;

/// One record read: its line, trouble and number of cells, and its row.
type Read<'a> = ((usize, RecordTrouble, usize), Vec<(Field, Cell<'a>)>);

/// `read::records` with the reading and preparing on a thread of its own.
pub(crate) fn records(
    reader: &mut csv::Reader<'_>,
    mapped: &[Option<Field>],
    width: usize,
    merge: &mut Merge,
    problems: &mut Vec<(Option<usize>, ProblemKind)>,
    count: &mut Records,
) {
    std::thread::scope(|scope| {
        let (batches, read) = mpsc::sync_channel::<(Vec<Read<'_>>, Vec<Prepared>)>(AHEAD);
        scope.spawn(move || {
            let mut cells = Vec::new();
            loop {
                let mut batch: Vec<Read<'_>> = Vec::with_capacity(BATCH);
                while batch.len() < BATCH {
                    let Some((line, trouble)) = reader.next_record(&mut cells, width) else { break };
                    let mut row = Vec::with_capacity(width);
                    cells_to_row(&cells, mapped, &mut row);
                    batch.push(((line, trouble, cells.len()), row));
                }
                if batch.is_empty() {
                    return;
                }
                let prepared = batch.iter().map(|((line, _, _), row)| Prepared::of(*line, row)).collect();
                // The merge has stopped (the accounts are full): nothing more to read.
                if batches.send((batch, prepared)).is_err() {
                    return;
                }
            }
        });
        // (A panic on the reading thread ends the batches, and the scope passes it on: the
        // caller meets it as it would meet it on one thread. The fuzz targets find none.)
        for (batch, prepared) in read.iter() {
            for ((record, row), prepared) in batch.iter().zip(prepared) {
                if !merge.record(*record, width, row, Some(prepared), problems, count) {
                    return;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::{Audit, AuditOptions, InputFile};

    /// What a reading gives, all of it: the accounts as merged, the problems in their order,
    /// the fields and columns, the sources, the tenants.
    fn all(a: &Audit) -> String {
        format!("{:?}", (&a.accounts, &a.problems, &a.fields, &a.columns, &a.sources, &a.file_tenants, &a.missing))
    }

    fn both(csv: &str) -> (String, String) {
        let files = [InputFile { name: Some("a.csv"), bytes: csv.as_bytes() }];
        let opts = AuditOptions::default();
        let one = Audit::read(&files, &opts).map(|a| all(&a)).unwrap_or_else(|e| format!("{e:?}"));
        let two = Audit::read_on(&files, &opts, 2).map(|a| all(&a)).unwrap_or_else(|e| format!("{e:?}"));
        (one, two)
    }

    /// Rows that repeat an account many batches after its first (another name, another phone:
    /// a conflict), rows with no user, bad and good tenant ids, unknown and lost method lists,
    /// masked and damaged numbers, cells cut and extra, a quote never closed at the end.
    #[test]
    fn the_same_audit_as_one_thread() {
        let mut csv = String::from("userPrincipalName,displayName,id,methodsRegistered,authMobilePhone,roles,isAdmin,tenantId\n");
        let tenant = "00000000-0000-0000-0000-0000000c0de0";
        for i in 0..5000 {
            let (methods, phone) = match i % 7 {
                0 => ("mobilePhone; email", "+81 90 1234 5678".to_string()),
                1 => ("System.String[]", "+81 90-****-5678".to_string()),
                2 => ("carrierPigeon; mobilePhone", "8.19E+11".to_string()),
                3 => ("", format!("+44 7700 900{:03}", i % 1000)),
                _ => ("microsoftAuthenticatorPush", String::new()),
            };
            let user = match i % 101 {
                0 => String::new(),
                50 => format!("ADMIN{}@Contoso.example", i - 1500),
                _ => format!("admin{i}@contoso.example"),
            };
            let t = match i % 13 {
                0 => "not-a-tenant",
                1 => "",
                _ => tenant,
            };
            let extra = if i % 499 == 0 { ",extra,cells" } else { "" };
            csv.push_str(&format!("{user},Admin {i},id-{i:05},\"{methods}\",{phone},Global Administrator,-,{t}{extra}\n"));
        }
        // The same accounts again, far from their first rows.
        for i in (0..5000).step_by(3) {
            csv.push_str(&format!("admin{i}@contoso.example,,,email,+81 80 1111 2222,User Administrator,True,{tenant}\n"));
        }
        csv.push_str("last@contoso.example,\"never closed,");
        let (one, two) = both(&csv);
        assert!(one.contains("MergedRows") && one.contains("Unterminated") && one.contains("ExtraCells"), "{}", &one[..200]);
        assert!(one == two, "the two readings differ");
    }

    /// Past the most accounts an audit takes, both readings stop at the same row and say so
    /// once; the rows after it are not read.
    #[test]
    fn stops_where_one_thread_stops() {
        let n = crate::MAX_ACCOUNTS + 3000;
        let mut csv = String::with_capacity(n * 24);
        csv.push_str("userPrincipalName,isAdmin\n");
        for i in 0..n {
            csv.push_str(&format!("u{i}@x.example,True\n"));
            if i % 1000 == 999 {
                // A repeat now and then, also after the stop.
                csv.push_str(&format!("u{}@x.example,False\n", i / 2));
            }
        }
        let (one, two) = both(&csv);
        assert_eq!(one.matches("TooManyAccounts").count(), 1);
        assert!(one == two, "the two readings differ");
    }
}
