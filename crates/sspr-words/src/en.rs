//! English. Every arm here has its twin in `ja.rs`, with the same steps and commands.

use super::{cmd, legacy, Audience, ByPhoneType, ByResolution, BySeverity, Fixer, Labels, SummaryWords, Texts};
use crate::cause::{Cause, Gate, Known, NonCarrier, PolicyTrouble, Retirement, Writeback};
use crate::facts::*;
use crate::names::*;
use crate::problems::EmailProblem;
use crate::problems::GraphError;
use crate::problems::Invalid;
use crate::problems::UpnProblem;
use crate::report::{PhoneType, ResolutionId};

/// Who can make the change for this reader.
fn fixer(a: &Audience) -> String {
    match a.fixer() {
        Fixer::AuthenticationAdmin => "an Authentication Administrator".into(),
        Fixer::PrivilegedOrGlobalAdmin => fill!("a {ROLE_PRIV_AUTH_ADMIN_EN} or a {ROLE_GLOBAL_ADMIN_EN}"),
        Fixer::OrganizationAdmin => "your organization's administrator (help desk)".into(),
        Fixer::SelfAfterSupport => "you, once Microsoft support has restored your sign-in (see \"To reset the password today\")".into(),
        Fixer::AnotherGlobalOrPrivileged => fill!("another {ROLE_GLOBAL_ADMIN_EN} or a {ROLE_PRIV_AUTH_ADMIN_EN}"),
        Fixer::AnotherAdmin => "another administrator".into(),
    }
}

/// Who does a step, as a clause in parentheses after it.
fn who_does_it(a: &Audience) -> String {
    if a.audit {
        fill!("{} can do this for the account", fixer(a))
    } else if a.not_admin {
        "your administrator does this".into()
    } else if a.sole_admin {
        "you can, once Microsoft support has restored your sign-in".into()
    } else {
        fill!("{} does this", fixer(a))
    }
}

/// "Have X change it, or change it yourself once signed in", for this reader.
fn have_it_changed(a: &Audience) -> String {
    let crate::Places { info, methods_path, .. } = crate::places(a);
    if a.audit {
        fill!(
            "Correct it under the account's authentication methods ({methods_path}; {}), or have the account's owner correct it at {info}.",
            who_does_it(a)
        )
    } else if a.sole_admin {
        "Change it yourself once Microsoft support has restored your sign-in (see \"To reset the password today\").".into()
    } else {
        fill!("Have {} change it, or change it yourself once signed in.", fixer(a))
    }
}

/// The Graph PowerShell commands that read the administrator switch.
fn read_switch(a: &Audience) -> (Vec<String>, Vec<crate::report::Command>) {
    let who = if a.sole_admin { "as yourself once your sign-in is back" } else { "as an administrator who can sign in" };
    (
        vec![
            fill!("In PowerShell with the Microsoft Graph module (if needed: {GRAPH_INSTALL}), sign in {who}: {GRAPH_CONNECT_READ}"),
            fill!("Run: {GRAPH_READ_SSPR}. True means administrators may reset their own password; False means they may not."),
            fill!("(Legacy, retired: {MSOL_READ_SSPR}. The MSOnline module no longer works; use the command above.)"),
        ],
        vec![cmd(GRAPH_CONNECT_READ), cmd(GRAPH_READ_SSPR), legacy(MSOL_READ_SSPR)],
    )
}

pub fn email_reason(p: &EmailProblem) -> String {
    use EmailProblem::*;
    match p {
        FullWidthAt => "it uses the full-width \"＠\" instead of \"@\"".into(),
        FullWidthCharacters => "it contains full-width characters".into(),
        NoAt => "it has no \"@\"".into(),
        TwoAts => "it has more than one \"@\"".into(),
        EmptyLocalPart => "nothing comes before the \"@\"".into(),
        EmptyDomain => "nothing comes after the \"@\"".into(),
        Spaces => "it contains spaces".into(),
        NoDomainDot => "the domain has no dot (as in \"example.com\")".into(),
        BadLocalCharacter(c) => fill!("the character \"{c}\" is not allowed before the \"@\""),
        BadDomainCharacter(c) => fill!("the character \"{c}\" is not allowed in the domain"),
        EmptyLabel => "the domain has two dots in a row, or starts or ends with a dot".into(),
        LabelHyphen(s) => fill!("the domain part \"{s}\" starts or ends with a hyphen"),
        LabelTooLong(_) => "a part of the domain is longer than 63 characters".into(),
        LocalTooLong(n) => fill!("the part before the \"@\" has {n} characters (at most 64)"),
        DomainTooLong(n) => fill!("the domain has {n} characters (at most 255)"),
        AddressTooLong(n) => fill!("the address has {n} characters (at most 254)"),
        NumericTld(t) => fill!("the domain ends in a number (\"{t}\")"),
    }
}

pub fn phone_reason(p: &Invalid) -> String {
    use Invalid::*;
    match p {
        NoDigits => "it contains no digits".into(),
        Letters(c) => fill!("it contains the letter \"{c}\""),
        BadCharacter(c) => fill!("it contains the character \"{c}\""),
        UnknownCountryCode(cc) => fill!("no country has a calling code that starts \"+{cc}\""),
        UnknownRegionHint(r) => fill!("\"{r}\" is not a country code such as JP or US"),
        TooShort { len, min } => fill!("it is too short: {len} digits after the country code, where a number like it has {min}"),
        TooLong { len, max } => fill!("it is too long: {len} digits after the country code, where a number like it has {max}"),
        InvalidLength { len } => fill!("no number in that country has {len} digits"),
        NoSuchRange => "no number in that country starts this way".into(),
        TooLongInput => "the input is far longer than any phone number".into(),
    }
}

pub fn upn_reason(p: &UpnProblem) -> String {
    use UpnProblem::*;
    match p {
        Empty => "it is empty".into(),
        NoAt => "it has no \"@domain\" part: the user name is the full sign-in address".into(),
        TwoAts => "it has more than one \"@\"".into(),
        FullWidth => "it contains full-width characters (typed in Japanese input mode)".into(),
        Spaces => "it contains spaces".into(),
        BadCharacter(c) => fill!("the character \"{c}\" is not allowed in a user name"),
        DotBeforeAt => "a \".\" comes right before the \"@\"".into(),
        NoDomainDot => "the domain is incomplete (as in \"contoso.onmicrosoft.com\")".into(),
        LocalTooLong(n) => fill!("{n} characters before the \"@\" (at most 64)"),
        DomainTooLong(n) => fill!("{n} characters after the \"@\" (at most 48)"),
        TooLong(n) => fill!("{n} characters in all (at most 113)"),
    }
}

pub fn phone_type(t: PhoneType) -> &'static str {
    use PhoneType::*;
    match t {
        Mobile => "a mobile number",
        FixedLine => "a landline number",
        FixedLineOrMobile => "a landline or mobile number",
        Voip => "an internet (VoIP) number",
        TollFree => "a toll-free number",
        PremiumRate => "a premium-rate number",
        SharedCost => "a shared-cost number",
        PersonalNumber => "a personal (forwarding) number",
        Pager => "a paging number",
        Uan => "a company (universal access) number",
        Voicemail => "a voicemail access number",
        Unknown => "a number of unknown type",
    }
}

fn today_box() -> String {
    "For today, follow \"To reset the password today\" in this report.".into()
}

/// "Register another method": by the owner while they can still sign in, or for them.
fn register_for_them(a: &Audience, what: &str) -> String {
    let crate::Places { info, methods_path, .. } = crate::places(a);
    fill!("Have the account's owner register {what} at {info} while they can still sign in, or add it under the account's authentication methods ({methods_path}; {}).", who_does_it(a))
}

/// The organization's own telephony provider, which Learn still calls a private preview.
fn provider_step() -> String {
    fill!("Or configure a telephony provider from Microsoft Security Store for the organization: a private preview, configurable since {TELEPHONY_PROVIDER_CONFIGURABLE} ({PHONE_PROVIDERS_URL}; {SMS_RETIREMENT_URL}).")
}

/// "the mobile phone", "the mobile and office phones".
fn phones_named(lose: &[Gate]) -> &'static str {
    match (lose.contains(&Gate::MobilePhone), lose.contains(&Gate::OfficePhone)) {
        (true, true) => "the mobile and office phones",
        (false, true) => "the office phone",
        _ => "the mobile phone",
    }
}

/// The steps of a finding whose fix needs a text or a call, once Microsoft sends none.
pub fn telephony_ended(a: &Audience, date: crate::facts::Date) -> Vec<String> {
    let instead = fill!("a method that is not a text or a call ({SSPR_NON_TELEPHONY_METHODS_EN})");
    vec![
        fill!("Since {date}, Microsoft sends no password-reset text messages or calls, unless the organization configured its own telephony provider: putting this right no longer brings one."),
        if a.audit { register_for_them(a, &instead) } else { fill!("Reset with {instead}; for today, follow \"To reset the password today\" in this report.") },
    ]
}

pub fn finding(c: &Cause, a: &Audience) -> Texts {
    let crate::Places { info, reset, methods_path, sspr_path, writeback_path, registration_path, others, .. } = crate::places(a);
    let mut commands = Vec::new();
    let s = crate::owned;
    let (title, detail, steps): (String, String, Vec<String>) = match c {
        Cause::Throttled { from_telephony: false } => (
            s("Too many attempts: password reset is blocked for now"),
            fill!("{THROTTLE_ATTEMPTS_PER_HOUR} phone number validations, {THROTTLE_ATTEMPTS_PER_HOUR} security question attempts or {THROTTLE_ATTEMPTS_PER_HOUR} resets of the same account in one hour trigger an automatic block. Until {THROTTLE_WAIT_HOURS} hours have passed since the last attempt, no email or text message is sent."),
            vec![
                s("Stop trying for now: every new attempt restarts the wait."),
                fill!("Wait {THROTTLE_WAIT_HOURS} hours after the last attempt, then reset again at {reset}."),
                s("If you need access sooner, follow \"To reset the password today\" in this report."),
            ],
        ),
        Cause::Throttled { from_telephony: true } => (
            s("Microsoft is holding back text messages and calls to this number"),
            s("\"Sorry, we're having trouble verifying your account\" means Microsoft's telephony fraud protection held the request back: after many attempts, for a new organization in its first days, or for a region that needs an opt-in. These holds usually clear after a few hours to a few days."),
            vec![
                s("Wait a few hours before trying again; do not retry right away."),
                fill!("Choose another method if you have one: {others}."),
                if a.sole_admin { s("If it keeps happening, mention it when you contact Microsoft support.") } else { fill!("If it keeps happening, have {} open a Microsoft support request.", fixer(a)) },
            ],
        ),
        Cause::SmsRateLimited => (
            s("Microsoft's limit on repeated text codes was reached"),
            s("\"You've hit our limit on text verification codes\" (or \"on verification calls\") means Microsoft limits repeated attempts by the same user or organization in a short time. It clears after a few minutes and does not apply to Microsoft Authenticator or verification codes; it is not the 24-hour block for too many resets."),
            vec![
                s("Wait a few minutes, then ask for the code once more; do not request it again and again."),
                fill!("Or choose another method: {others}."),
            ],
        ),
        Cause::NotAdmin(Known::Yes) => (
            s("This account is not an administrator: the user reset policy applies"),
            fill!("Accounts without an administrator role reset on the same page ({reset}), under the organization's policy for users. It works only if the organization turned self-service password reset on for users (Selected or All) and the account is in scope; otherwise the page sends nothing."),
            vec![
                fill!("Ask your administrator (help desk) whether self-service password reset is on for you ({sspr_path})."),
                s("If it is not, or if you need access now, ask them to reset your password: they can give you a temporary password."),
            ],
        ),
        Cause::NotAdmin(Known::Unknown) => (
            s("Check whether the account is an administrator"),
            s("Administrators and other users reset on the same page, under different rules: administrators always need two methods, and the organization can turn their reset off; other users follow the policy the organization set for users."),
            vec![s("Ask a fellow administrator to look up the account's roles (for example Global Administrator) in the Microsoft 365 or Microsoft Entra admin center.")],
        ),
        Cause::PersonalAccount { domain } => (
            s("This is a personal Microsoft account, not a work account"),
            fill!("{domain} is a personal Microsoft account domain. Microsoft Entra self-service password reset does not reset personal accounts, so the reset page sends nothing for it."),
            vec![
                fill!("Reset a personal account at {PERSONAL_ACCOUNT_RESET_URL}."),
                s("For Microsoft 365 administration, type the work account's sign-in name (for example admin@contoso.onmicrosoft.com)."),
            ],
        ),
        Cause::SsprDisabled { known: Known::Yes, from_page, registration } => {
            commands = vec![cmd(GRAPH_CONNECT_WRITE), cmd(GRAPH_ENABLE_SSPR)];
            (
                s("Password reset is turned off for administrators"),
                if *registration { s("The page said your administrator \"has not enabled you to use this feature\". For an administrator this means password reset for administrators is off: you are still asked to register but cannot register any method, and no reset is sent.") }
                else if *from_page { s("The reset page reported SSPR_0009: password reset is not enabled. While it is off, no email or text message is ever sent.") }
                else { s("The organization's AllowedToUseSspr switch is off. It governs administrators: while it is off they cannot reset their own password, and no email or text message is sent.") },
                vec![
                    fill!("Turn it on ({}; it needs at least the Privileged Role Administrator role): {GRAPH_CONNECT_WRITE}", who_does_it(a)),
                    fill!("then: {GRAPH_ENABLE_SSPR}"),
                    fill!("The change takes up to {POLICY_PROPAGATION_MINUTES} minutes; then try {reset} again."),
                ],
            )
        }
        Cause::SsprDisabled { known: Known::Unknown, .. } => {
            let (steps, cmds) = read_switch(a);
            commands = cmds;
            (
                s("Check that password reset is on for administrators"),
                s("If the organization turned administrator password reset off (AllowedToUseSspr = False), no message is sent. Paste the command's output into the \"policy output\" field to check it here."),
                steps,
            )
        }
        Cause::PasswordWriteback(w) => (
            match w {
                Writeback::Source(_) => s("Check that password writeback is on for this account"),
                _ => s("Password writeback to on-premises Active Directory failed"),
            },
            match w {
                Writeback::NotEnabled => s("The reset page reported SSPR_0010: the account's password is managed in on-premises Active Directory, and password writeback is not enabled, so it cannot be reset in the cloud."),
                Writeback::OnPremisesError => s("The reset page reported SSPR_0029: the cloud could not write the new password back to on-premises Active Directory because of an error in the on-premises configuration."),
                Writeback::Connectivity => s("The reset page reported SSPR_0030: the cloud could not reach the on-premises environment to write the new password back."),
                Writeback::Source(_) => s("A synchronized or federated account's password lives in on-premises Active Directory. Self-service reset in the cloud works only with password writeback (Microsoft Entra Connect or cloud sync), and never for members of protected groups such as Domain Admins."),
            },
            vec![
                fill!("Check that writeback is on ({}): {writeback_path}.", who_does_it(a)),
                fill!("On the Microsoft Entra Connect (or cloud sync agent) server, look in the Application event log for events from {WRITEBACK_EVENT_SOURCES}."),
                fill!("Follow {WRITEBACK_TROUBLESHOOT_URL} for the error found there; an account in a protected group is reset in on-premises Active Directory instead."),
            ],
        ),
        Cause::ResetNotConfigured { code } => (
            match *code {
                "SSPR_0011" => s("The organization has no password reset policy (SSPR_0011)"),
                "SSPR_0012" => s("A license that password reset needs is missing (SSPR_0012)"),
                "SSPR_0013" => s("The account is not in the group allowed to reset (SSPR_0013)"),
                other => fill!("The reset page reported a configuration problem ({other})"),
            },
            match *code {
                "SSPR_0011" => s("The organization has not defined a password reset policy, so the page cannot go on."),
                "SSPR_0012" => s("The organization lacks the licenses that password reset needs."),
                "SSPR_0013" => s("Self-service password reset is on for selected users only, and this account is not in that group."),
                _ => s("The organization's password reset configuration has a problem that only an administrator can fix."),
            },
            vec![
                fill!("Review Password reset in the Microsoft Entra admin center ({}): {sspr_path}.", who_does_it(a)),
                if a.sole_admin { today_box() } else { fill!("Meanwhile, have {} reset your password.", fixer(a)) },
            ],
        ),
        Cause::PolicyUnrecognized(t) => {
            let (steps, cmds) = read_switch(a);
            commands = cmds;
            let detail = match t {
                PolicyTrouble::Unrecognized => s("The pasted text shows neither True nor False for AllowedToUseSspr (or SelfServePasswordResetEnabled)."),
                PolicyTrouble::Contradictory => s("The pasted text shows the switch both on and off; it may mix outputs from different tenants or times."),
                PolicyTrouble::Graph(GraphError::NotInstalled) => fill!("Get-MgPolicyAuthorizationPolicy was not found. Install the module: {GRAPH_INSTALL}"),
                PolicyTrouble::Graph(GraphError::NotConnected) => fill!("PowerShell is not connected to Microsoft Graph. First run: {GRAPH_CONNECT_READ}"),
                PolicyTrouble::Graph(GraphError::AccessDenied) => s("The account that ran the command may not read the policy: run it as an administrator with Policy.Read.All consented."),
            };
            (s("The policy output could not be read"), detail, steps)
        }
        Cause::UsernameInvalid(Some(p)) => (
            s("The user name is not a valid sign-in name"),
            fill!("The user name typed on the reset page is not well formed: {}. No account matches it, so nothing is sent.", upn_reason(p)),
            vec![s("Type the full sign-in name (for example admin@contoso.onmicrosoft.com), in half-width characters.")],
        ),
        Cause::UsernameInvalid(None) => (
            s("Check the user name typed on the reset page"),
            s("A mistyped user name matches no account, or another account, and the message goes nowhere you can see."),
            vec![s("Make sure you typed the full sign-in name, for example admin@contoso.onmicrosoft.com.")],
        ),
        Cause::MethodsNotRegistered(k) => {
            let ended = matches!(a.telephony, crate::cause::Telephony::Ended { .. });
            commands = if ended {
                vec![cmd(GRAPH_CONNECT_EMAIL_METHOD), cmd(GRAPH_ADD_EMAIL)]
            } else {
                vec![cmd(GRAPH_CONNECT_METHODS), cmd(GRAPH_ADD_PHONE), cmd(GRAPH_UPDATE_PHONE), cmd(GRAPH_ADD_EMAIL)]
            };
            (
                if *k == Known::Yes { s("The contact details are not registered as authentication methods") } else { s("Check that the contact details are registered as authentication methods") },
                fill!("Microsoft Learn: since {REGISTERED_METHODS_ONLY}, password reset accepts only explicitly registered authentication methods; a mobile number or alternate email that is only in the account's directory details (mobilePhone, businessPhones, otherMails) no longer works for it. Since {REGISTRATION_CAMPAIGN}, where the organization requires registration at sign-in, a registration campaign prompts users who lack enough methods ({MESSAGE_CENTER_ID})."),
                if ended {
                    // A number no longer brings a text: only the address is worth registering.
                    vec![
                        fill!("Look under Authentication methods, not only the contact details: {methods_path}."),
                        fill!("Add the email there ({}; for an administrator's account this takes a {ROLE_PRIV_AUTH_ADMIN_EN} or a {ROLE_GLOBAL_ADMIN_EN}), or with Microsoft Graph PowerShell: {GRAPH_CONNECT_EMAIL_METHOD}", who_does_it(a)),
                        fill!("then: {GRAPH_ADD_EMAIL} (with the real account and address)."),
                    ]
                } else {
                    vec![
                        fill!("Look under Authentication methods, not only the contact details: {methods_path}."),
                        fill!("Add the mobile number and the email there ({}; for an administrator's account this takes a {ROLE_PRIV_AUTH_ADMIN_EN} or a {ROLE_GLOBAL_ADMIN_EN}), or with Microsoft Graph PowerShell: {GRAPH_CONNECT_METHODS}", who_does_it(a)),
                        fill!("then: {GRAPH_ADD_PHONE} and {GRAPH_ADD_EMAIL} (with the real account, number and address)."),
                        fill!("If the account already has a mobile phone method, adding one fails (one phone per type): update it instead: {GRAPH_UPDATE_PHONE}"),
                    ]
                },
            )
        }
        Cause::AlternateEmailMissing(k) => (
            if *k == Known::Yes { s("No alternate email address is set") } else { s("Check that an alternate email address is set") },
            s("The reset email goes to the alternate (contact) email address registered as a method. Without one, it cannot be sent."),
            vec![today_box(), fill!("Once signed in, register an address outside the organization that you can read, at {info}.")],
        ),
        Cause::AlternateEmailInvalid { problem, suggestion } => (
            s("The alternate email address is not valid"),
            fill!("The alternate email address is not a valid address: {}.", email_reason(problem)),
            {
                let mut v = Vec::new();
                if let Some(sug) = suggestion {
                    v.push(fill!("The intended address is probably {sug}."));
                }
                v.push(have_it_changed(a));
                v
            },
        ),
        Cause::AlternateEmailTypo { suggestion } => (
            s("The alternate email address looks mistyped"),
            fill!("The domain is one typo away from a well-known one. Did you mean {suggestion}?"),
            vec![fill!("If {suggestion} is right: {}", lower_first(&have_it_changed(a)))],
        ),
        Cause::AlternateEmailInTenant { domain, onmicrosoft, own_mailbox } => (
            if *own_mailbox { s("The alternate email address is the account's own mailbox") } else { s("The alternate email address is inside your own organization") },
            if *own_mailbox { s("The reset email would go to the mailbox of the very account that is locked out, which no one can open without its password.") }
            else if *onmicrosoft { fill!("{domain} is a Microsoft 365 organization domain. While you are locked out you cannot sign in to that mailbox.") }
            else { fill!("{domain} is the same organization as the sign-in name. While you are locked out you most likely cannot read that mailbox.") },
            if a.audit {
                vec![
                    register_for_them(a, "an address outside the organization that they can read while locked out (a personal one)"),
                    s("Keep addresses in the organization for other uses: they do not help someone locked out of their account."),
                ]
            } else {
                vec![
                    s("If the mailbox is still open somewhere (a phone that is already signed in), look there."),
                    fill!("Once signed in, register an address outside the organization (a personal one) at {info}."),
                ]
            },
        ),
        Cause::AlternateEmailCarrierFilter { domain } => (
            s("Carrier mail filters may drop the reset email"),
            fill!("{domain} is a Japanese mobile carrier's mail domain. Depending on its spam settings, mail from computers or from senders not on the allow list is refused without notice."),
            vec![
                fill!("In the carrier's spam settings, allow {RESET_EMAIL_SENDER_2} and {RESET_EMAIL_SENDER} (or the domains microsoft.com and microsoftonline.com)."),
                s("Turn off settings such as \"refuse mail from computers\" for the moment."),
            ],
        ),
        Cause::JunkFolder(k) => (
            if *k == Known::Yes { s("The junk email folder has not been checked") } else { s("Check the junk email folder") },
            s("Spam filters are the most common reason a reset email seems not to arrive."),
            vec![s("Look in the Junk Email and Deleted Items folders of the alternate mailbox; if your mail service quarantines messages, look in its quarantine too.")],
        ),
        Cause::SenderNotSafelisted(k) => (
            if *k == Known::Yes { s("The sender is not on the safe senders list") } else { s("Check that the sender is on the safe senders list") },
            fill!(
                "The reset email comes from {RESET_EMAIL_SENDER_2} or {RESET_EMAIL_SENDER} ({} in Azure Government; {} in the cloud operated by 21Vianet). Filters may hold it back unless the sender is trusted.",
                RESET_EMAIL_SENDERS_US_GOV.join(" or "),
                RESET_EMAIL_SENDERS_21VIANET.join(" or ")
            ),
            vec![fill!("Add {RESET_EMAIL_SENDER_2} and {RESET_EMAIL_SENDER} to the safe senders list of the alternate mailbox, then try the reset again.")],
        ),
        Cause::MobilePhoneMissing(k) => (
            if *k == Known::Yes { s("No mobile phone number is set") } else { s("Check that a mobile phone number is set") },
            s("The text message goes to the mobile number registered as a method; it is also one of the two methods administrators must have."),
            vec![today_box(), fill!("Once signed in, register your mobile number with its country code at {info} (for example {ENTRA_PHONE_EXAMPLE}).")],
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: true } => (
            s("The \"+\" before the country code is missing"),
            s("The number starts with its country code, but without the \"+\" it is not read as one, and the text message cannot be delivered."),
            match suggestion {
                Some(sug) => vec![fill!("Change the number to {sug}."), have_it_changed(a)],
                None => vec![s("Put \"+\" before the country code."), have_it_changed(a)],
            },
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: false } => (
            s("The mobile number has no country code"),
            fill!("Text messages are sent internationally, so the number needs its country code, written like \"{ENTRA_PHONE_EXAMPLE}\"."),
            match suggestion {
                Some(sug) => vec![fill!("Change the number to {sug} (without the national leading 0)."), have_it_changed(a)],
                None => vec![s("Tell us the number's country to see the corrected number."), fill!("Write it as \"+country code number\": for Japan, +81 and the number without its leading 0 ({ENTRA_PHONE_EXAMPLE_JP}).")],
            },
        ),
        Cause::TrunkPrefix { prefix, suggestion } => (
            fill!("The national \"{prefix}\" was kept after the country code"),
            fill!("After the country code, the national trunk prefix \"{prefix}\" must be dropped. With it, the text message goes to a number that does not exist."),
            match suggestion {
                Some(sug) => vec![fill!("Change the number to {sug}."), have_it_changed(a)],
                None => vec![fill!("Remove the \"{prefix}\" after the country code."), have_it_changed(a)],
            },
        ),
        Cause::PhoneInvalid(p) => (
            s("The mobile number is not a valid number"),
            fill!("The registered number is not valid: {}.", phone_reason(p)),
            vec![fill!("Check the number and register it again as \"+country code number\" (for example {ENTRA_PHONE_EXAMPLE}).")],
        ),
        Cause::PhoneNotMobile { kind, extension } => (
            s("The number cannot receive text messages"),
            {
                let mut d = fill!("This is {}. Text messages only reach mobile phones.", phone_type(*kind));
                if let Some(ext) = extension {
                    d.push_str(&fill!(" The extension ({ext}) is removed before sending: texts never reach an extension."));
                }
                d
            },
            vec![s("Register a mobile number that can receive text messages as the mobile phone method.")],
        ),
        Cause::PhoneNumberMismatch => (
            s("The number typed on the reset page does not match the one on file"),
            s("To send the code, the reset page asks you to type the registered number; it must match exactly, including the country code."),
            vec![s("Type the complete number, including country and area code."), if a.sole_admin { s("If the number changed, change it once Microsoft support has restored your sign-in.") } else { fill!("If the number changed, have {} update it.", fixer(a)) }],
        ),
        Cause::NonCarrierSms(n) => (
            match n {
                NonCarrier::Said => s("An app or VoIP text service cannot receive the code"),
                NonCarrier::VoipRange => s("The number looks like an internet (VoIP) number"),
                NonCarrier::Unknown => s("Check that the number belongs to a mobile carrier"),
            },
            s("Text-message services that are not mobile carriers (Google Voice, TextPlus and the like) are not supported, and their numbers may not receive the message."),
            vec![s("Register a number from a mobile carrier.")],
        ),
        Cause::CarrierRejectsUsSms(k) => (
            if *k == Known::Yes { s("The carrier does not deliver text messages from abroad") } else { s("Check that the carrier accepts text messages from abroad") },
            fill!("Microsoft sends the codes through several routes, often from outside your country: short codes are used only in the United States and Canada, elsewhere ordinary international numbers, and a code may also come by RCS or WhatsApp ({WHATSAPP_SENDER}). Some carriers and plans block texts from overseas senders."),
            vec![s("In the carrier's settings, allow international (overseas) text messages."), fill!("If that is not possible, use another method: {others}.")],
        ),
        Cause::ResetLinkNotClicked => (
            s("Check the \"Reset your password now\" link in the email"),
            s("If a \"Reset your password\" email from Microsoft Online Services arrived, its \"Reset your password now\" link opens the reset page; in today's flow the text is sent when you choose \"Text my mobile phone\" there."),
            vec![s("Open the email, click the link, choose \"Text my mobile phone\" and follow the steps.")],
        ),
        Cause::RegionOptIn { key, regions } => (
            fill!("Text messages to +{key} need your organization to opt in"),
            fill!("+{key} ({regions}) is on Microsoft's list of regions whose text messages and calls need the organization to opt in through a support request. Without it, nothing arrives."),
            vec![
                if a.sole_admin { fill!("Once your sign-in is back, open a Microsoft support request to enable telephony for this region ({OPT_IN_URL}).") } else { fill!("Have {} open a Microsoft support request to enable telephony for this region ({OPT_IN_URL}).", fixer(a)) },
                fill!("Until then, use another method: {others}."),
            ],
        ),
        Cause::SmsRetired(r) => match r {
            Retirement::Retired { date } => (
                s("Microsoft no longer sends the text messages itself"),
                fill!("Microsoft-provided SMS and voice were retired on {date}, password reset included. Unless the organization configured a telephony provider from Microsoft Security Store, no text message is sent."),
                if a.audit {
                    vec![
                        register_for_them(a, &fill!("a method that is not SMS or voice ({SSPR_NON_TELEPHONY_METHODS_EN})")),
                        provider_step(),
                    ]
                } else {
                    vec![
                        fill!("Use a method that is not a text or a call (an office phone is a call too): {SSPR_NON_TELEPHONY_METHODS_EN}."),
                        if a.sole_admin { fill!("Once your sign-in is back, consider a telephony provider (a private preview: {PHONE_PROVIDERS_URL}).") } else { fill!("Ask {} about configuring a telephony provider (a private preview: {PHONE_PROVIDERS_URL}).", fixer(a)) },
                    ]
                },
            ),
            Retirement::Upcoming { date, global_admin_date } => (
                fill!("Microsoft-provided SMS ends on {date}"),
                {
                    let mut d = fill!("From {date}, password-reset text messages are no longer sent unless the organization configures a telephony provider.");
                    if let Some(g) = global_admin_date {
                        d.push_str(&fill!(" For Global Administrators the date is {g}."));
                    }
                    d
                },
                vec![fill!("Register a method that is not SMS or voice now ({SSPR_NON_TELEPHONY_METHODS_EN}): {info}")],
            ),
            Retirement::DateUnknown => (
                s("Microsoft-provided SMS is being retired"),
                fill!("Microsoft-provided SMS and voice end on {SMS_RETIREMENT_ALL_USERS} ({SMS_RETIREMENT_GLOBAL_ADMINS} for Global Administrators). After that, nothing is sent without a telephony provider."),
                vec![fill!("Register a method that is not SMS or voice as well ({SSPR_NON_TELEPHONY_METHODS_EN}): {info}")],
            ),
            Retirement::NotScheduled { cloud } => (
                s("Microsoft-provided SMS and voice: no date yet in your cloud"),
                fill!("The dates Microsoft announced for ending its own SMS and voice are for the public cloud only. {} follows on a later schedule that Microsoft has not published yet; when it ends there, nothing is sent without a telephony provider.", cloud_name(*cloud)),
                vec![fill!("Register a method that is not SMS or voice as well ({SSPR_NON_TELEPHONY_METHODS_EN}): {info}; watch {SMS_RETIREMENT_URL} for your cloud's date.")],
            ),
        },
        Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page } => (
            match (usable, from_page) {
                (_, true) => s("Not enough security info is registered to reset the password (SSPR_0014)"),
                (Some(0), false) if a.not_admin => s("No method that password reset can use is registered"),
                (Some(0), false) => fill!("No usable method is registered; administrators need {ADMIN_METHODS_REQUIRED}"),
                (Some(n), false) => fill!("Only {n} usable method{} registered; administrators need {ADMIN_METHODS_REQUIRED}", if *n == 1 { "" } else { "s" }),
                (None, false) => s("Check that two methods are registered"),
            },
            {
                let ended = matches!(a.telephony, crate::cause::Telephony::Ended { .. });
                let kinds = if ended { "email, Microsoft Authenticator, an OATH code, …; no longer a phone" } else { "email, mobile phone, Microsoft Authenticator, an OATH code, …" };
                let mut d = if a.not_admin {
                    fill!("Password reset needs at least one registered method it can use ({kinds}); the organization's policy may ask for two.")
                } else {
                    fill!("Administrator password reset requires {ADMIN_METHODS_REQUIRED} pieces of authentication data ({kinds}).")
                };
                if *security_questions {
                    d.push_str(" Security questions do not count for administrators.");
                }
                if !ended {
                    d.push_str(" On trial or free subscriptions, voice calls do not count either.");
                }
                if *one_gate_possible {
                    d.push_str(" Only a trial's first 30 days, or a tenant with no custom domain and no directory sync, needs just one.");
                }
                d
            },
            if a.audit {
                commands = vec![cmd(GRAPH_CONNECT_EMAIL_METHOD), cmd(GRAPH_ADD_EMAIL)];
                vec![
                    register_for_them(a, "another method (email outside the organization, Microsoft Authenticator or an OATH token; not security questions)"),
                    fill!("With Microsoft Graph PowerShell: {GRAPH_CONNECT_EMAIL_METHOD} then {GRAPH_ADD_EMAIL} (with the real account and address)."),
                ]
            } else {
                vec![today_box(), fill!("Once signed in, register a second method at {info}.")]
            },
        ),
        Cause::SmsDelivery => (
            s("If the text still does not come: where else to look"),
            fill!("Nothing you entered explains a missing text message on its own. Microsoft may deliver the code by RCS or in WhatsApp (from {WHATSAPP_SENDER}) instead of SMS, routes change from one attempt to the next, and phones hold texts back in ways Microsoft cannot see."),
            vec![
                fill!("Look in WhatsApp and in your messaging app's spam or unknown-senders folder; check that text messaging is on and any SMS filter or blocked-senders app lets codes through."),
                fill!("Ask for a new code at most once more, a few minutes later: Microsoft uses several routes, but {THROTTLE_ATTEMPTS_PER_HOUR} phone validations in one hour block password reset for {THROTTLE_WAIT_HOURS} hours. If it still does not come, use another method ({SSPR_NON_TELEPHONY_METHODS_EN})."),
                s("Voice calls are not available to organizations on a trial subscription, and a new organization's texts and calls are held back in its first days."),
            ],
        ),
        Cause::EmailDelivery => (
            s("If the email still does not come: where else to look"),
            s("Nothing you entered explains a missing email on its own. Mail can also be held by the mail service's quarantine, moved by an inbox rule, or sent to a different mailbox than the one you are watching."),
            vec![
                s("Search the whole mailbox (all folders) for \"Microsoft\" and for the word \"password\"."),
                s("Ask whoever runs that mailbox whether its mail service quarantined a message from Microsoft."),
                s("Make sure the address registered as the email method is the mailbox you are watching."),
            ],
        ),
        Cause::MsonlineRetired { failed } => {
            let (mut steps, cmds) = read_switch(a);
            commands = cmds;
            steps.truncate(2);
            (
                s("The MSOnline PowerShell module is retired"),
                if *failed { s("The pasted text shows the MSOnline module failing: it was retired in 2025 and no longer works (\"MSOnline is retired and access is disallowed\"). Microsoft Graph PowerShell replaces it.") }
                else { s("The pasted text comes from the retired MSOnline module; its value may be old. Confirm it with Microsoft Graph PowerShell.") },
                steps,
            )
        }
        Cause::SmsDependent { date, global_admin_date, lose } => (
            fill!("Can no longer reset from {date}: relies on Microsoft's text messages or calls"),
            {
                let mut d = if a.not_admin {
                    fill!("Without {}, this account has no other method that password reset can use.", phones_named(lose))
                } else {
                    fill!("Without {}, this account has fewer than the {ADMIN_METHODS_REQUIRED} methods administrators need.", phones_named(lose))
                };
                d.push_str(&fill!(" Microsoft stops sending SMS and voice on {date}, password reset included, unless the organization configures a telephony provider."));
                if let Some(g) = global_admin_date {
                    d.push_str(&fill!(" If the account is a Global Administrator, the date is {g}."));
                }
                d
            },
            vec![
                register_for_them(a, &fill!("a method that is not SMS or voice ({SSPR_NON_TELEPHONY_METHODS_EN}) before {date}")),
                provider_step(),
            ],
        ),
        Cause::AlternateMobileOnly => (
            s("The only phone is an alternate mobile, which password reset does not use"),
            s("Password reset texts or calls the mobile phone method (and calls the office phone). An alternate mobile phone is used only for sign-in (MFA)."),
            vec![register_for_them(a, "the number as the mobile phone method")],
        ),
        Cause::NotSsprCapable { capable, registered, admin_policy_applies, users_policy_off } => (
            if *capable == Some(false) { s("Microsoft's report says the account cannot use password reset") } else { s("Microsoft's report says the account is not registered for password reset") },
            {
                let mut d = match (capable, registered) {
                    (Some(false), _) => s("In Microsoft's registration report the account is not SSPR-capable (isSsprCapable false): it has not registered enough methods for the password-reset policy, or the policy does not cover it."),
                    _ => s("In Microsoft's registration report the account is not registered for password reset (isSsprRegistered false): it has fewer methods than the policy asks for."),
                };
                if *admin_policy_applies {
                    d.push_str(" For an administrator the flag follows the users' policy; the administrators' own two-method policy is what the other findings check.");
                }
                if *users_policy_off {
                    d.push_str(" Self-service password reset is off for users (isSsprEnabled false); that does not turn it off for administrators.");
                }
                d
            },
            vec![
                register_for_them(a, "the methods the policy asks for (administrators: two, not security questions)"),
                fill!("Check the result in Microsoft's report: {registration_path}."),
            ],
        ),
        Cause::PhoneMangled { scientific, guess } => (
            s("A spreadsheet damaged this phone number in the file"),
            if *scientific {
                s("The number reads like \"8.19E+11\": a spreadsheet turned it into a figure and its digits are lost. The number registered in Microsoft Entra is probably intact; it could not be checked here.")
            } else {
                let mut d = s("The number has no \"+\": a spreadsheet read it as a figure and dropped the \"+\". Microsoft Entra stores phone methods with it, so the registered number is probably intact");
                match guess {
                    Some(g) => d.push_str(&fill!(" ({g}), and it was checked as that.")),
                    None => d.push('.'),
                }
                d
            },
            vec![
                s("Export again without opening the file in a spreadsheet, or open it as text (Data → From Text/CSV, with the phone column as Text)."),
                fill!("To see the number itself, look under the account's authentication methods ({methods_path})."),
            ],
        ),
        Cause::NoGlobalAdminCanReset { global_admins, undecided } => (
            if *global_admins == 0 { s("The file lists no Global Administrator") } else { s("No Global Administrator could reset their own password today") },
            if *global_admins == 0 {
                s("No account in the file holds the Global Administrator role, so the file shows no one who could recover the organization. It may not list every administrator: the script on this page lists them all.")
            } else {
                let mut d = fill!("None of the {global_admins} Global Administrators has two working methods. If they are all locked out, only Microsoft support can help, after checking that you own the organization.");
                if *undecided > 0 {
                    d.push_str(&fill!(" For {undecided} of them the file does not say enough to decide."));
                }
                d
            },
            vec![
                fill!("Give at least {GLOBAL_ADMINS_RECOMMENDED} Global Administrators two working methods each now ({info}); see each account's findings below."),
                fill!("Keep {GLOBAL_ADMINS_RECOMMENDED} emergency access accounts that can always sign in ({EMERGENCY_ACCESS_URL})."),
            ],
        ),
        Cause::FewGlobalAdminsCanReset { can, global_admins } => (
            fill!("Only {can} Global Administrator could reset their own password today"),
            fill!("{can} of {global_admins} Global Administrators has two working methods. Microsoft recommends at least {GLOBAL_ADMINS_RECOMMENDED} accounts that can always get in: if this one is locked out too, only Microsoft support can help."),
            vec![
                fill!("Give at least {GLOBAL_ADMINS_RECOMMENDED} Global Administrators two working methods each now ({info}); see each account's findings below."),
                fill!("Keep {GLOBAL_ADMINS_RECOMMENDED} emergency access accounts that can always sign in ({EMERGENCY_ACCESS_URL})."),
            ],
        ),
        Cause::SharedContact { phones, emails } => (
            s("Administrators share a phone number or mailbox"),
            fill!("{phones} phone number(s) and {emails} alternate email address(es) are registered for more than one administrator (listed in the evidence). One lost phone or mailbox then locks them all out, and whoever holds it can reset each of their passwords."),
            vec![
                if matches!(a.telephony, crate::cause::Telephony::Ended { .. }) {
                    s("Give each administrator their own alternate email outside the organization.")
                } else {
                    s("Give each administrator their own mobile number and their own alternate email.")
                },
                s("Where a shared number is a team phone, add a personal method to each account (Microsoft Authenticator or an OATH token)."),
            ],
        ),
        Cause::SmsRetirementExposure { by_date } => (
            {
                let total: usize = by_date.iter().map(|(_, n)| n).sum();
                fill!("{total} administrator(s) can no longer reset when Microsoft's SMS and voice end")
            },
            {
                let parts: Vec<String> = by_date.iter().filter(|(_, n)| *n > 0).map(|(d, n)| fill!("{n} on {d}")).collect();
                fill!("Without Microsoft-sent texts and calls, these accounts have too few methods left: {}. Microsoft stops sending SMS and voice on {SMS_RETIREMENT_ALL_USERS}, and on {SMS_RETIREMENT_GLOBAL_ADMINS} for Global Administrators and external users, unless the organization configures a telephony provider.", parts.join(", "))
            },
            vec![
                s("Filter the table by the finding sms_dependent, and have each of those accounts register a method that is not SMS or voice before its date."),
                provider_step(),
            ],
        ),
        Cause::LicenseRequired { known_user } => (
            s("Password reset is not enabled for you, or your licence does not include it"),
            fill!("{}\"Your administrator has not enabled you to use this feature\" means one of two things (Microsoft Learn, troubleshooting SSPR): self-service password reset is off for you (the organization's setting is None, or Selected and you are not in the group), or you have no licence that includes it (Microsoft 365 Business Standard or higher, or Microsoft Entra ID P1 or P2; for a password managed on-premises, Business Premium, P1 or P2).", if *known_user { "" } else { "If you are not an administrator: " }),
            vec![
                fill!("Ask your administrator to check both: {sspr_path} (Selected or All, with you in scope), and your licences ({LICENSING_URL})."),
                s("Meanwhile, ask them to reset your password: they can give you a temporary one."),
            ],
        ),
        Cause::EmailNotSignInName { domain } => (
            s("Check that you typed your sign-in name, not only your email address"),
            fill!("The reset page looks accounts up by their sign-in name (user principal name). If your email address at {domain} differs from your sign-in name, the page finds you by that address only when the organization allows email as an alternate login ID."),
            vec![
                s("Type the sign-in name exactly as you sign in to Microsoft 365 (shown in the admin center under the user's details)."),
                fill!("Administrators: to let people use their email address, turn on email as an alternate login ID ({EMAIL_SIGN_IN_URL})."),
            ],
        ),
        Cause::ContactUnreachable => (
            s("The reset page could not contact you"),
            fill!("When the page cannot reach the phone or address on file (a temporary service error, or contact data it cannot use), it shows \"Try again\" and \"Contact your administrator\" after {CONTACT_RETRY_SECONDS} seconds."),
            vec![
                fill!("Choose \"Try again\" once; do not repeat it: {THROTTLE_ATTEMPTS_PER_HOUR} attempts in one hour block reset for {THROTTLE_WAIT_HOURS} hours."),
                if a.sole_admin { s("\"Contact your administrator\" emails the organization's administrators, that is you: contact Microsoft support instead (see \"To reset the password today\").") } else { s("\"Contact your administrator\" sends your administrators an email asking them to reset your password.") },
                if matches!(a.telephony, crate::cause::Telephony::Ended { .. }) {
                    s("Have the contact data checked: the address outside the organization.")
                } else {
                    s("Have the contact data checked: the number as \"+country code number\", the address outside the organization.")
                },
            ],
        ),
        Cause::OnPremisesSyncPending => (
            s("The password was reset on-premises; the cloud is a few minutes behind"),
            s("The reset page said the password was reset successfully, but must still be committed to the cloud (OnPremisesSuccessCloudFailure: a time-out, a cloud password policy or throttling). Your new password already works on-premises."),
            vec![
                s("Do not reset it again: wait a few minutes, then sign in to Microsoft 365 with the new password."),
                fill!("If it still fails after an hour, have {} look in the Application event log of the Microsoft Entra Connect server ({WRITEBACK_EVENT_SOURCES}; {WRITEBACK_TROUBLESHOOT_URL}).", fixer(a)),
            ],
        ),
        Cause::UserPolicyApplies => (
            s("Its roles are outside the administrator reset policy: the user policy applies"),
            s("Microsoft's administrator reset policy (two methods, no security questions) covers the roles Microsoft Learn lists; none of this account's roles is on that list (reader roles are not). The organization's password reset policy for users decides instead, and this file does not show it."),
            vec![
                fill!("Check the users' policy for this account: {sspr_path} (Selected or All, with the account in scope, and how many methods it requires)."),
                fill!("Give the account the methods that policy asks for ({info})."),
            ],
        ),
        Cause::GuestResetsAtHome { sign_in_sms_date } => (
            s("A guest from another organization: their password is reset there"),
            {
                let mut d = s("This is a B2B guest (#EXT# in the user name). Password reset follows the policy of the guest's home organization, not this one; a guest with a personal Microsoft account cannot use this password reset at all.");
                if let Some(date) = sign_in_sms_date {
                    d.push_str(&fill!(" Microsoft's texts and calls for the guest's sign-in here stop on {date}, the date for external users."));
                }
                d
            },
            vec![
                s("Ask the guest to check their methods with their own organization's administrator."),
                fill!("For sign-in here, have them register a method that is not SMS or voice ({SSPR_NON_TELEPHONY_METHODS_EN})."),
            ],
        ),
        Cause::PageMessageUnrecognized => (
            s("The reset page's message is not one we know"),
            s("If you contact support, give them the exact text and what comes with it."),
            vec![
                s("Copy the whole error text, or the code starting with SSPR_."),
                s("Open \"More details\" or \"Technical details\" at the bottom of the page and note the correlation ID, request ID and time."),
                s("Take a screenshot if you can."),
            ],
        ),
    };
    Texts { title, detail, steps, commands }
}

/// The cloud as a sentence names it.
fn cloud_name(c: crate::case::Cloud) -> &'static str {
    match c {
        crate::case::Cloud::Public => "The public cloud",
        crate::case::Cloud::UsGovernment => "Microsoft Entra for US Government (GCC High)",
        crate::case::Cloud::UsGovernmentDod => "Microsoft Entra for US Government (DoD)",
        crate::case::Cloud::China => "Microsoft Entra operated by 21Vianet",
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| std::iter::once(f.to_ascii_lowercase()).chain(c).collect()).unwrap_or_default()
}

pub fn resolution(id: ResolutionId, a: &Audience) -> Vec<String> {
    let your_admin = || {
        "If you are not an administrator: ask your organization's administrator (help desk) to reset your password. They can give you a new temporary password.".to_string()
    };
    let another_admin = || {
        if a.global_admin {
            fill!("If you are an administrator: ask another administrator to reset your password (Microsoft 365 admin center → Users → Active users → Reset password). A Global Administrator's password can be reset only by a {ROLE_GLOBAL_ADMIN_EN} or a {ROLE_PRIV_AUTH_ADMIN_EN}.")
        } else {
            fill!("If you are an administrator: ask another administrator to reset your password (Microsoft 365 admin center → Users → Active users → Reset password). A {ROLE_PRIV_AUTH_ADMIN_EN} or {ROLE_GLOBAL_ADMIN_EN} can reset any administrator's password.")
        }
    };
    let support = || {
        vec![
            fill!("If you are the only administrator: contact Microsoft support by phone ({SUPPORT_PHONE_URL}); more at {SUPPORT_URL}. Calling from a number not in your organization's profile, they send a verification code to the email or phone in that profile."),
            fill!("If no support request can be opened for the locked organization, Microsoft's moderators suggest opening it from another organization or a new trial one; support passes it to the Data Protection team, which checks that you own the organization ({SOLE_ADMIN_QA_URL})."),
            fill!("If you bought Microsoft 365 through a partner, the partner can reset the password if its delegated access includes the {ROLE_PRIV_AUTH_ADMIN_EN} or {ROLE_GLOBAL_ADMIN_EN} role ({GDAP_URL})."),
            "Have ready: the organization's domain (for example contoso.onmicrosoft.com), your user name, and proof of ownership they may ask for (such as adding a DNS record).".to_string(),
            fill!("Once back in, create two emergency access accounts so this cannot happen again ({EMERGENCY_ACCESS_URL})."),
        ]
    };
    let recovery = || {
        fill!("If every method is lost (a lost or replaced phone) and your organization turned on account recovery: choose \"Recover your account\" on the sign-in page. A verification provider from Microsoft Security Store checks your identity document and face (Verified ID Face Check), then you get a Temporary Access Pass to register new methods. It needs Microsoft Entra ID P1 and a Face Check licence ({ACCOUNT_RECOVERY_URL}).")
    };
    match id {
        ResolutionId::AskYourAdmin => vec![your_admin(), recovery()],
        ResolutionId::AskAnotherAdmin => vec![another_admin(), recovery()],
        ResolutionId::ContactSupport => support(),
        ResolutionId::Unknown => {
            let mut v = vec![your_admin(), another_admin()];
            v.extend(support());
            v.push(recovery());
            v
        }
    }
}

pub fn labels() -> Labels {
    Labels {
        report_title: "Result",
        headline_ok: "Nothing you entered explains it. What is left to check:",
        headline_not_ok: "Found what stops the message:",
        counts: "{blocking} blocking, {likely} likely, {check} to check",
        severity: BySeverity { blocking: "Blocking", likely: "Likely cause", check: "Check" },
        badge: BySeverity { blocking: "BLOCKING", likely: "LIKELY", check: "CHECK" },
        severity_group: BySeverity {
            blocking: "Blocking: this alone stops the message",
            likely: "Likely causes",
            check: "To check: we could not tell from your answers",
        },
        why: "What we saw",
        fix: "How to fix it",
        commands: "Commands",
        legacy_command: "Retired (MSOnline): do not use",
        evidence: "evidence:",
        resolution_title: "To reset the password today",
        resolution_title_unknown: "To reset the password today (whichever applies)",
        resolution: ByResolution {
            ask_your_admin: "Ask your administrator",
            ask_another_admin: "Ask another administrator",
            contact_support: "Contact Microsoft support",
            unknown: "Whichever applies to you",
        },
        phone_types: ByPhoneType {
            mobile: "mobile",
            fixed_line: "landline",
            fixed_line_or_mobile: "landline or mobile",
            voip: "internet (VoIP)",
            toll_free: "toll-free",
            premium_rate: "premium rate",
            shared_cost: "shared cost",
            personal_number: "personal number",
            pager: "paging",
            uan: "company number",
            voicemail: "voicemail",
            unknown: "type unknown",
        },
        phone_ok: "✓ A valid mobile number, written as Microsoft expects.",
        email_ok: "✓ A valid address.",
        user_ok: "✓ A well-formed user name.",
        support_summary_title: "Summary for your help desk or Microsoft support",
        facts_checked: "Version {version}. Microsoft facts checked on {date}.",
        facts_stale: "This copy's Microsoft facts were checked on {date}, {days} days ago. Microsoft changes these rules every few months: some advice here may be out of date. Get a fresh copy from the page you saved it from.",
    }
}

pub fn summary() -> SummaryWords {
    SummaryWords {
        title: "SSPR Doctor: summary for support",
        intro: "Only what the person typed into SSPR Doctor is repeated here, marked \"as entered\"; nothing was checked in the tenant.",
        time: "Time",
        username: "User name (as entered)",
        symptom: "What did not arrive",
        symptom_email: "the reset email",
        symptom_sms: "the text message",
        symptom_both: "the email and the text message, or not sure",
        page_message: "Message on the reset page (as entered)",
        support_code: "Support code or correlation ID (as entered)",
        error_codes: "Error codes found",
        admin: "Administrator (as entered)",
        yes: "yes",
        no: "no",
        unknown: "not known",
        findings: "Findings",
        none: "none",
        tool: "SSPR Doctor",
    }
}
