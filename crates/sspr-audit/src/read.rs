//! Reading: one pass over the input files (decode, parse, merge rows into accounts), and
//! what the files lack.

use std::collections::BTreeSet;

use crate::account_data::CellNotes;
use crate::columns::{self, Field};
use crate::merge::{cells_to_row, Merge, Records};
use crate::model_audit::{AuditError, Format, ProblemKind, MAX_ACCOUNTS, MAX_INPUT_BYTES};
use crate::results::{ColumnRead, ColumnsRead, Source};
use crate::table::Tally;
use crate::Tenancy;
use crate::{csv, decode, json, values, Audit, AuditOptions, InputFile};
use sspr_model::audit::TenantId;
use sspr_model::facts::Date;

impl Audit {
    /// Reads one or more files. Fails only when nothing in them can be audited.
    pub fn read(files: &[InputFile], opts: &AuditOptions) -> Result<Audit, AuditError> {
        Audit::read_some(files, opts, false, 1).map(|(a, _)| a)
    }

    /// As `read`, each CSV file's rows prepared on `threads` threads (the command line): the
    /// same audit, sooner.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read_on(files: &[InputFile], opts: &AuditOptions, threads: usize) -> Result<Audit, AuditError> {
        Audit::read_some(files, opts, false, threads).map(|(a, _)| a)
    }

    /// v1.3 (organizations): reads the files it can and says why each other one was not
    /// read (by its index in `files`), so that one bad file never loses the others. Fails only
    /// when no file can be read.
    pub fn read_each(files: &[InputFile], opts: &AuditOptions) -> Result<(Audit, Vec<(usize, AuditError)>), AuditError> {
        Audit::read_some(files, opts, true, 1)
    }

    fn read_some(
        files: &[InputFile],
        opts: &AuditOptions,
        each: bool,
        threads: usize,
    ) -> Result<(Audit, Vec<(usize, AuditError)>), AuditError> {
        let mut merge = Merge::default();
        // Room for the accounts up front, one per line (a CSV's rows; a JSON file on one
        // line grows as it is read): no rehashing, and no room that is never used (a guess
        // from the size alone reserved 286,000 for 100,000 accounts, and the page's module
        // grew to 161 MB instead of 111).
        let lines: usize = files.iter().map(|f| f.bytes.iter().filter(|&&b| b == b'\n').count() + 1).sum();
        let guess = lines.min(MAX_ACCOUNTS);
        merge.by_upn.reserve(guess);
        merge.by_id.reserve(guess);
        merge.accounts.reserve(guess);
        let mut problems = Vec::new();
        let mut fields = BTreeSet::new();
        let mut columns = ColumnsRead::default();
        let mut sources = Vec::new();
        let mut unread = Vec::new();
        for (i, file) in files.iter().enumerate() {
            // A file is refused before any of its rows is merged: the others stand.
            match read_file(file, &mut merge, &mut problems, &mut fields, &mut columns, threads) {
                Ok(source) => sources.push(source),
                Err(e) if each => unread.push((i, e)),
                Err(e) => return Err(e),
            }
        }
        if sources.is_empty() && !unread.is_empty() {
            return Err(unread.swap_remove(0).1);
        }
        merge.join_by_id_ending(&mut problems);
        if merge.accounts.is_empty() {
            return Err(AuditError::NoAccounts);
        }
        // LazyAdmin's isAdmin is True or "-": with no explicit False anywhere, "-" is no.
        let any_true = merge.accounts.iter().any(|a| a.is_admin == Some(true));
        let any_false = merge.accounts.iter().any(|a| a.is_admin == Some(false));
        if any_true && !any_false && !merge.admin_placeholders.is_empty() {
            let mut n = 0;
            for &i in &merge.admin_placeholders {
                if let Some(a) = merge.accounts.get_mut(i).filter(|a| a.is_admin.is_none()) {
                    a.is_admin = Some(false);
                    n += 1;
                }
            }
            if n > 0 {
                problems.push((None, ProblemKind::AdminPlaceholders { rows: n }));
            }
        }
        file_notes(&merge.notes, &mut problems);
        if merge.bad_tenant_ids > 0 {
            problems.push((None, ProblemKind::BadTenantId { rows: merge.bad_tenant_ids }));
        }
        // The organization's tenant: the option's and the files' must be one.
        let file_tenants = merge.tenant_ids.clone();
        let option_tenant = match opts.tenant_id.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(t) => Some(TenantId::parse(t).ok_or(AuditError::BadTenantId)?),
            None => None,
        };
        if let Tenancy::Several(all) = Tenancy::of(&file_tenants, option_tenant.as_ref()) {
            problems.push((None, ProblemKind::SeveralTenants { tenants: all.iter().map(|t| t.to_string()).collect() }));
        }
        let tenant_domains: BTreeSet<String> = match &opts.tenant_domains {
            Some(d) => {
                sspr_model::order::set(d.iter().map(|s| sspr_text::lower(s.trim().trim_start_matches('@'))).filter(|s| !s.is_empty()))
            }
            None => sspr_model::order::set(
                merge
                    .accounts
                    .iter()
                    .filter_map(|a| a.upn.as_deref())
                    .filter(|u| !u.contains(crate::facts::EXTERNAL_USER_UPN_MARK))
                    .filter_map(|u| u.rsplit_once('@').map(|(_, d)| sspr_text::lower(d))),
            ),
        };
        let today = opts.today.as_deref().and_then(Date::parse);
        let encoding = sources.first().map(|s: &Source| s.encoding.clone()).unwrap_or_default();
        Ok((
            Audit {
                today,
                tenant_domains,
                telecom_provider: opts.telecom_provider,
                cloud: opts.cloud.unwrap_or_default(),
                temporary_access_pass: opts.temporary_access_pass.unwrap_or(false),
                file_tenants,
                option_tenant,
                accounts: merge.accounts,
                assessed: Vec::new(),
                tally: Tally::default(),
                keep_details: true,
                problems,
                missing: missing(&fields),
                fields,
                columns,
                sources,
                encoding,
            },
            unread,
        ))
    }
}

fn read_file(
    file: &InputFile,
    merge: &mut Merge,
    problems: &mut Vec<(Option<usize>, ProblemKind)>,
    fields: &mut BTreeSet<Field>,
    columns: &mut ColumnsRead,
    threads: usize,
) -> Result<Source, AuditError> {
    if file.bytes.len() > MAX_INPUT_BYTES {
        return Err(AuditError::TooLarge { bytes: file.bytes.len() });
    }
    let decoded = decode::decode(file.bytes);
    if decoded.invalid > 0 {
        problems.push((None, ProblemKind::InvalidBytes { count: decoded.invalid, encoding: decoded.encoding }));
    }
    let encoding = decoded.encoding.as_str().to_string();
    let text = decoded.text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if text.trim().is_empty() {
        return Err(AuditError::Empty);
    }
    let mut merged = 0;
    let mut own_fields = BTreeSet::new();
    let (rows, format) = if text.starts_with(['{', '[']) {
        let rows = json::rows(text).map_err(|message| AuditError::NotJson { message })?;
        for (_, row) in &rows {
            own_fields.extend(row.iter().map(|(f, _)| *f));
        }
        if !own_fields.contains(&Field::Upn) && !own_fields.contains(&Field::ObjectId) {
            return Err(AuditError::NoFormat { columns: own_fields.iter().map(|f| f.as_str().to_string()).collect() });
        }
        for (line, row) in &rows {
            merged += usize::from(merge.add(*line, row, problems));
        }
        for f in &own_fields {
            let read = ColumnRead { name: f.as_str().to_string(), field: *f };
            if !columns.read.contains(&read) {
                columns.read.push(read);
            }
        }
        (rows.len(), detect(&own_fields, true, false, &[]))
    } else {
        let mut reader = csv::Reader::new(text);
        let mut cells = Vec::new();
        let Some((_, trouble)) = reader.next_record(&mut cells, usize::MAX) else { return Err(AuditError::Empty) };
        if cells.len() + trouble.extra_cells > csv::MAX_COLUMNS {
            return Err(AuditError::TooManyColumns { columns: cells.len() + trouble.extra_cells });
        }
        let names: Vec<String> = cells.iter().map(|c| values::clean(c).to_string()).collect();
        let mapped = columns::resolve(names.iter().map(|n| columns::field(n)).collect(), &names);
        own_fields.extend(mapped.iter().flatten().copied());
        if !own_fields.contains(&Field::Upn) && !own_fields.contains(&Field::ObjectId) {
            return Err(AuditError::NoFormat { columns: names.into_iter().take(30).collect() });
        }
        for (n, f) in names.iter().zip(&mapped) {
            match f {
                Some(f) => columns.read.push(ColumnRead { name: n.clone(), field: *f }),
                None if !n.is_empty() && !columns.ignored.contains(n) => columns.ignored.push(n.clone()),
                None => {}
            }
        }
        let width = names.len();
        let mut count = Records::default();
        records(&mut reader, &mapped, width, merge, problems, &mut count, threads);
        let Records { rows, extra_rows, merged: m } = count;
        merged += m;
        if extra_rows > 0 {
            problems.push((None, ProblemKind::ExtraCells { rows: extra_rows }));
        }
        let pascal = names.iter().any(|n| n == "UserPrincipalName" || n == "MethodsRegistered");
        (rows, detect(&own_fields, false, reader.type_line.is_some() || pascal, &names))
    };
    if merged > 0 && format != Format::GraphMethods {
        problems.push((None, ProblemKind::MergedRows { rows: merged }));
    }
    fields.extend(own_fields);
    Ok(Source { name: file.name.map(String::from), format: format.as_str(), encoding, rows })
}

/// The records after the header, merged in order: read and prepared on a second thread where
/// `threads` allows one (the command line: read_parallel.rs), else here, each as it is read.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
fn records(
    reader: &mut csv::Reader<'_>,
    mapped: &[Option<Field>],
    width: usize,
    merge: &mut Merge,
    problems: &mut Vec<(Option<usize>, ProblemKind)>,
    count: &mut Records,
    threads: usize,
) {
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 {
        return crate::read_parallel::records(reader, mapped, width, merge, problems, count);
    }
    let (mut cells, mut row) = (Vec::new(), Vec::with_capacity(width));
    while let Some((line, trouble)) = reader.next_record(&mut cells, width) {
        cells_to_row(&cells, mapped, &mut row);
        if !merge.record((line, trouble, cells.len()), width, &row, None, problems, count) {
            break;
        }
    }
}

/// The format, from the columns it has.
fn detect(f: &BTreeSet<Field>, json: bool, powershell: bool, names: &[String]) -> Format {
    let has = |x: Field| f.contains(&x);
    let named = |k: &str| names.iter().any(|n| values::key(n).contains(k));
    let registration = has(Field::MethodsRegistered) || has(Field::IsSsprCapable) || has(Field::IsSsprRegistered);
    let methods_only = !registration && (has(Field::AuthPhone) || has(Field::AuthEmail) || has(Field::PhoneType));
    // Only Graph's property names: the report itself (the admin center's download uses
    // them in camelCase; PowerShell's Export-Csv in PascalCase, often with #TYPE).
    // (One column more is allowed: a phone number added in a spreadsheet.)
    let graph = names.iter().filter(|n| columns::GRAPH_REGISTRATION_PROPERTIES.contains(&values::key(n).as_str())).count();
    let graph_names = graph >= 3 && names.len() - graph <= 1;
    if named("strongauthentication") || named("allmfamethods") || named("mfaphone") {
        Format::Msonline
    } else if named("eligibleroles") && named("authmobilephone") {
        Format::AdminScript
    } else if methods_only && !has(Field::IsAdmin) {
        Format::GraphMethods
    } else if registration && (json || graph_names && powershell) {
        Format::GraphRegistrationDetails
    } else if registration && graph_names {
        Format::EntraRegistrationDetails
    } else {
        Format::CommunityMfaReport
    }
}

fn file_notes(n: &CellNotes, problems: &mut Vec<(Option<usize>, ProblemKind)>) {
    let mut by_column: Vec<(Field, usize, usize)> = Vec::new();
    for (line, f) in &n.type_names {
        match by_column.iter_mut().find(|(c, _, _)| c == f) {
            Some(e) => e.1 += 1,
            None => by_column.push((*f, 1, *line)),
        }
    }
    for (column, rows, line) in by_column {
        problems.push((Some(line), ProblemKind::ArrayNotJoined { rows, column }));
    }
    if n.masked > 0 {
        problems.push((None, ProblemKind::MaskedNumbers { count: n.masked }));
    }
    if n.damaged > 0 {
        problems.push((None, ProblemKind::DamagedNumbers { count: n.damaged }));
    }
    if n.question_marks > 0 {
        problems.push((None, ProblemKind::QuestionMarks { count: n.question_marks }));
    }
    if !n.unknown_methods.is_empty() {
        problems.push((None, ProblemKind::UnknownMethods { names: n.unknown_methods.iter().take(20).cloned().collect() }));
    }
}

/// The fields no column gave, of those that decide something (`isAdmin`, `roles`,
/// `methodsRegistered`, `phoneNumber`, `authEmail`); sspr-words says what each leaves
/// undecided.
fn missing(f: &BTreeSet<Field>) -> Vec<&'static str> {
    let has = |x: &[Field]| x.iter().any(|x| f.contains(x));
    let mut out = Vec::new();
    if !has(&[Field::IsAdmin, Field::Roles, Field::EligibleRoles, Field::IsGlobalAdmin]) {
        out.push("isAdmin");
    }
    if !has(&[Field::Roles, Field::EligibleRoles, Field::IsGlobalAdmin]) {
        out.push("roles");
    }
    if !has(&[Field::MethodsRegistered, Field::HasPhoneMethod, Field::HasAuthenticatorApp]) {
        out.push("methodsRegistered");
    }
    if !has(&[Field::AuthMobilePhone, Field::AuthPhone]) {
        out.push("phoneNumber");
    }
    if !has(&[Field::AuthEmail]) {
        out.push("authEmail");
    }
    out
}
