//! The command line's --help.

pub const HELP: &str = r#"sspr-doctor: why the administrator password-reset email or text message does not arrive

USAGE
    sspr-doctor diagnose [--format json|text|markdown] [--pretty] < case.json
    sspr-doctor phones < numbers.txt
    sspr-doctor audit FILE... | - [--format json|csv|markdown|text|html] [--lang en|ja]
                      [--today YYYY-MM-DD] [--tenant-domain DOMAIN]... [--telecom-provider]
                      [--cloud public|usGovernment|usGovernmentDoD|china] [--tenant-id GUID]
                      [--redact]
    sspr-doctor audit-diff OLD NEW [--format json|csv|markdown|text|html] [--lang en|ja]
                      [--today YYYY-MM-DD] [--tenant-domain DOMAIN]... [--cloud ...] [--redact]
    sspr-doctor fix-script FILE... | - [--lang en|ja] [--today YYYY-MM-DD]
                      [--tenant-domain DOMAIN]... [--telecom-provider] [--cloud ...]
                      [--tenant-id GUID] [--temporary-access-pass] [--output FILE]
    sspr-doctor audit-orgs PATH... [--format json|csv|markdown|html] [--lang en|ja]
                      [--today YYYY-MM-DD] [--telecom-provider] [--cloud ...] [--redact]
    sspr-doctor fix-script PATH... --by-organization --output DIR [--lang en|ja] [...]
    sspr-doctor audit-script [--cloud public|usGovernment|usGovernmentDoD|china]
    sspr-doctor facts
    sspr-doctor --help | --version

diagnose  Reads one Case as JSON on standard input and writes one Report as JSON (the
          default), as readable text (--format text) or as Markdown for a ticket
          (--format markdown), the last two in the case's language.
phones    Reads one phone number per line, optionally followed by a tab and the ISO
          country of the number ("090-1234-5678<TAB>JP"), and writes one JSON object per
          line, in order: { input, e164, country, type, valid, findings, suggestion },
          where findings are the ids `diagnose` raises for that number alone.
audit     Checks every account in an export of the organization's administrators and
          their methods: the Entra admin center's User registration details download,
          Microsoft Graph userRegistrationDetails or phone/email methods (JSON or
          Export-Csv), the script printed by `audit-script`, MSOnline exports and
          community MFA reports, in UTF-8, UTF-16 or Shift_JIS, comma or semicolon.
          Several files are read together (a report and per-user methods); - reads
          standard input. Writes the AuditReport as JSON (default), CSV for Excel,
          Markdown or text, in --lang. --today sets the date (default: today, UTC);
          --tenant-domain names the organization's own domains (default: those of the
          user names); --telecom-provider says the organization has its own SMS/voice
          provider; --cloud names the organization's Microsoft cloud (default public:
          Microsoft's SMS/voice retirement dates are for the public cloud only;
          usGovernment is GCC High, usGovernmentDoD is DoD, GCC is public); --tenant-id
          names the organization's tenant (the script's column carries it too). --redact
          hides contact data (numbers keep their country code and last two digits,
          addresses their first character and domain, user names their domain and a
          pseudonym, object ids 8 characters). Exit 2 with a message for a file it cannot
          read.
audit-diff
          Compares an earlier export (OLD) with a later one (NEW): per account fixed,
          improved, worse, unchanged, added or removed, with the findings that went away
          and the new ones; the summary before and after; how many administrators would
          lose a required method on each retirement date, then and now. Accounts are
          joined by object id, else by user name ignoring case. OLD and NEW may each be
          several files joined with + (report.json+phoneMethods.json). Two files of
          different organizations are not compared (a warning says so).
audit-orgs
          Many organizations at once (a managed service provider's customers): PATH is a
          folder, a .zip archive or a file. Each folder (of a folder given, or of an
          archive, archives inside it opened one level deep) is one organization named by
          it; files given alone are grouped by the tenant id they carry, else by their
          user-name domains. Each organization's files are read together, as `audit` does;
          a file or archive member that cannot be read is listed with why and loses no
          other. Writes the OrganizationsReport (JSON, default), CSV (one row per account,
          organization first), Markdown or HTML (the overview, then a section per
          organization), organizations ranked by who is locked out soonest.
fix-script
          Audits the files as `audit` does and writes the fix script of their plans
          (Microsoft Graph PowerShell) to standard output. Run as is, the script changes
          nothing (a dry run that reads each account live); it writes only with -Apply,
          honours -WhatIf and -Confirm, writes a rollback file first, never removes a
          method and never touches the account it runs as. --temporary-access-pass adds
          a one-time pass for each owner who must register a method. --output writes the
          script to FILE as it is (UTF-8 with its byte order mark): use it in Windows
          PowerShell, whose > would re-encode the text. It signs in to the organization's
          cloud and tenant (--tenant-id, or the export's tenantId column) and stops before
          reading anything when signed in elsewhere. With --by-organization, PATH is read
          as `audit-orgs` reads it and one script per organization is written into the
          folder --output names (<organization>.ps1). Never with --redact.
audit-script
          Prints the read-only Microsoft Graph PowerShell script (signing in to --cloud)
          that lists every member
          of every administrator role, active and eligible, with the methods password
          reset uses, into a CSV that `audit` reads with nothing missing.
facts     Prints, as JSON, the version, the date the Microsoft facts were last checked,
          the facts the page shows (commands, sender, dates) and the phone regions.

Input may be UTF-8 (with or without a byte order mark) or UTF-16 with its mark, as
Windows PowerShell 5.1 writes it.
Exit status: 0 for a result (whatever it finds), 2 for input that cannot be read.

CASE FIELDS (all optional; absent or null means "not known", and the report asks you to check)
    symptom               "email", "sms" or "both" (default "both"): which message did not arrive
    lang                  "ja" or "en" (default "en"): language of the report
    username              the user name typed on the password-reset page
    isAdmin               true/false: the account holds an administrator role
    soleAdmin             true/false: it is the only administrator of the organization
    globalAdmin           true/false: it is a Global Administrator
    alternateEmail        the alternate (contact) email address; "" = none set
    mobilePhone           the mobile number exactly as registered; "" = none set
    phoneCountry          ISO country of that phone ("JP"), used when the number has no +code
    smsProvider           "carrier" or "voipApp" (Google Voice, TextPlus, ...)
    carrierReceivesUsSms  true/false: the carrier delivers texts sent from the United States
    clickedResetLink      true/false: an email with "Reset your password now" arrived and
                          its link was (not) clicked
    checkedJunkFolder     true/false: looked in the Junk Email folder
    safeSenderAdded       true/false: added the Microsoft senders to the safe senders list
    ssprEnabled           true/false: self-service password reset is on for the organization
    policyOutput          pasted output of Get-MgPolicyAuthorizationPolicy, the Graph JSON,
                          or the legacy Get-MsolCompanyInformation
    pageMessage           what the password-reset page showed (SSPR_0009, or the text)
    methods               registered methods: email, mobilePhone, officePhone,
                          authenticatorApp, securityQuestions
    telecomProvider       true/false: the organization has its own SMS/voice provider
    today                 YYYY-MM-DD (default: today's date, UTC)
    cloud                 "public" (default), "usGovernment" (GCC High), "usGovernmentDoD"
                          or "china" (21Vianet)
    registeredAsMethods   true/false: the email and number are under the account's
                          Authentication methods, not only in its contact details
    accountSource         "cloud", "synced" or "federated": where the password lives
    supportCode           the support code or correlation ID shown on the reset page
    now                   date and time with offset, 2026-11-25T10:15:00+09:00, for the
                          support summary (default: now, UTC)

EXAMPLES
    echo '{"lang":"ja","mobilePhone":"+81 090-1234-5678"}' | sspr-doctor diagnose --format text
    printf '+81 090-1234-5678\n090-1234-5678\tJP\n' | sspr-doctor phones
"#;
