//! A redactor applied to what a report holds: its accounts, findings and comparisons.

use super::{Redactor, MASK};

/// The user names of an audit, in lower case: a text's address that is one of them gets
/// its pseudonym.
pub struct Names(sspr_text::hash::Set<String>);

impl Names {
    pub fn of(a: &sspr_audit::Audit) -> Names {
        Names((0..a.len()).filter_map(|i| a.data(i)?.upn.as_deref().map(sspr_text::lower)).collect())
    }

    pub fn contains(&self, upn: &str) -> bool {
        self.0.contains(&sspr_text::lower(upn))
    }
}

impl Redactor {
    /// A finding with its words, evidence and everything they quote masked. Its commands are
    /// the facts' own examples, kept as they are (in its steps too).
    pub fn finding(&self, f: &mut sspr_model::report::Finding, names: &Names) {
        let upns = |u: &str| names.contains(u);
        f.title = self.text(&f.title, &upns);
        f.detail = self.text(&f.detail, &upns);
        let commands: Vec<String> = f.commands.iter().map(|c| c.text.clone()).filter(|c| !c.is_empty()).collect();
        for s in &mut f.steps {
            *s = self.text_around(s, &commands, &upns);
        }
        // A user name the rules kept as evidence is masked whole, with an @ or without one
        // (an invalid name has none for the free-text scrub to find).
        let names_key = |k: &str| matches!(k, "userPrincipalName" | "upn" | "username" | "signinname" | "userprincipalname");
        f.evidence = sspr_model::order::map(std::mem::take(&mut f.evidence).into_iter().map(|(k, v)| {
            let v = if names_key(&k) && !v.trim().is_empty() { self.upn(v.trim()) } else { self.text(&v, &upns) };
            (self.text(&k, &upns), v)
        }));
    }

    /// `text` scrubbed, except the `kept` strings in it.
    fn text_around(&self, text: &str, kept: &[String], upns: &dyn Fn(&str) -> bool) -> String {
        let found = kept.iter().filter_map(|k| text.find(k.as_str()).map(|at| (at, k))).min_by_key(|(at, _)| *at);
        match found {
            Some((at, k)) => format!("{}{}{}", self.text(&text[..at], upns), k, self.text_around(&text[at + k.len()..], kept, upns)),
            None => self.text(text, upns),
        }
    }

    /// An account of a report with its contact data masked; its verdicts, findings (by id and
    /// severity) and plan (by action) as they were.
    pub fn account(&self, a: &mut crate::report::Account, names: &Names) {
        let upns = |u: &str| names.contains(u);
        if let Some(u) = &a.upn {
            let p = self.upn(u);
            // A display name is most often the person's name: the pseudonym stands for it.
            a.display_name = a.display_name.as_ref().map(|_| p.split('@').next().unwrap_or_default().to_string());
            a.upn = Some(p);
        } else if a.display_name.is_some() {
            a.display_name = Some(MASK.into());
        }
        a.id = a.id.as_deref().map(|i| self.id(i));
        if let Some(p) = &mut a.phone {
            p.input = self.phone(&p.input);
            p.e164 = p.e164.as_deref().map(|n| self.phone(n));
        }
        if let Some(e) = &mut a.email {
            let mask = |v: &str| if upns(v) { self.upn(v) } else { self.email(v) };
            e.input = mask(&e.input);
            e.normalized = mask(&e.normalized);
            e.suggestion = e.suggestion.as_deref().map(mask);
        }
        for f in &mut a.findings {
            self.finding(f, names);
        }
        use sspr_model::plan::ActionDetail as D;
        for p in &mut a.plan {
            match &mut p.action.detail {
                D::FixPhone { from, to, .. } => {
                    *from = self.phone(from);
                    *to = self.phone(to);
                }
                D::AddPhone { to, .. } => *to = self.phone(to),
                D::AddEmail { to } => *to = self.email(to),
                _ => {}
            }
            p.text = self.text(&p.text, &upns);
        }
    }
}

impl Redactor {
    /// A comparison with its accounts' user names, display names and ids masked (`names`:
    /// the user names of both sides).
    pub fn diff(&self, d: &mut crate::diff::AuditDiff, names: &dyn Fn(&str) -> bool) {
        for a in &mut d.accounts {
            if let Some(u) = &a.upn {
                let p = self.upn(u);
                a.display_name = a.display_name.as_ref().map(|_| p.split('@').next().unwrap_or_default().to_string());
                a.upn = Some(p);
            } else if a.display_name.is_some() {
                a.display_name = Some(MASK.into());
            }
            a.id = a.id.as_deref().map(|i| self.id(i));
        }
        for w in &mut d.warnings {
            w.message = self.text(&w.message, names);
        }
        for s in d.old.sources.iter_mut().chain(&mut d.new.sources) {
            s.name = s.name.as_deref().map(|n| self.name(n, names));
        }
    }
}

#[cfg(test)]
mod tests {
    use sspr_model::report::{Channel, Finding, FindingId, Severity};

    #[test]
    fn a_user_name_kept_as_evidence_is_masked_with_or_without_its_at() {
        let r = super::super::Redactor::new(5);
        let names = super::Names(Default::default());
        for upn in ["taro.yamada", "taro.yamada@contoso.com"] {
            let mut f = Finding {
                id: FindingId::UsernameInvalid,
                severity: Severity::Check,
                channel: Channel::Both,
                title: String::new(),
                detail: String::new(),
                steps: Vec::new(),
                evidence: [("userPrincipalName".to_string(), upn.to_string())].into_iter().collect(),
                commands: Vec::new(),
            };
            r.finding(&mut f, &names);
            let shown = f.evidence.values().cloned().collect::<Vec<_>>().join(" ");
            assert!(!shown.contains("taro") && !shown.contains("yamada") && shown.starts_with("user-"), "{upn}: {shown}");
        }
    }
}
