//! Issue 26 on the command line as an MSP runs it: `audit-orgs` over a folder of three
//! organizations and over the same folders in one `.zip` (the same report), CSV with the
//! organization first, `--redact` hiding every number and address, `fix-script
//! --by-organization` writing one script per organization with its own tenant, refused with
//! `--redact`, `audit-diff` of two drops, and a drop with nothing readable (exit 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sspr-doctor")).args(args).output().unwrap()
}

fn sample(name: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/audit");
    std::fs::read(dir.join(name)).or_else(|_| std::fs::read(dir.join("samples").join(name))).unwrap()
}

/// Three organizations: the read-only script's CSV (it carries a tenant id), the admin
/// center's download, Graph JSON (two files read together).
fn three() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("contoso/admin-script.csv", sample("admin-script.csv")),
        ("fabrikam/exportUserRegistrationDetails.csv", sample("portal_exportUserRegistrationDetails_2026-9-23.csv")),
        ("litware/registration.json", sample("graph_userRegistrationDetails_beta.json")),
        ("litware/phones.json", sample("graph_phoneMethods_by_user.json")),
    ]
}

/// A fresh folder under the target directory (tests run in parallel: one per test).
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("orgs-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_drop(root: &Path, files: &[(&str, Vec<u8>)]) {
    for (path, bytes) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

const TODAY: &[&str] = &["--today", "2026-11-25"];

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn names(report: &Value) -> Vec<String> {
    let mut v: Vec<String> = report["organizations"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect();
    v.sort();
    v
}

#[test]
fn a_folder_and_a_zip_of_three_organizations_give_the_same_report() {
    let dir = scratch("same");
    write_drop(&dir.join("customers"), &three());
    let folder = json(&run(&[&["audit-orgs", dir.join("customers").to_str().unwrap()][..], TODAY].concat()));
    assert_eq!(names(&folder), ["contoso", "fabrikam", "litware"]);
    let total = folder["summary"]["total"].as_u64().unwrap();
    assert!(total >= 6, "{total}");

    // The same three folders in one archive named like the folder.
    let members: Vec<(String, Vec<u8>)> = three().into_iter().map(|(p, b)| (p.to_string(), b)).collect();
    let zip = dir.join("customers.zip");
    std::fs::write(&zip, sspr_doctor_core::orgs::archive::write_stored(&members)).unwrap();
    let archive = json(&run(&[&["audit-orgs", zip.to_str().unwrap()][..], TODAY].concat()));
    assert_eq!(names(&archive), names(&folder));
    for (a, b) in folder["organizations"].as_array().unwrap().iter().zip(archive["organizations"].as_array().unwrap()) {
        assert_eq!(a["name"], b["name"]);
        assert_eq!(a["summary"], b["summary"], "{}", a["name"]);
        assert_eq!(a["accounts"], b["accounts"], "{}", a["name"]);
    }
    assert_eq!(folder["summary"], archive["summary"]);

    // CSV: one row per account, the organization first.
    let csv = run(&[&["audit-orgs", zip.to_str().unwrap(), "--format", "csv"][..], TODAY].concat());
    assert!(csv.status.success());
    let text = String::from_utf8(csv.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows[0].trim_start_matches('\u{feff}').to_ascii_lowercase().starts_with("\"organization\"") || rows[0].contains("rganization"),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len() as u64, total + 1, "a header and one row per account");
}

/// A fourth organization with numbers of its own (digits 1 to 9 from a fixed seed: the
/// fixtures' numbers are also the examples the tool's own guidance prints) and addresses of
/// its own: its CSV, and the digit strings of its numbers.
fn northwind() -> (Vec<u8>, Vec<String>) {
    let mut x: u64 = 0x2026_1207;
    let mut digits = |n: usize| -> String {
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'1' + ((x >> 33) % 9) as u8)
            })
            .collect()
    };
    let mut csv = String::from("userPrincipalName,displayName,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone\n");
    let mut numbers = Vec::new();
    for i in 0..12 {
        let auth = format!("+81 90-{}-{}", digits(4), digits(4));
        let other = format!("0{}-{}-{}", digits(2), digits(4), digits(4));
        csv.push_str(&format!(
            "nw.admin{i}x@northwind.example,Admin {i},Global Administrator,mobilePhone;email,{auth},rcv{i}box@tailspin.example,{other}\n"
        ));
        numbers.extend([&auth, &other].map(|n| n.chars().filter(char::is_ascii_digit).collect::<String>()));
    }
    (csv.into_bytes(), numbers)
}

#[test]
fn redacted_exports_carry_no_number_no_address_and_no_user_name() {
    let dir = scratch("redact");
    let (nw, digits) = northwind();
    let mut drop = three();
    drop.push(("northwind/admins.csv", nw));
    write_drop(&dir, &drop);
    let input: String = drop.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect::<Vec<_>>().join("\n");
    // Every user name's and every address's local part.
    let plain = json(&run(&[&["audit-orgs", dir.to_str().unwrap()][..], TODAY].concat()));
    let mut secrets: Vec<String> = Vec::new();
    for o in plain["organizations"].as_array().unwrap() {
        for a in o["accounts"].as_array().unwrap() {
            if let Some(upn) = a["upn"].as_str() {
                secrets.push(upn.split('@').next().unwrap().to_string());
            }
        }
    }
    for token in input.split(['"', ',', '\n', ';', ' ', ':']) {
        if let Some((local, _)) = token.split_once('@') {
            if local.len() >= 2 {
                secrets.push(local.trim_start_matches('{').to_string());
            }
        }
    }
    assert!(secrets.len() >= 30 && digits.len() == 24, "{secrets:?} {digits:?}");
    for format in ["json", "csv", "markdown", "html"] {
        let out = run(&[&["audit-orgs", dir.to_str().unwrap(), "--redact", "--format", format][..], TODAY].concat());
        assert!(out.status.success(), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        for s in &secrets {
            assert!(!text.contains(&format!("{s}@")), "{format}: {s}@ shown");
        }
        // No run of 4 digits of an input number inside any run of digits of the output.
        let runs: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|r| r.len() >= 4).collect();
        for d in &digits {
            for w in d.as_bytes().windows(4) {
                let w = std::str::from_utf8(w).unwrap();
                assert!(!runs.iter().any(|r| r.contains(w)), "{format}: {w} of {d} shown");
            }
        }
    }
    // The verdicts are the same with and without.
    let hidden = json(&run(&[&["audit-orgs", dir.to_str().unwrap(), "--redact"][..], TODAY].concat()));
    assert_eq!(hidden["summary"], plain["summary"]);
}

#[test]
fn fix_scripts_by_organization_carry_each_tenant_and_are_never_redacted() {
    let dir = scratch("fix");
    write_drop(&dir.join("in"), &three());
    let out_dir = dir.join("scripts");
    let out =
        run(&[&["fix-script", dir.join("in").to_str().unwrap(), "--by-organization", "--output", out_dir.to_str().unwrap()][..], TODAY]
            .concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut written: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert!(written.iter().all(|n| n.ends_with(".ps1")), "{written:?}");
    assert!(written.contains(&"contoso.ps1".to_string()), "{written:?}");
    let contoso = std::fs::read_to_string(out_dir.join("contoso.ps1")).unwrap();
    // The tenant id the script's CSV carries, in the run's data: signed in to (splatted as
    // Connect-MgGraph's -TenantId) and checked against Get-MgContext before anything is read.
    assert!(contoso.contains(r#""tenantId":"00000000-0000-0000-0000-0000000c0de0""#), "the tenant guard");
    assert!(contoso.contains("$signIn['TenantId'] = $Run.tenantId"));
    for n in &written {
        if n != "contoso.ps1" {
            assert!(!std::fs::read_to_string(out_dir.join(n)).unwrap().contains("0000000c0de0"), "{n} guards another tenant");
        }
    }
    let refused = run(&[
        &["fix-script", dir.join("in").to_str().unwrap(), "--by-organization", "--output", dir.join("r").to_str().unwrap(), "--redact"][..],
        TODAY,
    ]
    .concat());
    assert_eq!(refused.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&refused.stderr).trim().is_empty());
    assert!(!dir.join("r").join("contoso.ps1").exists());
}

#[test]
fn two_drops_are_compared_by_organization() {
    let dir = scratch("diff");
    write_drop(&dir.join("before"), &three());
    let mut later = three();
    later.retain(|(p, _)| !p.starts_with("fabrikam/"));
    write_drop(&dir.join("after"), &later);
    let out = run(&[&["audit-diff", dir.join("before").to_str().unwrap(), dir.join("after").to_str().unwrap()][..], TODAY].concat());
    let d = json(&out);
    let text = d.to_string();
    assert!(text.contains("fabrikam") && text.contains("contoso"), "{text:.400}");
}

#[test]
fn a_drop_with_nothing_readable_exits_2_with_the_reasons() {
    let dir = scratch("none");
    std::fs::write(dir.join("notes.txt"), b"nothing here").unwrap();
    std::fs::write(dir.join("broken.zip"), b"PK\x03\x04 not really").unwrap();
    let out = run(&[&["audit-orgs", dir.to_str().unwrap(), "--lang", "ja"][..], TODAY].concat());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.zip"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn the_current_folder_and_a_hidden_one_are_read_by_their_names() {
    let dir = scratch("dot");
    write_drop(&dir.join(".customers"), &three());
    std::fs::write(dir.join(".customers").join("contoso").join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    for (cwd, arg) in [(dir.join(".customers"), "."), (dir.join(".customers").join("contoso"), ".."), (dir.clone(), ".customers")] {
        let out = Command::new(env!("CARGO_BIN_EXE_sspr-doctor"))
            .args(["audit-orgs", arg, "--today", "2026-11-25"])
            .current_dir(&cwd)
            .output()
            .unwrap();
        let report = json(&out);
        assert_eq!(names(&report), ["contoso", "fabrikam", "litware"], "{arg}");
        // The hidden file under it is still left out, with no problem said.
        assert!(report["problems"].as_array().unwrap().is_empty(), "{arg}: {}", report["problems"]);
    }
}

#[test]
fn a_folder_of_more_files_than_are_read_names_the_first_one_left_out() {
    let dir = scratch("many");
    let max = sspr_doctor_core::audit::MAX_FOLDER_FILES;
    write_drop(&dir, &three()[..1]);
    let filler = dir.join("contoso").join("more");
    std::fs::create_dir_all(&filler).unwrap();
    for i in 0..max {
        std::fs::write(filler.join(format!("{i:05}.csv")), format!("userPrincipalName,methodsRegistered\nu{i}@contoso.com,email\n"))
            .unwrap();
    }
    for lang in ["en", "ja"] {
        let report = json(&run(&[&["audit-orgs", dir.to_str().unwrap(), "--lang", lang][..], TODAY].concat()));
        // The folder's own file first, then its folder's in name order: the last one is out.
        let problems = report["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        let last = format!("orgs-many/contoso/more/{:05}.csv", max - 1);
        assert_eq!((problems[0]["file"].as_str().unwrap(), problems[0]["reason"].as_str().unwrap()), (last.as_str(), "too_many_files"));
        assert!(problems[0]["message"].as_str().unwrap().contains(&max.to_string()), "{}", problems[0]["message"]);
        assert_eq!(report["summary"]["total"].as_u64().unwrap() as usize, 7 + max - 1);
    }
}
