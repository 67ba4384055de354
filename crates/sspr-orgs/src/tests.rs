use super::*;

const HEADER: &str = "userPrincipalName,displayName,roles,methodsRegistered,authMobilePhone,authEmail,tenantId\n";

fn file(path: &str, rows: &[&str]) -> DropFile {
    DropFile::new(path.into(), format!("{HEADER}{}\n", rows.join("\n")).into_bytes())
}

fn opts() -> AuditOptions {
    AuditOptions { today: Some("2026-12-06".into()), ..AuditOptions::default() }
}

#[test]
fn folders_are_organizations_ranked_by_who_is_locked_out_soonest() {
    let t1 = "0b5a2f1e-6c2d-4a11-9a0e-2f3c4d5e6f70";
    let files = vec![
        file(
            "drop/contoso/admins.csv",
            &[&format!("a@contoso.com,A,Global Administrator,email;microsoftAuthenticatorPush,,a@fabrikam.example,{t1}")],
        ),
        // Fails today: no method at all.
        file("drop/fabrikam/admins.csv", &["b@fabrikam.com,B,Global Administrator,,,,", "c@fabrikam.com,C,Exchange Administrator,,,,"]),
        file("drop/litware/admins.csv", &["d@litware.com,D,Exchange Administrator,mobilePhone,+81 9012345678,,"]),
        DropFile::new("drop/litware/notes.txt".into(), b"hello\n".to_vec()),
    ];
    let mut o = read(files, Vec::new(), &opts());
    o.assess_all(2);
    o.rank();
    let names: Vec<&str> = o.orgs.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, vec!["fabrikam", "litware", "contoso"]);
    assert_eq!(o.orgs[2].audit.tenancy(), sspr_audit::Tenancy::Known(sspr_model::audit::TenantId::parse(t1).unwrap()));
    // The file that is no export is a problem; its organization's other file is read.
    assert_eq!(o.problems, vec![Problem { file: "drop/litware/notes.txt".into(), member: None, reason: "noFormat" }]);
    let summaries: Vec<Summary> = o.orgs.iter().map(|x| x.audit.finished().unwrap().summary()).collect();
    let t = total(&summaries);
    assert_eq!((t.total, t.fails), (4, 3));
    assert_eq!(finding_counts(&o.orgs[0].audit)[0].1, 2);
}

#[test]
fn loose_files_are_grouped_by_tenant_else_by_domain() {
    let t = "9f0e1d2c-3b4a-4958-8776-655443322110";
    let files = vec![
        file("one.csv", &[&format!("a@contoso.com,A,Global Administrator,email,,a@x.example,{t}")]),
        file("two.csv", &[&format!("b@contoso.onmicrosoft.com,B,Exchange Administrator,email,,b@x.example,{t}")]),
        file("three.csv", &["c@fabrikam.com,C,Exchange Administrator,email,,c@x.example,"]),
        DropFile::new("empty.csv".into(), Vec::new()),
    ];
    let o = read(files, Vec::new(), &opts());
    let groups: Vec<(&str, Vec<&str>)> = o.orgs.iter().map(|x| (x.name.as_str(), x.files.iter().map(String::as_str).collect())).collect();
    assert_eq!(groups, vec![("contoso.com", vec!["one.csv", "two.csv"]), ("fabrikam.com", vec!["three.csv"])]);
    assert_eq!(o.problems, vec![Problem { file: "empty.csv".into(), member: None, reason: "empty" }]);
}

#[test]
fn two_roots_folders_of_one_name_are_one_organization() {
    let files = vec![
        file("a/contoso/x.csv", &["a@contoso.com,A,,email,,a@x.example,"]),
        file("b/contoso/y.csv", &["b@contoso.com,B,,email,,b@x.example,"]),
    ];
    let o = read(files, Vec::new(), &opts());
    assert_eq!(o.orgs.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), vec!["contoso"]);
    assert_eq!(o.orgs[0].files.len(), 2, "one folder name: one organization");
}

#[test]
fn an_archives_root_is_its_name_without_zip() {
    assert_eq!(archive_root("C:\\drops\\Customers.ZIP"), "Customers");
    assert_eq!(archive_root("/tmp/x/.zip"), "archive");
}
