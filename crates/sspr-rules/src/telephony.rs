//! Whether texts and calls still reach this reader (`Telephony`), decided once for every
//! text that lists the methods to use instead.

use crate::case::Cloud;
use crate::cause::Telephony;
use crate::facts::{self, Date};

/// Texts and calls have ended on `today` for an account, unless the organization has its own
/// provider (`telecom_provider: Some(true)`; not knowing counts as none). The date that
/// applies: Global Administrators' when the account is known to be one, everyone else's
/// otherwise (the stricter: an account of unknown role may be on the earlier date). Outside
/// the public cloud Microsoft has given no date, so they have not ended.
pub fn telephony(today: Option<Date>, cloud: Cloud, global_admin: Option<bool>, telecom_provider: Option<bool>) -> Telephony {
    if telecom_provider == Some(true) {
        return Telephony::Offered;
    }
    let (Some(today), Some((all, ga))) = (today, facts::sms_retirement(cloud)) else { return Telephony::Offered };
    let date = if global_admin == Some(true) { ga } else { all };
    if today >= date {
        Telephony::Ended { date }
    } else {
        Telephony::Offered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_that_applies() {
        let d = |s| Date::parse(s);
        let t = |today, ga, provider| telephony(d(today), Cloud::Public, ga, provider);
        assert_eq!(t("2027-01-31", None, None), Telephony::Offered);
        assert_eq!(t("2027-02-01", None, None), Telephony::Ended { date: facts::SMS_RETIREMENT_ALL_USERS });
        assert_eq!(t("2027-02-01", Some(true), None), Telephony::Offered);
        assert_eq!(t("2027-07-01", Some(true), Some(false)), Telephony::Ended { date: facts::SMS_RETIREMENT_GLOBAL_ADMINS });
        assert_eq!(t("2027-08-01", None, Some(true)), Telephony::Offered);
        for c in [Cloud::UsGovernment, Cloud::UsGovernmentDod, Cloud::China] {
            assert_eq!(telephony(d("2030-01-01"), c, None, None), Telephony::Offered);
        }
        assert_eq!(telephony(None, Cloud::Public, None, None), Telephony::Offered);
    }
}
